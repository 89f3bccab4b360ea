package org.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.skydas.alert.Finding;
import org.skydas.alert.RuleKind;
import org.skydas.alert.Severity;
import org.skydas.geo.Lks94;
import org.skydas.model.demo.DemoScenario;
import org.skydas.server.auth.Role;
import org.skydas.store.watch.WatchStore;
import org.skydas.watch.port.TrackPoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** GET /api/replay over real HTTP: the picture as it was at a time and the changes after it, from the store. */
class ReplayApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    WatchServices watch;
    SkydasServer server;
    String token;
    double now;
    long alertId;

    @BeforeEach
    void start() throws Exception {
        watch = new WatchServices(WatchStore.openSqlite(dir));
        watch.ensureAdmin("admin-secret");
        watch.addUser("au1", Role.AUDITOR, "auditor-pass");
        watch.addUser("op1", Role.OPERATOR, "operator-pass");
        now = WatchServices.now();
        // Track 7 walks north from ten minutes ago; track 8 was last seen fifteen minutes ago.
        List<TrackPoint> points = new ArrayList<>();
        points.add(new TrackPoint(7, now - 610, 560_000, 5_985_000, 0, 1.5, "person"));
        points.add(new TrackPoint(7, now - 590, 560_000, 5_985_030, 0, 1.5, "person"));
        points.add(new TrackPoint(7, now - 300, 560_000, 5_985_450, 0, 1.5, "person"));
        points.add(new TrackPoint(8, now - 900, 570_000, 5_990_000, 10, 0, "vehicle"));
        watch.trackHistory(points);
        alertId = watch.raise(new Finding(RuleKind.BORDER_CROSSING, Severity.HIGH, "track:7", now - 300, 560_000,
                5_985_450, "BY-017", null, "person crossed the border")).alert().id();
        server = new SkydasServer(new ScenarioView(new DemoScenario().build()), "demo", watch).start("127.0.0.1", 0);
        token = login("au1", "auditor-pass");
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        watch.close();
    }

    String login(String user, String password) throws Exception {
        return token(server.port(), user, password);
    }

    /** A token for {@code user} from the server on {@code port}. */
    static String token(int port, String user, String password) throws Exception {
        HttpResponse<String> r = WatchApiTest.send(port, "POST", "/api/login", null,
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
        return JSON.readTree(r.body()).path("token").asText();
    }

    HttpResponse<String> replay(String query) throws Exception {
        return WatchApiTest.send(server.port(), "GET", "/api/replay?" + query, token, null);
    }

    static String iso(double t) {
        return ReplayApi.iso(t);
    }

    @Test
    void theStateAtATimeHoldsTheTracksWhereTheyWereAndTheChangesFollow() throws Exception {
        HttpResponse<String> r = replay("from=" + iso(now - 600) + "&to=" + iso(now - 1));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        JsonNode tracks = body.path("state").path("tracks").path("features");
        assertThat(tracks).hasSize(1); // track 8 had gone from the picture long before
        JsonNode t7 = tracks.get(0);
        assertThat(t7.path("id").asLong()).isEqualTo(7);
        Coordinate where = Lks94.toWgs84(560_000, 5_985_000);
        assertThat(t7.path("geometry").path("coordinates").get(0).asDouble()).isCloseTo(where.x, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(t7.path("geometry").path("coordinates").get(1).asDouble()).isCloseTo(where.y, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(t7.path("properties").path("class").asText()).isEqualTo("person");
        assertThat(t7.path("properties").path("speed_mps").asDouble()).isEqualTo(1.5);
        assertThat(t7.path("properties").path("heading_deg").asInt()).isZero(); // due north (grid)
        JsonNode changes = body.path("changes").path("tracks");
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1).path("properties").path("time").asText()).isEqualTo(iso(now - 300));
        // The alert was raised five minutes ago: not open at the start, raised among the changes.
        assertThat(body.path("state").path("alerts")).isEmpty();
        assertThat(body.path("changes").path("alerts")).hasSize(1);
        assertThat(body.path("changes").path("alerts").get(0).path("action").asText()).isEqualTo("raised");
        assertThat(body.path("changes").path("alerts").get(0).path("alert").path("id").asLong()).isEqualTo(alertId);
        assertThat(body.path("truncated").asBoolean()).isFalse();
    }

    @Test
    void alertsAndSectorStatusAreAsTheyWereThenNotAsTheyAreNow() throws Exception {
        String op = login("op1", "operator-pass");
        HttpResponse<String> ack = WatchApiTest.send(server.port(), "POST", "/api/alerts/" + alertId + "/ack", op,
                "{\"note\":\"patrol sent\"}");
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(replay("from=" + iso(now - 200) + "&to=" + iso(WatchServices.now() + 1)).body());
        JsonNode open = body.path("state").path("alerts");
        assertThat(open).hasSize(1);
        assertThat(open.get(0).path("status").asText()).as("acknowledged only later").isEqualTo("new");
        JsonNode by017 = null;
        for (JsonNode s : body.path("state").path("sectors")) {
            if (s.path("sector").asText().equals("BY-017")) {
                by017 = s;
            }
        }
        assertThat(by017).isNotNull();
        assertThat(by017.path("open_alerts").asInt()).isEqualTo(1);
        assertThat(by017.path("level").asText()).isNotEqualTo("low");
        JsonNode changes = body.path("changes").path("alerts");
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).path("alert").path("status").asText()).isEqualTo("acknowledged");
        assertThat(changes.get(0).path("actor").asText()).isEqualTo("op1");
        // Before the alert was raised, the sector was quiet.
        JsonNode earlier = JSON.readTree(replay("from=" + iso(now - 400) + "&to=" + iso(now - 350)).body());
        for (JsonNode s : earlier.path("state").path("sectors")) {
            assertThat(s.path("open_alerts").asInt()).as(s.toString()).isZero();
        }
    }

    @Test
    void badTimesAreRefusedClearly() throws Exception {
        assertThat(replay("to=" + iso(now)).statusCode()).isEqualTo(400);
        HttpResponse<String> garbage = replay("from=" + "x".repeat(500));
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("not a time").doesNotContain("x".repeat(200));
        assertThat(replay("from=" + iso(now - 100) + "&to=" + iso(now - 200)).statusCode()).isEqualTo(400);
        HttpResponse<String> long_ = replay("from=" + iso(now - 7_200) + "&to=" + iso(now));
        assertThat(long_.statusCode()).isEqualTo(400);
        assertThat(long_.body()).contains("3600");
        assertThat(replay("from=" + iso(now + 3_600)).statusCode()).isEqualTo(400);
        // Seconds since the epoch are a time too.
        assertThat(replay("from=" + (long) (now - 600) + "&to=" + (long) now).statusCode()).isEqualTo(200);
        assertThat(WatchApiTest.send(server.port(), "GET", "/api/replay?from=" + iso(now - 60), null, null).statusCode())
                .isEqualTo(401);
    }
}
