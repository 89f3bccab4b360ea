package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.skydas.testkit.SharedData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code skydas decode}: JSON lines on stdout, a one-line error and exit code 2 for undecodable files. */
class DecodeCommandTest extends ConsoleTest {

    @Test
    void asterixRecordsBecomeJsonLines() throws Exception {
        Path f = SharedData.require("data/protocols/asterix/croatiacontrol/sample_data/cat_034_048.pcap");
        assertThat(Main.execute("decode", "asterix", f.toString())).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines.length).isGreaterThan(10);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = null;
        for (String line : lines) {
            JsonNode n = json.readTree(line);
            assertThat(n.path("category").asInt()).isIn(34, 48);
            if (first == null && n.path("category").asInt() == 48) {
                first = n;
            }
        }
        assertThat(first.path("items").has("I048/010")).isTrue();
        assertThat(first.path("items").path("I048/040").has("RHO")).isTrue();
    }

    @Test
    void anUndecodableCaptureEndsWithOneLineAndExitCode2AfterWhatDecoded() {
        Path f = SharedData.require("data/protocols/asterix/croatiacontrol/sample_data/asterix.pcap");
        assertThat(Main.execute("decode", "asterix", f.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("skydas: ").contains("asterix.pcap")
                .doesNotContain("\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"category\":");
    }

    @Test
    void everyProtocolOfTheIssueIsAvailable() {
        assertThat(DecodeCommand.dumpers().keySet()).contains("asterix", "cot", "tak-stream", "tak-mesh", "remoteid", "json");
        assertThat(Main.execute("decode", "morse", "x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown protocol 'morse'");
    }
}
