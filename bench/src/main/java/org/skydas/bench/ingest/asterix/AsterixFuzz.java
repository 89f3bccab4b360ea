package org.skydas.bench.ingest.asterix;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.skydas.ingest.DecodeException;
import org.skydas.ingest.asterix.AsterixDecoder;
import org.skydas.ingest.asterix.AsterixRecord;
import org.skydas.ingest.pcap.CaptureReader;
import org.skydas.ingest.pcap.CapturedPacket;
import org.skydas.ingest.pcap.UdpExtractor;

/**
 * Fuzz run of the ASTERIX decoder (and of the pcap/pcapng reader): N mutated sample inputs each (bit flips,
 * truncation, lying length fields, FX bits left set, insertions, deletions). Every record found is also rendered
 * to JSON. Any exception other than DecodeException is a failure; the slowest input is reported so an endless or
 * quadratic loop would show.
 *
 * <p>Run: {@code java -cp bench/target/skydas-bench.jar:bench/target/lib/* org.skydas.bench.ingest.asterix.AsterixFuzz
 * [count=1000000] [seed=1]}
 */
public final class AsterixFuzz {

    /** Inputs not timed: the first ones run interpreted and hit class loading and JIT compilation. */
    private static final long WARMUP = 20_000;

    /** Per-input thread CPU time, so other processes on a shared machine do not count as a slow input. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private AsterixFuzz() {
    }

    public static void main(String[] args) throws Exception {
        long count = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1L;
        int failures = fuzzAsterix(count, seed) + fuzzCaptures(count, seed);
        if (failures > 0) {
            System.exit(1);
        }
    }

    static int fuzzAsterix(long count, long seed) {
        List<byte[]> seeds = AsterixSamples.payloads();
        Random rnd = new Random(seed);
        AsterixDecoder decoder = new AsterixDecoder();
        StringBuilder sb = new StringBuilder(1024);
        long[] jsonChars = {0};
        AsterixDecoder.Listener listener = new AsterixDecoder.Listener() {
            @Override
            public void record(AsterixRecord r) {
                sb.setLength(0);
                jsonChars[0] += r.appendJson(sb).length();
            }
        };
        int failures = 0;
        long slowest = 0;
        long bytes = 0;
        long t0 = System.nanoTime();
        for (long i = 0; i < count; i++) {
            byte[] input = mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
            bytes += input.length;
            long s = CPU.getCurrentThreadCpuTime();
            try {
                decoder.decode(input, 0, input.length, listener);
            } catch (RuntimeException | Error e) {
                if (failures++ < 5) {
                    System.out.println("FAILURE on input " + i + " " + java.util.HexFormat.of().formatHex(input));
                    e.printStackTrace(System.out);
                }
            }
            if (i >= WARMUP) {
                slowest = Math.max(slowest, CPU.getCurrentThreadCpuTime() - s);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("ASTERIX fuzz: %d inputs (%d bytes) from %d seeds in %.1f s: %d records decoded and rendered "
                        + "(%d JSON chars), %d errors reported, %d uncaught exceptions, slowest input after JIT warm-up %.1f us CPU%n",
                count, bytes, seeds.size(), seconds, decoder.records(), jsonChars[0], decoder.errors(), failures,
                slowest / 1e3);
        return failures;
    }

    static int fuzzCaptures(long count, long seed) throws Exception {
        List<byte[]> files = new ArrayList<>();
        files.add(Files.readAllBytes(AsterixSamples.file(AsterixSamples.DIR + "croatiacontrol/sample_data/cat_062_065.pcap")));
        files.add(Files.readAllBytes(AsterixSamples.file(AsterixSamples.DIR + "croatiacontrol/sample_data/cat_001_002.pcap")));
        // First 2 kB of the larger captures keep one input small, so 10^6 of them take minutes, not hours.
        files.add(Arrays.copyOf(Files.readAllBytes(AsterixSamples.file(AsterixSamples.DIR
                + "croatiacontrol/sample_data/cat_034_048.pcap")), 2048));
        files.add(Arrays.copyOf(Files.readAllBytes(AsterixSamples.file(
                "data/protocols/remoteid/captures/odid_bt5_lr_sample.pcapng")), 2048));
        files.add(Arrays.copyOf(Files.readAllBytes(AsterixSamples.file(
                "data/protocols/remoteid/captures/odid_wifi_sample.pcap")), 2048));
        Random rnd = new Random(seed);
        int failures = 0;
        long decodeExceptions = 0;
        long packets = 0;
        long datagrams = 0;
        long slowest = 0;
        long t0 = System.nanoTime();
        for (long i = 0; i < count; i++) {
            byte[] input = mutate(files.get(rnd.nextInt(files.size())), rnd);
            long s = CPU.getCurrentThreadCpuTime();
            try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(input))) {
                CapturedPacket p;
                while ((p = r.next()) != null) {
                    packets++;
                    if (UdpExtractor.extract(p) != null) {
                        datagrams++;
                    }
                }
            } catch (DecodeException e) {
                decodeExceptions++;
            } catch (RuntimeException | Error e) {
                if (failures++ < 5) {
                    System.out.println("FAILURE on capture input " + i);
                    e.printStackTrace(System.out);
                }
            }
            if (i >= WARMUP) {
                slowest = Math.max(slowest, CPU.getCurrentThreadCpuTime() - s);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("pcap/pcapng fuzz: %d inputs in %.1f s: %d frames, %d UDP datagrams, %d DecodeExceptions, "
                + "%d uncaught exceptions, slowest input after JIT warm-up %.1f us CPU%n", count, seconds, packets, datagrams,
                decodeExceptions, failures, slowest / 1e3);
        return failures;
    }

    /** Same mutation kinds as the unit test's Mutator. */
    static byte[] mutate(byte[] seed, Random rnd) {
        byte[] b = seed.clone();
        int rounds = 1 + rnd.nextInt(4);
        for (int i = 0; i < rounds && b.length > 0; i++) {
            switch (rnd.nextInt(7)) {
                case 0 -> b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                case 1 -> b = Arrays.copyOf(b, rnd.nextInt(b.length + 1));
                case 2 -> {
                    int p = rnd.nextBoolean() ? 0 : rnd.nextInt(b.length);
                    if (p + 2 < b.length) {
                        int len = rnd.nextInt(4) == 0 ? 0xFFFF : rnd.nextInt(b.length + 8);
                        b[p + 1] = (byte) (len >>> 8);
                        b[p + 2] = (byte) len;
                    }
                }
                case 3 -> b[rnd.nextInt(b.length)] = (byte) (rnd.nextBoolean() ? 0xFF : rnd.nextInt(256));
                case 4 -> b[rnd.nextInt(b.length)] |= 1;
                case 5 -> {
                    int p = rnd.nextInt(b.length + 1);
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, p);
                    c[p] = (byte) rnd.nextInt(256);
                    System.arraycopy(b, p, c, p + 1, b.length - p);
                    b = c;
                }
                default -> {
                    int p = rnd.nextInt(b.length);
                    byte[] c = new byte[b.length - 1];
                    System.arraycopy(b, 0, c, 0, p);
                    System.arraycopy(b, p + 1, c, p, b.length - p - 1);
                    b = c;
                }
            }
        }
        return b;
    }
}
