package org.skydas.bench.ingest.remoteid;

import java.util.List;
import java.util.Random;

import org.skydas.bench.ingest.tak.FuzzStats;
import org.skydas.bench.ingest.tak.Mutator;
import org.skydas.ingest.DecodeException;
import org.skydas.ingest.pcap.CapturedPacket;
import org.skydas.ingest.remoteid.OdidDecoder;
import org.skydas.ingest.remoteid.OdidPayload;
import org.skydas.ingest.remoteid.OdidTransport;

/**
 * Fuzz run of the Open Drone ID decoder (N mutated payloads) and of the transport layer (N mutated
 * captured frames: radiotap beacons, NAN action frames, Nordic BLE). Any exception other than
 * DecodeException is a failure (exit code 1).
 *
 * <p>Run: {@code java -cp bench/target/skydas-bench.jar:bench/target/lib/* org.skydas.bench.ingest.remoteid.RemoteIdFuzz [count=1000000] [seed=1]}
 */
public final class RemoteIdFuzz {

    private RemoteIdFuzz() {
    }

    public static void main(String[] args) {
        long count = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1L;
        List<byte[]> payloads = RemoteIdSamples.payloads();
        List<CapturedPacket> frames = RemoteIdSamples.frames();
        OdidDecoder decoder = new OdidDecoder();
        Random rnd = new Random(seed);

        FuzzStats d = new FuzzStats("Remote ID message/pack");
        for (long i = 0; i < count; i++) {
            byte[] in = Mutator.mutate(payloads.get(rnd.nextInt(payloads.size())), rnd);
            d.begin(in);
            try {
                decoder.decode(in);
                d.end(in, true);
            } catch (DecodeException e) {
                d.end(in, false);
            } catch (RuntimeException | Error e) {
                d.failure(in, e);
            }
        }
        d.report();

        FuzzStats t = new FuzzStats("Remote ID transport (802.11/NAN/BLE frames)");
        for (long i = 0; i < count; i++) {
            CapturedPacket f = frames.get(rnd.nextInt(frames.size()));
            byte[] in = Mutator.mutate(f.data(), rnd);
            t.begin(in);
            try {
                boolean ok = true;
                for (OdidPayload p : OdidTransport.fromCapturedPacket(new CapturedPacket(0, f.linkType(), 0, in.length, in))) {
                    try {
                        decoder.decode(p.payload());
                    } catch (DecodeException e) {
                        ok = false;
                    }
                }
                t.end(in, ok);
            } catch (RuntimeException | Error e) {
                t.failure(in, e);
            }
        }
        t.report();
        if (d.failures() + t.failures() > 0) {
            System.exit(1);
        }
    }
}
