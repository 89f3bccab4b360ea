package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.ingest.sapient.SapientCodec;
import org.skydas.ingest.sapient.SapientFrames;
import org.skydas.testkit.SharedData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code skydas decode sapient|stanag4607|onvif} on the shared samples, and a refused SAPIENT fixture. */
class SensorStandardsDecodeTest extends ConsoleTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String HARNESS = "data/protocols/sapient/samples/bsi_flex_335_v2_0/dstl-test-harness/";

    @TempDir
    Path dir;

    @Test
    void stanag4607IsOneObjectPerSegment() throws Exception {
        Path f = SharedData.require("data/protocols/stanag4607/samples/pentlandedge/list1.4607");
        assertThat(Main.execute("decode", "stanag4607", f.toString())).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        JsonNode mission = JSON.readTree(lines[0]);
        assertThat(mission.path("segment").asText()).isEqualTo("mission");
        assertThat(mission.path("year").asInt()).isEqualTo(2016);
        JsonNode dwell = JSON.readTree(lines[1]);
        assertThat(dwell.path("segment").asText()).isEqualTo("dwell");
        assertThat(dwell.path("dwellCentreLonDeg").asDouble()).isBetween(354.5635919, 354.5635921);
        assertThat(dwell.path("targets").get(0).path("classification").asInt()).isEqualTo(10);
        assertThat(dwell.path("packet").path("platformId").asText()).isEqualTo("Pico1     ");
    }

    @Test
    void sapientJsonAndFramedBinary() throws Exception {
        Path json = SharedData.require(HARNESS + "valid/DetectionReport.FullMessage.json");
        assertThat(Main.execute("decode", "sapient", json.toString())).isZero();
        assertThat(JSON.readTree(out.toString(StandardCharsets.UTF_8).strip()).path("detectionReport").path("objectId")
                .asText()).hasSize(26);
        out.reset();
        byte[] one = SapientCodec.parseJson(Files.readString(json), false).toByteArray();
        Path bin = dir.resolve("two.sapient");
        byte[] f = SapientFrames.frame(one);
        byte[] two = new byte[f.length * 2];
        System.arraycopy(f, 0, two, 0, f.length);
        System.arraycopy(f, 0, two, f.length, f.length);
        Files.write(bin, two);
        assertThat(Main.execute("decode", "sapient", bin.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip().split("\n")).hasSize(2);
    }

    @Test
    void anInvalidSapientMessageSaysWhy() {
        Path bad = SharedData.require(HARNESS + "invalid/0003.NodeId.Error.json");
        assertThat(Main.execute("decode", "sapient", bad.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("node_id: not a UUID");
    }

    @Test
    void onvifEvents() throws Exception {
        Path f = SharedData.require("data/protocols/onvif/samples/axis-kane610/metadatastream_events/object_analytics_any_change.xml");
        assertThat(Main.execute("decode", "onvif", f.toString())).isZero();
        JsonNode e = JSON.readTree(out.toString(StandardCharsets.UTF_8).strip());
        assertThat(e.path("kind").asText()).isEqualTo("event");
        assertThat(e.path("data").path("classTypes").asText()).isEqualTo("human");
    }
}
