package org.skydas.geodata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.skydas.testkit.ExternalTool;

/**
 * The EGM96 undulation against PROJ's own EGM96 15' grid ({@code egm96_15.gtx} of Debian's proj-data) through
 * PROJ's bilinear {@code vgridshift}: the same NGA grid, so equal within the grid's centimetre rounding.
 */
class Egm96Test {

    @Test
    void equalsProjVgridshiftOverLithuaniaAndTheWorld() {
        Random rnd = new Random(96);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            points.add(new double[] {53.8 + 2.7 * rnd.nextDouble(), 20.9 + 6 * rnd.nextDouble()}); // LT and around
        }
        for (int i = 0; i < 200; i++) {
            points.add(new double[] {-89 + 178 * rnd.nextDouble(), -180 + 360 * rnd.nextDouble()});
        }
        points.add(new double[] {54.6872, 25.2797}); // Vilnius
        points.add(new double[] {0, 0});
        points.add(new double[] {10, -0.1});
        StringBuilder in = new StringBuilder();
        for (double[] p : points) {
            in.append(p[1]).append(' ').append(p[0]).append(" 0\n");
        }
        ExternalTool.Result r = ExternalTool.run(List.of(ExternalTool.require("cct").toString(), "-d", "4",
                "+proj=vgridshift", "+grids=egm96_15.gtx", "+multiplier=1"), in.toString(), 60);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        String[] lines = r.stdout().strip().split("\n");
        assertThat(lines).hasSize(points.size());
        double worst = 0;
        for (int i = 0; i < points.size(); i++) {
            double proj = Double.parseDouble(lines[i].strip().split("\\s+")[2]);
            double ours = Egm96.undulation(points.get(i)[0], points.get(i)[1]);
            worst = Math.max(worst, Math.abs(ours - proj));
            assertThat(ours).as("N at %s, %s", points.get(i)[0], points.get(i)[1]).isCloseTo(proj, within(0.011));
        }
        System.out.printf("EGM96 against PROJ vgridshift: %d points, largest difference %.4f m%n", points.size(), worst);
    }

    @Test
    void lithuaniaLiesAboutTwentyFourMetresAboveTheEllipsoid() {
        assertThat(Egm96.undulation(54.6872, 25.2797)).isBetween(20.0, 27.0);
        assertThatThrownBy(() -> Egm96.undulation(91, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Egm96.undulation(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
