package org.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.model.Scenario;
import org.skydas.model.Zone;
import org.skydas.model.ZoneKind;
import org.skydas.model.demo.DemoScenario;
import org.skydas.server.auth.Role;
import org.skydas.store.watch.WatchStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The obstacle register's HTTP API: validation, life cycle, access per role, exports. */
class ObstacleApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Central Lithuania; a settlement 300 m north of the test field. */
    static final Coordinate C = Lks94.toGrid(24.0, 55.3);

    @TempDir
    Path dir;
    WatchServices watch;
    SkydasServer server;
    Map<String, String> tokens = new java.util.HashMap<>();

    @BeforeEach
    void start() throws Exception {
        watch = new WatchServices(WatchStore.openSqlite(dir));
        watch.ensureAdmin("admin-password-long");
        for (Role r : List.of(Role.OPERATOR, Role.PLANNER, Role.ENGINEER, Role.AUDITOR)) {
            watch.addUser(r.wireName() + "1", r, r.wireName() + "-password-long");
        }
        Zone village = new Zone("settlement-x", "Test village", ZoneKind.SETTLEMENT,
                Lks94.GRID.createPoint(new Coordinate(C.x, C.y + 50 + 300 + 500)).buffer(500, 32), null);
        Scenario s = new Scenario(Map.of("name", "t"), List.of(), List.of(), List.of(village), List.of(), List.of(),
                DemoScenario.programme());
        server = new SkydasServer(new ScenarioView(s), "memory", watch).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        watch.close();
    }

    String token(String role) throws Exception {
        if (!tokens.containsKey(role)) {
            String user = role.equals("admin") ? "admin" : role + "1";
            HttpResponse<String> r = call("POST", "/api/login", null, "{\"username\":\"" + user + "\",\"password\":\""
                    + role + "-password-long\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            tokens.put(role, JSON.readTree(r.body()).path("token").asText());
        }
        return tokens.get(role);
    }

    HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return WatchApiTest.send(server.port(), method, path, token, body);
    }

    HttpResponse<String> as(String role, String method, String path, Object body) throws Exception {
        return call(method, path, token(role), body == null ? null : JSON.writeValueAsString(body));
    }

    static double[] ll(double dx, double dy) {
        Coordinate p = Lks94.toWgs84(C.x + dx, C.y + dy);
        return new double[] {p.x, p.y};
    }

    /** The example minefield: 400 m x 100 m around C, reference points 100 m out. */
    static ObjectNode minefield() throws Exception {
        double[][] ring = {ll(-200, -50), ll(200, -50), ll(200, 50), ll(-200, 50), ll(-200, -50)};
        double[] r1 = ll(-300, -150);
        double[] r2 = ll(300, -150);
        String json = String.format(Locale.ROOT, """
                {"kind": "minefield", "name": "API field",
                 "geometry": {"type": "Polygon", "coordinates": [%s]},
                 "reference_points": [{"lon": %.9f, "lat": %.9f, "description": "post 1", "ground_marked": true},
                                      {"lon": %.9f, "lat": %.9f, "description": "post 2", "ground_marked": false}],
                 "devices": [{"type": "generic AT mine", "category": "anti_tank", "count": 120, "fuze": "pressure",
                              "self_destruct": true, "active_life_days": 365, "anti_handling": false}],
                 "emplacement": "buried", "laid_at": "2026-05-04T10:00:00Z", "laying_unit": "unit",
                 "order_ref": "ORD-1", "custody": "HQ", "cost_eur": 1200000, "budget_line": "counter_mobility"}
                """, JSON.writeValueAsString(ring), r1[0], r1[1], r2[0], r2[1]);
        return (ObjectNode) JSON.readTree(json);
    }

    static ObjectNode fence() throws Exception {
        return (ObjectNode) JSON.readTree(String.format(Locale.ROOT, """
                {"kind": "fence", "name": "API fence", "geometry": {"type": "LineString", "coordinates": %s},
                 "length_m": 2000, "width_m": 0.5, "effect": "disrupt", "delay_s": {"person": 120},
                 "cost_eur": 300000, "budget_line": "barriers_fortifications"}
                """, JSON.writeValueAsString(new double[][] {ll(-1000, 3000), ll(1000, 3000)})));
    }

    String create(ObjectNode body) throws Exception {
        HttpResponse<String> r = as("engineer", "POST", "/api/obstacle-fields", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).path("id").asText();
    }

    JsonNode step(String id, String to, Object extra) throws Exception {
        ObjectNode b = JSON.createObjectNode().put("to", to).put("note", "step to " + to);
        if (extra != null) {
            b.set("clearance", JSON.valueToTree(extra));
        }
        HttpResponse<String> r = as("engineer", "POST", "/api/obstacle-fields/" + id + "/transition", b);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void createdFieldIsStoredWithItsRecordWarningsAndHistory() throws Exception {
        HttpResponse<String> r = as("engineer", "POST", "/api/obstacle-fields", minefield());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode f = JSON.readTree(r.body());
        String id = f.path("id").asText();
        assertThat(r.headers().firstValue("Location")).contains("/api/obstacle-fields/" + id);
        assertThat(f.path("status").asText()).isEqualTo("planned");
        assertThat(f.path("version").asInt()).isEqualTo(1);
        assertThat(f.path("next").toString()).isEqualTo("[\"laid\"]");
        assertThat(f.path("warnings").get(0).path("kind").asText()).isEqualTo("settlement");
        assertThat(f.path("warnings").get(0).path("distance_m").asDouble()).isBetween(299.0, 301.0);
        assertThat(f.path("history").get(0).path("actor").asText()).isEqualTo("engineer1");
        JsonNode got = JSON.readTree(as("planner", "GET", "/api/obstacle-fields/" + id, null).body());
        assertThat(got.path("devices").get(0).path("count").asInt()).isEqualTo(120);
        assertThat(got.path("geometry").path("type").asText()).isEqualTo("Polygon");
    }

    @Test
    void aMissingFieldIs400NamingIt() throws Exception {
        ObjectNode body = minefield();
        ((ArrayNode) body.get("reference_points")).remove(1);
        HttpResponse<String> r = as("engineer", "POST", "/api/obstacle-fields", body);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("error").asText()).isEqualTo("reference_points: at least 2 required");
        assertThat(JSON.readTree(r.body()).path("field").asText()).isEqualTo("reference_points");
        body = minefield();
        body.remove("custody");
        assertThat(JSON.readTree(as("engineer", "POST", "/api/obstacle-fields", body).body()).path("error").asText())
                .isEqualTo("custody: required");
        body = minefield();
        body.put("status", "cleared");
        assertThat(as("engineer", "POST", "/api/obstacle-fields", body).statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(as("engineer", "GET", "/api/obstacle-fields", null).body())).isEmpty();
    }

    @Test
    void theWholeLifeCycleOverHttpWithClearanceAndStaleWritesRefused() throws Exception {
        String id = create(minefield());
        // skipping a step is a conflict
        HttpResponse<String> skip = as("engineer", "POST", "/api/obstacle-fields/" + id + "/transition",
                Map.of("to", "cleared"));
        assertThat(skip.statusCode()).as(skip.body()).isEqualTo(409);
        step(id, "laid", null);
        step(id, "marked", null);
        step(id, "inspected", null);
        HttpResponse<String> noRecord = as("engineer", "POST", "/api/obstacle-fields/" + id + "/transition",
                Map.of("to", "cleared"));
        assertThat(noRecord.statusCode()).isEqualTo(400);
        assertThat(noRecord.body()).contains("clearance: required");
        Map<String, Object> clearance = Map.of("organisation", "team", "method", "manual", "started_at",
                "2026-06-01T08:00:00Z", "completed_at", "2026-06-03T16:00:00Z", "area_cleared_m2", 40000,
                "devices_found", 120, "qm_check", Map.of("by", "QA", "at", "2026-06-04T10:00:00Z", "passed", true));
        JsonNode cleared = step(id, "cleared", clearance);
        assertThat(cleared.path("status").asText()).isEqualTo("cleared");
        JsonNode done = step(id, "handed_over", null);
        assertThat(done.path("version").asInt()).isEqualTo(6);
        assertThat(done.path("next")).isEmpty();
        assertThat(done.path("history")).hasSize(6);
        // a PUT made against an old version is refused
        ObjectNode edit = minefield().put("name", "renamed").put("version", 3);
        assertThat(as("engineer", "PUT", "/api/obstacle-fields/" + id, edit).statusCode()).isEqualTo(409);
        edit.put("version", 6);
        HttpResponse<String> put = as("engineer", "PUT", "/api/obstacle-fields/" + id, edit);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(JSON.readTree(put.body()).path("status").asText()).isEqualTo("handed_over");
        assertThat(JSON.readTree(put.body()).path("version").asInt()).isEqualTo(7);
        assertThat(JSON.readTree(as("engineer", "GET", "/api/obstacle-fields/" + id + "/versions", null).body()))
                .hasSize(7);

        JsonNode audit = JSON.readTree(as("auditor", "GET", "/api/obstacle-fields/audit", null).body());
        assertThat(audit).hasSize(7);
        assertThat(audit.get(4).path("action").asText()).isEqualTo("transition:cleared");
        assertThat(audit.get(6).path("before").path("name").asText()).isEqualTo("API field");

        String csv = as("planner", "GET", "/api/obstacle-fields/export?format=csv&id=" + id, null).body();
        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv.lines().toList().get(1)).contains(",CHA,minefield,handed_over,anti_tank,");
        JsonNode gj = JSON.readTree(as("planner", "GET", "/api/obstacle-fields/export?format=geojson", null).body());
        assertThat(gj.path("features")).hasSize(3);
    }

    @ParameterizedTest
    @CsvSource({
        // role, list sees explosive, get explosive, create explosive, transition explosive, audit, get fence, create fence
        "engineer,true,200,201,200,403,200,201",
        "admin,true,200,201,200,200,200,201",
        "planner,true,200,403,403,403,200,201",
        "operator,false,403,403,403,403,200,403",
        "auditor,false,403,403,403,200,200,403"})
    void accessPerRole(String role, boolean listsExplosive, int get, int create, int transition, int audit, int getFence,
                       int createFence) throws Exception {
        String mf = create(minefield());
        String fence = create(fence());
        JsonNode list = JSON.readTree(as(role, "GET", "/api/obstacle-fields", null).body());
        assertThat(list.findValuesAsText("id")).contains(fence);
        assertThat(list.findValuesAsText("id").contains(mf)).isEqualTo(listsExplosive);
        assertThat(as(role, "GET", "/api/obstacle-fields/" + mf, null).statusCode()).isEqualTo(get);
        assertThat(as(role, "GET", "/api/obstacle-fields/" + mf + "/marking-plan", null).statusCode()).isEqualTo(get);
        assertThat(as(role, "POST", "/api/obstacle-fields", minefield()).statusCode()).isEqualTo(create);
        HttpResponse<String> t = as(role, "POST", "/api/obstacle-fields/" + mf + "/transition", Map.of("to", "laid"));
        assertThat(t.statusCode()).as(t.body()).isEqualTo(transition);
        assertThat(as(role, "GET", "/api/obstacle-fields/audit", null).statusCode()).isEqualTo(audit);
        assertThat(as(role, "GET", "/api/obstacle-fields/" + fence, null).statusCode()).isEqualTo(getFence);
        assertThat(as(role, "POST", "/api/obstacle-fields", fence()).statusCode()).isEqualTo(createFence);
        String csv = as(role, "GET", "/api/obstacle-fields/export?format=csv", null).body();
        assertThat(csv.contains("API field")).isEqualTo(listsExplosive);
        assertThat(call("GET", "/api/obstacle-fields", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void theMarkingPlanIsGeoJsonWithNumberedSigns() throws Exception {
        String id = create(minefield());
        JsonNode plan = JSON.readTree(as("engineer", "GET", "/api/obstacle-fields/" + id + "/marking-plan?spacing=50",
                null).body());
        assertThat(plan.path("sign_count").asInt()).isEqualTo(20);
        assertThat(plan.path("features").get(19).path("properties").path("sequence").asInt()).isEqualTo(20);
        assertThat(as("engineer", "GET", "/api/obstacle-fields/" + id + "/marking-plan?spacing=900", null).statusCode())
                .isEqualTo(400);
        HttpResponse<String> png = as("engineer", "GET", "/api/obstacle-fields/" + id + "/marking-plan?format=png", null);
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(png.body()).startsWith("\uFFFDPNG");
        JsonNode rollup = JSON.readTree(as("planner", "GET", "/api/obstacle-fields/rollup", null).body());
        assertThat(rollup.path("category").asText()).isEqualTo("counter_mobility_obstacles");
        assertThat(rollup.path("rows").get(0).path("year").asInt()).isEqualTo(2026);
        assertThat(rollup.path("total").path("planned").path("cost_eur").asDouble()).isEqualTo(1_200_000);
        assertThat(as("operator", "GET", "/api/obstacle-fields/rollup", null).statusCode()).isEqualTo(403);
    }
}
