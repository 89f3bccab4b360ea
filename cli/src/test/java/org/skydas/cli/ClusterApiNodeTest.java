package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.skydas.alert.Finding;
import org.skydas.alert.RuleKind;
import org.skydas.alert.Severity;
import org.skydas.cluster.ClusterRecords;
import org.skydas.cluster.ClusterTopics;
import org.skydas.cluster.DevBroker;
import org.skydas.cluster.SectorPublisher;
import org.skydas.geo.Lks94;
import org.skydas.model.demo.StraightBorder;
import org.skydas.store.ScenarioStore;
import org.skydas.store.watch.WatchStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An API node of a cluster ({@code skydas serve --kafka … --role api}, no ingest, no tracker) on an in-process KRaft
 * broker and the machine's PostgreSQL (a new database, dropped after): a track a tracker node published to the tracks
 * topic is on {@code GET /api/tracks} and pushed on {@code /api/stream}, and so is a new alert from the alerts topic,
 * as the shared store holds it.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ClusterApiNodeTest {

    static final double E0 = 500_000;
    static final double N0 = 6_100_000;
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void anApiNodeServesAndPushesTheTracksAndAlertsOfTheTopics() throws Exception {
        String server = System.getenv().getOrDefault("SKYDAS_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432");
        String database = "skydas_apinode_" + Long.toHexString(System.nanoTime());
        try (var c = ClusterProcesses.connect(server + "/postgres"); var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        } catch (java.sql.SQLException e) {
            if (!org.skydas.testkit.SharedData.inCi()) {
                org.junit.jupiter.api.Assumptions.abort("skipped: no PostgreSQL at " + server + ": " + e.getMessage());
            }
            throw e;
        }
        String db = server + "/" + database;
        Path scenario = dir.resolve("border.gpkg");
        ScenarioStore.write(StraightBorder.scenario(E0, N0, 20_000, List.of()), scenario);
        Path data = Files.createDirectories(dir.resolve("data"));
        try (DevBroker broker = new DevBroker(3_000)) {
            ClusterServe.Options o = new ClusterServe.Options(broker.bootstrap(), db, EnumSet.of(ClusterServe.Role.API),
                    21, 2, 500, "api.", (short) 1, 24);
            try (ClusterServe node = ClusterServe.start(scenario, "127.0.0.1", 0, data, o, Feeds.Ports.none(), 0.5, 5,
                    Security.DEFAULTS);
                 KafkaProducer<String, byte[]> producer = new KafkaProducer<>(SectorPublisher.producerConfig(
                         broker.bootstrap(), "tracker-11"));
                 WatchStore trackerStore = WatchStore.openPostgres(db).sharedWithOtherNodes()) {
                assertThat(node.pipeline).isNull();
                String base = "http://127.0.0.1:" + node.server.port();
                String token = login(base, data);
                List<JsonNode> pushed = new CopyOnWriteArrayList<>();
                WebSocket ws = HTTP.newWebSocketBuilder().subprotocols("skydas", "bearer." + token)
                        .buildAsync(URI.create("ws://127.0.0.1:" + node.server.port() + "/api/stream"), collector(pushed))
                        .get(10, TimeUnit.SECONDS);
                await("the picture reading the topics", () -> node.live.ready());

                ClusterTopics topics = ClusterTopics.withPrefix("api.");
                long id = (11L << 48) | 5;
                double x = E0 + 5_000;
                double y = N0 - 300;
                double t = System.currentTimeMillis() / 1000.0;
                ClusterRecords.TrackRecord track = new ClusterRecords.TrackRecord(id, 11, 0, "BY-001", t, x, y, 3, 4,
                        "vehicle", false, "cot-7", System.currentTimeMillis(), "confirmed", 0.9,
                        Map.of("person", 0.1, "vehicle", 0.8, "drone", 0.05, "unknown", 0.05));
                producer.send(new ProducerRecord<>(topics.tracks(), Long.toString(id), ClusterRecords.encode(track)))
                        .get(10, TimeUnit.SECONDS);

                Coordinate ll = Lks94.toWgs84(x, y);
                await("the track on GET /api/tracks", () -> get(base + "/api/tracks", token).path("features").size() == 1);
                JsonNode f = get(base + "/api/tracks", token).path("features").get(0);
                assertThat(f.path("id").asLong()).isEqualTo(id);
                assertThat(f.path("geometry").path("coordinates").get(0).asDouble()).isCloseTo(ll.x, within(1e-6));
                assertThat(f.path("geometry").path("coordinates").get(1).asDouble()).isCloseTo(ll.y, within(1e-6));
                assertThat(f.path("properties").path("class").asText()).isEqualTo("vehicle");
                assertThat(f.path("properties").path("speed_mps").asDouble()).isEqualTo(5.0);
                assertThat(f.path("properties").path("quality").asDouble()).isEqualTo(0.9);
                assertThat(f.path("properties").path("external_id").asText()).isEqualTo("cot-7");
                await("the track pushed", () -> pushed.stream().anyMatch(m -> m.path("type").asText().equals("track")
                        && m.path("feature").path("id").asLong() == id));

                // A tracker node commits an alert to the shared store, then announces it on the alerts topic.
                var raised = trackerStore.raiseShared(List.of(new Finding(RuleKind.BORDER_CROSSING, Severity.HIGH,
                        "track:" + id, t, x, y + 400, "BY-001", null, "Track crossed the border")), "tracker-11").get(0);
                long alertId = raised.alert().id();
                ClusterRecords.AlertRecord rec = new ClusterRecords.AlertRecord(alertId, "border_crossing", "HIGH",
                        "track:" + id, "BY-001", 11, t, x, y + 400, System.currentTimeMillis() - 500,
                        System.currentTimeMillis(), "cot-7");
                producer.send(new ProducerRecord<>(topics.alerts(), rec.subject(), ClusterRecords.encode(rec)))
                        .get(10, TimeUnit.SECONDS);
                await("the alert pushed", () -> pushed.stream().anyMatch(m -> m.path("type").asText().equals("alert")
                        && m.path("alert").path("id").asLong() == alertId));
                JsonNode alert = pushed.stream().filter(m -> m.path("type").asText().equals("alert")).findFirst()
                        .orElseThrow().path("alert");
                assertThat(alert.path("subject").asText()).isEqualTo("track:" + id);
                assertThat(alert.path("sector").asText()).isEqualTo("BY-001");

                // The track's owner ends it: gone from the picture and the console told.
                ClusterRecords.TrackRecord end = new ClusterRecords.TrackRecord(id, 11, 0, "BY-001", t + 1, x + 3,
                        y + 4, 3, 4, "vehicle", true, "cot-7", System.currentTimeMillis(), "deleted", 0.9,
                        track.classProbabilities());
                producer.send(new ProducerRecord<>(topics.tracks(), Long.toString(id), ClusterRecords.encode(end)))
                        .get(10, TimeUnit.SECONDS);
                await("the deletion pushed", () -> pushed.stream().anyMatch(m -> m.path("type").asText()
                        .equals("track_deleted") && m.path("id").asLong() == id));
                assertThat(get(base + "/api/tracks", token).path("features").size()).isZero();
                ws.abort();
            }
        } finally {
            try (var c = ClusterProcesses.connect(server + "/postgres"); var st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }

    /** The admin's token: the password from SKYDAS_ADMIN_PASSWORD, or the file the first start wrote. */
    static String login(String base, Path data) throws Exception {
        String password = System.getenv("SKYDAS_ADMIN_PASSWORD");
        if (password == null || password.isEmpty()) {
            password = Files.readString(data.resolve(ServeCommand.ADMIN_PASSWORD_FILE)).trim();
        }
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", "admin",
                        "password", password)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("token").asText();
    }

    static JsonNode get(String url, String token) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** Collects the stream's messages (each text message whole). */
    static WebSocket.Listener collector(List<JsonNode> into) {
        return new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    try {
                        into.add(JSON.readTree(text.toString()));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                    text.setLength(0);
                }
                ws.request(1);
                return null;
            }
        };
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void await(String what, Condition c) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!c.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
