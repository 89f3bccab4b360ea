package org.skydas.ingest.sapient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.skydas.ingest.DecodeException;
import org.skydas.testkit.SharedData;

import uk.gov.dstl.sapientmsg.bsiflex335v2.SapientMessage;

/**
 * Dstl's BSI Flex 335 v2.0 test-harness fixtures: every must-pass one parses and validates, also after a round
 * trip through the binary wire form; every must-fail one is refused, and refused for the fault its name states
 * (the 34 DetectionReport fixtures with the obsolete {@code detectionLocation} are parsed leniently so that the
 * named fault, not the unknown field, is what refuses them).
 */
class SapientFixturesTest {

    private static final String HARNESS = "data/protocols/sapient/samples/bsi_flex_335_v2_0/dstl-test-harness/";
    private final SapientCodec codec = new SapientCodec();

    static List<Path> files(String folder) throws IOException {
        try (Stream<Path> s = Files.list(SharedData.require(HARNESS + folder))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void everyValidFixtureAndSimulatorDefaultPassesAndSurvivesTheWire() throws Exception {
        List<Path> all = new ArrayList<>(files("valid"));
        all.addAll(files("simulator-defaults"));
        assertThat(all).hasSize(38 + 40);
        for (Path p : all) {
            SapientMessage m = codec.decodeJson(Files.readString(p));
            assertThat(codec.problems(m)).as(p.getFileName().toString()).isEmpty();
            byte[] wire = SapientFrames.frame(m.toByteArray());
            List<byte[]> frames = new ArrayList<>();
            new SapientFrames(1 << 20).feed(wire, 0, wire.length, frames::add);
            assertThat(codec.decode(frames.get(0))).as(p.getFileName().toString()).isEqualTo(m);
        }
    }

    @Test
    void everyInvalidFixtureIsRefusedForItsNamedFault() throws Exception {
        List<Path> invalid = files("invalid");
        assertThat(invalid).hasSize(193);
        List<String> accepted = new ArrayList<>();
        int strictParseFailures = 0;
        for (Path p : invalid) {
            String json = Files.readString(p);
            try {
                SapientCodec.parseJson(json, false);
            } catch (DecodeException e) {
                strictParseFailures++;
            }
            SapientMessage lenient;
            try {
                lenient = SapientCodec.parseJson(json, true);
            } catch (DecodeException e) {
                assertThat(p.getFileName().toString()).isEqualTo("0001.Timestamp.Error.json");
                continue;
            }
            if (codec.problems(lenient).isEmpty()) {
                accepted.add(p.getFileName().toString());
            }
        }
        // Two fixtures' named fault lies inside the obsolete detectionLocation itself: only the strict parse can
        // refuse them, and it does, naming that field.
        assertThat(accepted).containsExactly("0111.DetectionReport.DetectionLocation.Missing.json",
                "0112.DetectionReport.DetectionLocation.RangeBearing.json");
        for (String f : accepted) {
            Path p = SharedData.require(HARNESS + "invalid/" + f);
            assertThatThrownBy(() -> codec.decodeJson(Files.readString(p))).hasMessageContaining("detectionLocation");
        }
        assertThat(strictParseFailures).isEqualTo(35);
    }

    /** The fast check on the wire bytes finds exactly what the check on the parsed message finds, fixture by fixture. */
    @Test
    void theWireCheckAgreesWithTheMessageCheck() throws Exception {
        List<Path> all = new ArrayList<>(files("valid"));
        all.addAll(files("simulator-defaults"));
        all.addAll(files("invalid"));
        int compared = 0;
        for (Path p : all) {
            SapientMessage m;
            try {
                m = SapientCodec.parseJson(Files.readString(p), true);
            } catch (DecodeException e) {
                continue;
            }
            List<String> byMessage = new ArrayList<>(codec.problems(m));
            List<String> byWire = new ArrayList<>(codec.wireProblems(m.toByteArray()));
            java.util.Collections.sort(byMessage);
            java.util.Collections.sort(byWire);
            assertThat(byWire).as(p.getFileName().toString()).isEqualTo(byMessage);
            compared++;
        }
        assertThat(compared).isEqualTo(38 + 40 + 192);
    }

    @Test
    void theNamedFaultIsTheReason() throws Exception {
        assertThat(reasons("0108.DetectionReport.ObjectId.Missing.json")).containsExactly("detection_report.object_id: missing");
        assertThat(reasons("0002.Timestamp.Missing.json")).containsExactly("timestamp: missing");
        assertThat(reasons("0003.NodeId.Error.json")).containsExactly("node_id: not a UUID");
        assertThat(reasons("0028.Registration.IcdVersion.Wrong.json")).containsExactly("registration.icd_version: not BSI Flex 335 v2.0");
    }

    private List<String> reasons(String file) throws Exception {
        Path p = SharedData.require(HARNESS + "invalid/" + file);
        return codec.problems(SapientCodec.parseJson(Files.readString(p), true));
    }

    @Test
    void aStrictParseRefusesTheObsoleteDetectionLocation() throws Exception {
        Path p = SharedData.require(HARNESS + "invalid/0108.DetectionReport.ObjectId.Missing.json");
        assertThatThrownBy(() -> codec.decodeJson(Files.readString(p)))
                .isInstanceOf(DecodeException.class).hasMessageStartingWith("invalid JSON");
    }
}
