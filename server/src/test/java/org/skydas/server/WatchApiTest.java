package org.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.alert.AlertStatus;
import org.skydas.alert.CoverageVerdict;
import org.skydas.alert.Finding;
import org.skydas.alert.RuleKind;
import org.skydas.alert.Severity;
import org.skydas.model.Scenario;
import org.skydas.model.demo.DemoScenario;
import org.skydas.server.auth.Role;
import org.skydas.store.watch.WatchStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Login, roles, alerts and audit over real HTTP, on the embedded watch store. */
class WatchApiTest {

    @TempDir
    Path dir;

    WatchServices watch;
    SkydasServer server;
    long alertId;
    static final HttpClient HTTP = CheckedHttpClient.create();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        watch = new WatchServices(WatchStore.openSqlite(dir));
        assertThat(watch.ensureAdmin("admin-secret")).contains("admin-secret");
        assertThat(watch.ensureAdmin("again")).isEmpty();
        watch.addUser("op1", Role.OPERATOR, "operator-pass");
        watch.addUser("au1", Role.AUDITOR, "auditor-pass");
        alertId = watch.raise(new Finding(RuleKind.BORDER_CROSSING, Severity.HIGH, "track:7", WatchServices.now(),
                560_000, 5_985_000, "BY-017", null, "person crossed the border")).alert().id();
        watch.raise(new Finding(RuleKind.SENSOR_DOWN, Severity.HIGH, "sensor:radar-1", WatchServices.now(), Double.NaN,
                Double.NaN, null, null, "silent"));
        Scenario empty = new Scenario(Map.of("name", "t"), List.of(), List.of(), List.of(), List.of(), List.of(),
                DemoScenario.programme());
        server = new SkydasServer(new ScenarioView(empty), "memory", watch).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        watch.close();
    }

    HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return send(server.port(), method, path, token, body);
    }

    /** One request to the server on {@code port}, with a bearer token if given. */
    static HttpResponse<String> send(int port, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    String login(String user, String pw) throws Exception {
        HttpResponse<String> r = call("POST", "/api/login", null, "{\"username\":\"" + user + "\",\"password\":\"" + pw + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("token").asText();
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void loginGivesATokenWithTheRole() throws Exception {
        HttpResponse<String> r = call("POST", "/api/login", null, "{\"username\":\"op1\",\"password\":\"operator-pass\"}");
        assertThat(json(r).path("role").asText()).isEqualTo("operator");
        assertThat(json(r).path("token").asText()).hasSizeGreaterThan(40);
        assertThat(call("POST", "/api/login", null, "{\"username\":\"op1\",\"password\":\"wrong\"}").statusCode()).isEqualTo(401);
        assertThat(call("POST", "/api/login", null, "{\"username\":\"nobody\",\"password\":\"x\"}").statusCode()).isEqualTo(401);
        HttpResponse<String> bad = call("POST", "/api/login", null, "{\"username\":");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).path("error").asText()).contains("malformed JSON");
        assertThat(call("POST", "/api/login", null, "[1]").statusCode()).isEqualTo(400);
    }

    @Test
    void noTokenIs401AndAWrongRoleIs403() throws Exception {
        assertThat(call("GET", "/api/alerts", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/alerts", "forged", null).statusCode()).isEqualTo(401);
        String auditor = login("au1", "auditor-pass");
        assertThat(call("GET", "/api/alerts", auditor, null).statusCode()).isEqualTo(200);
        HttpResponse<String> ack = call("POST", "/api/alerts/" + alertId + "/ack", auditor, "{\"note\":\"x\"}");
        assertThat(ack.statusCode()).isEqualTo(403);
        assertThat(json(ack).path("error").asText()).contains("auditor");
        String op = login("op1", "operator-pass");
        assertThat(call("GET", "/api/audit", op, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/audit", auditor, null).statusCode()).isEqualTo(200);
    }

    @Test
    void anOperatorAcknowledgesAndResolvesWithAnAuditTrail() throws Exception {
        String op = login("op1", "operator-pass");
        HttpResponse<String> ack = call("POST", "/api/alerts/" + alertId + "/ack", op, "{\"note\":\"patrol sent\"}");
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        assertThat(json(ack).path("status").asText()).isEqualTo("acknowledged");
        assertThat(json(ack).path("acknowledged_by").asText()).isEqualTo("op1");
        assertThat(json(ack).path("lon").asDouble()).isBetween(20.0, 27.0);
        assertThat(call("POST", "/api/alerts/" + alertId + "/ack", op, "{}").statusCode()).isEqualTo(409);
        assertThat(call("POST", "/api/alerts/999/ack", op, "{}").statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/alerts/abc/ack", op, "{}").statusCode()).isEqualTo(400);
        assertThat(call("POST", "/api/alerts/" + alertId + "/resolve", op, "{\"reason\":\"maybe\"}").statusCode())
                .isEqualTo(400);
        assertThat(call("POST", "/api/alerts/" + alertId + "/resolve", op, "{\"note\":1}").statusCode()).isEqualTo(400);
        HttpResponse<String> res = call("POST", "/api/alerts/" + alertId + "/resolve", op,
                "{\"reason\":\"false_alarm\",\"note\":\"elk\"}");
        assertThat(json(res).path("resolution").asText()).isEqualTo("false_alarm");

        JsonNode audit = json(call("GET", "/api/audit", login("admin", "admin-secret"), null));
        assertThat(audit.findValuesAsText("action")).containsExactly("raised", "raised", "acknowledged", "resolved");
        assertThat(audit.get(2).path("actor").asText()).isEqualTo("op1");
        assertThat(audit.get(2).path("before").path("status").asText()).isEqualTo("new");
    }

    @Test
    void resolvedAlertsLeaveMemoryButTheApiStillServesThemFromTheStore() throws Exception {
        String op = login("op1", "operator-pass");
        assertThat(call("POST", "/api/alerts/" + alertId + "/resolve", op, "{\"reason\":\"confirmed\"}").statusCode())
                .isEqualTo(200);
        watch.escalate(1e9);
        assertThat(watch.alertMemory()).containsEntry("alerts_in_memory", 2L).containsEntry("resolved_alerts_evicted", 0L);
        watch.keepResolvedFor(0);
        Thread.sleep(5); // the resolution is now older than the cut
        watch.escalate(1e9);
        assertThat(watch.alertMemory()).containsEntry("alerts_in_memory", 1L).containsEntry("resolved_alerts_evicted", 1L);
        assertThat(watch.alerts(a -> true)).hasSize(1);
        JsonNode all = json(call("GET", "/api/alerts", op, null));
        assertThat(all.findValuesAsText("id")).containsExactlyInAnyOrder(String.valueOf(alertId), String.valueOf(alertId + 1));
        JsonNode resolved = json(call("GET", "/api/alerts?status=resolved", op, null));
        assertThat(resolved.size()).isEqualTo(1);
        assertThat(resolved.get(0).path("resolution").asText()).isEqualTo("confirmed");
        HttpResponse<String> one = call("GET", "/api/alerts/" + alertId, op, null);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(json(one).path("status").asText()).isEqualTo("resolved");
        assertThat(call("POST", "/api/alerts/" + alertId + "/resolve", op, "{\"reason\":\"confirmed\"}").statusCode())
                .as("resolving an evicted alert again").isIn(404, 409);
        // a restart holds only the open alert, and still serves the resolved one
        server.stop();
        watch.close();
        watch = new WatchServices(WatchStore.openSqlite(dir));
        server = new SkydasServer(new ScenarioView(new Scenario(Map.of("name", "t"), List.of(), List.of(), List.of(),
                List.of(), List.of(), DemoScenario.programme())), "memory", watch).start("127.0.0.1", 0);
        assertThat(watch.alertMemory()).containsEntry("alerts_in_memory", 2L);
    }

    @Test
    void alertsFilterByStatusRuleAndSector() throws Exception {
        String op = login("op1", "operator-pass");
        assertThat(json(call("GET", "/api/alerts", op, null)).size()).isEqualTo(2);
        assertThat(json(call("GET", "/api/alerts?rule=border_crossing", op, null)).size()).isEqualTo(1);
        assertThat(json(call("GET", "/api/alerts?sector=BY-017", op, null)).get(0).path("id").asLong()).isEqualTo(alertId);
        assertThat(json(call("GET", "/api/alerts?status=acknowledged", op, null)).size()).isZero();
        assertThat(json(call("GET", "/api/alerts?since=2100-01-01T00:00:00Z", op, null)).size()).isZero();
        assertThat(call("GET", "/api/alerts?status=sleeping", op, null).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/alerts?since=yesterday", op, null).statusCode()).isEqualTo(400);
    }

    @Test
    void sectorStatusRatesSectorsByTheirRecentAlerts() throws Exception {
        server.stop();
        // A scenario with a real sector BY-017 (and others) to rate.
        org.locationtech.jts.geom.LineString line = org.skydas.geo.Lks94.GRID.createLineString(
                new org.locationtech.jts.geom.Coordinate[] {new org.locationtech.jts.geom.Coordinate(500_000, 6_000_000),
                    new org.locationtech.jts.geom.Coordinate(500_000, 6_200_000)});
        org.skydas.model.BorderLine by = new org.skydas.model.BorderLine("border-BY", org.skydas.model.Neighbour.BY,
                org.skydas.geo.Lks94.GRID.createMultiLineString(new org.locationtech.jts.geom.LineString[] {line}));
        Scenario s = new Scenario(Map.of("name", "t"), List.of(by), new org.skydas.model.SectorCutter(10_000).cut(by),
                List.of(), List.of(), List.of(), DemoScenario.programme());
        server = new SkydasServer(new ScenarioView(s), "memory", watch).start("127.0.0.1", 0);
        JsonNode status = json(call("GET", "/api/sectors/status", login("au1", "auditor-pass"), null));
        assertThat(status.size()).isEqualTo(20);
        JsonNode by17 = null;
        for (JsonNode n : status) {
            if (n.path("sector").asText().equals("BY-017")) {
                by17 = n;
            }
        }
        // One high alert (weight 4) makes the sector "medium"; the others stay "low".
        assertThat(by17.path("level").asText()).isEqualTo("medium");
        assertThat(by17.path("open_alerts").asInt()).isEqualTo(1);
        assertThat(status.get(0).path("level").asText()).isEqualTo("low");
        assertThat(call("GET", "/api/sectors/status", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void anAcknowledgementSurvivesARestart() throws Exception {
        String op = login("op1", "operator-pass");
        call("POST", "/api/alerts/" + alertId + "/ack", op, "{\"note\":\"seen\"}");
        server.stop();
        watch.close();
        watch = new WatchServices(WatchStore.openSqlite(dir));
        assertThat(watch.alert(alertId).status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(watch.alert(alertId).acknowledgeNote()).isEqualTo("seen");
        Scenario empty = new Scenario(Map.of("name", "t"), List.of(), List.of(), List.of(), List.of(), List.of(),
                DemoScenario.programme());
        server = new SkydasServer(new ScenarioView(empty), "memory", watch).start("127.0.0.1", 0);
        // Users survive too; tokens do not (sessions are in memory).
        assertThat(call("GET", "/api/alerts", op, null).statusCode()).isEqualTo(401);
        assertThat(json(call("GET", "/api/alerts/" + alertId, login("op1", "operator-pass"), null)).path("status").asText())
                .isEqualTo("acknowledged");
    }

    @Test
    void eachAlertSaysWhetherItAroseCoveredOrInAGapByTheLowerCaseName() throws Exception {
        long covered = watch.raise(new Finding(RuleKind.APPROACH, Severity.MEDIUM, "track:8", WatchServices.now(),
                561_000, 5_985_000, "BY-017", null, "approaching").withCoverage(CoverageVerdict.COVERED)).alert().id();
        long gap = watch.raise(new Finding(RuleKind.APPROACH, Severity.MEDIUM, "track:9", WatchServices.now(),
                562_000, 5_985_000, "BY-017", null, "approaching").withCoverage(CoverageVerdict.GAP)).alert().id();
        String op = login("op1", "operator-pass");
        assertThat(json(call("GET", "/api/alerts/" + covered, op, null)).path("coverage").asText()).isEqualTo("covered");
        assertThat(json(call("GET", "/api/alerts/" + gap, op, null)).path("coverage").asText()).isEqualTo("gap");
        JsonNode unknown = json(call("GET", "/api/alerts/" + alertId, op, null));
        assertThat(unknown.has("coverage")).isTrue();
        assertThat(unknown.path("coverage").isNull()).as("no coverage computed").isTrue();
        // The audit serves the alert's states the same way.
        JsonNode audit = json(call("GET", "/api/audit", login("admin", "admin-secret"), null));
        assertThat(audit.findValues("after").stream().map(a -> a.path("coverage"))
                .map(c -> c.isNull() ? null : c.asText()))
                .containsExactly(null, null, "covered", "gap");
    }
}
