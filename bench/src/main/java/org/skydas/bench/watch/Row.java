package org.skydas.bench.watch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One sample of a soak run: what the CSV holds, computed from a scrape of the server's metrics and the disk. */
final class Row {

    static final List<String> COLUMNS = List.of("t_s", "sent", "sent_per_s", "processed", "processed_per_s", "queued",
            "shed", "refused", "listener_dropped", "rss_mb", "heap_used_mb", "heap_after_gc_mb", "data_dir_mb", "db_mb",
            "wal_mb", "wal_restarts", "purged_detections", "retained_detections", "db_bytes_per_retained",
            "alerts_in_window", "latency_p50_ms", "latency_p95_ms", "latency_p99_ms", "load1", "tracks", "alerts_in_memory");
    /** Detection→alert (committed) latency histogram of the server's /api/metrics. */
    static final String BUCKET = "skydas_alert_latency_seconds_bucket{stage=\"committed\",le=\"";

    private Row() {
    }

    static Map<String, Double> of(double t, long sent, Map<String, Double> m, Map<String, Double> previous, long pid,
                                  Path dataDir) {
        Map<String, Double> r = new LinkedHashMap<>();
        double mb = 1 << 20;
        double dt = previous == null ? t : t - previous.getOrDefault("_t", 0.0);
        double processed = m.getOrDefault("skydas_pipeline_processed_total", 0.0);
        r.put("t_s", t);
        r.put("sent", (double) sent);
        r.put("sent_per_s", (sent - (previous == null ? 0 : previous.getOrDefault("_sent", 0.0))) / dt);
        r.put("processed", processed);
        r.put("processed_per_s", (processed - (previous == null ? 0
                : previous.getOrDefault("skydas_pipeline_processed_total", 0.0))) / dt);
        r.put("queued", m.getOrDefault("skydas_pipeline_queued", 0.0));
        r.put("shed", m.getOrDefault("skydas_pipeline_shed_total", 0.0));
        r.put("refused", m.getOrDefault("skydas_pipeline_refused_total", 0.0));
        r.put("listener_dropped", m.entrySet().stream().filter(e -> e.getKey().startsWith("skydas_ingest_dropped_total"))
                .mapToDouble(Map.Entry::getValue).sum());
        long rss = Soak.rssOf(pid);
        r.put("rss_mb", (rss > 0 ? rss : m.getOrDefault("skydas_process_resident_bytes", -1.0)) / mb);
        r.put("heap_used_mb", m.getOrDefault("skydas_jvm_heap_used_bytes", 0.0) / mb);
        r.put("heap_after_gc_mb", m.getOrDefault("skydas_jvm_heap_after_gc_bytes", 0.0) / mb);
        r.put("data_dir_mb", Soak.sizeOf(dataDir) / mb);
        double db = fileSize(dataDir.resolve("watch.db"));
        r.put("db_mb", db / mb);
        r.put("wal_mb", fileSize(dataDir.resolve("watch.db-wal")) / mb);
        r.put("wal_restarts", m.getOrDefault("skydas_storage_wal_restarts_total", 0.0));
        double purged = m.getOrDefault("skydas_retention_purged_detections_total", 0.0);
        r.put("purged_detections", purged);
        r.put("retained_detections", processed - purged);
        r.put("db_bytes_per_retained", processed - purged > 0 ? db / (processed - purged) : 0);
        TreeMap<Double, Double> now = buckets(m);
        TreeMap<Double, Double> before = previous == null ? new TreeMap<>() : buckets(previous);
        TreeMap<Double, Double> window = new TreeMap<>();
        now.forEach((le, n) -> window.put(le, n - before.getOrDefault(le, 0.0)));
        double count = window.isEmpty() ? 0 : window.lastEntry().getValue();
        r.put("alerts_in_window", count);
        r.put("latency_p50_ms", percentileMs(window, 0.50));
        r.put("latency_p95_ms", percentileMs(window, 0.95));
        r.put("latency_p99_ms", percentileMs(window, 0.99));
        r.put("load1", Soak.load1());
        r.put("tracks", m.getOrDefault("skydas_tracks", 0.0));
        r.put("alerts_in_memory", m.getOrDefault("skydas_alerts_in_memory", 0.0));
        now.forEach((le, n) -> r.put("_b" + le, n));
        m.put("_t", t);
        return r;
    }

    private static double fileSize(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** Cumulative histogram: upper bound (s; +Inf) → count, from metrics or from a row's hidden "_b" keys. */
    static TreeMap<Double, Double> buckets(Map<String, Double> m) {
        TreeMap<Double, Double> out = new TreeMap<>();
        m.forEach((k, v) -> {
            if (k.startsWith(BUCKET)) {
                String le = k.substring(BUCKET.length(), k.length() - 2);
                out.put(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le), v);
            } else if (k.startsWith("_b")) {
                out.put(Double.parseDouble(k.substring(2)), v);
            }
        });
        return out;
    }

    /** The q-quantile of a cumulative histogram, ms, interpolated within its bucket; NaN when it is empty. */
    static double percentileMs(TreeMap<Double, Double> cumulative, double q) {
        if (cumulative.isEmpty() || cumulative.lastEntry().getValue() <= 0) {
            return Double.NaN;
        }
        double target = q * cumulative.lastEntry().getValue();
        double lowerLe = 0;
        double lowerN = 0;
        for (var e : cumulative.entrySet()) {
            if (e.getValue() >= target) {
                if (Double.isInfinite(e.getKey())) {
                    return lowerLe * 1000; // beyond the last bound: at least that
                }
                double span = e.getValue() - lowerN;
                double frac = span <= 0 ? 1 : (target - lowerN) / span;
                return (lowerLe + frac * (e.getKey() - lowerLe)) * 1000;
            }
            lowerLe = e.getKey();
            lowerN = e.getValue();
        }
        return Double.NaN;
    }

    static String csv(Map<String, Double> r) {
        List<String> cells = new ArrayList<>();
        for (String c : COLUMNS) {
            double v = r.get(c);
            cells.add(Double.isNaN(v) ? "" : v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                    : String.format(Locale.ROOT, "%.2f", v));
        }
        return String.join(",", cells);
    }

    static String line(Map<String, Double> r) {
        return String.format(Locale.ROOT, "t=%.0fs sent/s=%.0f processed/s=%.0f queued=%.0f shed=%.0f rss=%.0fMB "
                        + "heap_after_gc=%.0fMB disk=%.0fMB wal=%.1fMB retained=%.0f B/det=%.1f alerts=%.0f p50=%.0fms "
                        + "p99=%.0fms load=%.1f tracks=%.0f alerts_held=%.0f",
                r.get("t_s"), r.get("sent_per_s"), r.get("processed_per_s"), r.get("queued"), r.get("shed"),
                r.get("rss_mb"), r.get("heap_after_gc_mb"), r.get("data_dir_mb"), r.get("wal_mb"),
                r.get("retained_detections"), r.get("db_bytes_per_retained"), r.get("alerts_in_window"),
                r.get("latency_p50_ms"), r.get("latency_p99_ms"), r.get("load1"), r.get("tracks"), r.get("alerts_in_memory"));
    }
}
