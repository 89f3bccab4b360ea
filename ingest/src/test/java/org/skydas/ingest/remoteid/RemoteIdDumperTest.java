package org.skydas.ingest.remoteid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.skydas.testkit.SharedData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class RemoteIdDumperTest {

    private final ObjectMapper json = new ObjectMapper();

    private List<JsonNode> dump(String capture) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        new RemoteIdDumper().dump(SharedData.require(OdidReference.DIR + "captures/" + capture), l -> {
            try {
                out.add(json.readTree(l));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        return out;
    }

    @Test
    void beaconCaptureGivesOneLinePerMessageInSiUnits() throws Exception {
        List<JsonNode> lines = dump("odid_wifi_bcn_sample.pcap");
        assertThat(lines).hasSize(21 * 5 + 1);
        JsonNode loc = lines.get(1);
        assertThat(loc.get("frame").asInt()).isEqualTo(1);
        assertThat(loc.get("transport").asText()).isEqualTo("wifi-beacon-IE");
        assertThat(loc.get("counter").asInt()).isEqualTo(208);
        assertThat(loc.get("type").asText()).isEqualTo("location");
        assertThat(loc.get("speed_horizontal_mps").asDouble()).isEqualTo(20.5);
        assertThat(loc.get("altitude_geo_m").asDouble()).isEqualTo(237.0);
        assertThat(loc.get("altitude_baro_m").isNull()).isTrue();
        assertThat(loc.get("horizontal_accuracy_m").asDouble()).isEqualTo(30);
        assertThat(loc.get("time").asText()).endsWith(":00:00Z"); // 0 tenths past the hour of reception
        JsonNode summary = lines.get(lines.size() - 1);
        assertThat(summary.get("type").asText()).isEqualTo("summary");
        assertThat(summary.get("bad_crc").asInt()).isZero();
    }

    @Test
    void bluetoothCaptureCountsBadCrcFrames() throws Exception {
        List<JsonNode> lines = dump("odid_bt5_lr_sample.pcapng");
        JsonNode summary = lines.get(lines.size() - 1);
        assertThat(summary.get("frames").asInt()).isEqualTo(274);
        assertThat(summary.get("bad_crc").asInt()).isEqualTo(30); // NOTES.md: 30 of 274 frames
        assertThat(summary.get("malformed").asInt()).isZero();
        assertThat(summary.get("messages").asInt()).isEqualTo(lines.size() - 1).isEqualTo(1069);
        assertThat(lines).noneMatch(l -> l.has("uas_id") && l.get("uas_id").asText().contains("\uFFFD"));
    }
}
