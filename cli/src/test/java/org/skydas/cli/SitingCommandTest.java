package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code skydas siting solve}: the JSON contract end to end, and bad input as one line with exit code 2. */
class SitingCommandTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(oldErr);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"scip", "cp-sat"})
    void solvesSinglePeriod(String engine) throws Exception {
        // Budget 250: {a, c} covers d1..d4 (weight 7) for 200; {b} alone (d2, d3, d4 = 6) costs 160 and leaves 90
        // that buys nothing: the optimum is a + c.
        Path in = dir.resolve("i.json");
        Files.writeString(in, """
                {"demand": [{"id": "d1", "weight": 1}, {"id": "d2", "weight": 2}, {"id": "d3", "weight": 3},
                            {"id": "d4", "weight": 1}],
                 "candidates": [{"id": "a", "cost": 100, "covers": ["d1", "d2", "d3"]},
                                {"id": "b", "cost": 160, "covers": ["d2", "d3", "d4"]},
                                {"id": "c", "cost": 100, "covers": ["d4"]},
                                {"id": "e", "cost": 0, "covers": [], "existing": true}],
                 "budget": 250}
                """);
        Path out = dir.resolve("sub/o.json");
        assertThat(Main.execute("siting", "solve", "--instance", in.toString(), "--out", out.toString(),
                "--time-limit", "10", "--engine", engine)).isEqualTo(0);
        JsonNode o = new ObjectMapper().readTree(out.toFile());
        assertThat(o.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(o.get("objective").asDouble()).isEqualTo(7.0);
        assertThat(o.get("bound").asDouble()).isEqualTo(7.0);
        assertThat(o.get("gap").asDouble()).isEqualTo(0.0);
        assertThat(o.get("spend").asDouble()).isEqualTo(200.0);
        assertThat(o.get("selected")).extracting(JsonNode::asText).containsExactlyInAnyOrder("a", "c", "e");
        assertThat(o.get("built")).extracting(JsonNode::asText).containsExactlyInAnyOrder("a", "c");
        try (var files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out); // the temporary file was renamed, none left behind
        }
    }

    @Test
    void badInputIsOneLineNamingTheFieldAndExitTwo() throws Exception {
        Path in = dir.resolve("bad.json");
        Files.writeString(in, """
                {"demand": [{"id": "d1", "weight": 1}],
                 "candidates": [{"id": "a", "cost": 100, "covers": ["d7"]}], "budget": 250}
                """);
        Path out = dir.resolve("o.json");
        assertThat(Main.execute("siting", "solve", "--instance", in.toString(), "--out", out.toString())).isEqualTo(2);
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("skydas siting: " + in + ": candidates[0].covers[0]: unknown demand id 'd7'\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void missingFileAndBadTimeLimitExitTwo() {
        assertThat(Main.execute("siting", "solve", "--instance", dir.resolve("none.json").toString(), "--out",
                dir.resolve("o.json").toString())).isEqualTo(2);
        assertThat(Main.execute("siting", "solve", "--instance", "x", "--out", "y", "--time-limit", "-1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file").contains("--time-limit");
    }
}
