package org.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.model.Scenario;
import org.skydas.model.Zone;
import org.skydas.model.ZoneKind;
import org.skydas.model.demo.DemoScenario;
import org.skydas.server.auth.Role;
import org.skydas.store.watch.WatchStore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Lithuanian names leave the server byte-exactly as UTF-8 on every kind of text answer: JSON, GeoJSON (string and
 * streamed), CSV, the layers and the OpenAPI document; and the text types say charset=utf-8, binary ones say none.
 */
class Utf8ResponsesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = CheckedHttpClient.create();
    static final String ZONE = "Druskininkų savivaldybė";
    static final String FIELD = "Šalčininkų rajonas, minų laukas Nr. 1";
    static final String FENCE = "Šalčininkų rajonas – tvora ties Dieveniškėmis";

    @TempDir
    Path dir;
    WatchServices watch;
    SkydasServer server;
    String token;

    @BeforeEach
    void start() throws Exception {
        watch = new WatchServices(WatchStore.openSqlite(dir));
        watch.addUser("eng1", Role.ENGINEER, "engineer-password-long");
        Coordinate c = ObstacleApiTest.C;
        Zone zone = new Zone("zone-lt", ZONE, ZoneKind.SETTLEMENT,
                Lks94.GRID.createPoint(new Coordinate(c.x, c.y + 20_000)).buffer(500, 16), null);
        Scenario s = new Scenario(Map.of("name", "t"), List.of(), List.of(), List.of(zone), List.of(), List.of(),
                DemoScenario.programme());
        server = new SkydasServer(new ScenarioView(s), "memory", watch).start("127.0.0.1", 0);
        HttpResponse<byte[]> login = send("POST", "/api/login", "{\"username\":\"eng1\",\"password\":\"engineer-password-long\"}");
        token = JSON.readTree(login.body()).path("token").asText();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        watch.close();
    }

    HttpResponse<byte[]> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The body, decoded strictly: a byte that is not UTF-8 fails here rather than turning into U+FFFD. */
    static String utf8(HttpResponse<byte[]> r) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(r.body())).toString();
    }

    static String type(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT).replace(" ", "");
    }

    /** The name's UTF-8 bytes are in the body as they are (not "?", not Latin-1, not \\u-escaped). */
    static void carries(HttpResponse<byte[]> r, String name) throws Exception {
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isBetween(200, 299);
        assertThat(utf8(r)).as(r.uri().getPath()).contains(name);
    }

    /**
     * A text answer names its charset, so that a CSV or GeoJSON saved and opened elsewhere reads the same; plain
     * application/json has no charset parameter (RFC 8259: it is always UTF-8), and Jetty rightly adds none.
     */
    static void saysUtf8(HttpResponse<?> r) {
        String type = type(r);
        if (!type.equals("application/json")) {
            assertThat(type).as("Content-Type of " + r.uri().getPath()).contains("charset=utf-8");
        }
    }

    String create(ObjectNode record) throws Exception {
        HttpResponse<byte[]> r = send("POST", "/api/obstacle-fields", JSON.writeValueAsString(record));
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        carries(r, record.path("name").asText());
        saysUtf8(r);
        return JSON.readTree(r.body()).path("id").asText();
    }

    @Test
    void obstacleRecordsRoundTripByteExactlyInEveryFormat() throws Exception {
        HttpResponse<byte[]> created = send("POST", "/api/obstacle-fields",
                JSON.writeValueAsString(ObstacleApiTest.minefield().put("name", FIELD)));
        carries(created, FIELD);
        String field = JSON.readTree(created.body()).path("id").asText();
        HttpResponse<byte[]> createdFence = send("POST", "/api/obstacle-fields",
                JSON.writeValueAsString(ObstacleApiTest.fence().put("name", FENCE)));
        carries(createdFence, FENCE);
        String fence = JSON.readTree(createdFence.body()).path("id").asText();

        carries(send("GET", "/api/obstacle-fields/" + field, null), FIELD);
        HttpResponse<byte[]> list = send("GET", "/api/obstacle-fields", null);
        carries(list, FIELD);
        carries(list, FENCE);
        HttpResponse<byte[]> geojson = send("GET", "/api/obstacle-fields/export?format=geojson", null);
        carries(geojson, FIELD);
        assertThat(type(geojson)).startsWith("application/geo+json");
        HttpResponse<byte[]> csv = send("GET", "/api/obstacle-fields/export?format=csv", null);
        carries(csv, FENCE);
        assertThat(type(csv)).startsWith("text/csv");
        HttpResponse<byte[]> plan = send("GET", "/api/obstacle-fields/" + field + "/marking-plan", null);
        carries(plan, FIELD);
        carries(plan, "МИНЫ"); // the signs' Russian text, beside the Lithuanian MINOS
        assertThat(type(plan)).startsWith("application/geo+json");
        // What went in is what is stored: the register's own record has the same name.
        assertThat(watch.obstacles(r -> r.get(fence)).orElseThrow().name()).isEqualTo(FENCE);
        for (HttpResponse<byte[]> r : List.of(created, list, geojson, csv, plan)) {
            saysUtf8(r);
        }
    }

    @Test
    void layersAndTheOpenApiDocumentAreUtf8() throws Exception {
        HttpResponse<byte[]> zones = send("GET", "/api/layers/zones", null);
        carries(zones, ZONE);
        assertThat(type(zones)).startsWith("application/geo+json");
        HttpResponse<byte[]> openapi = send("GET", "/api/openapi.json", null);
        carries(openapi, "planned → laid");
        try (var in = SkydasServer.class.getResourceAsStream("openapi.json")) {
            assertThat(openapi.body()).isEqualTo(in.readAllBytes());
        }
        HttpResponse<byte[]> programme = send("GET", "/api/programme", null);
        assertThat(programme.statusCode()).isEqualTo(200);
        utf8(programme);
        for (HttpResponse<byte[]> r : List.of(zones, openapi, programme)) {
            saysUtf8(r);
        }
    }

    @Test
    void binaryAnswersCarryNoCharset() throws Exception {
        String field = create(ObstacleApiTest.minefield().put("name", FIELD));
        HttpResponse<byte[]> png = send("GET", "/api/obstacle-fields/" + field + "/marking-plan?format=png", null);
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(type(png)).isEqualTo("image/png");
    }

    @Test
    void onlyTextTypesAreTextual() {
        assertThat(Utf8Responses.textual("application/geo+json")).isTrue();
        assertThat(Utf8Responses.textual("text/csv; charset=utf-8")).isTrue();
        assertThat(Utf8Responses.textual("application/json")).isTrue();
        assertThat(Utf8Responses.textual("image/png")).isFalse();
        assertThat(Utf8Responses.textual("application/pdf")).isFalse();
    }
}
