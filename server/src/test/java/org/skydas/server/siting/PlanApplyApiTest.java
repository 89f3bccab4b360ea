package org.skydas.server.siting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.model.Asset;
import org.skydas.model.AssetStatus;
import org.skydas.model.Scenario;
import org.skydas.model.Site;
import org.skydas.server.ScenarioView;
import org.skydas.server.SkydasServer;
import org.skydas.server.WatchServices;
import org.skydas.server.auth.Role;
import org.skydas.server.coverage.CoverageService;
import org.skydas.server.coverage.CoverageSettings;
import org.skydas.store.ScenarioStore;
import org.skydas.store.watch.WatchStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/siting/plan/{id}/apply} on the scenario of {@link SitingApiTest} served from a GeoPackage: only
 * planners and admins; a finished plan's sites and sensors land in the file as planned assets with year and cost and
 * nothing else in the file changes (other layers, programme, metadata, a table a GIS tool added); the admin log says
 * who applied which plan; the running server then shows them (layers, programme roll-up, coverage recomputed); and
 * a plan that is not finished, applied already, made on an older scenario, or a file changed on disk is a 409 with
 * its reason and nothing written.
 */
class PlanApplyApiTest {

    static final HttpClient HTTP = org.skydas.server.CheckedHttpClient.create();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PLAN = "{\"class\": \"person\", \"budget_per_year\": [{\"year\": 2027, \"budget_eur\": 1200000},"
            + " {\"year\": 2028, \"budget_eur\": 1200000}], \"site_cost_eur\": 200000, \"time_limit_s\": 20,"
            + " \"frontier\": []}";

    @TempDir
    Path dir;
    Path gpkg;
    WatchServices watch;
    SkydasServer server;
    CoverageService coverage;
    Map<Role, String> tokens = new HashMap<>();

    void start(SitingJobs jobs, boolean file) throws Exception {
        gpkg = dir.resolve("scenario.gpkg");
        ScenarioStore.write(SitingApiTest.scenario(), gpkg);
        // A table QGIS or another tool added: applying a plan must leave it as it is.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE layer_notes (id INTEGER PRIMARY KEY, note TEXT)");
            st.execute("INSERT INTO layer_notes (note) VALUES ('kept by QGIS')");
        }
        Scenario s = ScenarioStore.read(gpkg);
        watch = new WatchServices(WatchStore.openSqlite(dir.resolve("watch")));
        watch.ensureAdmin("admin-password-long");
        watch.addUser("plan", Role.PLANNER, "planner-password");
        watch.addUser("op", Role.OPERATOR, "operator-password");
        watch.addUser("aud", Role.AUDITOR, "auditor-password");
        coverage = CoverageService.start(s, List.of(), null, CoverageSettings.defaults().withResolution(500));
        server = new SkydasServer(new ScenarioView(s), gpkg.toString(), watch)
                .withSiting(jobs == null ? new SitingJobs(s, List.of(), null) : jobs)
                .withCoverage(coverage);
        if (file) {
            server.withScenarioFile(gpkg);
        }
        server.start("127.0.0.1", 0);
        tokens.put(Role.PLANNER, watch.login("plan", "planner-password").orElseThrow());
        tokens.put(Role.OPERATOR, watch.login("op", "operator-password").orElseThrow());
        tokens.put(Role.AUDITOR, watch.login("aud", "auditor-password").orElseThrow());
        tokens.put(Role.ADMIN, watch.login("admin", "admin-password-long").orElseThrow());
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (watch != null) {
            watch.close();
        }
    }

    HttpResponse<String> send(Role role, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + tokens.get(role));
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode get(Role role, String path) throws Exception {
        HttpResponse<String> r = send(role, "GET", path, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    HttpResponse<String> apply(Role role, String id) throws Exception {
        return send(role, "POST", "/api/siting/plan/" + id + "/apply", null);
    }

    /** Starts a plan and waits for it: the finished job. */
    JsonNode plan() throws Exception {
        HttpResponse<String> r = send(Role.PLANNER, "POST", "/api/siting/plan", PLAN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String location = r.headers().firstValue("Location").orElseThrow();
        long end = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < end) {
            JsonNode j = get(Role.PLANNER, location);
            if (j.get("status").asText().equals("done")) {
                return j;
            }
            assertThat(j.get("status").asText()).as(j.toString()).isIn("queued", "running");
            Thread.sleep(100);
        }
        throw new AssertionError("the plan did not finish in 120 s");
    }

    static void assertConflict(HttpResponse<String> r, String reason) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
        assertThat(JSON.readTree(r.body()).get("reason").asText()).as(r.body()).isEqualTo(reason);
    }

    static double planned(JsonNode programme, int year) {
        double sum = 0;
        for (JsonNode row : programme.get("rows")) {
            if (row.path("year").asInt() == year) {
                sum += row.get("planned_eur").asDouble();
            }
        }
        return sum;
    }

    @Test
    void aFinishedPlanIsWrittenAsPlannedAssetsOnceAndTheServerShowsIt() throws Exception {
        start(null, true);
        Scenario before = ScenarioStore.read(gpkg);
        JsonNode programmeBefore = get(Role.PLANNER, "/api/programme");
        assertThat(coverage.await(Duration.ofSeconds(120))).isTrue();
        String coveredBefore = get(Role.PLANNER, "/api/coverage").get("computedAt").asText();

        JsonNode first = plan();
        JsonNode second = plan(); // made on the same revision: stale once the first is applied
        String id = first.get("id").asText();
        JsonNode sites = first.get("result").get("sites");
        assertThat(sites.size()).isPositive();
        // What the confirmation shows: the plan's sites, their cost and years, before anything is written.
        JsonNode preview = first.get("apply");
        assertThat(preview.get("state").asText()).isEqualTo("ready");
        assertThat(preview.get("assets").asInt()).isEqualTo(sites.size());
        double cost = 0;
        Map<Integer, Double> costPerYear = new HashMap<>();
        for (JsonNode s : sites) {
            cost += s.get("cost_eur").asDouble();
            costPerYear.merge(s.get("year").asInt(), s.get("cost_eur").asDouble(), Double::sum);
        }
        assertThat(preview.get("total_cost_eur").asDouble()).isCloseTo(cost, within(0.01));
        assertThat(preview.get("per_year").size()).isEqualTo(costPerYear.size());

        // Only planners and admins.
        assertThat(apply(Role.OPERATOR, id).statusCode()).isEqualTo(403);
        assertThat(apply(Role.AUDITOR, id).statusCode()).isEqualTo(403);
        assertThat(ScenarioStore.read(gpkg)).isEqualTo(before);

        HttpResponse<String> ok = apply(Role.PLANNER, id);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        JsonNode applied = JSON.readTree(ok.body()).get("applied");
        assertThat(applied.get("by").asText()).isEqualTo("plan");
        assertThat(applied.get("revision").asLong()).isEqualTo(1);
        assertThat(applied.get("total_cost_eur").asDouble()).isCloseTo(cost, within(0.01));
        assertThat(JSON.readTree(ok.body()).get("watch").asText()).contains("until the server restarts");

        // The file: every other layer, the programme and the metadata as they were; the new sites and the planned
        // sensors with the plan's year and cost; the table another tool added still there.
        Scenario after = ScenarioStore.read(gpkg);
        assertThat(after.metadata()).isEqualTo(before.metadata());
        assertThat(after.border()).isEqualTo(before.border());
        assertThat(after.sectors()).isEqualTo(before.sectors());
        assertThat(after.zones()).isEqualTo(before.zones());
        assertThat(after.programme()).isEqualTo(before.programme());
        assertThat(after.assets().subList(0, before.assets().size())).isEqualTo(before.assets());
        assertThat(after.sites().subList(0, before.sites().size())).isEqualTo(before.sites());
        List<Asset> added = after.assets().subList(before.assets().size(), after.assets().size());
        assertThat(added).hasSize(sites.size());
        for (int k = 0; k < sites.size(); k++) {
            JsonNode s = sites.get(k);
            Asset a = added.get(k);
            assertThat(a.id()).isEqualTo("plan-radar-" + s.get("id").asText());
            assertThat(a.status()).isEqualTo(AssetStatus.PROPOSED);
            assertThat(a.year()).isEqualTo(s.get("year").asInt());
            assertThat(a.capexEur()).isCloseTo(s.get("cost_eur").asDouble(), within(0.01));
            assertThat(a.sensor()).isEqualTo(before.assets().get(1).sensor());
        }
        List<String> newSites = new ArrayList<>();
        after.sites().subList(before.sites().size(), after.sites().size()).stream().map(Site::id).forEach(newSites::add);
        assertThat(newSites).containsExactlyElementsOf(added.stream().map(a -> (String) a.params().get("site")).toList());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT note FROM layer_notes")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kept by QGIS");
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }

        // The audit: who applied which plan, and what it added.
        List<String[]> log = watch.adminLog();
        assertThat(log).hasSize(1);
        assertThat(log.get(0)[1]).isEqualTo("plan");
        assertThat(log.get(0)[2]).isEqualTo("apply_siting_plan");
        JsonNode detail = JSON.readTree(log.get(0)[3]);
        assertThat(detail.get("plan").asText()).isEqualTo(id);
        assertThat(detail.get("assets")).hasSize(sites.size());

        // The running server shows the new scenario: layers, the programme roll-up, the coverage recomputed.
        List<String> layerIds = new ArrayList<>();
        get(Role.PLANNER, "/api/layers/assets").get("features").forEach(f -> layerIds.add(f.get("id").asText()));
        assertThat(layerIds).containsAll(added.stream().map(Asset::id).toList());
        JsonNode programme = get(Role.PLANNER, "/api/programme");
        assertThat(programme.get("total").get("planned_eur").asDouble() - programmeBefore.get("total")
                .get("planned_eur").asDouble()).isCloseTo(cost, within(0.01));
        for (Map.Entry<Integer, Double> e : costPerYear.entrySet()) {
            assertThat(planned(programme, e.getKey()) - planned(programmeBefore, e.getKey()))
                    .isCloseTo(e.getValue(), within(0.01));
        }
        assertThat(coverage.await(Duration.ofSeconds(120))).isTrue();
        JsonNode cov = get(Role.PLANNER, "/api/coverage");
        assertThat(cov.get("status").asText()).isEqualTo("ready");
        assertThat(cov.get("computedAt").asText()).isNotEqualTo(coveredBefore);
        assertThat(coverage.state().snapshot().computedAt().toString()).isEqualTo(cov.get("computedAt").asText());

        // Once only; the plan made on the revision before is stale; both leave the file alone.
        byte[] file = Files.readAllBytes(gpkg);
        assertConflict(apply(Role.ADMIN, id), "applied");
        assertThat(get(Role.PLANNER, "/api/siting/plan/" + id).get("apply").get("state").asText()).isEqualTo("applied");
        String other = second.get("id").asText();
        assertThat(get(Role.PLANNER, "/api/siting/plan/" + other).get("apply").get("state").asText()).isEqualTo("stale");
        assertConflict(apply(Role.PLANNER, other), "stale");
        assertThat(Files.readAllBytes(gpkg)).isEqualTo(file);
        assertThat(watch.adminLog()).hasSize(1);

        // A new plan is made on the applied scenario (its planned sites are candidate sites now).
        JsonNode third = plan();
        assertThat(third.get("scenario_revision").asLong()).isEqualTo(1);
        assertThat(third.get("result").get("candidates").asInt())
                .isEqualTo(first.get("result").get("candidates").asInt() + newSites.size());
    }

    @Test
    void unfinishedPlansFilesChangedOnDiskAndScenariosInMemoryAreRefused() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        start(SitingApiTest.held(hold), true);
        HttpResponse<String> r = send(Role.PLANNER, "POST", "/api/siting/plan", PLAN);
        String id = JSON.readTree(r.body()).get("id").asText();
        assertConflict(apply(Role.PLANNER, id), "not_finished");
        assertThat(apply(Role.PLANNER, "no-such-plan").statusCode()).isEqualTo(404);
        hold.countDown();
        long end = System.nanoTime() + 120_000_000_000L;
        while (!get(Role.PLANNER, "/api/siting/plan/" + id).get("status").asText().equals("done")) {
            assertThat(System.nanoTime()).isLessThan(end);
            Thread.sleep(100);
        }
        // Another program changed the file since the server read it: refused, the other program's change kept.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
             Statement st = c.createStatement()) {
            st.execute("INSERT INTO layer_notes (note) VALUES ('edited in QGIS while the server ran')");
        }
        byte[] edited = Files.readAllBytes(gpkg);
        assertConflict(apply(Role.PLANNER, id), "changed_on_disk");
        assertThat(Files.readAllBytes(gpkg)).isEqualTo(edited);
        assertThat(watch.adminLog()).isEmpty();
        stop();

        // A server without a scenario file has nothing to write the plan into.
        server = null;
        watch = null;
        dir = Files.createDirectories(dir.resolve("second"));
        start(null, false);
        JsonNode done = plan();
        assertThat(done.get("apply").get("state").asText()).isEqualTo("no_file");
        assertConflict(apply(Role.ADMIN, done.get("id").asText()), "no_file");
    }
}
