package org.skydas.ingest.cot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.skydas.ingest.DecodeException;
import org.skydas.ingest.tak.TakMessageCodec;
import org.skydas.testkit.SharedData;

/**
 * Every CoT sample of the shared data parses, and the set of tolerated schema deviations we record
 * agrees, file by file, with xmllint's validation against the MITRE base schema
 * ({@code VALIDATION_mitre_base_schema.txt}). Each sample also survives XML → TAK v1 → XML.
 */
class CotSamplesTest {

    private final CotXmlParser parser = new CotXmlParser();

    static List<Path> samples() throws IOException {
        Path root = SharedData.require("data/protocols/cot-tak");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root.resolve("examples"))) {
            s.filter(p -> p.toString().endsWith(".cot")).forEach(files::add);
        }
        try (Stream<Path> s = Files.walk(root.resolve("samples"), 2)) {
            s.filter(p -> p.toString().endsWith(".xml")).forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    /** file name → true when xmllint says it validates. */
    static Map<String, Boolean> xmllintVerdicts() throws IOException {
        Map<String, Boolean> out = new HashMap<>();
        for (String line : Files.readAllLines(SharedData.require("data/protocols/cot-tak/samples/VALIDATION_mitre_base_schema.txt"))) {
            if (line.endsWith(" validates")) {
                out.put(line.substring(0, line.length() - " validates".length()), true);
            } else if (line.endsWith(" fails to validate")) {
                out.put(line.substring(0, line.length() - " fails to validate".length()), false);
            }
        }
        return out;
    }

    @Test
    void everySampleParsesAndDeviationsAgreeWithXmllint() throws IOException {
        List<Path> files = samples();
        Map<String, Boolean> verdicts = xmllintVerdicts();
        assertThat(files).hasSize(12 + 20 + 3 + 1);
        List<String> disagreements = new ArrayList<>();
        StringBuilder report = new StringBuilder("CoT sample agreement (ours vs xmllint MITRE base schema):\n");
        for (Path f : files) {
            String name = f.getFileName().toString();
            CotEvent e;
            try {
                e = parser.parse(Files.readAllBytes(f));
            } catch (DecodeException ex) {
                disagreements.add(name + ": refused: " + ex.getMessage());
                continue;
            }
            boolean oursValid = e.deviations().isEmpty();
            Boolean xmllint = verdicts.get(name);
            report.append(String.format("  %-50s parsed, %s, xmllint %s%n", name,
                    oursValid ? "valid" : "deviations " + e.deviations(), xmllint == null ? "n/a" : xmllint ? "valid" : "invalid"));
            if (xmllint == null || xmllint != oursValid) {
                disagreements.add(name + ": ours " + oursValid + ", xmllint " + xmllint);
            }
        }
        System.out.print(report);
        assertThat(disagreements).isEmpty();
    }

    @Test
    void documentedSchemaBreaksAreTheOnesRecorded() throws Exception {
        Path dir = SharedData.require("data/protocols/cot-tak/samples/node-cot");
        CotEvent uas = parser.parse(Files.readAllBytes(dir.resolve("uas_tool_a-f-A-M-H-Q_1.xml")));
        assertThat(uas.version()).isEqualTo("2");
        assertThat(uas.deviations()).containsExactlyInAnyOrder("attribute how missing", "character content inside <point>");
        assertThat(uas.point().lat()).isEqualTo(39.1);
        assertThat(uas.point().hae()).isEqualTo(1381.333);
        assertThat(uas.track()).isEqualTo(new CotTrack(0, 140.8)); // detail came before point
        CotEvent nan = parser.parse(Files.readAllBytes(dir.resolve("point_nan_hae_ce_le_b-f-t-a.xml")));
        assertThat(nan.point().haeKnown()).isFalse();
        assertThat(nan.deviations()).hasSize(3).allMatch(d -> d.contains("'NaN' is not an xs:decimal"));
    }

    @Test
    void sampleFieldsSpotChecked() throws Exception {
        Path dir = SharedData.require("data/protocols/cot-tak/samples");
        CotEvent itak = parser.parse(Files.readAllBytes(dir.resolve("node-cot/itak_pli_a-f-G-E-V-C.xml")));
        assertThat(itak.callsign()).isEqualTo("DFPC-iSchmidt"); // contact has a phone: kept in xmlDetail
        assertThat(itak.detail().contact()).isNull();
        assertThat(itak.detail().group()).isEqualTo(new CotGroup("Yellow", "Team Member"));
        assertThat(itak.detail().takv()).isEqualTo(new CotTakv("iPhone", "iTAK", "16.5.1", "2.7.0.609"));
        assertThat(itak.track()).isEqualTo(new CotTrack(0, 137.23542786));
        assertThat(itak.time().toString()).isEqualTo("2023-07-18T15:23:09Z");
        CotEvent noSpeed = parser.parse(Files.readAllBytes(dir.resolve("node-cot/itak_pli_course_no_speed.xml")));
        assertThat(noSpeed.track().speed()).isNaN();
        assertThat(noSpeed.track().course()).isEqualTo(137.23542786);
        CotEvent remarks = parser.parse(Files.readAllBytes(dir.resolve("node-cot/itak_remarks_with_newlines.xml")));
        assertThat(remarks.detail().xmlDetail()).contains("Incident ID: 6841390\nMaster Incident Number");
        CotEvent wear = parser.parse(Files.readAllBytes(dir.resolve("node-cot/wearos_emergency_b-a-o.xml")));
        assertThat(wear.callsign()).isEqualTo("SP-Dev\nManual Alert: Gunshot");
        assertThat(wear.point().le()).isEqualTo(0.9278001);
        CotEvent rb = parser.parse(Files.readAllBytes(dir.resolve("node-cot/range_bearing_circle_u-r-b-c-c.xml")));
        assertThat(rb.callsign()).isEqualTo("R&B Circle 1");
        assertThat(rb.detail().xmlDetail()).contains("<color value=\"-35072\"/>").contains("<color argb=\"-35072\"/>");
    }

    @Test
    void everySampleSurvivesXmlToTakAndBack() throws Exception {
        TakMessageCodec codec = new TakMessageCodec();
        CotXmlWriter writer = new CotXmlWriter();
        for (Path f : samples()) {
            CotEvent e = parser.parse(Files.readAllBytes(f));
            CotEvent viaTak = codec.decode(codec.encode(e)).cotEvent();
            CotEvent viaXml = parser.parse(writer.write(viaTak));
            for (CotEvent back : List.of(viaTak, viaXml)) {
                String name = f.getFileName().toString();
                assertThat(back.uid()).as(name).isEqualTo(e.uid());
                assertThat(back.type()).as(name).isEqualTo(e.type());
                assertThat(back.how()).as(name).isEqualTo(e.how());
                assertThat(back.time().toEpochMilli()).as(name).isEqualTo(e.time().toEpochMilli());
                assertThat(back.stale().toEpochMilli()).as(name).isEqualTo(e.stale().toEpochMilli());
                assertThat(back.point().lat()).as(name).isEqualTo(e.point().lat());
                assertThat(back.point().lon()).as(name).isEqualTo(e.point().lon());
                assertThat(back.point().haeKnown()).as(name).isEqualTo(e.point().haeKnown());
                assertThat(back.detail().xmlDetail()).as(name).isEqualTo(e.detail().xmlDetail());
                assertThat(back.detail().contact()).as(name).isEqualTo(e.detail().contact());
                assertThat(back.callsign()).as(name).isEqualTo(e.callsign());
            }
            // Strict in what we emit; only a missing how stays missing (we do not invent provenance).
            assertThat(viaXml.deviations()).as(f.getFileName().toString())
                    .isEqualTo(e.how() == null ? List.of("attribute how missing") : List.of());
        }
    }
}
