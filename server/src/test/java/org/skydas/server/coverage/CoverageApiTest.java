package org.skydas.server.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;
import org.skydas.alert.CoverageVerdict;
import org.skydas.geo.Lks94;
import org.skydas.model.Asset;
import org.skydas.model.AssetStatus;
import org.skydas.model.AssetType;
import org.skydas.model.BorderLine;
import org.skydas.model.Neighbour;
import org.skydas.model.Scenario;
import org.skydas.model.Sector;
import org.skydas.model.SectorCutter;
import org.skydas.model.SensorParameters;
import org.skydas.model.TargetClass;
import org.skydas.model.TargetKind;
import org.skydas.model.Zone;
import org.skydas.model.ZoneKind;
import org.skydas.model.demo.DemoScenario;
import org.skydas.server.ScenarioView;
import org.skydas.server.SkydasServer;
import org.skydas.server.WatchServices;
import org.skydas.server.auth.Role;
import org.skydas.store.watch.WatchStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The coverage routes over real HTTP on a small hand-made scenario: an 8 km east-west border in two
 * sectors, one radar 2 km from its west end that sees a person to 1 km (Pd 0.9 falling to 0.8).
 */
class CoverageApiTest {

    static final double E0 = 500_000;
    static final double N0 = 6_000_000;
    static final HttpClient HTTP = org.skydas.server.CheckedHttpClient.create();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Scenario scenario;
    WatchServices watch;
    SkydasServer server;
    CoverageService coverage;
    /** Holds the job back until released, so the test sees it running. */
    final CountDownLatch gate = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        scenario = scenario();
        watch = new WatchServices(WatchStore.openSqlite(dir));
        watch.ensureAdmin("admin-secret");
        watch.addUser("pl1", Role.PLANNER, "planner-pass");
        watch.addUser("op1", Role.OPERATOR, "operator-pass");
        CoverageSettings settings = CoverageSettings.defaults().withResolution(20);
        coverage = CoverageService.start(scenario, List.of(), null, settings, r -> new Thread(() -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                return;
            }
            r.run();
        }));
        server = new SkydasServer(new ScenarioView(scenario), "memory", watch).withCoverage(coverage)
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        gate.countDown();
        server.stop();
        watch.close();
    }

    static Scenario scenario() {
        LineString line = Lks94.GRID.createLineString(new Coordinate[] {new Coordinate(E0, N0),
            new Coordinate(E0 + 8000, N0)});
        BorderLine by = new BorderLine("border-BY", Neighbour.BY, Lks94.GRID.createMultiLineString(new LineString[] {line}));
        Zone strip = new Zone("strip-BY", "strip", ZoneKind.BORDER_STRIP,
                Lks94.GRID.toGeometry(new Envelope(E0, E0 + 8000, N0 - 600, N0 + 600)), Map.of());
        SensorParameters radar = new SensorParameters(10, Map.of(TargetClass.PERSON, 1000.0), 0, 0, -90, 90, 0.9, 0.1,
                1, 10, 0);
        Asset a = new Asset("radar-1", "radar 1", AssetType.RADAR, Lks94.GRID.createPoint(new Coordinate(E0 + 2000, N0)),
                AssetStatus.OPERATIONAL, 1e5, 1e3, null, 2026, radar, Map.of());
        return new Scenario(Map.of("name", "coverage test"), List.of(by), new SectorCutter(4000).cut(by), List.of(strip),
                List.of(), List.of(a), DemoScenario.programme());
    }

    HttpResponse<byte[]> call(String method, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode json(String path) throws Exception {
        HttpResponse<byte[]> r = call("GET", path, reader());
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    void ready() throws Exception {
        gate.countDown();
        assertThat(coverage.await(Duration.ofSeconds(60))).isTrue();
        assertThat(json("/api/coverage").path("status").asText()).as(json("/api/coverage").toString()).isEqualTo("ready");
    }

    private String reader;

    /** A planner's token: reading the coverage needs a login. */
    String reader() throws Exception {
        if (reader == null) {
            reader = login("pl1", "planner-pass");
        }
        return reader;
    }

    String login(String user, String pw) throws Exception {
        return watch.login(user, pw).orElseThrow();
    }

    @Test
    void statusGoesFromRunningToReadyAndTilesWaitForIt() throws Exception {
        JsonNode running = json("/api/coverage");
        assertThat(running.path("status").asText()).isEqualTo("running");
        assertThat(running.path("computedAt").isNull()).isTrue();
        assertThat(running.path("terrain").asText()).contains("bare ellipsoid");
        HttpResponse<byte[]> early = call("GET", "/api/tiles/coverage/person/14/9000/5000.png", reader());
        assertThat(early.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(early.body()).path("error").asText()).contains("being computed");
        assertThat(call("GET", "/api/coverage/gaps", reader()).statusCode()).isEqualTo(503);

        ready();
        JsonNode st = json("/api/coverage");
        assertThat(st.path("progress").asDouble()).isEqualTo(1.0);
        assertThat(st.path("threshold").asDouble()).isEqualTo(0.5);
        assertThat(st.path("terrain").asText()).startsWith("terrain: bare ellipsoid");
        assertThat(st.path("computedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(st.path("classes").toString()).contains("person", "vehicle", "drone_50m", "drone_120m");
        assertThat(st.path("legend").size()).isEqualTo(5);
        assertThat(st.path("legend").get(0).path("color").asText()).matches("#[0-9a-f]{6}");
        // the bounds hold the whole border line
        Coordinate w = Lks94.toWgs84(E0, N0);
        Coordinate e = Lks94.toWgs84(E0 + 8000, N0);
        JsonNode b = st.path("bounds");
        assertThat(b.get(0).asDouble()).isLessThan(w.x);
        assertThat(b.get(2).asDouble()).isGreaterThan(e.x);
        assertThat(b.get(1).asDouble()).isLessThan(w.y);
        assertThat(b.get(3).asDouble()).isGreaterThan(w.y);
    }

    @Test
    void aTileIsColouredWhereTheRadarSeesAndTransparentFarAway() throws Exception {
        ready();
        int z = 14;
        Coordinate seen = Lks94.toWgs84(E0 + 2000, N0 + 300);      // 300 m from the radar
        Coordinate unseen = Lks94.toWgs84(E0 + 6000, N0 + 300);    // 4 km away, still on the grid
        assertThat(alphaAt(z, seen)).isGreaterThan(0);
        assertThat(alphaAt(z, unseen)).isZero();
        // a tile far from the scenario is transparent everywhere
        BufferedImage faraway = tile("person", 14, 8192, 8192);
        for (int y = 0; y < 256; y += 16) {
            for (int x = 0; x < 256; x += 16) {
                assertThat(faraway.getRGB(x, y) >>> 24).isZero();
            }
        }
        // the vehicle has no sensor here: the same place is transparent
        int[] t = tileOf(z, seen);
        assertThat(tile("vehicle", z, t[0], t[1]).getRGB(t[2], t[3]) >>> 24).isZero();
    }

    @Test
    void alertsAskWhetherAPlaceIsCoveredInTheCoverageClassOfTheTrackedKind() throws Exception {
        CoverageAtPoint at = new CoverageAtPoint(coverage);
        assertThat(at.at(E0 + 2000, N0 + 300, TargetKind.PERSON)).as("nothing computed yet").isNull();
        ready();
        // 300 m from a radar that sees people to 1 km and has no range for vehicles or drones.
        assertThat(at.at(E0 + 2000, N0 + 300, TargetKind.PERSON)).isEqualTo(CoverageVerdict.COVERED);
        assertThat(at.at(E0 + 2000, N0 + 300, TargetKind.UNKNOWN)).as("judged as a person").isEqualTo(CoverageVerdict.COVERED);
        assertThat(at.at(E0 + 2000, N0 + 300, null)).as("an untyped track is unknown").isEqualTo(CoverageVerdict.COVERED);
        assertThat(at.at(E0 + 2000, N0 + 300, TargetKind.VEHICLE)).isEqualTo(CoverageVerdict.GAP);
        assertThat(at.at(E0 + 2000, N0 + 300, TargetKind.DRONE)).isEqualTo(CoverageVerdict.GAP);
        assertThat(at.at(E0 + 6000, N0 + 300, TargetKind.PERSON)).as("4 km away, on the grid").isEqualTo(CoverageVerdict.GAP);
        assertThat(at.at(E0 - 100_000, N0, TargetKind.PERSON)).as("off the grid").isNull();
        assertThat(at.at(Double.NaN, N0, TargetKind.PERSON)).isNull();
        assertThat(new CoverageAtPoint(null).at(E0 + 2000, N0 + 300, TargetKind.PERSON)).isNull();
    }

    @Test
    void unknownClassIs404AndBadTileNumbers400() throws Exception {
        ready();
        HttpResponse<byte[]> r = call("GET", "/api/tiles/coverage/tank/10/500/300.png", reader());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(r.body()).path("error").asText()).contains("tank");
        assertThat(call("GET", "/api/tiles/coverage/person/3/8/0.png", reader()).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/tiles/coverage/person/x/1/0.png", reader()).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/tiles/coverage/person/1/1/0.jpg", reader()).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/coverage/gaps?class=tank", reader()).statusCode()).isEqualTo(400);
    }

    @Test
    void gapsAndSectorFiguresNameTheScenarioSectors() throws Exception {
        ready();
        Set<String> sectorIds = new HashSet<>();
        for (Sector s : scenario.sectors()) {
            sectorIds.add(s.id());
        }
        assertThat(sectorIds).hasSize(2);
        JsonNode gaps = json("/api/coverage/gaps?class=person");
        assertThat(gaps.path("type").asText()).isEqualTo("FeatureCollection");
        Set<String> seen = new HashSet<>();
        for (JsonNode f : gaps.path("features")) {
            seen.add(f.path("properties").path("sector").asText());
            assertThat(f.path("properties").path("class").asText()).isEqualTo("person");
            assertThat(f.path("properties").path("area_m2").asDouble()).isPositive();
            assertThat(f.path("geometry").path("type").asText()).isEqualTo("Polygon");
            // WGS84 around Lithuania, not LKS-94 metres
            assertThat(f.path("geometry").path("coordinates").get(0).get(0).get(0).asDouble()).isBetween(20.0, 28.0);
        }
        // both sectors have uncovered strip: the first around the radar's disc, the second all of it
        assertThat(seen).isEqualTo(sectorIds);
        assertThat(json("/api/coverage/gaps").path("features").size()).isGreaterThan(gaps.path("features").size());

        JsonNode sectors = json("/api/coverage/sectors");
        assertThat(sectors.size()).isEqualTo(2);
        JsonNode first = sectors.get(0).path("classes").path("person");
        JsonNode second = sectors.get(1).path("classes").path("person");
        assertThat(first.path("covered_pct").asDouble()).isBetween(5.0, 95.0);
        assertThat(second.path("covered_pct").asDouble()).isZero();
        assertThat(second.path("longest_gap_m").asDouble()).isEqualTo(4000.0);
        assertThat(first.path("longest_gap_m").asDouble()).isLessThan(4000.0);
        assertThat(sectors.get(0).path("classes").path("vehicle").path("covered_pct").asDouble()).isZero();
    }

    @Test
    void onlyPlannersAndAdminsMayRecompute() throws Exception {
        ready();
        assertThat(call("POST", "/api/coverage/recompute", null).statusCode()).isEqualTo(401);
        assertThat(call("POST", "/api/coverage/recompute", "not-a-token").statusCode()).isEqualTo(401);
        assertThat(call("POST", "/api/coverage/recompute", login("op1", "operator-pass")).statusCode()).isEqualTo(403);
        String before = json("/api/coverage").path("computedAt").asText();
        HttpResponse<byte[]> r = call("POST", "/api/coverage/recompute", login("pl1", "planner-pass"));
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(coverage.await(Duration.ofSeconds(60))).isTrue();
        JsonNode after = json("/api/coverage");
        assertThat(after.path("status").asText()).isEqualTo("ready");
        assertThat(after.path("computedAt").asText()).isNotEqualTo(before);
        assertThat(call("POST", "/api/coverage/recompute", login("admin", "admin-secret")).statusCode()).isEqualTo(202);
    }

    @Test
    void aScenarioWithoutStripOrSectorsFailsWithAReason() throws Exception {
        Scenario empty = new Scenario(Map.of("name", "empty"), List.of(), List.of(), List.of(), List.of(), List.of(),
                DemoScenario.programme());
        try (CoverageService bad = CoverageService.start(empty, List.of(), null, CoverageSettings.defaults())) {
            assertThat(bad.await(Duration.ofSeconds(30))).isTrue();
            assertThat(bad.state().status()).isEqualTo(CoverageService.Status.FAILED);
            assertThat(bad.state().error()).contains("no border strip");
        }
    }

    @Test
    void aServerWithoutCoverageSaysNoneAndServesNoTiles() throws Exception {
        String planner = reader();
        try (SkydasServer plain = new SkydasServer(new ScenarioView(scenario), "memory", watch).start("127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + plain.port();
            HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/coverage")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).as("the coverage needs a login").isEqualTo(401);
            HttpResponse<String> st = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/coverage"))
                    .header("Authorization", "Bearer " + planner).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(st.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(st.body()).path("status").asText()).isEqualTo("none");
            HttpResponse<String> tile = HTTP.send(HttpRequest.newBuilder(URI.create(base
                    + "/api/tiles/coverage/person/10/500/300.png")).header("Authorization", "Bearer " + planner).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(tile.statusCode()).isEqualTo(503);
            HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/coverage/recompute"))
                    .header("Authorization", "Bearer " + planner).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(again.statusCode()).isEqualTo(503);
        }
    }

    @Test
    void aDemFileIsReadByTheJobAndABadOneFailsItWithTheFileName() throws Exception {
        // A 100 m plateau with a 300 m wall 500 m east of the radar: the radar sees west, not past the wall.
        int w = 600;
        int h = 100;
        org.skydas.terrain.GeoTransform gt = org.skydas.terrain.GeoTransform.northUp(E0 - 1000, N0 + 1000, 20, -20);
        float[] z = new float[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double x = gt.x(c + 0.5, r + 0.5);
                z[r * w + c] = x > E0 + 2500 && x < E0 + 2560 ? 400f : 100f;
            }
        }
        Path dem = dir.resolve("dem.tif");
        org.skydas.terrain.io.GeoTiffWriter.writeFloat32(dem, org.skydas.terrain.DemGrid.wrap(w, h, z, gt, 3346, Float.NaN),
                org.skydas.terrain.io.GeoTiffWriter.Compression.DEFLATE);
        CoverageSettings settings = CoverageSettings.defaults().withResolution(20);
        try (CoverageService withDem = CoverageService.start(scenario, List.of(dem), null, settings)) {
            assertThat(withDem.await(Duration.ofSeconds(60))).isTrue();
            CoverageSnapshot snap = withDem.state().snapshot();
            assertThat(snap.terrainNote()).startsWith("terrain: DEM");
            var p = snap.classes().get(TargetClass.PERSON).probability();
            int row = (int) p.transform().row(E0 + 2000, N0);
            assertThat(p.probability((int) p.transform().col(E0 + 1700, N0), row)).isGreaterThan(0.5f);
            assertThat(p.probability((int) p.transform().col(E0 + 2800, N0), row)).isZero();
        }
        Path bad = dir.resolve("not-a-dem.tif");
        java.nio.file.Files.writeString(bad, "hello");
        try (CoverageService failing = CoverageService.start(scenario, List.of(bad), null, settings)) {
            assertThat(failing.await(Duration.ofSeconds(30))).isTrue();
            assertThat(failing.state().status()).isEqualTo(CoverageService.Status.FAILED);
            assertThat(failing.state().error()).contains("not-a-dem.tif");
            assertThat(failing.state().snapshot()).isNull();
        }
    }

    @Test
    void theOpenApiDocumentListsTheCoverageRoutes() throws Exception {
        JsonNode paths = json("/api/openapi.json").path("paths");
        for (String p : List.of("/api/coverage", "/api/coverage/gaps", "/api/coverage/sectors", "/api/coverage/recompute",
                "/api/tiles/coverage/{class}/{z}/{x}/{y}.png")) {
            assertThat(paths.has(p)).as(p).isTrue();
        }
    }

    /** {tileX, tileY, pixelX, pixelY} of a WGS84 point at zoom z. */
    static int[] tileOf(int z, Coordinate lonLat) {
        double n = 256.0 * (1 << z);
        double px = (lonLat.x + 180) / 360 * n;
        double lat = Math.toRadians(lonLat.y);
        double py = (1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n;
        return new int[] {(int) (px / 256), (int) (py / 256), (int) px % 256, (int) py % 256};
    }

    int alphaAt(int z, Coordinate lonLat) throws Exception {
        int[] t = tileOf(z, lonLat);
        return tile("person", z, t[0], t[1]).getRGB(t[2], t[3]) >>> 24;
    }

    BufferedImage tile(String cls, int z, int x, int y) throws Exception {
        HttpResponse<byte[]> r = call("GET", "/api/tiles/coverage/" + cls + "/" + z + "/" + x + "/" + y + ".png", reader());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertThat(img.getWidth()).isEqualTo(256);
        return img;
    }
}
