package org.skydas.server.siting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;
import org.skydas.geo.Lks94;
import org.skydas.model.Asset;
import org.skydas.model.AssetStatus;
import org.skydas.model.AssetType;
import org.skydas.model.BorderLine;
import org.skydas.model.Neighbour;
import org.skydas.model.Scenario;
import org.skydas.model.SectorCutter;
import org.skydas.model.SensorParameters;
import org.skydas.model.TargetClass;
import org.skydas.model.Zone;
import org.skydas.model.ZoneKind;
import org.skydas.model.demo.DemoScenario;
import org.skydas.server.ScenarioView;
import org.skydas.server.SkydasServer;
import org.skydas.server.WatchServices;
import org.skydas.server.auth.Role;
import org.skydas.siting.SitingInstance;
import org.skydas.siting.scenario.SitingPlanner;
import org.skydas.store.watch.WatchStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/siting/plan} and {@code GET /api/siting/plan/{id}} on a 40 km stretch of border with a 5 km buffer,
 * one operational radar and radar candidates every 5 km (bare ellipsoid): the job's plan equals what
 * {@link SitingPlanner} (the engine of {@code skydas siting plan}) finds for the same request, its bound is at least
 * its objective, budgets per year hold, operators are refused, bad fields are named, and a second plan while one runs
 * is a 409 naming the running one.
 */
class SitingApiTest {

    static final HttpClient HTTP = org.skydas.server.CheckedHttpClient.create();
    static final ObjectMapper JSON = new ObjectMapper();
    static final double E0 = 540_000;
    static final double N0 = 6_000_000;

    @TempDir
    Path dir;
    WatchServices watch;
    SkydasServer server;
    Map<Role, String> tokens;

    static Scenario scenario() {
        LineString line = Lks94.GRID.createLineString(new Coordinate[] {new Coordinate(E0, N0),
            new Coordinate(E0 + 40_000, N0)});
        BorderLine by = new BorderLine("border-BY", Neighbour.BY, Lks94.GRID.createMultiLineString(new LineString[] {line}));
        SensorParameters radar = new SensorParameters(25, Map.of(TargetClass.PERSON, 6_000.0), 0, 0, -5, 30, 0.95, 0.6,
                2, 20, 0.5);
        List<Asset> assets = List.of(
                new Asset("radar-op", null, AssetType.RADAR, Lks94.GRID.createPoint(new Coordinate(E0 + 4_000, N0 + 2_500)),
                        AssetStatus.OPERATIONAL, 900_000, 40_000, null, 2025, radar, Map.of()),
                new Asset("radar-template", null, AssetType.RADAR,
                        Lks94.GRID.createPoint(new Coordinate(E0, N0 + 200_000)), AssetStatus.PROPOSED, 900_000,
                        40_000, null, 2030, radar, Map.of()));
        List<Zone> zones = List.of(
                new Zone("strip-BY", "strip", ZoneKind.BORDER_STRIP,
                        Lks94.GRID.toGeometry(new Envelope(E0, E0 + 40_000, N0, N0 + 1_000)), Map.of()),
                new Zone("buffer-BY", "buffer", ZoneKind.BUFFER,
                        Lks94.GRID.toGeometry(new Envelope(E0, E0 + 40_000, N0, N0 + 5_000)), Map.of()));
        return new Scenario(Map.of("name", "siting api test"), List.of(by), new SectorCutter(10_000).cut(by), zones,
                List.of(), assets, DemoScenario.programme());
    }

    void start(SitingJobs jobs) throws Exception {
        watch = new WatchServices(WatchStore.openSqlite(dir));
        watch.ensureAdmin("admin-password-long");
        watch.addUser("plan", Role.PLANNER, "planner-password");
        watch.addUser("op", Role.OPERATOR, "operator-password");
        server = new SkydasServer(new ScenarioView(scenario()), "memory", watch)
                .withSiting(jobs == null ? new SitingJobs(scenario(), List.of(), null) : jobs)
                .start("127.0.0.1", 0);
        tokens = Map.of(Role.PLANNER, watch.login("plan", "planner-password").orElseThrow(),
                Role.OPERATOR, watch.login("op", "operator-password").orElseThrow(),
                Role.ADMIN, watch.login("admin", "admin-password-long").orElseThrow());
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

    HttpResponse<String> post(Role role, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/siting/plan"))
                .header("Authorization", "Bearer " + tokens.get(role)).POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode get(Role role, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + tokens.get(role)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    JsonNode await(String location) throws Exception {
        long end = System.nanoTime() + 120_000_000_000L;
        double last = 0;
        while (System.nanoTime() < end) {
            JsonNode j = get(Role.PLANNER, location);
            assertThat(j.get("progress").asDouble()).isGreaterThanOrEqualTo(last);
            last = j.get("progress").asDouble();
            if (!j.get("status").asText().equals("running") && !j.get("status").asText().equals("queued")) {
                return j;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the job did not finish in 120 s");
    }

    /** Weight covered per period by the sites the API's plan stands, computed from the engine's instance. */
    static double coveredWeight(SitingInstance in, Set<String> standing) {
        boolean[] covered = new boolean[in.demand().size()];
        for (SitingInstance.Candidate c : in.candidates()) {
            if (c.existing() || standing.contains(c.id())) {
                for (int i : c.covers()) {
                    covered[i] = true;
                }
            }
        }
        double w = 0;
        for (int i = 0; i < covered.length; i++) {
            w += covered[i] ? in.demand().get(i).weight() : 0;
        }
        return w;
    }

    @Test
    void theJobsPlanIsTheEnginesPlanForTheSameRequest() throws Exception {
        start(null);
        String body = "{\"class\": \"person\", \"budget_eur\": 2600000, \"year\": 2027, \"site_cost_eur\": 200000,"
                + " \"time_limit_s\": 20, \"frontier\": [0.5, 1, 2]}";
        HttpResponse<String> res = post(Role.PLANNER, body);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(202);
        String location = res.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/siting/plan/" + JSON.readTree(res.body()).get("id").asText());
        JsonNode job = await(location);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("done");
        assertThat(job.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(job.get("requested_by").asText()).isEqualTo("plan");
        JsonNode plan = job.get("result");

        SitingPlanner.Plan engine = SitingPlanner.run(scenario(), List.of(), null,
                PlanRequest.parse(JSON.readTree(body), scenario()).planner(), new SitingPlanner.Listener() { },
                () -> false);
        assertThat(plan.get("status").asText()).isEqualTo(engine.result().status().name()).isEqualTo("OPTIMAL");
        assertThat(plan.get("objective").asDouble()).isCloseTo(engine.result().objective(), within(1e-9));
        assertThat(plan.get("bound").asDouble()).isGreaterThanOrEqualTo(plan.get("objective").asDouble());
        assertThat(plan.get("coverage_before").asDouble()).isCloseTo(engine.outputs().coverageBefore(), within(1e-12));
        assertThat(plan.get("coverage_after").asDouble()).isCloseTo(engine.outputs().coverageAfter(), within(1e-12));
        assertThat(plan.get("coverage_after").asDouble()).isGreaterThan(plan.get("coverage_before").asDouble());
        assertThat(plan.get("demand_cells").asInt()).isEqualTo(engine.instance().demand().size()).isEqualTo(160 * 20);

        // The API's sites are a plan of the engine's instance: within the budget, covering exactly the objective.
        Set<String> sites = new HashSet<>();
        double spend = 0;
        for (JsonNode f : plan.get("plan_geojson").get("features")) {
            sites.add(f.get("id").asText());
            spend += f.get("properties").get("cost_eur").asDouble();
            assertThat(f.get("properties").get("year").asInt()).isEqualTo(2027);
            Coordinate g = Lks94.toGrid(f.get("geometry").get("coordinates").get(0).asDouble(),
                    f.get("geometry").get("coordinates").get(1).asDouble());
            assertThat(g.x).isBetween(E0, E0 + 40_000);
            assertThat(g.y).isBetween(N0, N0 + 5_000);
        }
        assertThat(sites).hasSize(plan.get("sites").size()).isNotEmpty();
        assertThat(spend).isCloseTo(plan.get("spend_eur").asDouble(), within(0.01)).isLessThanOrEqualTo(2_600_000);
        assertThat(coveredWeight(engine.instance(), sites)).isCloseTo(plan.get("objective").asDouble(), within(1e-9));
        JsonNode period = plan.get("periods").get(0);
        assertThat(period.get("budget_eur").asDouble()).isEqualTo(2_600_000);
        assertThat(period.get("coverage").asDouble()).isCloseTo(plan.get("coverage_after").asDouble(), within(1e-12));
        // The frontier rises with the budget and its last level (2 x) is at least the plan.
        JsonNode fr = plan.get("frontier");
        assertThat(fr).hasSize(3);
        assertThat(fr.get(0).get("coverage").asDouble()).isLessThanOrEqualTo(fr.get(1).get("coverage").asDouble());
        assertThat(fr.get(2).get("coverage").asDouble()).isGreaterThanOrEqualTo(plan.get("coverage_after").asDouble());
        for (JsonNode p : fr) {
            assertThat(p.get("coverage_bound").asDouble()).isGreaterThanOrEqualTo(p.get("coverage").asDouble());
        }
        assertThat(job.get("solver").get("bound").asDouble()).isGreaterThanOrEqualTo(
                job.get("solver").get("incumbent").asDouble());
    }

    @Test
    void budgetsPerYearHoldAndCoverageGrowsYearByYear() throws Exception {
        start(null);
        HttpResponse<String> res = post(Role.ADMIN, "{\"class\": \"person\", \"budget_per_year\": [{\"year\": 2026, "
                + "\"budget_eur\": 1200000}, {\"year\": 2027, \"budget_eur\": 1200000}], \"site_cost_eur\": 200000, "
                + "\"time_limit_s\": 20, \"frontier\": [1]}");
        assertThat(res.statusCode()).as(res.body()).isEqualTo(202);
        JsonNode job = await(res.headers().firstValue("Location").orElseThrow());
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("done");
        JsonNode plan = job.get("result");
        assertThat(plan.get("bound").asDouble()).isGreaterThanOrEqualTo(plan.get("objective").asDouble());
        JsonNode periods = plan.get("periods");
        assertThat(periods).hasSize(2);
        double objective = 0;
        for (JsonNode p : periods) {
            assertThat(p.get("spend_eur").asDouble()).isLessThanOrEqualTo(p.get("budget_eur").asDouble());
            assertThat(p.get("budget_eur").asDouble()).isEqualTo(1_200_000);
            objective += p.get("coverage").asDouble() * plan.get("demand_cells").asInt();
        }
        assertThat(objective).isCloseTo(plan.get("objective").asDouble(), within(1e-6));
        assertThat(periods.get(1).get("coverage").asDouble()).isGreaterThanOrEqualTo(periods.get(0).get("coverage").asDouble());
        assertThat(periods.get(1).get("coverage").asDouble()).isCloseTo(plan.get("coverage_after").asDouble(), within(1e-12));
        Set<Integer> years = new HashSet<>();
        plan.get("sites").forEach(s -> years.add(s.get("year").asInt()));
        assertThat(years).isSubsetOf(2026, 2027);
    }

    @Test
    void operatorsAreRefusedAndBadFieldsAreNamed() throws Exception {
        start(null);
        assertThat(post(Role.OPERATOR, "{\"class\": \"person\", \"budget_eur\": 1000}").statusCode()).isEqualTo(403);
        Map<String, String> bad = Map.of(
                "{\"budget_eur\": 1000}", "class",
                "{\"class\": \"tank\", \"budget_eur\": 1000}", "class",
                "{\"class\": \"person\"}", "budget_eur",
                "{\"class\": \"person\", \"budget_eur\": -5}", "budget_eur",
                "{\"class\": \"person\", \"budget_eur\": 5, \"budget_per_year\": []}", "budget_per_year",
                "{\"class\": \"person\", \"budget_per_year\": [{\"year\": 2027, \"budget_eur\": 1}, "
                        + "{\"year\": 2026, \"budget_eur\": 1}]}", "budget_per_year[1].year",
                "{\"class\": \"person\", \"budget_eur\": 5, \"time_limit_s\": 3600}", "time_limit_s",
                "{\"class\": \"person\", \"budget_eur\": 5, \"resolution_m\": 100, \"colour\": 1}", "colour",
                "{\"class\": \"person\", \"budget_eur\": 5, \"weights\": \"roads\"}", "weights",
                "[1, 2]", "body");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            HttpResponse<String> r = post(Role.PLANNER, e.getKey());
            assertThat(r.statusCode()).as(e.getKey() + " -> " + r.body()).isEqualTo(400);
            JsonNode j = JSON.readTree(r.body());
            assertThat(j.get("field").asText()).as(r.body()).isEqualTo(e.getValue());
            assertThat(j.get("error").asText()).startsWith(e.getValue() + ": ");
        }
        HttpResponse<String> none = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/siting/plan/nope")).header("Authorization", "Bearer " + tokens.get(Role.PLANNER)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).isEqualTo(404);
    }

    /** Jobs on {@link #scenario()} whose runs wait for {@code hold} (at most 60 s). */
    static SitingJobs held(CountDownLatch hold) {
        return new SitingJobs(scenario(), List.of(), null, r -> {
            Thread t = new Thread(() -> {
                try {
                    hold.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                r.run();
            });
            t.setDaemon(true);
            return t;
        });
    }

    @Test
    void aSecondPlanWhileOneRunsIsAConflictNamingTheRunningJob() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        SitingJobs jobs = held(hold);
        start(jobs);
        String body = "{\"class\": \"person\", \"budget_eur\": 1000000, \"time_limit_s\": 5, \"frontier\": []}";
        HttpResponse<String> first = post(Role.PLANNER, body);
        assertThat(first.statusCode()).isEqualTo(202);
        String id = JSON.readTree(first.body()).get("id").asText();
        HttpResponse<String> second = post(Role.ADMIN, body);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(JSON.readTree(second.body()).get("running").asText()).isEqualTo(id);
        assertThat(second.headers().firstValue("Location")).contains("/api/siting/plan/" + id);
        assertThat(get(Role.ADMIN, "/api/siting/plan/" + id).get("status").asText()).isEqualTo("queued");
        hold.countDown();
        assertThat(await("/api/siting/plan/" + id).get("status").asText()).isEqualTo("done");
        // Once it is done, the next one is accepted.
        assertThat(post(Role.ADMIN, body).statusCode()).isEqualTo(202);
    }
}
