package org.skydas.server.pipeline;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last {@code capacity} latency samples (ms) and their percentiles, and counts since the start in fixed buckets (a
 * Prometheus histogram: a scraper gets the percentiles of any window from two scrapes); bounded memory, thread-safe.
 */
final class LatencyReservoir {

    /** Upper bounds of the histogram's buckets, ms. */
    static final long[] BUCKETS_MS = {5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000};

    private final long[] samples;
    private final long[] buckets = new long[BUCKETS_MS.length];
    private long count;

    LatencyReservoir(int capacity) {
        samples = new long[capacity];
    }

    synchronized void add(long millis) {
        samples[(int) (count % samples.length)] = millis;
        count++;
        for (int i = 0; i < BUCKETS_MS.length; i++) {
            if (millis <= BUCKETS_MS[i]) {
                buckets[i]++;
                break;
            }
        }
    }

    /** Cumulative counts: bucket upper bound (ms, then "+Inf") to samples at or below it, since the start. */
    synchronized Map<String, Long> buckets() {
        Map<String, Long> m = new LinkedHashMap<>();
        long sum = 0;
        for (int i = 0; i < BUCKETS_MS.length; i++) {
            sum += buckets[i];
            m.put(Long.toString(BUCKETS_MS[i]), sum);
        }
        m.put("+Inf", count);
        return m;
    }

    synchronized Map<String, Object> summary() {
        int n = (int) Math.min(count, samples.length);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count);
        if (n == 0) {
            return m;
        }
        long[] s = Arrays.copyOf(samples, n);
        Arrays.sort(s);
        m.put("p50", s[(int) Math.floor(0.50 * (n - 1))]);
        m.put("p99", s[(int) Math.floor(0.99 * (n - 1))]);
        m.put("max", s[n - 1]);
        return m;
    }
}
