package org.skydas.bench.ingest.cot;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

import org.skydas.bench.ingest.tak.IngestSamples;
import org.skydas.bench.ingest.tak.TakFuzz;
import org.skydas.ingest.cot.CotXmlParser;
import org.skydas.ingest.tak.TakMessageCodec;

/**
 * Throughput per CPU-second of the measuring thread, for a machine shared with other work (where JMH's
 * wall-clock scores swing by 2–3× with the load): CoT position report, all CoT samples (and the slowest single sample), TAK v1 payloads.
 * Same inputs as {@link CotParseBenchmark} and {@code TakDecodeBenchmark}; 10 rounds, the first 3 are warm-up,
 * the median of the rest is printed.
 *
 * <p>Run: {@code java -cp bench/target/skydas-bench.jar:bench/target/lib/* org.skydas.bench.ingest.cot.CpuThroughput}
 */
public final class CpuThroughput {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuThroughput() {
    }

    @FunctionalInterface
    public interface Work {
        int run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        CotXmlParser parser = new CotXmlParser();
        byte[] pli = IngestSamples.bytes("data/protocols/cot-tak/samples/takserver-tests/atak_civ_3.12_sa_pli_a-f-G-U-C.xml");
        List<byte[]> samples = IngestSamples.cotSamples();
        TakMessageCodec codec = new TakMessageCodec();
        List<byte[]> payloads = TakFuzz.payloads();
        report("CoT XML position report (667 B)", () -> {
            for (int i = 0; i < 20_000; i++) {
                parser.parse(pli);
            }
            return 20_000;
        });
        report("CoT XML, 36 samples in turn", () -> {
            for (int k = 0; k < 500; k++) {
                for (byte[] s : samples) {
                    parser.parse(s);
                }
            }
            return 500 * samples.size();
        });
        slowestSample(parser, samples);
        report("TAK v1 payload decode, 37 payloads in turn", () -> {
            for (int k = 0; k < 5_000; k++) {
                for (byte[] p : payloads) {
                    codec.decode(p);
                }
            }
            return 5_000 * payloads.size();
        });
    }

    /** The goal holds for every event, not on average: the lowest per-sample median, and which sample it is. */
    private static void slowestSample(CotXmlParser parser, List<byte[]> samples) throws Exception {
        double slowest = Double.MAX_VALUE;
        int which = -1;
        for (int i = 0; i < samples.size(); i++) {
            byte[] s = samples.get(i);
            double rate = median(() -> {
                for (int k = 0; k < 2_000; k++) {
                    parser.parse(s);
                }
                return 2_000;
            });
            if (rate < slowest) {
                slowest = rate;
                which = i;
            }
        }
        String head = new String(samples.get(which), java.nio.charset.StandardCharsets.UTF_8);
        int uid = head.indexOf("uid=");
        System.out.printf("CoT XML, slowest single sample (%d B, %s): median %.0f per CPU-second%n", samples.get(which).length,
                uid < 0 ? "?" : head.substring(uid, Math.min(head.length(), uid + 20)), slowest);
    }

    private static double median(Work work) throws Exception {
        double[] rates = new double[10];
        for (int round = 0; round < rates.length; round++) {
            long t = THREADS.getCurrentThreadCpuTime();
            int n = work.run();
            rates[round] = n / ((THREADS.getCurrentThreadCpuTime() - t) / 1e9);
        }
        double[] measured = Arrays.copyOfRange(rates, 3, rates.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }

    public static void report(String name, Work work) throws Exception {
        double[] rates = new double[10];
        for (int round = 0; round < rates.length; round++) {
            long t = THREADS.getCurrentThreadCpuTime();
            int n = work.run();
            rates[round] = n / ((THREADS.getCurrentThreadCpuTime() - t) / 1e9);
        }
        double[] measured = Arrays.copyOfRange(rates, 3, rates.length);
        Arrays.sort(measured);
        System.out.printf("%s: median %.0f per CPU-second (min %.0f, max %.0f over %d rounds)%n", name,
                measured[measured.length / 2], measured[0], measured[measured.length - 1], measured.length);
    }
}
