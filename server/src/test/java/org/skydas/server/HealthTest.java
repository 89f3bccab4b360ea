package org.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.ingest.listen.CotListener;
import org.skydas.model.Scenario;
import org.skydas.store.watch.WatchStore;
import org.skydas.watch.LivePipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** /api/health checks what it reports: a listener, the pipeline thread and the store going down each give 503. */
class HealthTest {

    static final HttpClient HTTP = CheckedHttpClient.create();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void eachPartGoingDownGives503NamingIt() throws Exception {
        WatchServices watch = new WatchServices(WatchStore.openSqlite(dir));
        Scenario s = LivePipelineTest.square();
        LivePipeline pipeline = WatchWiring.pipeline(s, watch, 1_000);
        CotListener cot = CotListener.start("127.0.0.1", 0, pipeline::offerCot);
        SkydasServer server = new SkydasServer(new ScenarioView(s), "memory", watch).withLive(pipeline, cot::stats)
                .withListenerHealth(() -> new java.util.LinkedHashMap<>(Map.of("cot", cot.isOpen())))
                .start("127.0.0.1", 0);
        try {
            HttpResponse<String> ok = health(server);
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(ok.body());
            assertThat(body.path("status").asText()).isEqualTo("ok");
            assertThat(body.path("checks").path("store").path("schema_version").asInt()).isGreaterThanOrEqualTo(4);
            assertThat(body.path("checks").path("pipeline").path("alive").asBoolean()).isTrue();
            assertThat(body.path("checks").path("pipeline").path("capacity").asInt()).isEqualTo(1_000);
            assertThat(body.path("checks").path("listeners").path("cot").path("ok").asBoolean()).isTrue();

            cot.close();
            assertThat(downAfter(server)).containsExactly("listener cot");
            pipeline.close();
            assertThat(downAfter(server)).containsExactly("pipeline", "listener cot");
            watch.close();
            HttpResponse<String> r = health(server);
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(r.body()).path("down").toString()).contains("store");
            assertThat(r.body()).as("no SQL or path in an open route").doesNotContain("SELECT").doesNotContain(dir.toString());
        } finally {
            server.stop();
            pipeline.close();
            if (cot.isOpen()) {
                cot.close();
            }
            watch.close();
        }
    }

    static List<String> downAfter(SkydasServer server) throws Exception {
        HttpResponse<String> r = health(server);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        List<String> down = new java.util.ArrayList<>();
        JSON.readTree(r.body()).path("down").forEach(n -> down.add(n.asText()));
        return down;
    }

    static HttpResponse<String> health(SkydasServer server) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
