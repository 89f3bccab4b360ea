package org.skydas.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.skydas.geo.Lks94;
import org.skydas.geodata.Countries;
import org.skydas.model.demo.DemoScenario;

class DemoScenarioTest {

    static Scenario demo;

    @BeforeAll
    static void build() {
        demo = new DemoScenario().build();
    }

    @Test
    void fourBorderLinesWithPublishedLengths() {
        Map<Neighbour, Double> km = demo.border().stream()
                .collect(Collectors.toMap(BorderLine::neighbour, b -> b.lengthM() / 1000));
        System.out.println("demo border lengths (km): " + km);
        assertThat(km).containsOnlyKeys(Neighbour.values());
        // Expected from the issue (OSM-derived): BY 650, RU 210, PL 100, LV 570 km, each ±15 %.
        assertThat(km.get(Neighbour.BY)).isCloseTo(650, within(650 * 0.15));
        assertThat(km.get(Neighbour.RU)).isCloseTo(210, within(210 * 0.15));
        assertThat(km.get(Neighbour.PL)).isCloseTo(100, within(100 * 0.15));
        assertThat(km.get(Neighbour.LV)).isCloseTo(570, within(570 * 0.15));
    }

    /** README.md states each border's length in whole km: the derived lines must round to exactly those. */
    @Test
    void readmeStatesTheDerivedBorderLengths() throws IOException {
        Path readme = Path.of(System.getProperty("skydas.root", ".."), "README.md");
        String text = Files.readString(readme).replaceAll("\\s+", " ");
        Map<Neighbour, Double> km = demo.border().stream()
                .collect(Collectors.toMap(BorderLine::neighbour, b -> b.lengthM() / 1000));
        for (Neighbour n : Neighbour.values()) {
            Matcher m = Pattern.compile("LT–" + n.name() + " \\((\\d+) km\\)").matcher(text);
            assertThat(m.find()).as("README states the LT–%s length as 'LT–%s (N km)'", n, n).isTrue();
            assertThat(Math.round(km.get(n))).as("LT–%s length (%.2f km) against README", n, km.get(n))
                    .isEqualTo(Long.parseLong(m.group(1)));
        }
    }

    @Test
    void borderLinesLieOnBothCountriesOutlines() {
        Geometry ltu = Lks94.toGrid(Countries.load().get("LTU"));
        for (BorderLine b : demo.border()) {
            Geometry other = Lks94.toGrid(Countries.load().get(b.neighbour().iso3()));
            // Every vertex is on Lithuania's outline, and near the neighbour's (simplified data drift).
            assertThat(ltu.getBoundary().distance(b.geometry())).isLessThan(1e-6);
            var near = new org.locationtech.jts.operation.distance.IndexedFacetDistance(other);
            double[] d = java.util.Arrays.stream(b.geometry().getCoordinates())
                    .mapToDouble(c -> near.distance(Lks94.GRID.createPoint(c))).toArray();
            // Rivers up to 300 m wide belong to the line, and gaps under 1 km in the data are closed.
            assertThat(java.util.Arrays.stream(d).filter(x -> x > 300).count())
                    .as("%s vertices > 300 m from the neighbour", b.id()).isLessThan(d.length / 100);
            assertThat(java.util.Arrays.stream(d).max().orElseThrow()).as(b.id()).isLessThan(1_000);
        }
    }

    @Test
    void sectorsCoverEachBorderExactly() {
        for (BorderLine b : demo.border()) {
            double sum = demo.sectors().stream().filter(s -> s.neighbour() == b.neighbour())
                    .mapToDouble(Sector::lengthM).sum();
            assertThat(sum).isCloseTo(b.lengthM(), within(0.01));
        }
        assertThat(demo.sectors()).extracting(Sector::id).contains("BY-001", "BY-017", "PL-001", "RU-001", "LV-001")
                .doesNotHaveDuplicates();
    }

    @Test
    void zonesIncludeStripBufferAndSuwalkiGap() {
        Map<String, Zone> byId = demo.zones().stream().collect(Collectors.toMap(Zone::id, z -> z));
        Zone strip = byId.get("strip-BY");
        Zone buffer = byId.get("buffer-BY");
        assertThat(strip.kind()).isEqualTo(ZoneKind.BORDER_STRIP);
        assertThat(buffer.kind()).isEqualTo(ZoneKind.BUFFER);
        BorderLine by = demo.border().stream().filter(b -> b.neighbour() == Neighbour.BY).findFirst().orElseThrow();
        // A one-sided band: area ≈ length × width (a little less: bends and tripoint ends).
        assertThat(strip.geometry().getArea()).isBetween(0.8 * by.lengthM() * 1000, 1.1 * by.lengthM() * 1000);
        assertThat(buffer.geometry().covers(strip.geometry().buffer(-1))).isTrue();
        // The strip lies in Lithuania.
        Geometry ltu = Lks94.toGrid(Countries.load().get("LTU"));
        assertThat(strip.geometry().difference(ltu).getArea()).isLessThan(1.0);
        assertThat(demo.sectors().stream().filter(x -> x.neighbour() == Neighbour.BY).count())
                .isEqualTo(Math.round(by.lengthM() / 10_000));
        Zone gap = byId.get("aoi-suwalki-gap");
        assertThat(gap.kind()).isEqualTo(ZoneKind.AREA_OF_INTEREST);
        // Suwałki town (PL) lies ~25 km from the border: outside; Lazdijai (LT, ~6 km): inside.
        assertThat(gap.geometry().contains(Lks94.GRID.createPoint(Lks94.toGrid(23.516, 54.234)))).isTrue();
    }

    @Test
    void exampleAssetsAreInsideLithuaniaAndFlagged() {
        Geometry ltu = Lks94.toGrid(Countries.load().get("LTU"));
        assertThat(demo.assets()).hasSizeGreaterThan(10);
        for (Asset a : demo.assets()) {
            assertThat(a.params()).containsEntry("example", true);
            assertThat(a.name()).startsWith("Example");
            // Inside Lithuania, up to overlay round-off on its outline.
            Geometry outside = a.geometry().difference(ltu);
            assertThat(outside.getArea() + outside.getLength()).as(a.id()).isLessThan(1.0);
        }
        assertThat(demo.assets()).extracting(Asset::type).contains(AssetType.RADAR, AssetType.BARRIER_FENCE,
                AssetType.OBSTACLE_BELT, AssetType.REFORESTATION_AREA);
    }

    @Test
    void programmeIsTheBillionEnvelope() {
        assertThat(demo.programme().totalEnvelopeEur()).isCloseTo(1.1e9, within(1.0));
        double counterMobility = demo.programme().envelope().stream()
                .filter(l -> l.category() == Category.COUNTER_MOBILITY_OBSTACLES)
                .mapToDouble(BudgetLine::envelopeEur).sum();
        assertThat(counterMobility).isCloseTo(800e6, within(1.0));
    }
}
