package org.skydas.ingest.asterix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.testkit.ExternalTool;
import org.skydas.testkit.SharedData;

/**
 * The edition definitions are data generated from asterix-specs: the checked-in files are exactly what the
 * generator makes from the shared definitions today, and {@link EditionReader} refuses a malformed one with the
 * line it stopped at.
 */
class EditionDefinitionsTest {

    private static final Path MODULE = Path.of(System.getProperty("skydas.root", "..")).resolve("ingest")
            .toAbsolutePath().normalize();
    private static final Path CHECKED_IN = MODULE.resolve("src/main/resources/org/skydas/ingest/asterix/editions");

    @Test
    void checkedInDefinitionsAreWhatTheGeneratorMakesFromTheSharedSpecs(@TempDir Path tmp) throws Exception {
        SharedData.require("data/protocols/asterix/asterix-specs/ast");
        Path bash = ExternalTool.require("bash");
        ExternalTool.require("python3");
        Path out = tmp.resolve("editions");
        ExternalTool.Result r = ExternalTool.run(List.of(bash.toString(),
                MODULE.resolve("src/build/asterix/generate_all.sh").toString(), SharedData.root().toString(),
                out.toString()), null, 300);
        assertThat(r.exitCode()).as(r.stderr()).isZero();

        List<String> generated = names(out);
        assertThat(generated).contains("editions.txt", "cat048-1.31.txt").hasSizeGreaterThanOrEqualTo(21);
        assertThat(names(CHECKED_IN)).as("files in %s (re-run generate_all.sh)", CHECKED_IN)
                .containsExactlyElementsOf(generated);
        for (String name : generated) {
            assertThat(Files.readString(CHECKED_IN.resolve(name)))
                    .as("%s differs from what generate_all.sh makes: re-run it and commit the result", name)
                    .isEqualTo(Files.readString(out.resolve(name)));
        }
    }

    @Test
    void theListOfEditionsIsTheGeneratedOneAndEachNamesItsOwnFile() {
        assertThat(AsterixEditions.AVAILABLE).hasSize(20).startsWith("021/2.6").endsWith("240/1.3")
                .contains("048/1.27", "048/1.32", "062/1.16", "062/1.21", "065/1.4");
        for (String key : AsterixEditions.AVAILABLE) {
            assertThat(EditionReader.readResource(AsterixEditions.resource(key)).toString())
                    .isEqualTo("CAT" + key.substring(0, 3) + " ed. " + key.substring(4));
        }
    }

    @Test
    void aDefinitionIsReadIntoTheVariationsTheDecoderWalks() {
        AsterixCategory c = EditionReader.read("test", """
                # comment
                asterix 062 9.9
                uap 010 - 380 080 SP
                010 "Data Source Identifier" (group SAC (el 8 raw) SIC (el 8 raw))
                380 "Aircraft Derived Data" (compound ADR (el 24 raw) - IAS (group IM (el 1 raw) \
                IAS (el 15 raw (on IM 0 (q unsigned 1 16384 "NM/s") 1 (q unsigned 1 1000 "Mach")))))
                080 "Track Status" (ext (fx MON (el 1 raw) (spare 6)) (nofx SIM (el 8 signed)))
                SP "Special Purpose Field" (explicit sp)
                """);
        assertThat(c.number()).isEqualTo(62);
        assertThat(c.edition()).isEqualTo("9.9");
        assertThat(c.uapSize()).isEqualTo(5);
        assertThat(c.itemName(2)).isNull();
        assertThat(c.indexOf("080")).isEqualTo(3);
        assertThat(c.fixedBytes(0)).isEqualTo(2);
        Variation.Compound adr = (Variation.Compound) c.item(2);
        assertThat(adr.subitems[1]).isNull();
        assertThat(adr.fixedBytes).containsExactly(3, 0, 2);
        Variation.Element ias = (Variation.Element) ((Variation.Group) adr.subitems[2].variation()).fields[1].variation();
        assertThat(ias.dependency.sibling()).isEqualTo("IM");
        assertThat(ias.dependency.values()).containsExactly(0, 1);
        assertThat(ias.dependency.contents()[1].scale(816)).isEqualTo(0.816);
        assertThat(ias.dependency.contents()[0].unit()).isEqualTo("NM/s");
        Variation.Extended status = (Variation.Extended) c.item(3);
        assertThat(status.fx).containsExactly(true, false);
        assertThat(status.partBytes).containsExactly(1, 1);
        assertThat(((Variation.Explicit) c.item(4)).kind).isEqualTo("SpecialPurpose");
    }

    @Test
    void aMalformedDefinitionIsRefusedWithItsLine() {
        String head = "asterix 048 1.31\nuap 010\n";
        assertThatThrownBy(() -> EditionReader.read("t", head + "010 \"x\" (grup SAC (el 8 raw))\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("t line 3: unknown variation 'grup'");
        assertThatThrownBy(() -> EditionReader.read("t", head + "010 \"x\" (group SAC (el 8 raw)\n"))
                .hasMessage("t line 3: line ends too early");
        assertThatThrownBy(() -> EditionReader.read("t", head + "010 \"x\" (el 8 raw)) x\n"))
                .hasMessage("t line 3: unexpected ')' after the end of the line's definition");
        assertThatThrownBy(() -> EditionReader.read("t", head + "010 \"x\" (el eight raw)\n"))
                .hasMessage("t line 3: expected an integer, found 'eight'");
        assertThatThrownBy(() -> EditionReader.read("t", head + "010 \"x\" (el 8 (q signed 1 x \"m\"))\n"))
                .hasMessage("t line 3: expected a number, found 'x'");
        assertThatThrownBy(() -> EditionReader.read("t", head + "020 \"x\" (el 8 raw)\n"))
                .hasMessage("t: UAP item 010 has no definition");
        assertThatThrownBy(() -> EditionReader.read("t", "uap 010\n010 \"x\" (el 8 raw)\n"))
                .hasMessageContaining("needs its 'asterix CCC x.y' and 'uap ...' lines");
        assertThatThrownBy(() -> EditionReader.read("t", head + "010 \"x\" (rep 1 (el 0 raw))\n"))
                .hasMessageContaining("fixed-size element");
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
