package org.skydas.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * How long alerts take to reach the people who act on them, end to end, as histograms with fixed buckets (so that
 * they add up across scrapes and servers, as Prometheus histograms do). Every stage is timed from the same start:
 * the receipt (by a Skydas listener or the HTTP API) of the detection whose track update raised the alert.
 * <ul>
 *   <li>{@link Stage#COMMITTED}: the new alert is committed to the watch store (it exists, durably);</li>
 *   <li>{@link Stage#WEBSOCKET}: its message was written to a WebSocket subscriber's connection (once per
 *       subscriber: an operator's browser);</li>
 *   <li>{@link Stage#TAK}: its CoT marker was written to a TAK client's connection (once per client).</li>
 * </ul>
 * Only new alerts raised by a detection count (not acknowledgements, escalations or sensor-silence alerts, which
 * have no triggering detection). Thread-safe and lock-free: written from the pipeline, WebSocket and Netty threads.
 */
public final class AlertLatency {

    /** Where on the way to the operator an alert is timed. */
    public enum Stage {
        COMMITTED("committed"), WEBSOCKET("websocket_written"), TAK("tak_written");

        private final String wireName;

        Stage(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** Upper bounds of the buckets, ms (the last bucket, +Inf, is implied). */
    static final long[] BOUNDS_MS = {1, 2, 5, 10, 20, 50, 100, 150, 200, 250, 500, 1_000, 2_000, 5_000, 10_000};

    private static final class Histogram {
        final LongAdder[] buckets = new LongAdder[BOUNDS_MS.length + 1];
        final LongAdder count = new LongAdder();
        final LongAdder sum = new LongAdder();
        final AtomicLong max = new AtomicLong();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }
    }

    private final Histogram[] stages = new Histogram[Stage.values().length];

    public AlertLatency() {
        for (int i = 0; i < stages.length; i++) {
            stages[i] = new Histogram();
        }
    }

    /** One alert reached {@code stage} {@code millis} ms after its detection's receipt (negative: clock step, 0). */
    public void record(Stage stage, long millis) {
        long ms = Math.max(0, millis);
        Histogram h = stages[stage.ordinal()];
        int i = 0;
        while (i < BOUNDS_MS.length && ms > BOUNDS_MS[i]) {
            i++;
        }
        h.buckets[i].increment();
        h.count.increment();
        h.sum.add(ms);
        h.max.accumulateAndGet(ms, Math::max);
    }

    /** Alerts timed at {@code stage} so far. */
    public long count(Stage stage) {
        return stages[stage.ordinal()].count.sum();
    }

    /**
     * Per stage (by wire name): {@code count}, {@code sum_ms}, {@code max_ms}, {@code p50_ms}/{@code p90_ms}/
     * {@code p99_ms} estimated from the buckets as Prometheus' histogram_quantile does (linear within the bucket,
     * never above the maximum seen; the maximum in the +Inf bucket), and {@code buckets}: cumulative counts by upper bound {@code le_ms} ("+Inf"
     * last).
     */
    public Map<String, Object> snapshot() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Stage s : Stage.values()) {
            Histogram h = stages[s.ordinal()];
            long[] counts = new long[h.buckets.length];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = h.buckets[i].sum();
            }
            long total = 0;
            List<Map<String, Object>> cumulative = new ArrayList<>(counts.length);
            for (int i = 0; i < counts.length; i++) {
                total += counts[i];
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("le_ms", i < BOUNDS_MS.length ? (Object) BOUNDS_MS[i] : "+Inf");
                b.put("count", total);
                cumulative.add(b);
            }
            long max = h.max.get();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("count", total);
            m.put("sum_ms", h.sum.sum());
            m.put("max_ms", total == 0 ? null : max);
            m.put("p50_ms", quantile(counts, total, max, 0.50));
            m.put("p90_ms", quantile(counts, total, max, 0.90));
            m.put("p99_ms", quantile(counts, total, max, 0.99));
            m.put("buckets", cumulative);
            out.put(s.wireName(), m);
        }
        return out;
    }

    /** The q-quantile from bucket counts, linear within its bucket, capped at the maximum; null when empty. */
    static Double quantile(long[] counts, long total, long max, double q) {
        if (total == 0) {
            return null;
        }
        double rank = q * total;
        long below = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && below + counts[i] >= rank) {
                double lower = i == 0 ? 0 : BOUNDS_MS[i - 1];
                if (i == BOUNDS_MS.length) {
                    return (double) max; // beyond the last bound only the largest is known
                }
                double upper = BOUNDS_MS[i];
                double v = lower + (upper - lower) * Math.max(0, rank - below) / counts[i];
                return Math.round(Math.min(v, max) * 10) / 10.0;
            }
            below += counts[i];
        }
        return (double) max;
    }
}
