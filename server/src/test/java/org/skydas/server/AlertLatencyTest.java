package org.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AlertLatencyTest {

    @Test
    void bucketsAreCumulativeAndQuantilesComeFromThem() {
        AlertLatency l = new AlertLatency();
        for (long ms : new long[] {3, 4, 40, 45, 48, 90, 120, 600, 0, 12}) {
            l.record(AlertLatency.Stage.WEBSOCKET, ms);
        }
        l.record(AlertLatency.Stage.TAK, 20_000);
        Map<?, ?> ws = (Map<?, ?>) l.snapshot().get("websocket_written");
        assertThat(ws.get("count")).isEqualTo(10L);
        assertThat(ws.get("sum_ms")).isEqualTo(962L);
        assertThat(ws.get("max_ms")).isEqualTo(600L);
        List<?> buckets = (List<?>) ws.get("buckets");
        // le 1: {0}; le 5: {0,3,4}; le 20: +12; le 50: +40,45,48; le 100: +90; le 150: +120; le 1000: +600.
        assertThat(cumulative(buckets, 1L)).isEqualTo(1L);
        assertThat(cumulative(buckets, 5L)).isEqualTo(3L);
        assertThat(cumulative(buckets, 20L)).isEqualTo(4L);
        assertThat(cumulative(buckets, 50L)).isEqualTo(7L);
        assertThat(cumulative(buckets, 100L)).isEqualTo(8L);
        assertThat(cumulative(buckets, 500L)).isEqualTo(9L);
        assertThat(cumulative(buckets, "+Inf")).isEqualTo(10L);
        // p50: rank 5 lies in (20, 50] holding ranks 5..7: 20 + 30 * (5 - 4) / 3 = 30 ms.
        assertThat(ws.get("p50_ms")).isEqualTo(30.0);
        // p90: rank 9 is the one in (100, 150]: its upper bound.
        assertThat(ws.get("p90_ms")).isEqualTo(150.0);
        // p99 lies in (500, 1000] but never above the largest seen.
        assertThat(ws.get("p99_ms")).isEqualTo(600.0);
        Map<?, ?> tak = (Map<?, ?>) l.snapshot().get("tak_written");
        assertThat(cumulative((List<?>) tak.get("buckets"), 10_000L)).isEqualTo(0L);
        assertThat(cumulative((List<?>) tak.get("buckets"), "+Inf")).isEqualTo(1L);
        assertThat(tak.get("p50_ms")).isEqualTo(20_000.0);
        Map<?, ?> committed = (Map<?, ?>) l.snapshot().get("committed");
        assertThat(committed.get("count")).isEqualTo(0L);
        assertThat(committed.get("p50_ms")).isNull();
    }

    @Test
    void prometheusTextHasOneHistogramSeriesPerStage() {
        AlertLatency l = new AlertLatency();
        l.record(AlertLatency.Stage.COMMITTED, 7);
        l.record(AlertLatency.Stage.COMMITTED, 230);
        String text = PrometheusText.render(List.of(), Map.of("alert_latency", l.snapshot()));
        assertThat(text).contains("# TYPE skydas_alert_latency_seconds histogram\n")
                .contains("skydas_alert_latency_seconds_bucket{stage=\"committed\",le=\"0.005\"} 0\n")
                .contains("skydas_alert_latency_seconds_bucket{stage=\"committed\",le=\"0.01\"} 1\n")
                .contains("skydas_alert_latency_seconds_bucket{stage=\"committed\",le=\"0.2\"} 1\n")
                .contains("skydas_alert_latency_seconds_bucket{stage=\"committed\",le=\"0.25\"} 2\n")
                .contains("skydas_alert_latency_seconds_bucket{stage=\"committed\",le=\"+Inf\"} 2\n")
                .contains("skydas_alert_latency_seconds_sum{stage=\"committed\"} 0.237\n")
                .contains("skydas_alert_latency_seconds_count{stage=\"committed\"} 2\n")
                .contains("skydas_alert_latency_seconds_count{stage=\"websocket_written\"} 0\n")
                .contains("skydas_alert_latency_seconds_bucket{stage=\"tak_written\",le=\"+Inf\"} 0\n");
    }

    private static Object cumulative(List<?> buckets, Object le) {
        return buckets.stream().map(b -> (Map<?, ?>) b).filter(b -> b.get("le_ms").equals(le)).findFirst()
                .orElseThrow().get("count");
    }
}
