package org.skydas.bench.ingest.cot;

import java.util.List;
import java.util.Random;

import org.skydas.bench.ingest.tak.FuzzStats;
import org.skydas.bench.ingest.tak.IngestSamples;
import org.skydas.bench.ingest.tak.Mutator;
import org.skydas.ingest.DecodeException;
import org.skydas.ingest.cot.CotStreamSplitter;
import org.skydas.ingest.cot.CotXmlParser;

/**
 * Fuzz run of the CoT XML parser (N mutated samples) and of the stream splitter fed mutated streams
 * of three events. Any exception other than DecodeException is a failure (exit code 1). A few inputs
 * carry a DOCTYPE with entities, which must be refused.
 *
 * <p>Run: {@code java -cp bench/target/skydas-bench.jar:bench/target/lib/* org.skydas.bench.ingest.cot.CotFuzz [count=1000000] [seed=1]}
 */
public final class CotFuzz {

    private CotFuzz() {
    }

    public static void main(String[] args) {
        long count = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1L;
        List<byte[]> seeds = new java.util.ArrayList<>(IngestSamples.cotSamples());
        seeds.add(("<!DOCTYPE event [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><event version=\"2.0\" uid=\"u\" type=\"a-f-G\" "
                + "how=\"m-g\" time=\"2024-01-01T00:00:00Z\" start=\"2024-01-01T00:00:00Z\" stale=\"2024-01-01T00:01:00Z\">"
                + "<point lat=\"1\" lon=\"2\" hae=\"0\" ce=\"1\" le=\"1\"/><detail><remarks>&x;</remarks></detail></event>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CotXmlParser parser = new CotXmlParser();
        Random rnd = new Random(seed);
        FuzzStats p = new FuzzStats("CoT XML event");
        long doctypeAccepted = 0;
        for (long i = 0; i < count; i++) {
            byte[] in = Mutator.mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
            p.begin(in);
            try {
                parser.parse(in);
                p.end(in, true);
                if (new String(in, java.nio.charset.StandardCharsets.ISO_8859_1).contains("<!DOCTYPE")) {
                    doctypeAccepted++;
                }
            } catch (DecodeException e) {
                p.end(in, false);
            } catch (RuntimeException | Error e) {
                p.failure(in, e);
            }
        }
        p.report();
        System.out.println("CoT XML event fuzz: inputs with a DOCTYPE that were accepted: " + doctypeAccepted);

        FuzzStats s = new FuzzStats("CoT XML stream splitter (3 events, random chunks)");
        long events = 0;
        for (long i = 0; i < count / 10; i++) {
            byte[] in = Mutator.mutate(concat(seeds.get(rnd.nextInt(seeds.size())), seeds.get(rnd.nextInt(seeds.size())),
                    seeds.get(rnd.nextInt(seeds.size()))), rnd);
            int chunk = 1 + rnd.nextInt(1024);
            s.begin(in);
            try {
                CotStreamSplitter splitter = new CotStreamSplitter(4096);
                long[] n = {0};
                for (int off = 0; off < in.length; off += chunk) {
                    splitter.feed(in, off, Math.min(chunk, in.length - off), ev -> n[0]++);
                }
                events += n[0];
                s.end(in, true);
            } catch (RuntimeException | Error e) {
                s.failure(in, e);
            }
        }
        s.report();
        System.out.println("CoT XML stream splitter: events split " + events);
        if (p.failures() + s.failures() > 0 || doctypeAccepted > 0) {
            System.exit(1);
        }
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream os = new java.io.ByteArrayOutputStream();
        for (byte[] b : parts) {
            os.writeBytes(b);
        }
        return os.toByteArray();
    }
}
