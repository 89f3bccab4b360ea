package org.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.model.Scenario;
import org.skydas.server.auth.PasswordHasher;
import org.skydas.server.auth.Role;
import org.skydas.store.watch.WatchStore;
import org.skydas.watch.LivePipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Accounts through the admin API: rules, disabling, passwords, logout, throttling, the account audit. */
class AccountsApiTest {

    static final HttpClient HTTP = CheckedHttpClient.create();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADMIN_PW = "admin-password-long";

    @TempDir
    Path dir;
    WatchServices watch;
    LivePipeline pipeline;
    SkydasServer server;
    String admin;

    void start(Duration tokenLifetime) throws Exception {
        watch = new WatchServices(WatchStore.openSqlite(dir), tokenLifetime);
        watch.ensureAdmin(ADMIN_PW);
        Scenario s = LivePipelineTest.square();
        pipeline = WatchWiring.pipeline(s, watch, 1_000);
        server = new SkydasServer(new ScenarioView(s), "memory", watch).withLive(pipeline, List::of).start("127.0.0.1", 0);
        admin = login("admin", ADMIN_PW);
    }

    @BeforeEach
    void start() throws Exception {
        start(Duration.ofHours(8));
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        pipeline.close();
        watch.close();
    }

    @Test
    void anAdminAddsAccountsThatFollowThePasswordRules() throws Exception {
        assertThat(addUser("op1", "short-pw", "operator").statusCode()).as("under 12 characters").isEqualTo(400);
        assertThat(addUser("operator-one", "Operator-One", "operator").statusCode()).as("the user name").isEqualTo(400);
        assertThat(addUser("op1", "long-enough-password", "pilot").statusCode()).as("no such role").isEqualTo(400);
        assertThat(addUser("op 1", "long-enough-password", "operator").statusCode()).as("bad name").isEqualTo(400);
        HttpResponse<String> added = addUser("op1", "long-enough-password", "operator");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(JSON.readTree(added.body()).path("role").asText()).isEqualTo("operator");
        assertThat(addUser("op1", "another-long-password", "planner").statusCode()).as("taken").isEqualTo(409);

        JsonNode users = JSON.readTree(send("GET", "/api/users", null, admin).body());
        assertThat(users.findValuesAsText("username")).containsExactly("admin", "op1");
        assertThat(users.toString()).as("no hashes leave the server").doesNotContain("pbkdf2");
        String op = login("op1", "long-enough-password");
        assertThat(send("GET", "/api/users", null, op).statusCode()).isEqualTo(403);
        assertThat(watch.ensureAdmin("x")).as("users exist: nothing to do, no rule checked").isEmpty();
    }

    @Test
    void eachUserKeepsTheirOwnConsoleChoicesAndOnlyKnownOnes() throws Exception {
        addUser("op1", "long-enough-password", "operator");
        addUser("au1", "long-enough-password", "auditor");
        String op = login("op1", "long-enough-password");
        String au = login("au1", "long-enough-password");
        assertThat(send("GET", "/api/me/prefs", null, op).body()).as("nothing saved yet").isEqualTo("{}");
        HttpResponse<String> saved = send("PUT", "/api/me/prefs",
                "{\"lang\":\"lt\",\"theme\":\"night\",\"muted\":true,\"time\":\"utc\"}", op);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(send("PUT", "/api/me/prefs", "{\"lang\":\"en\"}", au).statusCode()).isEqualTo(200);
        JsonNode mine = JSON.readTree(send("GET", "/api/me/prefs", null, op).body());
        assertThat(mine.path("lang").asText()).isEqualTo("lt");
        assertThat(mine.path("theme").asText()).isEqualTo("night");
        assertThat(mine.path("muted").asBoolean()).isTrue();
        assertThat(mine.path("time").asText()).isEqualTo("utc");
        assertThat(send("GET", "/api/me/prefs", null, au).body()).isEqualTo("{\"lang\":\"en\"}");

        HttpResponse<String> unknown = send("PUT", "/api/me/prefs", "{\"lang\":\"lt\",\"font\":\"huge\"}", op);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("font");
        assertThat(send("PUT", "/api/me/prefs", "{\"lang\":\"fr\"}", op).body()).contains("lang");
        assertThat(send("PUT", "/api/me/prefs", "{\"muted\":\"yes\"}", op).body()).contains("muted");
        assertThat(send("PUT", "/api/me/prefs", "[]", op).statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(send("GET", "/api/me/prefs", null, op).body()).path("theme").asText())
                .as("a refused change changes nothing").isEqualTo("night");
        assertThat(send("GET", "/api/me/prefs", null, null).statusCode()).isEqualTo(401);

        // Kept in the store: a restarted server still has them.
        server.stop();
        pipeline.close();
        watch.close();
        start();
        assertThat(watch.prefs("op1").orElseThrow()).contains("\"theme\":\"night\"");
    }

    @Test
    void theFirstAdminsPasswordFollowsTheRulesToo() throws Exception {
        try (WatchServices fresh = new WatchServices(WatchStore.openSqlite(dir.resolve("fresh")))) {
            assertThatThrownBy(() -> fresh.ensureAdmin("admin")).isInstanceOf(WatchServices.Invalid.class);
            assertThatThrownBy(() -> fresh.ensureAdmin("admin-pw")).isInstanceOf(WatchServices.Invalid.class);
            assertThat(fresh.users()).isEmpty();
            String generated = fresh.ensureAdmin(null).orElseThrow();
            assertThat(generated.length()).isGreaterThanOrEqualTo(12);
            assertThat(fresh.login("admin", generated)).isPresent();
        }
    }

    @Test
    void disablingAnAccountLogsItOutAndTheLastAdminCannotBeDisabled() throws Exception {
        addUser("op1", "long-enough-password", "operator");
        String op = login("op1", "long-enough-password");
        assertThat(send("GET", "/api/alerts", null, op).statusCode()).isEqualTo(200);
        HttpResponse<String> off = send("POST", "/api/users/op1/disable", null, admin);
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(JSON.readTree(off.body()).path("disabled").asBoolean()).isTrue();
        assertThat(send("GET", "/api/alerts", null, op).statusCode()).as("token revoked").isEqualTo(401);
        assertThat(loginResponse("op1", "long-enough-password").statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/users/nobody/disable", null, admin).statusCode()).isEqualTo(404);
        HttpResponse<String> last = send("POST", "/api/users/admin/disable", null, admin);
        assertThat(last.statusCode()).as(last.body()).isEqualTo(409);
    }

    @Test
    void aNewPasswordLogsTheUserOutAndLogoutRevokesTheToken() throws Exception {
        addUser("op1", "long-enough-password", "operator");
        String op = login("op1", "long-enough-password");
        String op2 = login("op1", "long-enough-password");
        assertThat(send("POST", "/api/logout", null, op).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/alerts", null, op).statusCode()).as("logged out").isEqualTo(401);
        assertThat(send("GET", "/api/alerts", null, op2).statusCode()).as("another token stays").isEqualTo(200);
        assertThat(send("POST", "/api/users/op1/password", "{\"password\":\"op1\"}", admin).statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/users/op1/password", "{\"password\":\"a-new-long-password\"}", admin).statusCode())
                .isEqualTo(204);
        assertThat(send("GET", "/api/alerts", null, op2).statusCode()).isEqualTo(401);
        assertThat(loginResponse("op1", "long-enough-password").statusCode()).isEqualTo(401);
        login("op1", "a-new-long-password");

        JsonNode audit = JSON.readTree(send("GET", "/api/audit/accounts", null, admin).body());
        assertThat(audit.findValuesAsText("action")).containsSubsequence("user_added", "user_added", "logout",
                "password_changed", "login_failed");
        JsonNode change = null;
        for (JsonNode e : audit) {
            if (e.path("action").asText().equals("password_changed")) {
                change = e;
            }
        }
        assertThat(change.path("actor").asText()).isEqualTo("admin");
        assertThat(change.path("subject").asText()).isEqualTo("op1");
        assertThat(change.path("address").asText()).isEqualTo("127.0.0.1");
        assertThat(audit.toString()).doesNotContain("a-new-long-password");
    }

    @Test
    void fiveFailuresForANameGive429WithRetryAfterAndNoHashing() throws Exception {
        addUser("op1", "long-enough-password", "operator");
        for (int i = 0; i < 5; i++) {
            assertThat(loginResponse("op1", "wrong-password-" + i).statusCode()).isEqualTo(401);
        }
        long hashed = PasswordHasher.verifications();
        HttpResponse<String> refused = loginResponse("op1", "long-enough-password");
        assertThat(refused.statusCode()).as("even the right password, while throttled").isEqualTo(429);
        long retry = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retry).isBetween(1L, 15 * 60L);
        assertThat(PasswordHasher.verifications()).as("no PBKDF2 for a throttled login").isEqualTo(hashed);
        // Another name from the same address is not throttled yet (5 of the address's 20).
        assertThat(loginResponse("admin", ADMIN_PW).statusCode()).isEqualTo(200);
        JsonNode audit = JSON.readTree(send("GET", "/api/audit/accounts", null, admin).body());
        assertThat(audit.findValuesAsText("action")).contains("login_throttled");
        assertThat(audit.findValuesAsText("action").stream().filter("login_failed"::equals).count()).isEqualTo(5);
    }

    @Test
    void twentyFailuresFromOneAddressThrottleEveryName() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(loginResponse("guess-" + i, "wrong-password").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = loginResponse("admin", ADMIN_PW);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void aWebSocketIsClosedWhenItsTokenIsRevokedOrExpires() throws Exception {
        addUser("op1", "long-enough-password", "operator");
        String op = login("op1", "long-enough-password");
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        java.net.http.WebSocket ws = HTTP.newWebSocketBuilder().subprotocols("skydas", "bearer." + op)
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/api/stream"), closer(closed))
                .get(10, TimeUnit.SECONDS);
        assertThat(send("POST", "/api/logout", null, op).statusCode()).isEqualTo(204);
        assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        ws.abort();

        // Expiry: a server whose tokens live 2 s.
        stop();
        start(Duration.ofSeconds(2));
        addUser("op1", "long-enough-password", "operator");
        String shortLived = login("op1", "long-enough-password");
        CompletableFuture<Integer> expired = new CompletableFuture<>();
        long t0 = System.nanoTime();
        java.net.http.WebSocket ws2 = HTTP.newWebSocketBuilder().subprotocols("skydas", "bearer." + shortLived)
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/api/stream"), closer(expired))
                .get(10, TimeUnit.SECONDS);
        assertThat(expired.get(15, TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("not before the token expired")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(send("GET", "/api/alerts", null, shortLived).statusCode()).isEqualTo(401);
        ws2.abort();
    }

    static java.net.http.WebSocket.Listener closer(CompletableFuture<Integer> closed) {
        return new java.net.http.WebSocket.Listener() {
            @Override
            public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket ws, int code, String reason) {
                closed.complete(code);
                return null;
            }
        };
    }

    HttpResponse<String> addUser(String name, String password, String role) throws Exception {
        return send("POST", "/api/users", JSON.writeValueAsString(Map.of("username", name, "password", password,
                "role", role)), admin);
    }

    HttpResponse<String> loginResponse(String user, String password) throws Exception {
        return send("POST", "/api/login", JSON.writeValueAsString(Map.of("username", user, "password", password)), null);
    }

    String login(String user, String password) throws Exception {
        HttpResponse<String> r = loginResponse(user, password);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("token").asText();
    }

    HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
