package org.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.alert.Alert;
import org.skydas.alert.AlertStatus;
import org.skydas.alert.RuleKind;
import org.skydas.alert.Severity;
import org.skydas.model.TargetKind;
import org.skydas.server.auth.Role;
import org.skydas.store.watch.WatchStore;
import org.skydas.track.TrackState;
import org.skydas.track.TrackStatus;
import org.skydas.watch.LivePicture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A server without a pipeline whose live picture comes from elsewhere (a cluster API node's): {@code GET /api/tracks}
 * answers the picture's tracks (checked against the OpenAPI document), the WebSocket pushes their changes and the
 * picture's committed alerts (timed), and the ingest routes are not there.
 */
class LivePictureServerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = CheckedHttpClient.create();

    /** A picture the test drives. */
    static final class Picture implements LivePicture {
        final Map<Long, TrackState> tracks = new ConcurrentHashMap<>();
        final List<Consumer<TrackState>> updated = new CopyOnWriteArrayList<>();
        final List<Consumer<TrackState>> deleted = new CopyOnWriteArrayList<>();
        final List<Consumer<CommittedAlert>> alerts = new CopyOnWriteArrayList<>();

        @Override
        public Collection<TrackState> tracks() {
            return tracks.values();
        }

        @Override
        public void onTrackChange(Consumer<TrackState> u, Consumer<TrackState> d) {
            updated.add(u);
            deleted.add(d);
        }

        @Override
        public void onAlertCommitted(Consumer<CommittedAlert> subscriber) {
            alerts.add(subscriber);
        }

        void update(TrackState s) {
            tracks.put(s.id(), s);
            updated.forEach(l -> l.accept(s));
        }
    }

    @TempDir
    Path dir;
    WatchServices watch;
    SkydasServer server;
    Picture picture = new Picture();
    String token;

    @BeforeEach
    void start() throws Exception {
        watch = new WatchServices(WatchStore.openSqlite(dir));
        watch.addUser("op", Role.OPERATOR, "operator-password");
        token = watch.login("op", "operator-password").orElseThrow();
        server = new SkydasServer(new ScenarioView(LivePipelineTest.square()), "memory", watch).withLivePicture(picture)
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        watch.close();
    }

    static TrackState track(long id, double existence) {
        double[] probs = new double[TargetKind.COUNT];
        probs[TargetKind.DRONE.ordinal()] = 0.7;
        probs[TargetKind.UNKNOWN.ordinal()] = 0.3;
        return new TrackState(id, 1_800_000_000.0, 503_000, 6_004_000, 0, 12, Double.NaN, Double.NaN, new double[16],
                TrackStatus.CONFIRMED, probs, existence, new int[0], 1_800_000_000.0, null);
    }

    JsonNode tracks() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/tracks")).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** The first message pushed that {@code wanted} accepts (others are skipped), within 10 s. */
    static JsonNode next(StreamMessages listener, java.util.function.Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String m = listener.messages.poll(100, TimeUnit.MILLISECONDS);
            if (m != null && wanted.test(JSON.readTree(m))) {
                return JSON.readTree(m);
            }
        }
        throw new AssertionError("no such message pushed within 10 s");
    }

    @Test
    void servesAndPushesThePicturesTracksAndAlerts() throws Exception {
        assertThat(server.routes()).contains("GET /api/tracks", "GET /api/tracks/{id}/history")
                .doesNotContain("POST /api/detections", "GET /api/ingest/stats", "GET /api/metrics");
        StreamMessages listener = new StreamMessages();
        WebSocket ws = HTTP.newWebSocketBuilder().subprotocols("skydas", "bearer." + token).buildAsync(
                URI.create("ws://127.0.0.1:" + server.port() + "/api/stream"), listener).get(10, TimeUnit.SECONDS);
        try {
            // The socket subscribes a moment after the handshake: the picture updates track 7 until it is pushed.
            String first = null;
            for (int i = 0; i < 100 && first == null; i++) {
                picture.update(track(7, 0.875));
                first = listener.messages.poll(100, TimeUnit.MILLISECONDS);
            }
            assertThat(first).isNotNull();
            JsonNode pushed = JSON.readTree(first);
            assertThat(pushed.path("type").asText()).isEqualTo("track");
            assertThat(pushed.path("feature").path("id").asLong()).isEqualTo(7);
            picture.update(track(8, Double.NaN)); // a record without its quality: served as null
            JsonNode features = tracks().path("features");
            assertThat(features).hasSize(2);
            assertThat(features.get(0).path("properties").path("class").asText()).isEqualTo("drone");
            assertThat(features.get(0).path("properties").path("quality").asDouble()).isEqualTo(0.875);
            assertThat(features.get(0).path("properties").path("speed_mps").asDouble()).isEqualTo(12.0);
            assertThat(features.get(1).path("properties").path("quality").isNull()).isTrue();

            JsonNode second = next(listener, m -> m.path("feature").path("id").asLong() == 8);
            assertThat(second.path("feature").path("properties").path("quality").isNull()).isTrue();

            Alert a = new Alert(12, RuleKind.DRONE_INCURSION, Severity.HIGH, "track:7", AlertStatus.NEW, null,
                    1_800_000_000.0, 1_800_000_000.0, 503_000, 6_004_000, "BY-001", null, "A drone entered", false, 1,
                    null, null, null, null, null);
            long now = System.currentTimeMillis();
            picture.alerts.forEach(l -> l.accept(new LivePicture.CommittedAlert(a, now - 400, now - 100)));
            JsonNode alert = next(listener, m -> m.path("type").asText().equals("alert")).path("alert");
            assertThat(alert.path("id").asLong()).isEqualTo(12);
            assertThat(alert.path("rule").asText()).isEqualTo("drone_incursion");
            assertThat(watch.alertLatency().count(AlertLatency.Stage.COMMITTED)).isEqualTo(1);
        } finally {
            ws.abort();
        }
    }
}
