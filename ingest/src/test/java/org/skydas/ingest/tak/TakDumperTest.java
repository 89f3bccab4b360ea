package org.skydas.ingest.tak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.ingest.DecodeException;
import org.skydas.testkit.SharedData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class TakDumperTest {

    @TempDir
    Path tmp;

    private static final String DIR = "data/protocols/cot-tak/samples/takproto/";

    @Test
    void meshAndStreamSamplesDumpTheSameEvent() throws Exception {
        List<String> mesh = new ArrayList<>();
        new TakMeshDumper().dump(SharedData.require(DIR + "takproto_v1_mesh.bin"), mesh::add);
        List<String> stream = new ArrayList<>();
        new TakStreamDumper().dump(SharedData.require(DIR + "takproto_v1_stream.bin"), stream::add);
        assertThat(mesh).hasSize(1);
        assertThat(stream).hasSize(1);
        JsonNode m = new ObjectMapper().readTree(mesh.get(0)).get("cot_event");
        JsonNode s = new ObjectMapper().readTree(stream.get(0)).get("cot_event");
        assertThat(m).isEqualTo(s);
        assertThat(m.get("callsign").asText()).isEqualTo("Eliopoli HQ");
        assertThat(m.get("hae_m").asDouble()).isEqualTo(26.767999);
        assertThat(m.get("ce_m").isNull()).isTrue();
        assertThat(m.get("speed_mps").asDouble()).isZero();
    }

    @Test
    void streamOfManyFramesThenTruncation() throws Exception {
        byte[] frame = Files.readAllBytes(SharedData.require(DIR + "takproto_v1_stream.bin"));
        byte[] three = new byte[frame.length * 3 - 10];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(frame, 0, three, i * frame.length, Math.min(frame.length, three.length - i * frame.length));
        }
        Path file = tmp.resolve("s.bin");
        Files.write(file, three);
        List<String> lines = new ArrayList<>();
        assertThatThrownBy(() -> new TakStreamDumper().dump(file, lines::add)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("truncated frame after message 2");
        assertThat(lines).hasSize(2);
        // The mesh framing of the same bytes is refused: framing is chosen by transport, never guessed.
        assertThatThrownBy(() -> new TakMeshDumper().dump(file, l -> { })).hasMessageContaining("no 0xbf after version");
        Path payloadOnly = tmp.resolve("p.bin");
        Files.write(payloadOnly, Arrays.copyOfRange(frame, 3, frame.length));
        assertThatThrownBy(() -> new TakStreamDumper().dump(payloadOnly, l -> { })).hasMessageContaining("expected 0xbf");
    }
}
