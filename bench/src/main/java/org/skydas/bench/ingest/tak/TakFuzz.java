package org.skydas.bench.ingest.tak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.skydas.ingest.DecodeException;
import org.skydas.ingest.cot.CotXmlParser;
import org.skydas.ingest.tak.TakMeshFramer;
import org.skydas.ingest.tak.TakMessageCodec;
import org.skydas.ingest.tak.TakStreamFramer;

/**
 * Fuzz run of the TAK v1 payload decoder, the stream framer and the mesh framer: N mutated inputs each,
 * seeded with the takproto payload and the TAK encodings of every CoT sample. Any exception other than
 * DecodeException is a failure (exit code 1).
 *
 * <p>Run: {@code java -cp bench/target/skydas-bench.jar:bench/target/lib/* org.skydas.bench.ingest.tak.TakFuzz [count=1000000] [seed=1]}
 */
public final class TakFuzz {

    private TakFuzz() {
    }

    public static void main(String[] args) throws Exception {
        long count = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1L;
        List<byte[]> payloads = payloads();
        TakMessageCodec codec = new TakMessageCodec();
        TakMeshFramer mesh = new TakMeshFramer();
        Random rnd = new Random(seed);

        FuzzStats p = new FuzzStats("TAK v1 payload");
        for (long i = 0; i < count; i++) {
            byte[] in = Mutator.mutate(payloads.get(rnd.nextInt(payloads.size())), rnd);
            p.begin(in);
            try {
                codec.decode(in);
                p.end(in, true);
            } catch (DecodeException e) {
                p.end(in, false);
            } catch (RuntimeException | Error e) {
                p.failure(in, e);
            }
        }
        p.report();

        FuzzStats m = new FuzzStats("TAK v1 mesh frame");
        for (long i = 0; i < count; i++) {
            byte[] in = Mutator.mutate(TakMeshFramer.frame(1, payloads.get(rnd.nextInt(payloads.size()))), rnd);
            m.begin(in);
            try {
                mesh.decode(in);
                m.end(in, true);
            } catch (DecodeException e) {
                m.end(in, false);
            } catch (RuntimeException | Error e) {
                m.failure(in, e);
            }
        }
        m.report();

        FuzzStats s = new FuzzStats("TAK v1 stream (3 frames, random chunks)");
        for (long i = 0; i < count; i++) {
            java.io.ByteArrayOutputStream os = new java.io.ByteArrayOutputStream();
            for (int k = 0; k < 3; k++) {
                os.writeBytes(TakStreamFramer.frame(payloads.get(rnd.nextInt(payloads.size()))));
            }
            byte[] in = Mutator.mutate(os.toByteArray(), rnd);
            int chunk = 1 + rnd.nextInt(512);
            s.begin(in);
            try {
                TakStreamFramer framer = new TakStreamFramer(64 * 1024);
                boolean[] allOk = {true};
                for (int off = 0; off < in.length; off += chunk) {
                    framer.feed(in, off, Math.min(chunk, in.length - off), (b, o, l) -> {
                        try {
                            codec.decode(b, o, l);
                        } catch (DecodeException e) {
                            allOk[0] = false;
                        }
                    });
                }
                s.end(in, allOk[0] && framer.pendingBytes() == 0);
            } catch (DecodeException e) {
                s.end(in, false);
            } catch (RuntimeException | Error e) {
                s.failure(in, e);
            }
        }
        s.report();
        if (p.failures() + m.failures() + s.failures() > 0) {
            System.exit(1);
        }
    }

    public static List<byte[]> payloads() throws DecodeException {
        List<byte[]> out = new ArrayList<>();
        byte[] mesh = IngestSamples.bytes("data/protocols/cot-tak/samples/takproto/takproto_v1_mesh.bin");
        out.add(Arrays.copyOfRange(mesh, 3, mesh.length));
        CotXmlParser parser = new CotXmlParser();
        TakMessageCodec codec = new TakMessageCodec();
        for (byte[] xml : IngestSamples.cotSamples()) {
            out.add(codec.encode(parser.parse(xml)));
        }
        return out;
    }
}
