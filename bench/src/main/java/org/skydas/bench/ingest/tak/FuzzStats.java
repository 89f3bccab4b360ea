package org.skydas.bench.ingest.tak;

import java.lang.management.ManagementFactory;
import java.util.HexFormat;

/**
 * Bookkeeping of one fuzz run: inputs, clean rejections, uncaught exceptions (failures), the slowest
 * input after warm-up (an endless or quadratic loop would show) and the largest allocation per input
 * byte (a lying length that makes the decoder allocate would show).
 */
public final class FuzzStats {

    /** Inputs not measured: the first ones run interpreted and load classes. */
    public static final long WARMUP = 20_000;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final String name;
    private long inputs;
    private long bytes;
    private long accepted;
    private long rejected;
    private int failures;
    private long slowestNanos;
    private long slowestCpuNanos;
    private long c0;
    private long maxAllocated;
    private int maxAllocatedInput;
    private long startNanos = System.nanoTime();
    private long t0;
    private long a0;

    public FuzzStats(String name) {
        this.name = name;
    }

    public void begin(byte[] input) {
        inputs++;
        bytes += input.length;
        a0 = THREADS.getCurrentThreadAllocatedBytes();
        c0 = THREADS.getCurrentThreadCpuTime();
        t0 = System.nanoTime();
    }

    public void end(byte[] input, boolean ok) {
        long dt = System.nanoTime() - t0;
        long cpu = THREADS.getCurrentThreadCpuTime() - c0;
        long alloc = THREADS.getCurrentThreadAllocatedBytes() - a0;
        if (ok) {
            accepted++;
        } else {
            rejected++;
        }
        if (inputs > WARMUP) {
            slowestNanos = Math.max(slowestNanos, dt);
            slowestCpuNanos = Math.max(slowestCpuNanos, cpu);
            if (alloc > maxAllocated) {
                maxAllocated = alloc;
                maxAllocatedInput = input.length;
            }
        }
    }

    public void failure(byte[] input, Throwable t) {
        end(input, false);
        if (failures++ < 5) {
            System.out.println(name + " FAILURE on input " + inputs + ": " + HexFormat.of().formatHex(input));
            t.printStackTrace(System.out);
        }
    }

    public int failures() {
        return failures;
    }

    public void report() {
        System.out.printf("%s fuzz: %d inputs (%d bytes) in %.1f s: %d decoded, %d rejected with DecodeException, "
                        + "%d uncaught exceptions; slowest input after warm-up %.1f us wall-clock (GC pauses and other processes included), %.1f us CPU; largest allocation %d bytes for a %d-byte input%n",
                name, inputs, bytes, (System.nanoTime() - startNanos) / 1e9, accepted, rejected, failures,
                slowestNanos / 1e3, slowestCpuNanos / 1e3, maxAllocated, maxAllocatedInput);
    }
}
