package org.skydas.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.ingest.DecodeException;
import org.skydas.testkit.ExternalTool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class DetectionParserTest {

    private final DetectionParser parser = new DetectionParser();

    static final String CAMERA = """
            {"sensor_id":"cam-07","time":"2026-11-27T03:04:05.250Z","kind":"camera",
             "position":{"lat":54.3,"lon":23.5,"alt_m":151.5},"bearing_deg":270.5,
             "class_hint":"person","confidence":0.82,"covariance_en_m2":{"ee":25,"en":3,"nn":16},"external_id":"trk-19"}""";
    static final String FENCE = """
            {"sensor_id":"fence-A","time":"2026-11-27T03:04:05Z","kind":"fence",
             "line":{"line_id":"LT-BY-12","distance_m":1234.5},"position_error_m":5,"class_hint":"unknown"}""";
    static final String RF = """
            {"sensor_id":"rf-2","time":"2026-11-27T03:04:05.123456Z","kind":"rf","bearing_deg":12,"bearing_error_deg":3.5,
             "class_hint":"drone","confidence":0.6}""";

    /** Documents the schema and the parser must both accept (first) or both refuse (second list). */
    static final List<String> VALID = List.of(CAMERA, FENCE, RF,
            "{\"sensor_id\":\"s\",\"time\":\"2026-01-01T00:00:00Z\",\"kind\":\"seismic\",\"line\":{\"line_id\":\"L\",\"distance_m\":0}}",
            "{\"sensor_id\":\"s\",\"time\":\"2026-01-01T00:00:00Z\",\"kind\":\"acoustic\",\"position\":{\"lat\":-90,\"lon\":180}}");
    static final List<String> INVALID = List.of(
            "{}",
            "[]",
            CAMERA.replace("\"kind\":\"camera\"", "\"kind\":\"radar\""),
            CAMERA.replace("54.3", "95.0"),
            CAMERA.replace("2026-11-27T03:04:05.250Z", "2026-11-27T05:04:05.250+02:00"),
            CAMERA.replace("\"sensor_id\":\"cam-07\",", ""),
            CAMERA.replace("\"external_id\"", "\"externalid\""),
            CAMERA.replace("\"position_error_m\"", "x").replace("\"external_id\":\"trk-19\"", "\"external_id\":\"trk-19\",\"position_error_m\":3"),
            FENCE.replace("\"kind\":\"fence\"", "\"kind\":\"camera\""),
            FENCE.replace("1234.5", "-1"),
            RF.replace("\"kind\":\"rf\"", "\"kind\":\"fence\""),
            RF.replace("\"bearing_deg\":12,", "\"position\":{\"lat\":1,\"lon\":2},"),
            RF.replace("\"class_hint\":\"drone\",", ""),
            RF.replace("\"bearing_deg\":12", "\"bearing_deg\":360"),
            RF.replace("0.6", "1.5"),
            "{\"sensor_id\":\"s\",\"time\":\"2026-01-01T00:00:00Z\",\"kind\":\"acoustic\"}",
            "{\"sensor_id\":\"\",\"time\":\"2026-01-01T00:00:00Z\",\"kind\":\"rf\",\"bearing_deg\":1}",
            "{\"sensor_id\":\"s\",\"time\":\"2026-01-01T00:00:00Z\",\"kind\":\"rf\",\"bearing_deg\":\"1\"}");

    @Test
    void parsesEachKindIntoTypedDetections() throws DecodeException {
        Detection cam = parser.parse(CAMERA);
        assertThat(cam.sensorId()).isEqualTo("cam-07");
        assertThat(cam.time()).isEqualTo(Instant.parse("2026-11-27T03:04:05.250Z"));
        assertThat(cam.kind()).isEqualTo(DetectionKind.CAMERA);
        assertThat(cam.position()).isEqualTo(new Detection.GeoPosition(54.3, 23.5, 151.5));
        assertThat(cam.bearingDeg()).isEqualTo(270.5);
        assertThat(cam.classHint()).isEqualTo(ClassHint.PERSON);
        assertThat(cam.confidence()).isEqualTo(0.82);
        assertThat(cam.covariance()).isEqualTo(new Detection.Covariance(25, 3, 16));
        assertThat(cam.positionErrorM()).isNaN();
        assertThat(cam.externalId()).isEqualTo("trk-19");

        Detection fence = parser.parse(FENCE);
        assertThat(fence.line()).isEqualTo(new Detection.LinePosition("LT-BY-12", 1234.5));
        assertThat(fence.position()).isNull();
        assertThat(fence.positionErrorM()).isEqualTo(5);

        Detection rf = parser.parse(RF);
        assertThat(rf.time().getNano()).isEqualTo(123_456_000);
        assertThat(rf.bearingErrorDeg()).isEqualTo(3.5);
        assertThat(rf.position()).isNull();
    }

    @Test
    void reportsEveryProblemWithItsPath() {
        String bad = """
                {"sensor_id":7,"time":"yesterday","kind":"radar","position":{"lat":91,"lon":"x","h":1},
                 "confidence":2,"covariance_en_m2":{"ee":1,"en":5,"nn":1},"colour":"red"}""";
        assertThatThrownBy(() -> parser.parse(bad)).isInstanceOfSatisfying(DetectionFormatException.class, e ->
                assertThat(e.errors()).extracting(Object::toString).containsExactlyInAnyOrder(
                        "/colour: unknown field",
                        "/sensor_id: must be a string, not number",
                        "/time: 'yesterday' is not ISO-8601 UTC (yyyy-MM-ddTHH:mm:ss[.fff]Z)",
                        "/kind: 'radar' is not one of [camera, fence, seismic, acoustic, rf]",
                        "/position/h: unknown field",
                        "/position/lat: 91 outside [-90, 90]",
                        "/position/lon: must be a number, not string",
                        "/confidence: 2 outside [0, 1]",
                        "/covariance_en_m2: not positive semi-definite: en² = 25.0 exceeds ee·nn = 1.0",
                        "/confidence: given without class_hint"));
    }

    @Test
    void refusesMalformedJsonDuplicatesAndTrailingData() {
        assertThatThrownBy(() -> parser.parse("{\"sensor_id\":")).hasMessageStartingWith(": not valid JSON");
        assertThatThrownBy(() -> parser.parse(RF.replace("\"kind\":\"rf\"", "\"kind\":\"rf\",\"kind\":\"rf\"")))
                .hasMessageContaining("Duplicate field 'kind'");
        assertThatThrownBy(() -> parser.parse(RF + " {}")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> parser.parse("[".repeat(100))).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> parser.parse(RF.replace("2026-11-27", "2026-02-30"))).hasMessageContaining("not a valid date-time");
    }

    @Test
    void canonicalFormParsesBackToTheSameDetection() throws DecodeException {
        for (String doc : VALID) {
            Detection d = parser.parse(doc);
            assertThat(parser.parse(DetectionJson.toJson(d).toString())).isEqualTo(d);
        }
    }

    @Test
    void schemaDeclaresExactlyTheFieldsAndEnumsOfTheParser() throws Exception {
        JsonNode schema;
        try (InputStream in = DetectionParser.class.getResourceAsStream("detection.schema.json")) {
            schema = new ObjectMapper().readTree(in);
        }
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        Set<String> props = new HashSet<>();
        schema.get("properties").fieldNames().forEachRemaining(props::add);
        assertThat(props).isEqualTo(DetectionParser.TOP_LEVEL);
        List<String> kinds = new ArrayList<>();
        schema.at("/properties/kind/enum").forEach(k -> kinds.add(k.asText()));
        assertThat(kinds).containsExactly(java.util.Arrays.stream(DetectionKind.values()).map(DetectionKind::wire).toArray(String[]::new));
        List<String> hints = new ArrayList<>();
        schema.at("/properties/class_hint/enum").forEach(k -> hints.add(k.asText()));
        assertThat(hints).containsExactly(java.util.Arrays.stream(ClassHint.values()).map(ClassHint::wire).toArray(String[]::new));
    }

    /** An independent validator (python3-jsonschema, Draft 2020-12) agrees with our parser on every document. */
    @Test
    void pythonJsonschemaAgreesOnEveryDocument(@TempDir Path tmp) throws Exception {
        Path python = ExternalTool.require("python3");
        Path schema = tmp.resolve("detection.schema.json");
        try (InputStream in = DetectionParser.class.getResourceAsStream("detection.schema.json")) {
            Files.copy(in, schema);
        }
        List<String> docs = new ArrayList<>(VALID);
        docs.addAll(INVALID);
        Path input = tmp.resolve("docs.ndjson");
        Files.write(input, docs.stream().map(d -> d.replace("\n", " ")).toList(), StandardCharsets.UTF_8);
        String script = """
                import json, sys
                from jsonschema import Draft202012Validator, FormatChecker
                v = Draft202012Validator(json.load(open(sys.argv[1])), format_checker=FormatChecker())
                for line in open(sys.argv[2], encoding='utf-8'):
                    print('valid' if v.is_valid(json.loads(line)) else 'invalid')
                """;
        Path py = tmp.resolve("check.py");
        Files.writeString(py, script);
        ExternalTool.Result r = ExternalTool.run(List.of(python.toString(), py.toString(), schema.toString(), input.toString()), null, 60);
        if (r.exitCode() != 0 && r.stderr().contains("No module named 'jsonschema'")) {
            ExternalTool.require("python3-jsonschema (module jsonschema)"); // fails under CI, skips elsewhere
        }
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        String[] verdicts = r.stdout().strip().split("\n");
        assertThat(verdicts).hasSize(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            boolean ours;
            try {
                parser.parse(docs.get(i));
                ours = true;
            } catch (DetectionFormatException e) {
                ours = false;
            }
            assertThat(verdicts[i]).as("document %d: %s", i, docs.get(i)).isEqualTo(ours ? "valid" : "invalid");
            assertThat(ours).as("document %d", i).isEqualTo(i < VALID.size());
        }
    }

    @Test
    void dumperWritesValidLinesThenStopsAtTheFirstInvalidOne(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("d.ndjson");
        Files.writeString(file, CAMERA.replace("\n", "") + "\n\n" + FENCE.replace("\n", "") + "\n{\"kind\":\"rf\"}\n" + RF.replace("\n", ""));
        List<String> lines = new ArrayList<>();
        assertThatThrownBy(() -> new JsonDetectionDumper().dump(file, lines::add)).isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("line 4: ").hasMessageContaining("/sensor_id: required");
        assertThat(lines).hasSize(2);
        assertThat(new ObjectMapper().readTree(lines.get(1)).at("/line/distance_m").asDouble()).isEqualTo(1234.5);
    }
}
