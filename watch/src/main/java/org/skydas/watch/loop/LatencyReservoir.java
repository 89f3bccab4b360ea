package org.skydas.watch.loop;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The last {@code capacity} latency samples (ms) and their percentiles; bounded memory, thread-safe. */
final class LatencyReservoir {

    private final long[] samples;
    private long count;

    LatencyReservoir(int capacity) {
        samples = new long[capacity];
    }

    synchronized void add(long millis) {
        samples[(int) (count % samples.length)] = millis;
        count++;
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
