package org.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.model.Scenario;
import org.skydas.server.auth.AccessMatrix;
import org.skydas.server.auth.Role;
import org.skydas.store.watch.WatchStore;
import org.skydas.watch.LivePipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The role × route matrix, enforced: every path of the OpenAPI document, called by every role and by
 * nobody, answers as {@link AccessMatrix} says (401 without a token, 403 for a role not in the rule,
 * anything but 401/403 for a role in it). The README's table is the matrix's own rendering.
 */
class RoleMatrixTest {

    static final HttpClient HTTP = CheckedHttpClient.create();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    WatchServices watch;
    LivePipeline pipeline;
    SkydasServer server;
    final Map<Role, String> tokens = new LinkedHashMap<>();

    @BeforeEach
    void start() throws Exception {
        watch = new WatchServices(WatchStore.openSqlite(dir));
        watch.ensureAdmin("admin-password-long");
        for (Role r : Role.values()) {
            if (r != Role.ADMIN) {
                watch.addUser("u-" + r.wireName(), r, "password-of-" + r.wireName());
            }
        }
        Scenario s = LivePipelineTest.square();
        pipeline = WatchWiring.pipeline(s, watch, 1_000);
        server = new SkydasServer(new ScenarioView(s), "memory", watch).withLive(pipeline, List::of).start("127.0.0.1", 0);
        for (Role r : Role.values()) {
            tokens.put(r, login(r));
        }
    }

    String login(Role r) throws Exception {
        String user = r == Role.ADMIN ? "admin" : "u-" + r.wireName();
        String pw = r == Role.ADMIN ? "admin-password-long" : "password-of-" + r.wireName();
        HttpResponse<String> login = send("POST", "/api/login", JSON.writeValueAsString(Map.of("username", user,
                "password", pw)), null);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return JSON.readTree(login.body()).path("token").asText();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        pipeline.close();
        watch.close();
    }

    @Test
    void everyOpenApiRouteAnswersEveryRoleAsTheMatrixSays() throws Exception {
        JsonNode paths = JSON.readTree(send("GET", "/api/openapi.json", null, null).body()).path("paths");
        Set<String> documented = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            for (Iterator<String> m = p.getValue().fieldNames(); m.hasNext();) {
                String method = m.next().toUpperCase(java.util.Locale.ROOT);
                documented.add(method + " " + p.getKey());
                AccessMatrix.Rule rule = AccessMatrix.rules().stream()
                        .filter(r -> r.method().equals(method) && r.documentedAs().equals(p.getKey())).findFirst()
                        .orElse(null);
                assertThat(rule).as("an access rule for %s %s", method, p.getKey()).isNotNull();
                String path = concrete(p.getKey());
                // Nobody logged in.
                int anonymous = call(method, path, null);
                calls++;
                if (rule.open() ? anonymous == 401 || anonymous == 403 : anonymous != 401) {
                    wrong.add(method + " " + path + " without a token: " + anonymous);
                }
                for (Role role : Role.values()) {
                    // Logging out spends the token: use a fresh one.
                    int status = call(method, path, path.equals("/api/logout") ? login(role) : tokens.get(role));
                    calls++;
                    boolean refused = status == 401 || status == 403;
                    if (rule.allows(role) == refused || (!rule.allows(role) && status != 403)) {
                        wrong.add(method + " " + path + " as " + role.wireName() + ": " + status);
                    }
                }
            }
        }
        assertThat(wrong).as("routes answering against the matrix").isEmpty();
        Set<String> inMatrix = new TreeSet<>();
        AccessMatrix.rules().forEach(r -> inMatrix.add(r.method() + " " + r.documentedAs()));
        assertThat(inMatrix).as("every rule is a documented route and every documented route has a rule")
                .isEqualTo(documented);
        assertThat(calls).isEqualTo(documented.size() * (Role.values().length + 1));
    }

    @Test
    void theReadmeTableIsTheMatrix() throws Exception {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        assertThat(text).as("README.md shows AccessMatrix.markdownTable()").contains(AccessMatrix.markdownTable());
    }

    /** A request for every route: bodies are empty JSON objects, ids refer to nothing. */
    static String concrete(String documented) {
        return documented.replace("{name}", "sectors").replace("{id}", "1").replace("{class}", "vehicle")
                .replace("{z}", "8").replace("{x}", "144").replace("{y}", "80");
    }

    int call(String method, String path, String token) throws Exception {
        if (path.equals("/api/stream")) {
            return webSocket(token);
        }
        return send(method, path, method.equals("POST") ? "{}" : null, token).statusCode();
    }

    /** 101 when the WebSocket opens, else the handshake's HTTP status. */
    int webSocket(String token) throws Exception {
        WebSocket.Builder b = HTTP.newWebSocketBuilder();
        String uri = "ws://127.0.0.1:" + server.port() + "/api/stream" + (token == null ? "" : "?token=" + token);
        try {
            WebSocket ws = b.buildAsync(URI.create(uri), new WebSocket.Listener() {
            }).get(10, TimeUnit.SECONDS);
            ws.abort();
            return 101;
        } catch (java.util.concurrent.ExecutionException | CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw e;
        }
    }

    HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
