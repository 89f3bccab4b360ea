package org.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.alert.Finding;
import org.skydas.alert.RuleKind;
import org.skydas.alert.Severity;
import org.skydas.store.watch.WatchStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.Javalin;

/**
 * Alerts reach operators the moment they are committed, not with the coalesced track updates: here the track
 * flush of the WebSocket hub and the track cadence of TAK-out are an hour, so an alert that waited for them
 * would never arrive within the test. Each push is timed into the end-to-end histograms.
 */
class AlertPushTest {

    static final long HOUR_MS = 3_600_000;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    WatchServices watch;

    @BeforeEach
    void open() throws Exception {
        watch = new WatchServices(WatchStore.openSqlite(dir));
    }

    @AfterEach
    void close() throws Exception {
        watch.close();
    }

    static Finding crossing(String track) {
        return new Finding(RuleKind.BORDER_CROSSING, Severity.HIGH, Finding.track(1), 1000.0, 500_000, 6_000_000,
                "BY-001", null, track + " crossed the border from Belarus in sector BY-001");
    }

    @Test
    void anAlertReachesAWebSocketSubscriberAtOnceAndIsTimed() throws Exception {
        StreamHub hub = new StreamHub(watch.alertLatency(), HOUR_MS);
        watch.onAlertCommitted(hub::alertCommitted);
        Javalin app = Javalin.create(c -> c.showJavalinBanner = false)
                .ws("/stream", ws -> ws.onConnect(ctx -> hub.subscribe(ctx, () -> true))).start("127.0.0.1", 0);
        StreamMessages listener = new StreamMessages();
        BlockingQueue<String> messages = listener.messages;
        WebSocket client = CheckedHttpClient.create().newWebSocketBuilder().buildAsync(
                URI.create("ws://127.0.0.1:" + app.port() + "/stream"), listener).get(10, TimeUnit.SECONDS);
        try {
            awaitSubscribers(hub, 1);
            long receivedAt = System.currentTimeMillis() - 30;
            watch.raiseAll(List.of(crossing("person")), List.of(receivedAt));
            String m = messages.poll(10, TimeUnit.SECONDS);
            assertThat(m).as("the alert, without waiting for the hour-long track flush").isNotNull();
            JsonNode n = JSON.readTree(m);
            assertThat(n.path("type").asText()).isEqualTo("alert");
            assertThat(n.path("alert").path("rule").asText()).isEqualTo("border_crossing");
            awaitCount(AlertLatency.Stage.WEBSOCKET, 1);
            assertThat(watch.alertLatency().count(AlertLatency.Stage.COMMITTED)).isEqualTo(1);
            // Timed from the detection's receipt, 30 ms before the commit.
            assertThat((Long) stage("websocket_written").get("max_ms")).isGreaterThanOrEqualTo(30);

            // A repeat folded into the open alert is pushed too, but it is not a new alert: not timed again.
            watch.raiseAll(List.of(crossing("person")), List.of(System.currentTimeMillis()));
            assertThat(messages.poll(10, TimeUnit.SECONDS)).contains("\"occurrences\":2");
            assertThat(watch.alertLatency().count(AlertLatency.Stage.COMMITTED)).isEqualTo(1);
        } finally {
            client.abort();
            hub.close();
            app.stop();
        }
    }

    @Test
    void anAlertReachesATakClientWithoutWaitingForTheTrackCadence() throws Exception {
        CotOut out = CotOut.start("127.0.0.1", 0, HOUR_MS).withLatency(watch.alertLatency());
        watch.onAlertCommitted(out::alertCommitted);
        try (Socket tak = new Socket("127.0.0.1", out.port())) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (out.stats().get("clients") < 1 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            watch.raiseAll(List.of(crossing("vehicle")), List.of(System.currentTimeMillis() - 20));
            tak.setSoTimeout(10_000);
            String event = readEvent(tak.getInputStream());
            assertThat(event).contains("type=\"b-m-p-s-p-i\"").contains("border_crossing")
                    .contains("vehicle crossed the border from Belarus");
            awaitCount(AlertLatency.Stage.TAK, 1);
            assertThat((Long) stage("tak_written").get("max_ms")).isGreaterThanOrEqualTo(20);
        } finally {
            out.close();
        }
    }

    private java.util.Map<?, ?> stage(String name) {
        return (java.util.Map<?, ?>) watch.alertLatency().snapshot().get(name);
    }

    private void awaitCount(AlertLatency.Stage stage, long n) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (watch.alertLatency().count(stage) < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(watch.alertLatency().count(stage)).as(stage.wireName()).isEqualTo(n);
    }

    private static void awaitSubscribers(StreamHub hub, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (((Number) hub.stats().get("subscribers")).intValue() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private static String readEvent(InputStream in) throws java.io.IOException {
        StringBuilder sb = new StringBuilder();
        byte[] buf = new byte[4096];
        int r;
        while (sb.indexOf("</event>") < 0 && (r = in.read(buf)) > 0) {
            sb.append(new String(buf, 0, r, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }
}
