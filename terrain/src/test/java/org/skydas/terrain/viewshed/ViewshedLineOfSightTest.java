package org.skydas.terrain.viewshed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.GeoTransform;

/**
 * Seeded random DEMs against a brute-force line-of-sight reference, plus the properties that must
 * hold whatever the terrain.
 */
class ViewshedLineOfSightTest {

    private static final double CELL = 30;

    /** Smooth hills (a few Gaussian bumps) plus metre-scale noise. */
    static DemGrid randomDem(long seed, int w, int h) {
        Random rnd = new Random(seed);
        float[] z = new float[w * h];
        int bumps = 3 + rnd.nextInt(6);
        double[][] b = new double[bumps][4];
        for (double[] bump : b) {
            bump[0] = rnd.nextDouble() * w;
            bump[1] = rnd.nextDouble() * h;
            bump[2] = 3 + rnd.nextDouble() * w / 4.0;
            bump[3] = (rnd.nextDouble() - 0.3) * 80;
        }
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double v = 100 + rnd.nextGaussian() * 1.5;
                for (double[] bump : b) {
                    double d2 = (c - bump[0]) * (c - bump[0]) + (r - bump[1]) * (r - bump[1]);
                    v += bump[3] * Math.exp(-d2 / (2 * bump[2] * bump[2]));
                }
                z[r * w + c] = (float) v;
            }
        }
        return DemGrid.wrap(w, h, z, GeoTransform.northUp(500000, 6100000, CELL, -CELL), 32634, Float.NaN);
    }

    /**
     * Brute force: the target is visible when no terrain point on the straight segment from the
     * observer's eye rises above the line to the target. Terrain along the segment is sampled where
     * it crosses each row and column of cell centres, interpolating linearly between the two cells.
     */
    static boolean lineOfSight(DemGrid dem, int oc, int or, double eye, int tc, int tr, double target) {
        double dx = tc - oc;
        double dy = tr - or;
        double dt = Math.hypot(dx, dy);
        double zt = dem.height(tc, tr) + target;
        double slopeT = (zt - eye) / dt;
        int steps = (int) Math.max(Math.abs(dx), Math.abs(dy));
        for (int k = 1; k < steps; k++) {
            double t = (double) k / steps;
            double x = oc + dx * t;
            double y = or + dy * t;
            double h;
            if (Math.abs(dx) >= Math.abs(dy)) {
                int r0 = (int) Math.floor(y);
                double f = y - r0;
                int c = (int) Math.round(x);
                h = f == 0 ? dem.height(c, r0) : dem.height(c, r0) * (1 - f) + dem.height(c, r0 + 1) * f;
            } else {
                int c0 = (int) Math.floor(x);
                double f = x - c0;
                int r = (int) Math.round(y);
                h = f == 0 ? dem.height(c0, r) : dem.height(c0, r) * (1 - f) + dem.height(c0 + 1, r) * f;
            }
            if ((h - eye) / (dt * t) > slopeT + 1e-9) {
                return false;
            }
        }
        return true;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void agreesWithBruteForceLineOfSight(long seed) {
        Random rnd = new Random(seed * 31);
        int w = 40 + rnd.nextInt(60);
        int h = 40 + rnd.nextInt(60);
        DemGrid dem = randomDem(seed, w, h);
        int oc = rnd.nextInt(w);
        int or = rnd.nextInt(h);
        double oz = 1 + rnd.nextDouble() * 30;
        double tz = rnd.nextDouble() * 5;
        GeoTransform gt = dem.transform();
        ViewshedParams p = new ViewshedParams(gt.x(oc + 0.5, or + 0.5), gt.y(oc + 0.5, or + 0.5), oz, tz, 0, 0,
                CellMode.EDGE);
        ViewshedResult v = Viewshed.compute(dem, p);
        double eye = dem.height(oc, or) + oz;
        int equal = 0;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                boolean ref = (r == or && c == oc) || lineOfSight(dem, oc, or, eye, c, r, tz);
                if (ref == v.isVisible(c, r)) {
                    equal++;
                }
                if (r == or && Math.abs(c - oc) != 1) {
                    // along the observer's row the sweep is the exact straight-line test
                    assertThat(v.isVisible(c, r)).as("row cell %d (seed %d)", c, seed).isEqualTo(ref);
                }
            }
        }
        double agreement = (double) equal / (w * h);
        // The sweep interpolates the horizon between two neighbours instead of following each ray:
        // it is an approximation that disagrees on a thin band along visibility boundaries.
        assertThat(agreement).as("seed %d", seed).isGreaterThanOrEqualTo(0.93);
    }

    @Test
    void flatTerrainWithoutCurvatureIsAllVisible() {
        float[] z = new float[50 * 40];
        Arrays.fill(z, 120f);
        DemGrid dem = DemGrid.wrap(50, 40, z, GeoTransform.northUp(0, 0, 10, -10), 32634, Float.NaN);
        ViewshedResult v = Viewshed.compute(dem, new ViewshedParams(255, -155, 1.5, 0, 0, 0, CellMode.EDGE));
        assertThat(v.visibleCells()).isEqualTo(50 * 40);
    }

    @Test
    void curvatureHidesTheFlatGroundBeyondTheHorizon() {
        int n = 1200;
        float[] z = new float[n * 3];
        DemGrid dem = DemGrid.wrap(n, 3, z, GeoTransform.northUp(0, 30, 10, -10), 32634, Float.NaN);
        ViewshedResult v = Viewshed.compute(dem, new ViewshedParams(5, 15, 2, 0, 0, 1.0, CellMode.EDGE));
        // with curvature 1 the eye at 2 m sees the ground to sqrt(2 * a * 2 m) ~ 5 051 m
        double horizon = Math.sqrt(2 * 6378137.0 * 2);
        for (int c = 2; c < n; c++) {
            double d = c * 10;
            if (d < horizon * 0.98) {
                assertThat(v.isVisible(c, 1)).as("%f m", d).isTrue();
            } else if (d > horizon * 1.02) {
                assertThat(v.isVisible(c, 1)).as("%f m", d).isFalse();
            }
        }
    }

    @Test
    void aWallHidesTheGroundBehindItButNotWhatIsTallEnough() {
        int w = 60;
        int h = 20;
        float[] z = new float[w * h];
        for (int r = 0; r < h; r++) {
            z[r * w + 30] = 50;
        }
        DemGrid dem = DemGrid.wrap(w, h, z, GeoTransform.northUp(0, 0, 10, -10), 0, Float.NaN);
        ViewshedResult low = Viewshed.compute(dem, new ViewshedParams(105, -105, 2, 0, 0, 0, CellMode.EDGE));
        ViewshedResult tall = Viewshed.compute(dem, new ViewshedParams(105, -105, 2, 500, 0, 0, CellMode.EDGE));
        for (int c = 31; c < w; c++) {
            assertThat(low.isVisible(c, 10)).isFalse();
            assertThat(tall.isVisible(c, 10)).isTrue();
        }
        assertThat(low.isVisible(30, 10)).isTrue();
    }

    @Test
    void voidCellsAreNeverVisibleAndTheCountIsReported() {
        DemGrid base = randomDem(99, 60, 50);
        float[] z = base.copyHeights();
        Random rnd = new Random(5);
        int voids = 0;
        for (int i = 0; i < z.length; i++) {
            if (rnd.nextInt(10) == 0 && i != 25 * 60 + 30) {
                z[i] = rnd.nextBoolean() ? Float.NaN : -32768f;
                voids++;
            }
        }
        DemGrid dem = DemGrid.wrap(60, 50, z, base.transform(), base.epsg(), -32768f);
        GeoTransform gt = dem.transform();
        ViewshedResult v = Viewshed.compute(dem, ViewshedParams.of(gt.x(30.5, 25.5), gt.y(30.5, 25.5), 200, 2));
        for (int r = 0; r < 50; r++) {
            for (int c = 0; c < 60; c++) {
                if (dem.isVoid(c, r)) {
                    assertThat(v.isVisible(c, r)).isFalse();
                }
            }
        }
        assertThat(v.voidCells()).isEqualTo(voids);
        assertThat(v.visibleCells()).isGreaterThan(60 * 50 - voids - 200);
    }

    @Test
    void nothingBeyondTheMaximumDistanceIsVisible() {
        DemGrid dem = randomDem(17, 90, 80);
        GeoTransform gt = dem.transform();
        double ox = gt.x(40.5, 30.5);
        double oy = gt.y(40.5, 30.5);
        ViewshedResult v = Viewshed.compute(dem, new ViewshedParams(ox, oy, 100, 2, 600, 0.85714, CellMode.EDGE));
        ViewshedResult unlimited = Viewshed.compute(dem, new ViewshedParams(ox, oy, 100, 2, 0, 0.85714, CellMode.EDGE));
        for (int r = 0; r < 80; r++) {
            for (int c = 0; c < 90; c++) {
                double d = Math.hypot((c - 40) * CELL, (r - 30) * CELL);
                if (d > 600) {
                    assertThat(v.isVisible(c, r)).isFalse();
                } else {
                    assertThat(v.isVisible(c, r)).isEqualTo(unlimited.isVisible(c, r));
                }
            }
        }
        assertThat(v.visibleCells()).isGreaterThan(1000);
    }

    @Test
    void observerOutsideOrOnVoidIsRejected() {
        DemGrid dem = randomDem(3, 20, 20);
        assertThatThrownBy(() -> Viewshed.compute(dem, ViewshedParams.of(400000, 6100000, 2, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the raster");
    }
}
