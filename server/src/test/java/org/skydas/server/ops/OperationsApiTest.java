package org.skydas.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.model.Scenario;
import org.skydas.server.LivePipelineTest;
import org.skydas.server.ScenarioView;
import org.skydas.server.SkydasServer;
import org.skydas.server.WatchServices;
import org.skydas.server.WatchWiring;
import org.skydas.store.watch.WatchStore;
import org.skydas.watch.LivePipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Retention and the disk-space guard of a running server, with short windows and an injected free-space probe. */
class OperationsApiTest {

    @TempDir
    Path dir;
    WatchServices watch;
    LivePipeline pipeline;
    SkydasServer server;
    Operations ops;
    String token;
    final AtomicLong free = new AtomicLong(10_000_000);
    static final HttpClient HTTP = org.skydas.server.CheckedHttpClient.create();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        watch = new WatchServices(WatchStore.openSqlite(dir));
        watch.ensureAdmin("admin-password");
        watch.addUser("op", org.skydas.server.auth.Role.OPERATOR, "operator-password");
        Scenario s = LivePipelineTest.square();
        pipeline = WatchWiring.pipeline(s, watch, 1_000);
        server = new SkydasServer(new ScenarioView(s), "memory", watch).withLive(pipeline, List::of)
                .withExports(dir.resolve("exports")).start("127.0.0.1", 0);
        token = JSON.readTree(send("POST", "/api/login", "{\"username\":\"admin\",\"password\":\"admin-password\"}", null)
                .body()).path("token").asText();
    }

    @AfterEach
    void stop() throws Exception {
        if (ops != null) {
            ops.close();
        }
        server.stop();
        pipeline.close();
        watch.close();
    }

    HttpResponse<String> send(String method, String path, String body, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode get(String path) throws Exception {
        return JSON.readTree(send("GET", path, null, token).body());
    }

    HttpResponse<String> postDetections(int n, Instant t0) throws Exception {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            batch.append(i == 0 ? "" : ",").append(LivePipelineTest.detection(t0.plusSeconds(2L * i), 505_000 + 20 * i,
                    6_005_000, "drone"));
        }
        return send("POST", "/api/detections", batch.append("]").toString(), token);
    }

    long processed() throws Exception {
        return get("/api/ingest/stats").path("pipeline").path("processed").asLong();
    }

    void awaitProcessed(long n) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (processed() < n && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(processed()).isEqualTo(n);
    }

    @Test
    void lowDiskRaisesStorageLowAndAtTheFloorNewDataIsRefusedWhileTheServerKeepsServing() throws Exception {
        StorageGuard guard = new StorageGuard(dir, 1_000_000, 100_000, free::get, watch, pipeline::refuseNewData);
        ops = new Operations(null, guard.start(3_600_000));
        server.withOperations(ops);
        JsonNode health = JSON.readTree(send("GET", "/api/health", null, null).body());
        assertThat(health.path("status").asText()).isEqualTo("ok");
        assertThat(health.path("storage").path("state").asText()).isEqualTo("ok");
        assertThat(health.path("storage").path("free_bytes").asLong()).isEqualTo(10_000_000);
        assertThat(health.path("storage").path("data_dir_bytes").asLong()).isPositive();
        assertThat(send("GET", "/api/metrics", null, token).body()).contains("skydas_storage_free_bytes 10000000")
                .contains("skydas_storage_refusing 0").contains("skydas_jvm_heap_after_gc_bytes");

        free.set(500_000);
        assertThat(guard.check()).isEqualTo(StorageGuard.State.LOW);
        JsonNode alerts = get("/api/alerts?rule=storage_low");
        assertThat(alerts.size()).isEqualTo(1);
        assertThat(alerts.get(0).path("severity").asText()).isEqualToIgnoringCase("high");
        assertThat(alerts.get(0).path("message").asText()).contains("low disk space");
        assertThat(alerts.get(0).path("message_key").asText()).isEqualTo("alert.storage_low");
        assertThat(alerts.get(0).path("message_params").path("dir").asText()).isEqualTo(dir.toAbsolutePath().toString());
        assertThat(postDetections(2, Instant.now().minusSeconds(10)).statusCode()).isEqualTo(202);
        awaitProcessed(2);

        free.set(50_000);
        assertThat(guard.check()).isEqualTo(StorageGuard.State.REFUSING);
        HttpResponse<String> refused = postDetections(2, Instant.now().minusSeconds(5));
        assertThat(refused.statusCode()).isEqualTo(507);
        assertThat(JSON.readTree(refused.body()).path("error").asText()).contains("disk almost full")
                .contains("new data is refused");
        assertThat(pipeline.offerJson(null)).as("feeds are refused too").isFalse();
        health = JSON.readTree(send("GET", "/api/health", null, null).body());
        assertThat(health.path("status").asText()).isEqualTo("degraded");
        assertThat(health.path("storage").path("state").asText()).isEqualTo("refusing");
        assertThat(send("GET", "/api/metrics", null, token).body()).contains("skydas_storage_refusing 1")
                .contains("skydas_pipeline_refused_total 1");
        // Still serving: alerts are listed and an operator can acknowledge the storage alert.
        alerts = get("/api/alerts?rule=storage_low");
        assertThat(alerts.size()).isEqualTo(2);
        // Most severe first: refusing data is critical.
        assertThat(alerts.get(0).path("severity").asText()).isEqualToIgnoringCase("critical");
        assertThat(alerts.get(0).path("message").asText()).contains("disk almost full");
        assertThat(alerts.get(0).path("message_key").asText()).isEqualTo("alert.storage_floor");
        long id = alerts.get(0).path("id").asLong();
        assertThat(send("POST", "/api/alerts/" + id + "/ack", "{\"note\":\"clearing old exports\"}", token).statusCode())
                .isEqualTo(200);

        // Just above the floor is not enough (no flapping); clearly above it, data flows again.
        free.set(105_000);
        assertThat(guard.check()).isEqualTo(StorageGuard.State.REFUSING);
        free.set(200_000);
        assertThat(guard.check()).isEqualTo(StorageGuard.State.LOW);
        assertThat(postDetections(2, Instant.now()).statusCode()).isEqualTo(202);
        awaitProcessed(4);
    }

    @Test
    void retentionPurgesOldDetectionsAndTrackHistoryButNeverAlertsOrAudit() throws Exception {
        assertThat(postDetections(6, Instant.now().minusSeconds(20)).statusCode()).isEqualTo(202);
        awaitProcessed(6);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (get("/api/alerts?rule=drone_incursion").size() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long alerts = get("/api/alerts").size();
        assertThat(alerts).isPositive();
        long audit = get("/api/audit").size();
        // An hour later, with 10 minute windows: everything raw is past its window.
        double later = WatchServices.now() + 3_600;
        RetentionPurger purger = RetentionPurger.start(watch, new RetentionSettings(600, 600), 3_600_000, () -> later);
        ops = new Operations(purger, null);
        server.withOperations(ops);
        long[] purged = purger.purgeNow();
        assertThat(purged[0]).as("detections").isEqualTo(6);
        assertThat(purged[1]).as("track points").isPositive();
        assertThat(purger.purgeNow()).containsExactly(0, 0);
        assertThat(get("/api/alerts").size()).isEqualTo(alerts);
        assertThat(get("/api/audit").size()).isEqualTo(audit);
        assertThat(send("GET", "/api/metrics", null, token).body())
                .contains("skydas_retention_purged_detections_total 6").contains("skydas_retention_detections_seconds 600");
        assertThat(JSON.readTree(send("GET", "/api/health", null, null).body()).path("retention").path("detections")
                .asText()).isEqualTo("10m");
        // Within the window nothing goes.
        RetentionPurger now = RetentionPurger.start(watch, new RetentionSettings(600, 600), 3_600_000, WatchServices::now);
        assertThat(postDetections(3, Instant.now().minusSeconds(5)).statusCode()).isEqualTo(202);
        awaitProcessed(9);
        assertThat(now.purgeNow()).containsExactly(0, 0);
        now.close();
    }

    @Test
    void anAdminPurgesResolvedAlertsOnlyWithAReasonAfterTheExportAndTheAdminLogSaysSo() throws Exception {
        assertThat(postDetections(6, Instant.now().minusSeconds(20)).statusCode()).isEqualTo(202);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (get("/api/alerts?rule=drone_incursion").size() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        JsonNode alert = get("/api/alerts?rule=drone_incursion").get(0);
        long id = alert.path("id").asLong();
        int before = get("/api/alerts").size();
        assertThat(send("POST", "/api/alerts/" + id + "/resolve", "{\"reason\":\"false_alarm\",\"note\":\"a bird\"}",
                token).statusCode()).isEqualTo(200);
        Thread.sleep(1_100);
        String body = "{\"resolved_before\":\"" + Instant.now() + "\",\"reason\":\"records schedule 2026/4\"}";
        String operator = JSON.readTree(send("POST", "/api/login",
                "{\"username\":\"op\",\"password\":\"operator-password\"}", null).body()).path("token").asText();
        assertThat(send("POST", "/api/admin/purge-alerts", body, operator).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/admin/purge-alerts", "{\"resolved_before\":\"" + Instant.now() + "\"}", token)
                .statusCode()).as("no reason").isEqualTo(400);
        assertThat(get("/api/alerts").size()).isEqualTo(before);

        HttpResponse<String> r = send("POST", "/api/admin/purge-alerts", body, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(r.body());
        assertThat(result.path("alerts").asLong()).isEqualTo(1);
        assertThat(result.path("audit_events").asLong()).isEqualTo(2); // raised, resolved
        Path export = Path.of(result.path("export").asText());
        byte[] bytes = java.nio.file.Files.readAllBytes(export);
        assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes)))
                .isEqualTo(result.path("sha256").asText());
        JsonNode exported = JSON.readTree(bytes);
        assertThat(exported.path("alerts").get(0).path("id").asLong()).isEqualTo(id);
        assertThat(exported.path("alerts").get(0).path("resolveNote").asText()).isEqualTo("a bird");
        assertThat(exported.path("audit")).hasSize(2);
        assertThat(exported.path("reason").asText()).isEqualTo("records schedule 2026/4");
        assertThat(get("/api/alerts").size()).isEqualTo(before - 1);
        JsonNode log = get("/api/admin/log");
        assertThat(log).hasSize(1);
        assertThat(log.get(0).path("actor").asText()).isEqualTo("admin");
        assertThat(log.get(0).path("detail").path("sha256").asText()).isEqualTo(result.path("sha256").asText());
        assertThat(log.get(0).path("detail").path("reason").asText()).isEqualTo("records schedule 2026/4");
    }
}
