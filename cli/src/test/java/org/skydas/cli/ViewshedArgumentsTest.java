package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * {@code skydas viewshed} takes arguments in the plain documented form without picocli ({@link
 * ViewshedCommand#parsePlain}, a start-up saving): whenever that path accepts arguments, picocli must accept them too
 * and give exactly the same command; for everything else it must step aside so that picocli answers (help,
 * errors, argument files).
 */
class ViewshedArgumentsTest {

    private static final String[] TOKENS = {"--dem", "--observer", "--observer-height", "--target-height",
        "--max-distance", "--curvature", "--out", "--deflate", "dem.tif", "out.tif", "500000,6000000", "10", "-5",
        "1e3", "NaN", " 7", "abc", "--dem=x.tif", "--help", "-h", "--version", "@args.txt", "--", "--unknown", "0x1p3",
        "-", "-abc"};

    @Provide
    Arbitrary<List<String>> argumentLists() {
        Arbitrary<List<String>> noise = Arbitraries.of(TOKENS).list().ofMaxSize(16);
        Arbitrary<List<String>> plain = Arbitraries.of(TOKENS).list().ofMaxSize(6).flatMap(extra ->
                Arbitraries.shuffle(List.of(
                        List.of("--dem", "dem.tif"), List.of("--observer", "500000,6000000"),
                        List.of("--observer-height", "10"), List.of("--target-height", "-5"),
                        List.of("--out", "out.tif"), List.of("--max-distance", "1e3"), List.of("--curvature", "0"),
                        List.of("--deflate"), extra)).map(parts -> {
                            List<String> all = new ArrayList<>();
                            parts.forEach(all::addAll);
                            return all;
                        }));
        return Arbitraries.oneOf(noise, plain);
    }

    @Property(tries = 3000)
    void whatThePlainPathTakesPicocliTakesTheSame(@ForAll("argumentLists") List<String> args) {
        String[] a = args.toArray(String[]::new);
        ViewshedCommand plain = ViewshedCommand.parsePlain(a);
        if (plain == null) {
            return; // picocli answers, as before
        }
        ViewshedCommand viaPicocli = new ViewshedCommand();
        new CommandLine(viaPicocli).parseArgs(a); // throws (and fails the property) if picocli refuses them
        assertThat(plain).usingRecursiveComparison().isEqualTo(viaPicocli);
    }

    @Test
    void theDocumentedFormTakesThePlainPathAndTheRestDoesNot() {
        String[] documented = {"--dem", "dem.tif", "--observer", "500000,6000000", "--observer-height", "10",
            "--target-height", "2", "--max-distance", "25000", "--curvature", "0.85714", "--out", "out.tif"};
        ViewshedCommand c = ViewshedCommand.parsePlain(documented);
        assertThat(c).isNotNull();
        assertThat(c.maxDistance).isEqualTo(25000);
        assertThat(c.out).hasToString("out.tif");
        // defaults as picocli's
        ViewshedCommand d = ViewshedCommand.parsePlain(new String[] {"--dem", "d", "--observer", "1,2",
            "--observer-height", "1", "--target-height", "2", "--out", "o"});
        assertThat(d.maxDistance).isZero();
        assertThat(d.curvature).isEqualTo(0.85714);
        assertThat(d.deflate).isFalse();
        for (String[] other : List.of(new String[] {"--help"}, new String[] {"--dem=d.tif"},
                new String[] {"--dem", "d", "--dem", "e"}, new String[] {"--dem", "@f"},
                new String[] {"--dem", "d", "--observer", "1,2", "--observer-height", "x", "--target-height", "2",
                    "--out", "o"},
                new String[] {"--dem", "d", "--observer", "1,2", "--observer-height", "1", "--out", "o"})) {
            assertThat(ViewshedCommand.parsePlain(other)).as(String.join(" ", other)).isNull();
        }
    }
}
