package org.skydas.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.skydas.geo.Lks94;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class SectorCutterTest {

    /** A random wiggly border of 1..3 parts with gaps between them. */
    static BorderLine randomBorder(long seed, int parts) {
        Random r = new Random(seed);
        List<LineString> lines = new ArrayList<>();
        double x = 500_000;
        double y = 6_000_000;
        for (int p = 0; p < parts; p++) {
            int n = 2 + r.nextInt(200);
            Coordinate[] c = new Coordinate[n];
            for (int i = 0; i < n; i++) {
                x += 10 + r.nextDouble() * 900;
                y += (r.nextDouble() - 0.5) * 800;
                c[i] = new Coordinate(x, y);
            }
            lines.add(Lks94.GRID.createLineString(c));
            x += 1_000; // a gap
        }
        return new BorderLine("b", Neighbour.BY, Lks94.GRID.createMultiLineString(lines.toArray(LineString[]::new)));
    }

    @Property(tries = 200)
    void sectorsAddUpWithoutGapsOrOverlaps(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int parts,
                                           @ForAll @DoubleRange(min = 500, max = 30_000) double nominal) {
        BorderLine border = randomBorder(seed, parts);
        List<Sector> sectors = new SectorCutter(nominal).cut(border);
        double total = border.lengthM();

        assertThat(sectors.stream().mapToDouble(Sector::lengthM).sum()).isCloseTo(total, within(1e-6 * total));
        for (int i = 0; i < sectors.size(); i++) {
            Sector s = sectors.get(i);
            assertThat(s.index()).isEqualTo(i + 1);
            assertThat(s.id()).isEqualTo(String.format("BY-%03d", i + 1));
            if (sectors.size() > 1) {
                assertThat(s.lengthM()).isBetween(nominal * 0.5 - 1e-6, nominal * 1.5 + 1e-6);
            }
            if (i > 0) {
                // Consecutive: this sector starts where the previous one ended.
                Coordinate[] prev = sectors.get(i - 1).geometry().getCoordinates();
                Coordinate start = s.geometry().getCoordinates()[0];
                assertThat(start.distance(prev[prev.length - 1])).isLessThan(1e-6);
                // No overlap: the shared part of two neighbours has no length.
                Geometry shared = s.geometry().intersection(sectors.get(i - 1).geometry());
                assertThat(shared.getLength()).isLessThan(1e-3);
            }
        }
        // No gaps: together they cover the line.
        Geometry union = Lks94.GRID.buildGeometry(sectors.stream().map(Sector::geometry).toList()).union();
        assertThat(border.geometry().difference(union.buffer(1e-3)).getLength()).isLessThan(1e-3);
    }

    @Property(tries = 50)
    void aLineShorterThanASectorIsOneSector(@ForAll long seed) {
        BorderLine border = randomBorder(seed, 1);
        List<Sector> sectors = new SectorCutter(border.lengthM() * 1.9).cut(border);
        assertThat(sectors).hasSize(1);
        assertThat(sectors.get(0).lengthM()).isCloseTo(border.lengthM(), within(1e-6));
    }
}
