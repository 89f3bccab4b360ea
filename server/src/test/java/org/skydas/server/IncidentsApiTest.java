package org.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.alert.Finding;
import org.skydas.alert.RuleKind;
import org.skydas.alert.Severity;
import org.skydas.model.demo.DemoScenario;
import org.skydas.server.auth.Role;
import org.skydas.store.watch.WatchStore;
import org.skydas.watch.port.TrackPoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Incident reports over real HTTP: from an alert, EUROSUR fields checked, open → reported → closed, audited, exported. */
class IncidentsApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    WatchServices watch;
    SkydasServer server;
    String op;
    String auditor;
    long alertId;

    @BeforeEach
    void start() throws Exception {
        watch = new WatchServices(WatchStore.openSqlite(dir));
        watch.ensureAdmin("admin-secret");
        watch.addUser("op1", Role.OPERATOR, "operator-pass");
        watch.addUser("au1", Role.AUDITOR, "auditor-pass");
        watch.addUser("pl1", Role.PLANNER, "planner-pass");
        double now = WatchServices.now();
        watch.trackHistory(List.of(new TrackPoint(7, now - 20, 560_000, 5_985_000, 0, 1.5, "person"),
                new TrackPoint(7, now - 10, 560_000, 5_985_015, 0, 1.5, "person")));
        alertId = watch.raise(new Finding(RuleKind.BORDER_CROSSING, Severity.HIGH, "track:7", now, 560_000, 5_985_015,
                "BY-017", null, "person crossed the border")).alert().id();
        server = new SkydasServer(new ScenarioView(new DemoScenario().build()), "demo", watch).start("127.0.0.1", 0);
        op = login("op1", "operator-pass");
        auditor = login("au1", "auditor-pass");
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        watch.close();
    }

    String login(String user, String password) throws Exception {
        return ReplayApiTest.token(server.port(), user, password);
    }

    HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return WatchApiTest.send(server.port(), method, path, token, body);
    }

    String request(String impact) {
        return """
                {"type": "unauthorised_crossing", "description": "Asmuo kirto sieną ties BY-017; patrulis išsiųstas",
                 "owner": "VSAT Vilniaus pasienio rinktinė",
                 "confidence": {"credibility": 2, "reliability": "B", "validation": "validated"},
                 "impact": "%s", "alerts": [%d], "tracks": [7], "actions_taken": "patrol sent"}
                """.formatted(impact, alertId);
    }

    @Test
    void anOperatorOpensAnIncidentFromAnAlertReportsAndClosesItAndEveryStepIsAudited() throws Exception {
        HttpResponse<String> created = call("POST", "/api/incidents", op, request("high"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode i = JSON.readTree(created.body());
        long id = i.path("id").asLong();
        assertThat(created.headers().firstValue("Location")).contains("/api/incidents/" + id);
        assertThat(i.path("status").asText()).isEqualTo("open");
        assertThat(i.path("originator").asText()).as("defaults to the one who opens it").isEqualTo("op1");
        assertThat(i.path("sector").asText()).as("from the alert").isEqualTo("BY-017");
        assertThat(i.path("location").path("lon").asDouble()).isBetween(20.0, 27.0);
        double opened = java.time.Instant.parse(i.path("created_at").asText()).getEpochSecond();
        double due = java.time.Instant.parse(i.path("report_deadline").asText()).getEpochSecond();
        assertThat(due - opened).isEqualTo(24 * 3600.0);
        assertThat(i.path("overdue").asBoolean()).isFalse();

        // The sector status counts it by impact.
        JsonNode status = JSON.readTree(call("GET", "/api/sectors/status", op, null).body());
        for (JsonNode s : status) {
            int high = s.path("incidents").path("high").asInt();
            assertThat(high).as(s.toString()).isEqualTo(s.path("sector").asText().equals("BY-017") ? 1 : 0);
        }

        assertThat(call("POST", "/api/incidents/" + id + "/transition", op, "{\"to\":\"closed\"}").statusCode())
                .as("open → closed skips the report").isEqualTo(409);
        HttpResponse<String> reported = call("POST", "/api/incidents/" + id + "/transition", op,
                "{\"to\":\"reported\",\"note\":\"to FRONTEX via the national coordination centre\",\"version\":1}");
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);
        assertThat(JSON.readTree(reported.body()).path("reported_by").asText()).isEqualTo("op1");
        assertThat(call("POST", "/api/incidents/" + id + "/transition", op, "{\"to\":\"closed\",\"version\":1}").statusCode())
                .as("a stale version").isEqualTo(409);
        assertThat(call("POST", "/api/incidents/" + id + "/transition", op, "{\"to\":\"closed\",\"version\":2}").statusCode())
                .isEqualTo(200);

        // The auditor reads it with its history; the auditor cannot change it; a planner cannot read it.
        JsonNode read = JSON.readTree(call("GET", "/api/incidents/" + id, auditor, null).body());
        assertThat(read.path("status").asText()).isEqualTo("closed");
        assertThat(read.path("history").findValuesAsText("action")).containsExactly("created", "reported", "closed");
        assertThat(read.path("history").get(1).path("note").asText()).contains("FRONTEX");
        assertThat(call("POST", "/api/incidents", auditor, request("low")).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/incidents", login("pl1", "planner-pass"), null).statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(call("GET", "/api/incidents", auditor, null).body())).hasSize(1);
        // Closed: no longer counted in the sector status.
        for (JsonNode s : JSON.readTree(call("GET", "/api/sectors/status", op, null).body())) {
            assertThat(s.path("incidents").path("high").asInt()).isZero();
        }
    }

    @Test
    void theGeoJsonExportHoldsTheIncidentItsAlertAndItsTrackAndThePdfItsFields() throws Exception {
        long id = JSON.readTree(call("POST", "/api/incidents", op, request("very_high")).body()).path("id").asLong();
        HttpResponse<String> geo = call("GET", "/api/incidents/" + id + "/export?format=geojson", auditor, null);
        assertThat(geo.statusCode()).isEqualTo(200);
        assertThat(geo.headers().firstValue("Content-Type").orElse("")).contains("geo+json");
        JsonNode fc = JSON.readTree(geo.body());
        assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(fc.path("features").findValuesAsText("role")).containsExactly("incident", "alert", "track");
        JsonNode incident = fc.path("features").get(0);
        assertThat(incident.path("geometry").path("type").asText()).isEqualTo("Point");
        assertThat(incident.path("properties").path("impact").asText()).isEqualTo("very_high");
        // UTF-8 on the wire: Lithuanian letters arrive intact.
        assertThat(new String(WatchApiTest.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/incidents/" + id + "/export?format=geojson")).header("Authorization", "Bearer " + op).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("Vilniaus pasienio rinktinė").contains("kirto sieną");
        assertThat(incident.path("properties").path("confidence").path("reliability").asText()).isEqualTo("B");
        assertThat(fc.path("features").get(2).path("geometry").path("type").asText()).isEqualTo("LineString");
        assertThat(fc.path("features").get(2).path("geometry").path("coordinates")).hasSize(2);

        HttpResponse<byte[]> pdf = WatchApiTest.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.port() + "/api/incidents/" + id + "/export?format=pdf")).header("Authorization", "Bearer " + op)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).contains("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Incident report #" + id).contains("unauthorised crossing").contains("very high")
                    .contains("BY-017").contains("reliability of source B");
            // Lithuanian letters survive where the system has a Unicode font (DejaVu), else they lose their accents.
            assertThat(text).containsAnyOf("kirto sieną", "kirto siena");
        }
        assertThat(call("GET", "/api/incidents/" + id + "/export?format=docx", op, null).statusCode()).isEqualTo(400);
    }

    @Test
    void anOpenIncidentIsEditedAgainstItsVersionTheHistoryNamesWhatChangedAndAClosedOneIsNot() throws Exception {
        JsonNode i = JSON.readTree(call("POST", "/api/incidents", op, request("medium")).body());
        long id = i.path("id").asLong();
        String edit = request("very_high").replace("patrol sent", "patrol sent; two persons detained")
                .replaceFirst("\\{", "{\"version\": %d, \"note\": \"patrol report\", ");
        HttpResponse<String> edited = call("PUT", "/api/incidents/" + id, op, edit.formatted(1));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        JsonNode e = JSON.readTree(edited.body());
        assertThat(e.path("version").asInt()).isEqualTo(2);
        assertThat(e.path("impact").asText()).isEqualTo("very_high");
        assertThat(e.path("actions_taken").asText()).contains("detained");
        assertThat(e.path("created_by").asText()).as("creation stays").isEqualTo("op1");
        assertThat(e.path("created_at").asText()).isEqualTo(i.path("created_at").asText());
        assertThat(e.path("report_deadline").asText()).as("the deadline runs from opening")
                .isEqualTo(i.path("report_deadline").asText());
        assertThat(e.path("status").asText()).isEqualTo("open");

        assertThat(call("PUT", "/api/incidents/" + id, op, edit.formatted(1)).statusCode())
                .as("made to version 1, the incident is at 2").isEqualTo(409);
        assertThat(call("PUT", "/api/incidents/" + id, op, request("low")).body())
                .as("no version").contains("version");
        assertThat(call("PUT", "/api/incidents/" + id, op, edit.replace("very_high", "catastrophic").formatted(2))
                .body()).as("the same rules as opening").contains("impact");
        assertThat(call("PUT", "/api/incidents/" + id, auditor, edit.formatted(2)).statusCode()).isEqualTo(403);
        HttpResponse<String> same = call("PUT", "/api/incidents/" + id, op, edit.formatted(2));
        assertThat(JSON.readTree(same.body()).path("version").asInt()).as("nothing changed: no new version").isEqualTo(2);

        JsonNode read = JSON.readTree(call("GET", "/api/incidents/" + id, auditor, null).body());
        assertThat(read.path("history").findValuesAsText("action")).containsExactly("created", "edited");
        assertThat(read.path("history").get(1).path("note").asText())
                .isEqualTo("changed impact, actions_taken: patrol report");
        for (JsonNode s : JSON.readTree(call("GET", "/api/sectors/status", op, null).body())) {
            if (s.path("sector").asText().equals("BY-017")) {
                assertThat(s.path("incidents").path("very_high").asInt()).as("counted at its new impact").isEqualTo(1);
                assertThat(s.path("incidents").path("medium").asInt()).isZero();
            }
        }

        call("POST", "/api/incidents/" + id + "/transition", op, "{\"to\":\"reported\",\"version\":2}");
        assertThat(call("PUT", "/api/incidents/" + id, op, edit.replace("two persons", "three persons").formatted(3))
                .statusCode()).as("a reported incident may still be completed").isEqualTo(200);
        call("POST", "/api/incidents/" + id + "/transition", op, "{\"to\":\"closed\",\"version\":4}");
        HttpResponse<String> closed = call("PUT", "/api/incidents/" + id, op, edit.formatted(5));
        assertThat(closed.statusCode()).isEqualTo(409);
        assertThat(closed.body()).contains("closed");
    }

    @Test
    void badReportsAreRefusedWithTheFieldNamed() throws Exception {
        assertThat(call("POST", "/api/incidents", op, request("catastrophic")).body()).contains("impact");
        assertThat(call("POST", "/api/incidents", op, request("high").replace("\"credibility\": 2", "\"credibility\": 9"))
                .body()).contains("credibility");
        assertThat(call("POST", "/api/incidents", op, request("high").replace("\"reliability\": \"B\"", "\"reliability\": \"Z\""))
                .statusCode()).isEqualTo(400);
        assertThat(call("POST", "/api/incidents", op, request("high").replace("[" + alertId + "]", "[999999]")).body())
                .contains("no alert 999999");
        assertThat(call("POST", "/api/incidents", op, "{\"type\":\"smuggling\"}").statusCode()).isEqualTo(400);
        assertThat(call("POST", "/api/incidents", op, "[]").statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/incidents/12345", op, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/incidents/abc", op, null).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/incidents", op, null).body()).isEqualTo("[]");
    }
}
