package org.skydas.terrain.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import org.junit.jupiter.api.Test;

/**
 * The band search split into halves that run on two threads: it must equal a plain Dijkstra, and its
 * result (costs and directions, bit for bit) must never depend on whether one thread or two computed
 * it. Bands are forced to split from one cell on, so that small grids exercise the seam between the
 * halves as often as a 21 M-cell grid does.
 */
class BandSearchTest {

    /** A grid with positive frictions (so the band queue, not the heap, runs) and some impassable cells. */
    static CostDistancePropertiesTest.Problem problem(long seed, int w, int h, boolean knight) {
        Random rnd = new Random(seed);
        float[] f = new float[w * h];
        float[] z = new float[w * h];
        for (int i = 0; i < f.length; i++) {
            f[i] = rnd.nextInt(12) == 0 ? Float.NaN : (float) (0.5 + rnd.nextDouble() * 4);
            z[i] = (float) (rnd.nextDouble() * 25);
        }
        // ties on purpose: a run of equal frictions gives equal-cost moves, where directions depend on order
        for (int i = 0; i < f.length / 4; i++) {
            f[rnd.nextInt(f.length)] = 1f;
        }
        int[] starts = new int[1 + rnd.nextInt(3)];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = rnd.nextInt(w * h);
        }
        double ew = 10;
        double ns = ew * new double[] {1, 1.5}[rnd.nextInt(2)];
        return new CostDistancePropertiesTest.Problem(w, h, f, z, ew, ns, starts, knight);
    }

    private static CostDistance.Prepared prepare(CostDistancePropertiesTest.Problem p, boolean walk) {
        return walk ? CostDistance.prepareWalk(p.demGrid(), p.frictionGrid(), CostDistance.WalkParams.DEFAULT)
                : CostDistance.prepare(p.frictionGrid());
    }

    @Property(tries = 60)
    void splitBandsEqualPlainDijkstra(@ForAll long seed, @ForAll @IntRange(min = 8, max = 30) int w,
            @ForAll @IntRange(min = 8, max = 30) int h, @ForAll boolean knight, @ForAll boolean walk) {
        CostDistancePropertiesTest.Problem p = problem(seed, w, h, knight);
        CostSurface s = prepare(p, walk).search(p.starts(), new CostDistance.Options(knight, 0, true), true, 1);
        double[] expected = CostDistancePropertiesTest.bruteForce(p, walk);
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            if (e == Double.POSITIVE_INFINITY) {
                assertThat(s.cost(i)).as("cell %d", i).isNaN();
            } else {
                assertThat(s.cost(i)).as("cell %d", i).isCloseTo(e, org.assertj.core.data.Offset.offset(1e-9 * (1 + e)));
            }
        }
    }

    @Property(tries = 80)
    void oneThreadOrTwoGiveTheSameBits(@ForAll long seed, @ForAll @IntRange(min = 8, max = 60) int w,
            @ForAll @IntRange(min = 8, max = 60) int h, @ForAll boolean knight, @ForAll boolean walk,
            @ForAll @IntRange(min = 1, max = 40) int splitFrom) {
        CostDistancePropertiesTest.Problem p = problem(seed, w, h, knight);
        CostDistance.Prepared prepared = prepare(p, walk);
        CostDistance.Options o = new CostDistance.Options(knight, 0, true);
        CostSurface one = prepared.search(p.starts(), o, false, splitFrom);
        CostSurface two = prepared.search(p.starts(), o, true, splitFrom);
        CostSurface whole = prepared.search(p.starts(), o, false, Integer.MAX_VALUE);
        assertThat(two.settledCells()).isEqualTo(one.settledCells()).isEqualTo(whole.settledCells());
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                assertThat(Double.doubleToRawLongBits(two.cost(c, r))).as("cost at %d,%d", c, r)
                        .isEqualTo(Double.doubleToRawLongBits(one.cost(c, r)));
                assertThat(Float.floatToRawIntBits(two.direction(c, r))).as("direction at %d,%d", c, r)
                        .isEqualTo(Float.floatToRawIntBits(one.direction(c, r)));
                // splitting changes only the order of equal-cost moves, never a cost
                assertThat(Double.doubleToRawLongBits(whole.cost(c, r))).as("unsplit cost at %d,%d", c, r)
                        .isEqualTo(Double.doubleToRawLongBits(one.cost(c, r)));
            }
        }
    }

    @Property(tries = 40)
    void crossingChargesSplitTheSameWay(@ForAll long seed, @ForAll @IntRange(min = 8, max = 50) int w,
            @ForAll @IntRange(min = 8, max = 50) int h, @ForAll boolean knight, @ForAll boolean walk) {
        CostDistancePropertiesTest.Problem p = problem(seed, w, h, knight);
        Random rnd = new Random(seed * 31 + 7);
        int[] group = new int[w * h];
        int col = rnd.nextInt(w);
        int row = rnd.nextInt(h);
        for (int r = 0; r < h; r++) {
            group[r * w + col] = 1; // a wall along a column
        }
        for (int c = 0; c < w; c++) {
            group[row * w + c] = 2; // and one along a row
        }
        CostDistance.Prepared prepared = prepare(p, walk).withCrossings(group, new double[] {0, 37.5, 12});
        CostDistance.Options o = new CostDistance.Options(knight, 0, true);
        CostSurface one = prepared.search(p.starts(), o, false, 1);
        CostSurface two = prepared.search(p.starts(), o, true, 1);
        CostSurface whole = prepared.search(p.starts(), o, false, Integer.MAX_VALUE);
        for (int i = 0; i < w * h; i++) {
            assertThat(Double.doubleToRawLongBits(two.cost(i))).as("cell %d", i)
                    .isEqualTo(Double.doubleToRawLongBits(one.cost(i)))
                    .isEqualTo(Double.doubleToRawLongBits(whole.cost(i)));
            assertThat(Float.floatToRawIntBits(two.direction(i % w, i / w)))
                    .isEqualTo(Float.floatToRawIntBits(one.direction(i % w, i / w)));
        }
    }

    @Test
    void aMaximumCostStopsBothWaysAtTheSameCells() {
        CostDistancePropertiesTest.Problem p = problem(42, 200, 150, true);
        CostDistance.Prepared prepared = prepare(p, false);
        CostDistance.Options o = new CostDistance.Options(true, 300, false);
        CostSurface one = prepared.search(p.starts(), o, false, 16);
        CostSurface two = prepared.search(p.starts(), o, true, 16);
        long reached = 0;
        for (int i = 0; i < 200 * 150; i++) {
            assertThat(Double.doubleToRawLongBits(two.cost(i))).isEqualTo(Double.doubleToRawLongBits(one.cost(i)));
            if (!Double.isNaN(one.cost(i))) {
                reached++;
                assertThat(one.cost(i)).isLessThan(300 + 4 * 2 * 5.0); // at most one band beyond the maximum
            }
        }
        assertThat(reached).isBetween(1000L, 200L * 150 - 1000);
    }

    @Test
    void aLargeGridSplitsTheWayItsBandsDo() {
        // bands of thousands of cells with the default split, on two threads when there are two
        int w = 400;
        int h = 300;
        CostDistancePropertiesTest.Problem p = problem(7, w, h, true);
        CostDistance.Prepared prepared = prepare(p, false);
        CostDistance.Options o = CostDistance.Options.of(true);
        CostSurface two = prepared.search(p.starts(), o, true, BandSearch.DEFAULT_SPLIT_FROM);
        CostSurface one = prepared.search(p.starts(), o, false, BandSearch.DEFAULT_SPLIT_FROM);
        CostSurface whole = prepared.search(p.starts(), o, false, Integer.MAX_VALUE);
        long reached = 0;
        for (int i = 0; i < w * h; i++) {
            assertThat(Double.doubleToRawLongBits(two.cost(i))).isEqualTo(Double.doubleToRawLongBits(one.cost(i)))
                    .isEqualTo(Double.doubleToRawLongBits(whole.cost(i)));
            assertThat(Float.floatToRawIntBits(two.direction(i % w, i / w)))
                    .isEqualTo(Float.floatToRawIntBits(one.direction(i % w, i / w)));
            reached += Double.isNaN(one.cost(i)) ? 0 : 1;
        }
        assertThat(reached).isGreaterThan(w * h * 8L / 10);
    }
}
