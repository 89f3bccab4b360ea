package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.skydas.geo.Lks94;
import org.skydas.model.Scenario;
import org.skydas.model.Sector;
import org.skydas.model.ZoneKind;
import org.skydas.model.demo.DemoScenario;
import org.skydas.store.ScenarioStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The early-warning chain end to end, as a user meets it: {@code skydas serve} runs as a real child
 * process on the demo scenario; a Cursor-on-Target track walks from Belarus across the border over a
 * TCP connection; a border_crossing alert appears in sector BY-030; an operator acknowledges it over
 * the API; the server is killed with SIGKILL and restarted; the acknowledgement is still there.
 */
class BorderCrossingEndToEndTest {

    @TempDir
    static Path dir;
    static Path scenarioFile;
    static Scenario demo;
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void writeDemo() throws Exception {
        demo = new DemoScenario().build();
        scenarioFile = dir.resolve("demo.gpkg");
        ScenarioStore.write(demo, scenarioFile);
    }

    record Server(Process process, int http, int cot, int takOut) {
    }

    /** {@code skydas serve} as a child process; the watch store in {@code data}, or in PostgreSQL when {@code db} is given. */
    static Server start(Path data, String db) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "org.skydas.cli.Main",
                "serve", "--scenario", scenarioFile.toString(), "--port", "0", "--cot-port", "0", "--tak-out-port", "0",
                "--tak-port", "0", "--asterix-port", "0", "--remoteid-port", "0", "--data-dir", data.toString()));
        if (db != null) {
            cmd.addAll(List.of("--db", db));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("SKYDAS_ADMIN_PASSWORD", "admin-password");
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        int http = -1;
        int cot = -1;
        int takOut = -1;
        for (int i = 0; i < 12 && (http < 0 || cot < 0 || takOut < 0); i++) {
            String line = out.readLine();
            assertThat(line).as("server output").isNotNull();
            Matcher m = Pattern.compile("http://localhost:(\\d+)/").matcher(line);
            if (m.find()) {
                http = Integer.parseInt(m.group(1));
            }
            Matcher c = Pattern.compile("tcp/udp port (\\d+)").matcher(line);
            if (c.find()) {
                cot = Integer.parseInt(c.group(1));
            }
            Matcher t = Pattern.compile("CoT out\\) on tcp port (\\d+)").matcher(line);
            if (t.find()) {
                takOut = Integer.parseInt(t.group(1));
            }
        }
        return new Server(p, http, cot, takOut);
    }

    static HttpResponse<String> call(Server s, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.http() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String login(Server s) throws Exception {
        return JSON.readTree(call(s, "POST", "/api/login", null,
                "{\"username\":\"admin\",\"password\":\"admin-password\"}").body()).path("token").asText();
    }

    /** A walk across the middle of sector BY-030, from 300 m in Belarus to 300 m in Lithuania. */
    static List<Coordinate> walkAcross() {
        return walkAcross(demo);
    }

    /** The same walk in {@code demo} (the demo scenario). */
    static List<Coordinate> walkAcross(Scenario demo) {
        Sector s = demo.sectors().stream().filter(x -> x.id().equals("BY-030")).findFirst().orElseThrow();
        LineString line = (LineString) s.geometry().getGeometryN(0);
        LengthIndexedLine li = new LengthIndexedLine(line);
        double mid = line.getLength() / 2;
        Coordinate a = li.extractPoint(mid - 20);
        Coordinate b = li.extractPoint(mid + 20);
        Coordinate m = li.extractPoint(mid);
        double nx = -(b.y - a.y) / a.distance(b);
        double ny = (b.x - a.x) / a.distance(b);
        Geometry land = demo.zones().stream().filter(z -> z.kind() == ZoneKind.NATIONAL_TERRITORY).findFirst()
                .orElseThrow().geometry();
        PreparedGeometry inside = PreparedGeometryFactory.prepare(land);
        if (!inside.covers(Lks94.GRID.createPoint(new Coordinate(m.x + nx * 300, m.y + ny * 300)))) {
            nx = -nx;
            ny = -ny;
        }
        List<Coordinate> walk = new ArrayList<>();
        for (double d = -300; d <= 300; d += 15) {
            walk.add(new Coordinate(m.x + nx * d, m.y + ny * d));
        }
        assertThat(inside.covers(Lks94.GRID.createPoint(walk.get(0)))).isFalse();
        assertThat(inside.covers(Lks94.GRID.createPoint(walk.get(walk.size() - 1)))).isTrue();
        return walk;
    }

    static String cot(String uid, Instant t, Coordinate grid) {
        Coordinate ll = Lks94.toWgs84(grid.x, grid.y);
        return String.format(Locale.ROOT, "<?xml version=\"1.0\"?><event version=\"2.0\" uid=\"%s\" type=\"a-u-G-U\" "
                + "how=\"m-g\" time=\"%s\" start=\"%s\" stale=\"%s\"><point lat=\"%.7f\" lon=\"%.7f\" hae=\"150\" "
                + "ce=\"10\" le=\"20\"/><detail/></event>", uid, t, t, t.plusSeconds(60), ll.y, ll.x);
    }

    @Test
    void aCotTrackCrossingTheBorderRaisesAnAlertWhoseAcknowledgementSurvivesKill9() throws Exception {
        crossAcknowledgeKillAndRestart(dir.resolve("data"), null);
    }

    /** Server mode: the same with the watch store in PostgreSQL + PostGIS (a new database, dropped after). */
    @Test
    void theSameInServerModeOnPostgresql() throws Exception {
        String server = System.getenv().getOrDefault("SKYDAS_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432");
        String database = "skydas_e2e_" + Long.toHexString(System.nanoTime());
        java.net.URI u = new java.net.URI(server);
        String admin = "jdbc:postgresql://" + u.getHost() + ":" + u.getPort() + "/postgres";
        String user = u.getUserInfo() == null ? "postgres" : u.getUserInfo().split(":")[0];
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(admin, user, "")) {
            c.createStatement().execute("CREATE DATABASE " + database);
        } catch (java.sql.SQLException e) {
            if (!org.skydas.testkit.SharedData.inCi()) {
                org.junit.jupiter.api.Assumptions.abort("skipped: no PostgreSQL at " + server + ": " + e.getMessage());
            }
            throw e;
        }
        try {
            crossAcknowledgeKillAndRestart(dir.resolve("data-pg"), server + "/" + database);
        } finally {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(admin, user, "")) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private void crossAcknowledgeKillAndRestart(Path data, String db) throws Exception {
        Server s = start(data, db);
        long alertId;
        try {
            // 41 reports 10 s apart: a person at 1.5 m/s, ending now.
            // A TAK client listening for what Skydas sends out.
            Socket tak = new Socket("127.0.0.1", s.takOut());
            tak.setSoTimeout(200);
            List<Coordinate> walk = walkAcross();
            Instant t0 = Instant.now().minusSeconds(10L * walk.size());
            try (Socket socket = new Socket("127.0.0.1", s.cot()); OutputStream out = socket.getOutputStream()) {
                for (int i = 0; i < walk.size(); i++) {
                    out.write(cot("walker-1", t0.plusSeconds(10L * i), walk.get(i)).getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
            }
            String token = login(s);
            JsonNode crossing = null;
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (crossing == null && System.nanoTime() < deadline) {
                JsonNode alerts = JSON.readTree(call(s, "GET", "/api/alerts?rule=border_crossing", token, null).body());
                if (alerts.size() > 0) {
                    crossing = alerts.get(0);
                } else {
                    Thread.sleep(200);
                }
            }
            assertThat(crossing).as("a border_crossing alert within 30 s; tracks %s; stats %s; alerts %s",
                    call(s, "GET", "/api/tracks", token, null).body(), call(s, "GET", "/api/ingest/stats", token, null).body(),
                    call(s, "GET", "/api/alerts", token, null).body()).isNotNull();
            assertThat(crossing.path("sector").asText()).isEqualTo("BY-030");
            assertThat(crossing.path("message").asText()).contains("Belarus");
            alertId = crossing.path("id").asLong();

            JsonNode tracks = JSON.readTree(call(s, "GET", "/api/tracks", token, null).body());
            assertThat(tracks.path("features").size()).isEqualTo(1);
            assertThat(tracks.path("features").get(0).path("properties").path("external_id").asText()).isEqualTo("walker-1");
            JsonNode stats = JSON.readTree(call(s, "GET", "/api/ingest/stats", token, null).body());
            assertThat(stats.path("listeners").get(0).path("decoded").asLong()).isEqualTo(walk.size());

            // TAK clients got the track (unknown affiliation, ground, no unit or function; class person in detail)
            // and the alert marker.
            StringBuilder fromSkydas = new StringBuilder();
            long takDeadline = System.nanoTime() + 10_000_000_000L;
            byte[] buf = new byte[65536];
            while (System.nanoTime() < takDeadline
                    && !(fromSkydas.toString().contains("skydas-alert-" + alertId) && fromSkydas.toString().contains("class=\"person\""))) {
                try {
                    int n = tak.getInputStream().read(buf);
                    if (n > 0) {
                        fromSkydas.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (java.net.SocketTimeoutException e) {
                    // keep waiting
                }
            }
            tak.close();
            assertThat(fromSkydas.toString()).contains("uid=\"skydas-track-").contains("type=\"a-u-G\"")
                    .contains("<skydas class=\"person\"").doesNotContain("a-u-G-U")
                    .contains("uid=\"skydas-alert-" + alertId + "\"").contains("border_crossing (new)")
                    .contains("type=\"b-m-p-s-p-i\"");

            HttpResponse<String> ack = call(s, "POST", "/api/alerts/" + alertId + "/ack", token, "{\"note\":\"patrol sent\"}");
            assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        } finally {
            s.process().destroyForcibly(); // SIGKILL, right after the acknowledgement
        }
        assertThat(s.process().waitFor(20, TimeUnit.SECONDS)).isTrue();

        Server again = start(data, db);
        try {
            JsonNode alert = JSON.readTree(call(again, "GET", "/api/alerts/" + alertId, login(again), null).body());
            assertThat(alert.path("status").asText()).isEqualTo("acknowledged");
            assertThat(alert.path("acknowledged_by").asText()).isEqualTo("admin");
            assertThat(alert.path("acknowledge_note").asText()).isEqualTo("patrol sent");
        } finally {
            again.process().destroyForcibly();
            again.process().waitFor(20, TimeUnit.SECONDS);
        }
    }
}
