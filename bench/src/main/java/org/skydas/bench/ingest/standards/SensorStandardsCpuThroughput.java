package org.skydas.bench.ingest.standards;

import java.time.Instant;

import static org.skydas.bench.ingest.cot.CpuThroughput.report;

/**
 * The inputs of {@link SensorStandardsDecodeBenchmark} per CPU-second of the measuring thread, for a machine shared
 * with other work (JMH's wall-clock scores swing with the load): 10 rounds, the first 3 warm-up, the median of the
 * rest printed with min and max.
 *
 * <p>Run: {@code java -cp bench/target/skydas-bench.jar:bench/target/lib/* org.skydas.bench.ingest.standards.SensorStandardsCpuThroughput}
 */
public final class SensorStandardsCpuThroughput {

    static long sink;

    private SensorStandardsCpuThroughput() {
    }

    public static void main(String[] args) throws Exception {
        SensorStandardsDecodeBenchmark b = new SensorStandardsDecodeBenchmark();
        b.setUp();
        report("SAPIENT typical DetectionReport (" + b.typical.length + " B), parse + validate in a session", () -> {
            for (int i = 0; i < 50_000; i++) {
                sink += b.session.handle(b.typical, Instant.EPOCH).replies().size();
            }
            return 50_000;
        });
        report("  of which parse only", () -> {
            for (int i = 0; i < 50_000; i++) {
                sink += org.skydas.ingest.sapient.SapientCodec.parse(b.typical).getSerializedSize();
            }
            return 50_000;
        });
        org.skydas.ingest.sapient.SapientCodec codec = new org.skydas.ingest.sapient.SapientCodec();
        report("  of which validate only (the wire bytes)", () -> {
            for (int i = 0; i < 50_000; i++) {
                sink += codec.wireProblems(b.typical).size();
            }
            return 50_000;
        });
        report("SAPIENT simulator default DetectionReport (" + b.full.length + " B), parse + validate", () -> {
            for (int i = 0; i < 10_000; i++) {
                sink += b.session.handle(b.full, Instant.EPOCH).replies().size();
            }
            return 10_000;
        });
        report("STANAG 4607 target reports (dwell of " + SensorStandardsDecodeBenchmark.TARGETS + ")", () -> {
            for (int i = 0; i < 200; i++) {
                sink += b.gmti.decode(b.dwellPacket, 0, b.dwellPacket.length, null).segments().size();
            }
            return 200 * SensorStandardsDecodeBenchmark.TARGETS;
        });
        System.out.println("(checksum " + sink + ")");
    }
}
