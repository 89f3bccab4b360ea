package org.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.skydas.geo.Lks94;
import org.skydas.model.BorderLine;
import org.skydas.model.Neighbour;
import org.skydas.model.Scenario;
import org.skydas.model.SectorCutter;
import org.skydas.model.demo.DemoScenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The API over real HTTP on a free loopback port. */
class SkydasServerTest {

    static SkydasServer server;
    static final HttpClient HTTP = CheckedHttpClient.create();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        LineString line = Lks94.GRID.createLineString(new Coordinate[] {Lks94.toGrid(23.9, 53.95),
            Lks94.toGrid(24.25, 53.96)});
        BorderLine by = new BorderLine("border-BY", Neighbour.BY, Lks94.GRID.createMultiLineString(new LineString[] {line}));
        Scenario s = new Scenario(Map.of("name", "api test"), List.of(by), new SectorCutter(5000).cut(by), List.of(),
                List.of(), List.of(), DemoScenario.programme());
        server = new SkydasServer(new ScenarioView(s), "memory").start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthSaysOk() throws Exception {
        HttpResponse<String> r = get("/api/health");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("status").asText()).isEqualTo("ok");
        assertThat(body.path("scenario").asText()).isEqualTo("api test");
        assertThat(body.path("terrain").asText()).contains("bare ellipsoid");
    }

    @Test
    void listsLayerNames() throws Exception {
        JsonNode body = JSON.readTree(get("/api/layers").body());
        assertThat(body.isArray()).isTrue();
        assertThat(body.toString()).isEqualTo("[\"border\",\"sectors\",\"zones\",\"sites\",\"assets\"]");
    }

    @Test
    void servesALayerAsGeoJsonInWgs84() throws Exception {
        HttpResponse<String> r = get("/api/layers/border");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
        JsonNode fc = JSON.readTree(r.body());
        assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
        JsonNode f = fc.path("features").get(0);
        assertThat(f.path("id").asText()).isEqualTo("border-BY");
        assertThat(f.path("properties").path("neighbour").asText()).isEqualTo("BY");
        JsonNode first = f.path("geometry").path("coordinates").get(0).get(0);
        assertThat(first.get(0).asDouble()).isCloseTo(23.9, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(first.get(1).asDouble()).isCloseTo(53.95, org.assertj.core.api.Assertions.within(1e-6));
        JsonNode sectors = JSON.readTree(get("/api/layers/sectors").body()).path("features");
        assertThat(sectors.size()).isGreaterThan(1);
        assertThat(sectors.get(0).path("id").asText()).isEqualTo("BY-001");
    }

    @Test
    void unknownLayerAndUnknownPathAreJson404() throws Exception {
        HttpResponse<String> r = get("/api/layers/nonsense");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(r.body()).path("error").asText()).contains("unknown layer 'nonsense'");
        // A path the document does not have, on purpose: past the contract check.
        HttpResponse<String> p = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.port() + "/api/nothing-here")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(p.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(p.body()).path("error").asText()).contains("/api/nothing-here");
    }

    @Test
    void theOpenApiDocumentNamesEveryRoute() throws Exception {
        JsonNode doc = JSON.readTree(get("/api/openapi.json").body());
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(doc.path("paths").has("/api/alerts/{id}/ack")).isTrue();
        assertThat(doc.path("paths").has("/api/layers/{name}")).isTrue();
    }

    @Test
    void programmeRollsUpTheEnvelope() throws Exception {
        JsonNode body = JSON.readTree(get("/api/programme").body());
        assertThat(body.path("currency").asText()).isEqualTo("EUR");
        assertThat(body.path("total").path("envelope_eur").asDouble()).isEqualTo(1.1e9);
        assertThat(body.path("rows").size()).isEqualTo(50);
        assertThat(body.path("total").path("planned_eur").asDouble()).isZero();
    }
}
