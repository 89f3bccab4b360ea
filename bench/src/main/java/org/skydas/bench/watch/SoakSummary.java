package org.skydas.bench.watch;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The figures a soak is judged by, from its rows. */
final class SoakSummary {

    private SoakSummary() {
    }

    static String of(List<Map<String, Double>> rows, int rate) {
        Map<String, Double> last = rows.get(rows.size() - 1);
        double end = last.get("t_s");
        StringBuilder sb = new StringBuilder();
        Map<String, Double> at30 = at(rows, end - 1_800);
        sb.append(String.format(Locale.ROOT, "disk: data dir %.0f MB at %.0f s, %.0f MB at the end: %+.1f %% over the last "
                        + "%.0f min%n", at30.get("data_dir_mb"), at30.get("t_s"), last.get("data_dir_mb"),
                100 * (last.get("data_dir_mb") / at30.get("data_dir_mb") - 1), (end - at30.get("t_s")) / 60));
        sb.append(String.format(Locale.ROOT, "wal: largest sampled %.1f MB, restarts %.0f%n",
                rows.stream().mapToDouble(r -> r.get("wal_mb")).max().orElse(0), last.get("wal_restarts")));
        Map<String, Double> first = at(rows, Math.min(300, end / 2));
        sb.append(String.format(Locale.ROOT, "memory: rss %.0f MB at %.0f s -> %.0f MB at the end; heap after GC %.0f -> "
                        + "%.0f MB (max %.0f)%n", first.get("rss_mb"), first.get("t_s"), last.get("rss_mb"),
                first.get("heap_after_gc_mb"), last.get("heap_after_gc_mb"),
                rows.stream().mapToDouble(r -> r.get("heap_after_gc_mb")).max().orElse(0)));
        sb.append(String.format(Locale.ROOT, "alerts held in memory: %.0f at %.0f s -> %.0f at the end (max %.0f); "
                        + "tracks %.0f -> %.0f%n", first.get("alerts_in_memory"), first.get("t_s"),
                last.get("alerts_in_memory"), rows.stream().mapToDouble(r -> r.get("alerts_in_memory")).max().orElse(0),
                first.get("tracks"), last.get("tracks")));
        double lost = last.get("sent") - last.get("processed") - last.get("refused");
        sb.append(String.format(Locale.ROOT, "sent %.0f, processed %.0f, shed %.0f, refused %.0f, dropped by listeners %.0f, "
                        + "sent but not processed %.0f%n", last.get("sent"), last.get("processed"), last.get("shed"),
                last.get("refused"), last.get("listener_dropped"), lost));
        sb.append(String.format(Locale.ROOT, "latency first 5 min: %s; last 5 min: %s%n",
                window(rows, 0, Math.min(300, end)), window(rows, Math.max(0, end - 300), end)));
        double bpd = last.get("db_bytes_per_retained");
        sb.append(String.format(Locale.ROOT, "database bytes per retained detection: %.1f; 7 days at %d/s: %.0f GB "
                + "(+ WAL <= %.0f MB)%n", bpd, rate, bpd * rate * 7 * 86_400 / 1e9,
                rows.stream().mapToDouble(r -> r.get("wal_mb")).max().orElse(0)));
        sb.append(String.format(Locale.ROOT, "load average (1 min): mean %.1f, max %.1f%n",
                rows.stream().mapToDouble(r -> r.get("load1")).average().orElse(0),
                rows.stream().mapToDouble(r -> r.get("load1")).max().orElse(0)));
        return sb.toString();
    }

    /** The row sampled closest to {@code t} s. */
    private static Map<String, Double> at(List<Map<String, Double>> rows, double t) {
        Map<String, Double> best = rows.get(0);
        for (Map<String, Double> r : rows) {
            if (Math.abs(r.get("t_s") - t) < Math.abs(best.get("t_s") - t)) {
                best = r;
            }
        }
        return best;
    }

    private static String window(List<Map<String, Double>> rows, double from, double to) {
        TreeMap<Double, Double> a = Row.buckets(at(rows, from));
        TreeMap<Double, Double> b = Row.buckets(at(rows, to));
        if (from <= 0) {
            a = new TreeMap<>();
        }
        TreeMap<Double, Double> w = new TreeMap<>();
        TreeMap<Double, Double> base = a;
        b.forEach((le, n) -> w.put(le, n - base.getOrDefault(le, 0.0)));
        double count = w.isEmpty() ? 0 : w.lastEntry().getValue();
        return String.format(Locale.ROOT, "%.0f alerts, p50 %.0f ms, p95 %.0f ms, p99 %.0f ms", count,
                Row.percentileMs(w, 0.5), Row.percentileMs(w, 0.95), Row.percentileMs(w, 0.99));
    }
}
