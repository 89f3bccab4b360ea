package org.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;
import org.skydas.geo.Lks94;
import org.skydas.model.BorderLine;
import org.skydas.model.Neighbour;
import org.skydas.model.Scenario;
import org.skydas.model.SectorCutter;
import org.skydas.model.Zone;
import org.skydas.model.ZoneKind;
import org.skydas.model.demo.DemoScenario;
import org.skydas.server.auth.Role;
import org.skydas.store.watch.WatchStore;
import org.skydas.watch.LivePipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON detections over HTTP through the live pipeline: tracked, journalled, and raising alerts. */
public class LivePipelineTest {

    @TempDir
    Path dir;
    WatchServices watch;
    LivePipeline pipeline;
    SkydasServer server;
    /** A sensor's token: it may post detections and nothing else. */
    String token;
    /** An operator's token, for reading the picture. */
    String operator;
    static final HttpClient HTTP = CheckedHttpClient.create();
    static final ObjectMapper JSON = new ObjectMapper();

    /** A 10 km square country in the grid, its west edge the border with Belarus. */
    public static Scenario square() {
        double x0 = 500_000;
        double y0 = 6_000_000;
        LineString west = Lks94.GRID.createLineString(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x0, y0 + 10_000)});
        BorderLine by = new BorderLine("border-BY", Neighbour.BY, Lks94.GRID.createMultiLineString(new LineString[] {west}));
        Zone land = new Zone("territory", "land", ZoneKind.NATIONAL_TERRITORY,
                Lks94.GRID.toGeometry(new Envelope(x0, x0 + 10_000, y0, y0 + 10_000)), Map.of());
        return new Scenario(Map.of("name", "square"), List.of(by), new SectorCutter(5_000).cut(by), List.of(land),
                List.of(), List.of(), DemoScenario.programme());
    }

    @BeforeEach
    void start() throws Exception {
        watch = new WatchServices(WatchStore.openSqlite(dir));
        watch.ensureAdmin("admin-password");
        watch.addUser("cam", Role.SENSOR, "camera-password");
        Scenario s = square();
        pipeline = WatchWiring.pipeline(s, watch, 1_000);
        server = new SkydasServer(new ScenarioView(s), "memory", watch).withLive(pipeline, List::of).start("127.0.0.1", 0);
        token = JSON.readTree(post("/api/login", "{\"username\":\"cam\",\"password\":\"camera-password\"}", null).body())
                .path("token").asText();
        watch.addUser("op", Role.OPERATOR, "operator-password");
        operator = watch.login("op", "operator-password").orElseThrow();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        pipeline.close();
        watch.close();
    }

    HttpResponse<String> post(String path, String body, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode get(String path) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + operator).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    public static String detection(Instant t, double x, double y, String hint) {
        Coordinate ll = Lks94.toWgs84(x, y);
        return String.format(Locale.ROOT, "{\"sensor_id\":\"camera-7\",\"time\":\"%s\",\"kind\":\"camera\","
                + "\"position\":{\"lat\":%.8f,\"lon\":%.8f},\"position_error_m\":10,\"class_hint\":\"%s\","
                + "\"confidence\":0.9}", t, ll.y, ll.x, hint);
    }

    @Test
    void aDroneSeenByACameraInsideTheCountryRaisesAnIncursion() throws Exception {
        Instant t0 = Instant.now().minusSeconds(20);
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 6; i++) {
            batch.append(i == 0 ? "" : ",").append(detection(t0.plusSeconds(2L * i), 505_000 + 20 * i, 6_005_000, "drone"));
        }
        HttpResponse<String> r = post("/api/detections", batch.append("]").toString(), token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(JSON.readTree(r.body()).path("accepted").asInt()).isEqualTo(6);

        JsonNode alerts = null;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            alerts = get("/api/alerts?rule=drone_incursion");
            if (alerts.size() > 0) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(alerts.size()).as("a drone_incursion alert").isEqualTo(1);
        assertThat(alerts.get(0).path("message").asText()).contains("national airspace");
        JsonNode tracks = get("/api/tracks");
        assertThat(tracks.path("features").size()).isEqualTo(1);
        assertThat(tracks.path("features").get(0).path("properties").path("class").asText()).isEqualTo("drone");
        long trackId = tracks.path("features").get(0).path("id").asLong();
        JsonNode history = get("/api/tracks/" + trackId + "/history");
        assertThat(history.path("id").asLong()).isEqualTo(trackId);
        assertThat(history.path("geometry").path("type").asText()).isIn("Point", "LineString");
        assertThat(history.path("properties").path("points").get(0).path("class").asText()).isEqualTo("drone");
        assertThat(get("/api/tracks/999999/history").path("error").asText()).contains("no history");
        JsonNode stats = get("/api/ingest/stats");
        assertThat(stats.path("listeners").get(0).path("listener").asText()).isEqualTo("json-http");
        assertThat(stats.path("listeners").get(0).path("decoded").asInt()).isEqualTo(6);
        assertThat(stats.path("pipeline").path("processed").asInt()).isEqualTo(6);
        // The alert was timed end to end from its detection's receipt: committed (nobody subscribed to be written to).
        JsonNode committed = stats.path("pipeline").path("alert_latency").path("committed");
        assertThat(committed.path("count").asInt()).isEqualTo(1);
        assertThat(committed.path("buckets").get(committed.path("buckets").size() - 1).path("count").asInt()).isEqualTo(1);
        assertThat(stats.path("pipeline").path("alert_latency").path("websocket_written").path("count").asInt()).isZero();
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/metrics"))
                .header("Authorization", "Bearer " + operator).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("skydas_alert_latency_seconds_bucket{stage=\"committed\",le=\"+Inf\"} 1\n")
                .contains("skydas_alert_latency_seconds_count{stage=\"websocket_written\"} 0\n");
    }

    @Test
    void theStreamPushesTrackAndAlertChangesToLoggedInSubscribersOnly() throws Exception {
        StreamMessages listener = new StreamMessages();
        java.util.concurrent.BlockingQueue<String> messages = listener.messages;
        java.util.concurrent.CompletableFuture<Integer> closedWith = listener.closedWith;
        URI base = URI.create("ws://127.0.0.1:" + server.port() + "/api/stream");
        // Refused at the handshake: nobody (401), a sensor's token (403, it may only post detections).
        assertThat(handshakeStatus(HTTP.newWebSocketBuilder().buildAsync(base, listener))).isEqualTo(401);
        assertThat(handshakeStatus(HTTP.newWebSocketBuilder().subprotocols("skydas", "bearer." + token)
                .buildAsync(base, listener))).isEqualTo(403);

        // The token as a subprotocol, as browsers send it; the server picks "skydas".
        java.net.http.WebSocket ws = HTTP.newWebSocketBuilder().subprotocols("skydas", "bearer." + operator)
                .buildAsync(base, listener).get();
        assertThat(ws.getSubprotocol()).isEqualTo("skydas");
        Instant t0 = Instant.now().minusSeconds(20);
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 6; i++) {
            batch.append(i == 0 ? "" : ",").append(detection(t0.plusSeconds(2L * i), 505_000 + 20 * i, 6_005_000, "drone"));
        }
        post("/api/detections", batch.append("]").toString(), token);
        boolean sawTrack = false;
        boolean sawAlert = false;
        long deadline = System.nanoTime() + 5_000_000_000L;
        while ((!sawTrack || !sawAlert) && System.nanoTime() < deadline) {
            String m = messages.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (m == null) {
                continue;
            }
            JsonNode n = JSON.readTree(m);
            sawTrack |= n.path("type").asText().equals("track")
                    && n.path("feature").path("properties").path("class").asText().equals("drone");
            sawAlert |= n.path("type").asText().equals("alert")
                    && n.path("alert").path("rule").asText().equals("drone_incursion");
        }
        assertThat(sawTrack).as("a track message").isTrue();
        assertThat(sawAlert).as("an alert message").isTrue();
        // ... and the write of that alert to this subscriber was timed from its detection's receipt.
        long until = System.nanoTime() + 5_000_000_000L;
        while (get("/api/ingest/stats").path("pipeline").path("alert_latency").path("websocket_written").path("count")
                .asInt() < 1 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(get("/api/ingest/stats").path("pipeline").path("alert_latency").path("websocket_written")
                .path("count").asInt()).isEqualTo(1);
        ws.abort();
    }

    /**
     * Accepted means journalled. A store that fails on purpose (a trigger that aborts every journal insert, put in
     * through a second connection to the same SQLite file): the POST is answered 503 after the retries, not 202;
     * health says why; nothing is accepted while it fails; when the store works again, so does the server, and the
     * journal holds exactly what was answered 202.
     */
    @Test
    void aDetectionIsAcceptedOnlyOnceJournalledAndAFailingJournalStopsAcceptingWithTheReason() throws Exception {
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("watch.db"));
             java.sql.Statement st = db.createStatement()) {
            st.execute("PRAGMA busy_timeout = 5000");
            st.execute("CREATE TRIGGER fail_journal BEFORE INSERT ON detections "
                    + "BEGIN SELECT RAISE(ABORT, 'disk full (on purpose)'); END");
            HttpResponse<String> r = post("/api/detections", detection(Instant.now(), 505_000, 6_005_000, "person"), token);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.path("accepted").asInt()).isZero();
            assertThat(body.path("error").asText()).contains("journal").contains("disk full (on purpose)");

            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.port() + "/api/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(health.body()).path("journal_error").asText()).contains("disk full (on purpose)");
            // Still failing: refused at once, and counted.
            long t0 = System.nanoTime();
            assertThat(post("/api/detections", detection(Instant.now(), 505_100, 6_005_000, "person"), token)
                    .statusCode()).isEqualTo(503);
            assertThat((System.nanoTime() - t0) / 1e9).as("refused without waiting").isLessThan(5);
            // Feeds (MQTT, CoT, radar...) are refused too while it fails: their listeners count the drop.
            org.skydas.ingest.json.Detection parsed = new org.skydas.ingest.json.DetectionParser().parse(
                    JSON.readTree(detection(Instant.now(), 505_300, 6_005_000, "person")));
            assertThat(pipeline.offerJson(new org.skydas.ingest.listen.Received<>(parsed, "mqtt", null,
                    System.currentTimeMillis()))).isFalse();
            assertThat(get("/api/ingest/stats").path("pipeline").path("refused_journal_unavailable").asLong())
                    .as(get("/api/ingest/stats").toString()).isGreaterThanOrEqualTo(2);

            st.execute("DROP TRIGGER fail_journal");
            long deadline = System.nanoTime() + 15_000_000_000L;
            int status = 503;
            while (status != 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                status = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/api/health")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            }
            assertThat(status).as("health once the journal works again").isEqualTo(200);
            HttpResponse<String> ok = post("/api/detections", detection(Instant.now(), 505_200, 6_005_000, "person"), token);
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(202);
            // Answered 202 means it is in the journal already, no waiting.
            try (java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM detections")) {
                rs.next();
                assertThat(rs.getInt(1)).as("only the detection answered 202 is journalled").isEqualTo(1);
            }
        }
    }

    static int handshakeStatus(java.util.concurrent.CompletableFuture<java.net.http.WebSocket> f) throws Exception {
        try {
            f.get(10, java.util.concurrent.TimeUnit.SECONDS).abort();
            return 101;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw e;
        }
    }

    @Test
    void badDetectionsAreRejectedWithReasonsAndTheGoodOnesKept() throws Exception {
        String good = detection(Instant.now(), 505_000, 6_005_000, "person");
        HttpResponse<String> mixed = post("/api/detections", "[" + good + ",{\"sensor_id\":\"x\"}]", token);
        assertThat(mixed.statusCode()).isEqualTo(202);
        JsonNode body = JSON.readTree(mixed.body());
        assertThat(body.path("accepted").asInt()).isEqualTo(1);
        assertThat(body.path("rejected").get(0).path("index").asInt()).isEqualTo(1);
        assertThat(body.path("rejected").get(0).path("error").asText()).isNotBlank();
        assertThat(post("/api/detections", "[{\"sensor_id\":\"x\"}]", token).statusCode()).isEqualTo(400);
        assertThat(post("/api/detections", "{not json", token).statusCode()).isEqualTo(400);
        assertThat(post("/api/detections", "42", token).statusCode()).isEqualTo(400);
        assertThat(post("/api/detections", good, null).statusCode()).isEqualTo(401);
        assertThat(post("/api/detections", good, operator).statusCode()).as("operators may post detections").isEqualTo(202);
        JsonNode http = get("/api/ingest/stats").path("listeners").get(0);
        assertThat(http.path("malformed").asInt()).isEqualTo(4);

        // The same counters for a scraper, in the Prometheus text format, behind the same login.
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/metrics")).header("Authorization", "Bearer " + operator).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        long malformed = metrics.body().lines().filter(l -> l.startsWith("skydas_ingest_malformed_total{listener=\"json-http\""))
                .mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertThat(malformed).isEqualTo(4);
        assertThat(metrics.body()).contains("# TYPE skydas_ingest_decoded_total counter")
                .contains("skydas_ingest_decoded_total{listener=\"json-http\"} 2");
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }
}
