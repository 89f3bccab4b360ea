package org.skydas.ingest.cot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.ingest.DecodeException;
import org.skydas.ingest.Dumper;
import org.skydas.testkit.SharedData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class CotDumperTest {

    @TempDir
    Path tmp;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void registeredAsService() {
        List<String> protocols = new ArrayList<>();
        ServiceLoader.load(Dumper.class).forEach(d -> protocols.add(d.protocol()));
        assertThat(protocols).contains("cot", "tak-stream", "tak-mesh", "remoteid");
    }

    @Test
    void dumpsAStreamOfSamplesOneLinePerEvent() throws Exception {
        Path dir = SharedData.require("data/protocols/cot-tak/samples/takserver-tests");
        StringBuilder stream = new StringBuilder();
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        for (Path f : files) {
            stream.append(Files.readString(f)).append('\n');
        }
        Path file = tmp.resolve("stream.xml");
        Files.writeString(file, stream);
        List<JsonNode> lines = new ArrayList<>();
        new CotDumper().dump(file, l -> lines.add(read(l)));
        assertThat(lines).hasSize(files.size());
        JsonNode pli = lines.get(1);
        assertThat(pli.get("uid").asText()).isEqualTo("ANDROID-352413144215585");
        assertThat(pli.get("callsign").asText()).isEqualTo("coolata");
        assertThat(pli.get("time").asText()).isEqualTo("2020-02-12T13:16:07.000Z");
        assertThat(pli.get("le_m").isNull()).isTrue();
        assertThat(pli.get("course_deg").asDouble()).isEqualTo(344.72362164876733);
    }

    @Test
    void stopsAtTheFirstBadEventWithAReason() throws Exception {
        String good = "<event version='2.0' uid='a' type='a-f-G' how='m-g' time='2024-01-01T00:00:00Z' start='2024-01-01T00:00:00Z' "
                + "stale='2024-01-01T00:01:00Z'><point lat='1' lon='2' hae='0' ce='1' le='1'/></event>";
        Path file = tmp.resolve("bad.xml");
        Files.writeString(file, good + good.replace("lat='1'", "lat='x'") + good, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        assertThatThrownBy(() -> new CotDumper().dump(file, lines::add)).isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("event 2").hasMessageContaining("lat 'x'");
        assertThat(lines).hasSize(1);
        Files.writeString(file, good + "<event uid='b'>", StandardCharsets.UTF_8);
        lines.clear();
        assertThatThrownBy(() -> new CotDumper().dump(file, lines::add)).hasMessageContaining("truncated event after event 1");
        assertThat(lines).hasSize(1);
    }

    private JsonNode read(String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
