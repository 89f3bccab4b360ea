package org.skydas.ingest.asterix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Every generated edition is well formed and survives hostile input. */
class AsterixEditionsTest {

    @Test
    void everyEditionIsByteAligned() {
        assertThat(AsterixEditions.AVAILABLE).contains("048/1.31", "062/1.19", "034/1.29", "021/2.6")
                .hasSizeGreaterThanOrEqualTo(20);
        for (String key : AsterixEditions.AVAILABLE) {
            AsterixCategory c = AsterixEditions.of(Integer.parseInt(key.substring(0, 3)), key.substring(4));
            assertThat(c.edition()).isEqualTo(key.substring(4));
            for (int i = 0; i < c.uapSize(); i++) {
                Variation v = c.item(i);
                if (v == null) {
                    continue;
                }
                assertAligned(key + " " + c.itemName(i + 1), v);
            }
        }
    }

    private static void assertAligned(String where, Variation v) {
        if (v instanceof Variation.Element || v instanceof Variation.Group) {
            assertThat(v.bitSize() % 8).as(where).isZero();
        } else if (v instanceof Variation.Extended e) {
            for (int k = 0; k < e.parts.length; k++) {
                assertThat((e.parts[k].bits + (e.fx[k] ? 1 : 0)) % 8).as(where + " part " + k).isZero();
            }
        } else if (v instanceof Variation.Repetitive r) {
            assertThat((r.element.bitSize() + (r.repBytes == 0 ? 1 : 0)) % 8).as(where).isZero();
            assertThat(r.elementBytes).as(where).isPositive();
        } else if (v instanceof Variation.Compound c) {
            for (Variation.Field f : c.subitems) {
                if (f != null) {
                    assertAligned(where + "/" + f.name(), f.variation());
                }
            }
        }
    }

    @Test
    void theJasterixSamplesDecodeWithTheirOwnEditionsToo() throws Exception {
        // cat062ed1.16.bin in CAT062 1.16 (the 1.19 default also decodes it: the layout of its items is shared).
        java.nio.file.Path file = org.skydas.testkit.SharedData.require(
                "data/protocols/asterix/jasterix/cat062ed1.16.bin");
        List<String> lines = new java.util.ArrayList<>();
        new AsterixDumper(AsterixEditions.with(Map.of(62, "1.16"))).dump(file, lines::add);
        assertThat(lines).singleElement().asString()
                .startsWith("{\"category\":62,\"edition\":\"1.16\"")
                .contains("\"I062/040\":5533", "\"MODE3A\":\"6204\"", "\"I062/130\":34837.5");
    }

    @Test
    void unknownEditionIsRefusedWithTheList() {
        assertThatThrownBy(() -> AsterixEditions.of(48, "1.21")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("048/1.31");
    }

    @Test
    void everyEditionSurvivesMutatedSamples() throws Exception {
        List<byte[]> seeds = AsterixRobustnessTest.seeds();
        Random rnd = new Random(7);
        for (String key : AsterixEditions.AVAILABLE) {
            int cat = Integer.parseInt(key.substring(0, 3));
            AsterixDecoder decoder = new AsterixDecoder(AsterixEditions.with(Map.of(cat, key.substring(4))));
            for (int i = 0; i < 300; i++) {
                AsterixRobustnessTest.decodeChecked(decoder, Mutator.mutate(seeds.get(rnd.nextInt(seeds.size())), rnd));
            }
        }
    }
}
