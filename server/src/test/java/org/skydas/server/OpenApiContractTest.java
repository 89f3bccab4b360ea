package org.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.model.Scenario;
import org.skydas.server.auth.AccessMatrix;
import org.skydas.store.watch.WatchStore;
import org.skydas.watch.LivePipeline;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The checker every server test's answers go through ({@link CheckedHttpClient}) refuses what the document does not
 * say, and every route the server registers is in the document.
 */
class OpenApiContractTest {

    static final OpenApiContract CONTRACT = OpenApiContract.served();

    static void check(String method, String path, int status, String type, String body) {
        CONTRACT.check(method, URI.create("http://127.0.0.1:1" + path), status, type,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAnswerTheDocumentDescribesPasses() {
        check("GET", "/api/users", 200, "application/json",
                "[{\"username\":\"op1\",\"role\":\"operator\",\"disabled\":false}]");
        check("POST", "/api/logout", 204, null, null);
        check("GET", "/api/users", 401, "application/json;charset=utf-8", "{\"error\":\"log in first\"}");
        // Literal paths win over templates: export is not an {id}.
        assertThat(CONTRACT.template("/api/obstacle-fields/export")).contains("/api/obstacle-fields/export");
        assertThat(CONTRACT.template("/api/obstacle-fields/F-1")).contains("/api/obstacle-fields/{id}");
        assertThat(CONTRACT.template("/api/tiles/coverage/person/8/144/80.png"))
                .contains("/api/tiles/coverage/{class}/{z}/{x}/{y}.png");
        // The tile route as registered (…/{x}/{file}) takes any file name and refuses what is not Y.png.
        assertThat(CONTRACT.template("/api/tiles/coverage/person/1/1/0.jpg"))
                .contains("/api/tiles/coverage/{class}/{z}/{x}/{y}.png");
        // The web client's files are not the API's.
        check("GET", "/index.html", 200, "text/html", "<!doctype html>");
    }

    @Test
    void anUndocumentedRouteFails() {
        assertThatThrownBy(() -> check("GET", "/api/nowhere", 404, "application/json", "{\"error\":\"not found\"}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("undocumented route: GET /api/nowhere");
        assertThatThrownBy(() -> check("DELETE", "/api/users", 404, "application/json", "{\"error\":\"not found\"}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("undocumented route: DELETE /api/users");
    }

    @Test
    void anUndocumentedStatusOrContentTypeFails() {
        assertThatThrownBy(() -> check("GET", "/api/layers", 418, "application/json", "{\"error\":\"teapot\"}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("undocumented status: GET /api/layers answered 418");
        assertThatThrownBy(() -> check("GET", "/api/layers", 200, "text/html", "<p>"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("undocumented content type");
        assertThatThrownBy(() -> check("POST", "/api/logout", 204, "application/json", "{\"bye\":true}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("undocumented body");
    }

    @Test
    void aBodyTheSchemaRefusesFails() {
        // A field of the wrong type, a missing required field, a field the schema does not know.
        for (String body : List.of("[{\"username\":1,\"role\":\"operator\",\"disabled\":false}]",
                "[{\"username\":\"op1\",\"disabled\":false}]",
                "[{\"username\":\"op1\",\"role\":\"operator\",\"disabled\":false,\"password\":\"x\"}]",
                "[{\"username\":\"op1\",\"role\":\"captain\",\"disabled\":false}]")) {
            assertThatThrownBy(() -> check("GET", "/api/users", 200, "application/json", body))
                    .as(body).isInstanceOf(AssertionError.class).hasMessageContaining("schema violated: GET /api/users 200");
        }
        // A reference into #/components resolves: an alert without its id is refused inside the array.
        assertThatThrownBy(() -> check("GET", "/api/alerts", 200, "application/json", "[{\"rule\":\"approach\"}]"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("schema violated");
    }

    @Test
    void everyRouteTheServerRegistersIsDocumented(@TempDir Path dir) throws Exception {
        WatchServices watch = new WatchServices(WatchStore.openSqlite(dir));
        Scenario s = LivePipelineTest.square();
        LivePipeline pipeline = WatchWiring.pipeline(s, watch, 1_000);
        SkydasServer server = new SkydasServer(new ScenarioView(s), "memory", watch).withLive(pipeline, List::of)
                .start("127.0.0.1", 0);
        try {
            JsonNode paths = CONTRACT.document().path("paths");
            List<String> undocumented = new ArrayList<>();
            for (String route : server.routes()) {
                String method = route.substring(0, route.indexOf(' '));
                String path = route.substring(route.indexOf(' ') + 1);
                String documentedAs = AccessMatrix.find(method, path).map(AccessMatrix.Rule::documentedAs).orElse(path);
                if (!paths.path(documentedAs).has(method.toLowerCase(Locale.ROOT))) {
                    undocumented.add(route);
                }
            }
            assertThat(server.routes()).as("the routes the server registered").hasSizeGreaterThan(50)
                    .contains("GET /api/health", "GET /api/stream", "POST /api/siting/plan/{id}/apply");
            assertThat(undocumented).as("routes missing from /api/openapi.json").isEmpty();
        } finally {
            server.stop();
            pipeline.close();
            watch.close();
        }
    }
}
