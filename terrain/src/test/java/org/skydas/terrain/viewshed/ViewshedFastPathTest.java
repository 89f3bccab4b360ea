package org.skydas.terrain.viewshed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.GeoTransform;

/**
 * The north-up fast sweep must give exactly the generic sweep's result (it only reorders the loops,
 * never the arithmetic): seeded random DEMs with void cells, observers anywhere (edges included),
 * with and without a range limit and curvature, on grids wider or taller than the range.
 */
class ViewshedFastPathTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void fastPathEqualsTheGenericSweepBitForBit(long seed) {
        Random rnd = new Random(seed * 7919);
        int w = 20 + rnd.nextInt(120);
        int h = 20 + rnd.nextInt(120);
        DemGrid hills = ViewshedLineOfSightTest.randomDem(seed, w, h);
        float[] z = hills.copyHeights();
        for (int v = rnd.nextInt(40); v > 0; v--) {
            z[rnd.nextInt(z.length)] = Float.NaN;
        }
        double cell = 5 + rnd.nextDouble() * 100;
        DemGrid dem = DemGrid.wrap(w, h, z, GeoTransform.northUp(500000, 6100000, cell, -cell), 32634, Float.NaN);
        for (int run = 0; run < 6; run++) {
            int oc = run == 0 ? 0 : run == 1 ? w - 1 : rnd.nextInt(w);
            int or = run == 2 ? 0 : run == 3 ? h - 1 : rnd.nextInt(h);
            if (dem.isVoid(oc, or)) {
                continue;
            }
            double maxDistance = rnd.nextBoolean() ? 0 : cell * (2 + rnd.nextInt(Math.max(w, h)));
            double curvature = new double[] {0, 0.85714, 1}[rnd.nextInt(3)];
            ViewshedParams p = new ViewshedParams(500000 + (oc + rnd.nextDouble()) * cell,
                    6100000 - (or + rnd.nextDouble()) * cell, 1 + rnd.nextDouble() * 40,
                    new double[] {0, 1.8, 50}[rnd.nextInt(3)], maxDistance, curvature, CellMode.EDGE);
            ViewshedResult fast = Viewshed.compute(dem, p);
            ViewshedResult generic = Viewshed.computeGeneric(dem, p);
            assertThat(fast.cells()).as("seed %d run %d: %s", seed, run, p).isEqualTo(generic.cells());
            assertThat(fast.visibleCells()).isEqualTo(generic.visibleCells()).isPositive();
            assertThat(fast.voidCells()).isEqualTo(generic.voidCells());
        }
    }
}
