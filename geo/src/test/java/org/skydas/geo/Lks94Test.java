package org.skydas.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.skydas.testkit.ExternalTool;

/** LKS-94 against PROJ: fixed control points, and random points through a live cs2cs. */
class Lks94Test {

    /**
     * Control points computed once with PROJ 9.1 (Debian proj-bin):
     * {@code echo "LAT LON" | cs2cs -f %.4f EPSG:4326 EPSG:3346} → northing easting.
     */
    static final double[][] CONTROL = {
        // lat, lon, northing, easting
        {54.6872, 25.2797, 6061948.6830, 582510.3673}, // Vilnius
    };

    @Test
    void matchesProjControlPoints() {
        for (double[] p : CONTROL) {
            Coordinate grid = Lks94.toGrid(p[1], p[0]);
            assertThat(grid.x).isCloseTo(p[3], within(0.001));
            assertThat(grid.y).isCloseTo(p[2], within(0.001));
            Coordinate back = Lks94.toWgs84(grid.x, grid.y);
            assertThat(back.x).isCloseTo(p[1], within(1e-9));
            assertThat(back.y).isCloseTo(p[0], within(1e-9));
        }
    }

    @Test
    void agreesWithCs2csBothWaysOverLithuania() {
        ExternalTool.require("cs2cs");
        Random r = new Random(42);
        List<double[]> pts = new ArrayList<>();
        StringBuilder forwardIn = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            double lat = 53.8 + r.nextDouble() * 2.7;
            double lon = 20.9 + r.nextDouble() * 6.0;
            pts.add(new double[] {lat, lon});
            forwardIn.append(String.format(Locale.ROOT, "%.9f %.9f%n", lat, lon));
        }
        String[] forward = ExternalTool.run(List.of("cs2cs", "-f", "%.4f", "EPSG:4326", "EPSG:3346"),
                forwardIn.toString(), 30).stdout().split("\n");
        assertThat(forward).hasSize(pts.size());
        StringBuilder inverseIn = new StringBuilder();
        for (int i = 0; i < pts.size(); i++) {
            String[] f = forward[i].trim().split("\\s+");
            double northing = Double.parseDouble(f[0]);
            double easting = Double.parseDouble(f[1]);
            Coordinate ours = Lks94.toGrid(pts.get(i)[1], pts.get(i)[0]);
            assertThat(ours.x).as("easting of point %d", i).isCloseTo(easting, within(0.001));
            assertThat(ours.y).as("northing of point %d", i).isCloseTo(northing, within(0.001));
            inverseIn.append(String.format(Locale.ROOT, "%.4f %.4f%n", northing, easting));
        }
        String[] inverse = ExternalTool.run(List.of("cs2cs", "-f", "%.10f", "EPSG:3346", "EPSG:4326"),
                inverseIn.toString(), 30).stdout().split("\n");
        for (int i = 0; i < pts.size(); i++) {
            String[] f = inverse[i].trim().split("\\s+");
            String[] g = forward[i].trim().split("\\s+");
            Coordinate ours = Lks94.toWgs84(Double.parseDouble(g[1]), Double.parseDouble(g[0]));
            // 1e-8 degrees is about a millimetre.
            assertThat(ours.y).as("latitude of point %d", i).isCloseTo(Double.parseDouble(f[0]), within(1e-8));
            assertThat(ours.x).as("longitude of point %d", i).isCloseTo(Double.parseDouble(f[1]), within(1e-8));
        }
    }

    @Test
    void scaleFactorIsThatOfTheGrid() {
        assertThat(Lks94.scaleFactorAt(500_000)).isEqualTo(0.9998);
        // 200 km off the central meridian the grid stretches lengths by about 3 parts in 10 000.
        assertThat(Lks94.scaleFactorAt(300_000)).isCloseTo(1.00029, within(0.00002));
    }
}
