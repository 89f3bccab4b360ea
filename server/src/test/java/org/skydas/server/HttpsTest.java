package org.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.model.Scenario;
import org.skydas.server.auth.Role;
import org.skydas.store.watch.WatchStore;
import org.skydas.testkit.TestPki;
import org.skydas.watch.LivePipeline;

/** {@code --tls-cert/--tls-key}: the HTTP port speaks HTTPS and WSS only. */
class HttpsTest {

    @TempDir
    Path dir;

    @Test
    void theApiAndTheStreamAreServedOverTlsOnlyWithTheGivenCertificate() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"), "site");
        TestPki.Issued cert = pki.server("skydas");
        WatchServices watch = new WatchServices(WatchStore.openSqlite(dir));
        watch.ensureAdmin("admin-password-long");
        watch.addUser("op1", Role.OPERATOR, "operator-password");
        Scenario s = LivePipelineTest.square();
        LivePipeline pipeline = WatchWiring.pipeline(s, watch, 1_000);
        SkydasServer server = new SkydasServer(new ScenarioView(s), "memory", watch).withLive(pipeline, List::of)
                .withTls(cert.cert(), cert.key()).start("127.0.0.1", 0);
        try {
            HttpClient tls = CheckedHttpClient.of(HttpClient.newBuilder().sslContext(TestPki.sslContext(null, pki.caCertificate()))
                    .connectTimeout(Duration.ofSeconds(10)).build());
            String https = "https://127.0.0.1:" + server.port();
            HttpResponse<String> health = tls.send(HttpRequest.newBuilder(URI.create(https + "/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.sslSession()).isPresent();
            HttpResponse<String> login = tls.send(HttpRequest.newBuilder(URI.create(https + "/api/login"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"op1\",\"password\":\"operator-password\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(login.body()).path("token").asText();
            java.net.http.WebSocket ws = tls.newWebSocketBuilder().subprotocols("skydas", "bearer." + token)
                    .buildAsync(URI.create("wss://127.0.0.1:" + server.port() + "/api/stream"),
                            new java.net.http.WebSocket.Listener() {
                            }).get(10, TimeUnit.SECONDS);
            assertThat(ws.getSubprotocol()).isEqualTo("skydas");
            ws.abort();

            // Plain HTTP on the same port gets no API answer.
            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            int status;
            try {
                status = plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/health"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
            } catch (java.io.IOException refused) {
                status = -1;
            }
            assertThat(status).isNotEqualTo(200);
        } finally {
            server.stop();
            pipeline.close();
            watch.close();
        }
    }
}
