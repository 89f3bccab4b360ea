package org.skydas.bench.ingest.asterix;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Companion of {@link Cat048DecodeBenchmark} for shared, overloaded machines: the same two workloads, scored in
 * records per second of this thread's CPU time (time slices given to other processes do not count), best of
 * 30 windows of 100 ms after 3 s of warm-up. On an idle core it matches the JMH score.
 *
 * <p>Run: {@code java -cp "bench/target/skydas-bench.jar:bench/target/lib/*"
 * org.skydas.bench.ingest.asterix.Cat048CpuThroughput}
 */
public final class Cat048CpuThroughput {

    private Cat048CpuThroughput() {
    }

    public static void main(String[] args) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Cat048DecodeBenchmark b = new Cat048DecodeBenchmark();
        b.setup();
        long sink = 0;
        for (String mode : new String[] {"walk", "walkAndReadPlot"}) {
            double bestWall = 0;
            double bestCpu = 0;
            for (int w = 0; w < 60; w++) {
                long t0 = System.nanoTime();
                long c0 = cpu.getCurrentThreadCpuTime();
                long n = 0;
                while (System.nanoTime() - t0 < 100_000_000L) {
                    sink += mode.equals("walk") ? b.walk() : b.walkAndReadPlot();
                    n += Cat048DecodeBenchmark.RECORDS;
                }
                if (w >= 30) { // the first 3 s warm the JIT up
                    bestWall = Math.max(bestWall, n / ((System.nanoTime() - t0) / 1e9));
                    bestCpu = Math.max(bestCpu, n / ((cpu.getCurrentThreadCpuTime() - c0) / 1e9));
                }
            }
            System.out.printf("%-16s %6.2f M records per CPU-second, %6.2f M records/s wall clock (best 100 ms window)%n",
                    mode, bestCpu / 1e6, bestWall / 1e6);
        }
        if (sink == 42) {
            System.out.println();
        }
    }
}
