package org.skydas.server;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.skydas.ingest.listen.ListenerStats;

/**
 * The ingest and pipeline counters in the Prometheus text exposition format (version 0.0.4), so that a
 * monitoring system can scrape {@code GET /api/metrics} with the same bearer token an operator uses. Counter
 * names end in {@code _total}; label values are escaped as the format requires.
 */
final class PrometheusText {

    private final StringBuilder out = new StringBuilder(4096);

    private PrometheusText() {
    }

    static String render(List<ListenerStats> listeners, Map<String, Object> pipeline) {
        return render(listeners, pipeline, List.of());
    }

    static String render(List<ListenerStats> listeners, Map<String, Object> pipeline,
                         List<org.skydas.server.ops.Metric> more) {
        PrometheusText p = new PrometheusText();
        p.help("skydas_ingest_received_total", "counter", "Messages received per listener.");
        listeners.forEach(l -> p.sample("skydas_ingest_received_total", l.receivedCount(), "listener", l.name()));
        p.help("skydas_ingest_decoded_total", "counter", "Messages decoded per listener.");
        listeners.forEach(l -> p.sample("skydas_ingest_decoded_total", l.decodedCount(), "listener", l.name()));
        p.help("skydas_ingest_dropped_total", "counter", "Messages dropped by backpressure per listener.");
        listeners.forEach(l -> p.sample("skydas_ingest_dropped_total", l.droppedCount(), "listener", l.name()));
        p.help("skydas_ingest_malformed_total", "counter", "Malformed messages per listener and reason.");
        listeners.forEach(l -> l.malformedByReason().forEach((reason, n) ->
                p.sample("skydas_ingest_malformed_total", n, "listener", l.name(), "reason", reason)));

        p.gauge("skydas_pipeline_queued", "Messages waiting for the pipeline.", pipeline.get("queued"));
        p.counter("skydas_pipeline_processed_total", "Messages the pipeline processed.", pipeline.get("processed"));
        p.counter("skydas_pipeline_shed_total", "Oldest messages shed because the pipeline queue was full.",
                pipeline.get("shed_oldest"));
        p.gauge("skydas_tracks", "Tracks currently reported.", pipeline.get("tracks"));
        p.counter("skydas_pipeline_refused_journal_unavailable_total",
                "Messages refused because the detections journal could not be written.",
                pipeline.get("refused_journal_unavailable"));
        p.gauge("skydas_journal_writable", "1 while the detections journal can be written, 0 while nothing is accepted.",
                pipeline.get("journal_error") == null ? 1 : 0);
        if (pipeline.get("tracker_rejects") instanceof Map<?, ?> rejects) {
            p.help("skydas_tracker_rejects_total", "counter", "Detections the tracker refused, by reason.");
            rejects.forEach((reason, n) -> p.sample("skydas_tracker_rejects_total", number(n), "reason",
                    String.valueOf(reason).toLowerCase(Locale.ROOT)));
        }
        if (pipeline.get("detection_to_alert_ms") instanceof Map<?, ?> latency) {
            p.help("skydas_detection_to_alert_seconds", "summary",
                    "From a detection's receipt to its alert committed (recent samples).");
            for (String q : List.of("p50", "p99")) {
                if (latency.get(q) != null) {
                    p.sample("skydas_detection_to_alert_seconds", number(latency.get(q)) / 1000.0, "quantile",
                            q.equals("p50") ? "0.5" : "0.99");
                }
            }
            p.sample("skydas_detection_to_alert_seconds_count", number(latency.get("count")));
        }
        if (pipeline.get("alert_latency") instanceof Map<?, ?> stages) {
            p.help("skydas_alert_latency_seconds", "histogram", "From the receipt of the detection that raised a new "
                    + "alert to the alert committed, written to a WebSocket subscriber, written to a TAK client.");
            stages.forEach((stage, h) -> p.histogram("skydas_alert_latency_seconds", String.valueOf(stage), (Map<?, ?>) h));
        }
        p.counter("skydas_pipeline_refused_total", "Messages refused because the disk is almost full.",
                pipeline.get("refused_storage"));
        if (pipeline.get("alert_memory") instanceof Map<?, ?> memory) {
            p.gauge("skydas_alerts_in_memory", "Alerts held in memory (a bounded working set; the store has them all).",
                    memory.get("alerts_in_memory"));
            p.gauge("skydas_open_alerts_in_memory", "Open alerts held in memory.", memory.get("open_alerts_in_memory"));
            p.counter("skydas_open_alerts_evicted_total", "Open alerts memory let go of (served from the store).",
                    memory.get("open_alerts_evicted"));
        }
        for (org.skydas.server.ops.Metric m : more) {
            p.help(m.name(), m.type(), m.help());
            p.sample(m.name(), m.value());
        }
        return p.out.toString();
    }

    /** One labelled series of a histogram from {@link AlertLatency#snapshot()}: cumulative buckets, sum, count. */
    private void histogram(String name, String stage, Map<?, ?> h) {
        if (h.get("buckets") instanceof List<?> buckets) {
            for (Object o : buckets) {
                Map<?, ?> b = (Map<?, ?>) o;
                Object le = b.get("le_ms");
                sample(name + "_bucket", number(b.get("count")), "stage", stage, "le",
                        le instanceof Number n ? Double.toString(n.doubleValue() / 1000.0) : "+Inf");
            }
        }
        sample(name + "_sum", number(h.get("sum_ms")) / 1000.0, "stage", stage);
        sample(name + "_count", number(h.get("count")), "stage", stage);
    }

    private void help(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void counter(String name, String help, Object value) {
        help(name, "counter", help);
        sample(name, number(value));
    }

    private void gauge(String name, String help, Object value) {
        help(name, "gauge", help);
        sample(name, number(value));
    }

    private void sample(String name, double value, String... labels) {
        out.append(name);
        if (labels.length > 0) {
            out.append('{');
            for (int i = 0; i < labels.length; i += 2) {
                out.append(i == 0 ? "" : ",").append(labels[i]).append("=\"").append(escape(labels[i + 1])).append('"');
            }
            out.append('}');
        }
        out.append(' ');
        if (Double.isInfinite(value)) {
            out.append(value > 0 ? "+Inf" : "-Inf");
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            out.append((long) value);
        } else {
            out.append(value);
        }
        out.append('\n');
    }

    private static double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
