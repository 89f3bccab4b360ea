package org.skydas.terrain.corridor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.GeoTransform;
import org.skydas.terrain.cost.CostDistance;
import org.skydas.terrain.cost.CostSurface;

/**
 * An obstacle's delay is paid once per crossing, whatever the angle: a straight line across a flat grid
 * of 10 m cells, crossed from a point 400 m on one side to a point 400 m on the other, adds its delay
 * to within one cell's travel time, at 0, 30, 45 and 60 degrees, for a constant-speed mover (r.cost) and a
 * walker (r.walk), with 8 and 16 neighbours. And random obstacles never make any cell cheaper to reach.
 */
class ObstacleCrossingTest {

    static final int N = 161;
    static final double CELL = 10;
    static final double X0 = 500_000;
    static final double Y0 = 6_100_000;
    static final GeoTransform GT = GeoTransform.northUp(X0, Y0, CELL, -CELL);

    /** Seconds from one side of a line through the centre at {@code angleDeg} to the other, with and without it. */
    static double[] crossing(double angleDeg, Mover mover, boolean knight, double delayS) {
        double cx = X0 + N * CELL / 2;
        double cy = Y0 - N * CELL / 2;
        double a = Math.toRadians(angleDeg);
        double len = 2 * N * CELL;
        Obstacle line = new Obstacle("f", "fence", Lks94.GRID.createLineString(new Coordinate[] {
            new Coordinate(cx - Math.cos(a) * len, cy - Math.sin(a) * len),
            new Coordinate(cx + Math.cos(a) * len, cy + Math.sin(a) * len)}), delayS, null);
        // the two points on the normal through the centre, 400 m either side
        double nx = -Math.sin(a);
        double ny = Math.cos(a);
        int from = cell(cx - nx * 400, cy - ny * 400);
        int to = cell(cx + nx * 400, cy + ny * 400);
        double[] out = new double[2];
        for (int withLine = 0; withLine < 2; withLine++) {
            float[] friction = new float[N * N];
            Arrays.fill(friction, mover.walks() ? 0f : (float) (CELL / mover.speedMps()));
            ObstacleRaster.Crossings crossings = new ObstacleRaster.Crossings(N * N);
            if (withLine == 1) {
                ObstacleRaster.burn(friction, crossings, N, N, GT, List.of(line), mover,
                        mover.walks() ? 1 / CELL : 1, CELL);
            }
            CostDistance.Prepared p = CorridorAnalysis.prepare(mover, DemGrid.wrap(N, N, new float[N * N], GT, 3346,
                    Float.NaN), friction, crossings, GT, 3346);
            CostSurface s = p.search(new int[] {from}, CostDistance.Options.of(knight), CostDistance.Progress.NONE);
            out[withLine] = s.cost(to);
        }
        return out;
    }

    static int cell(double x, double y) {
        return (int) Math.floor(GT.row(x, y)) * N + (int) Math.floor(GT.col(x, y));
    }

    @ParameterizedTest(name = "{0} degrees, {1}, knight {2}")
    @CsvSource({"0, FOOT, true", "30, FOOT, true", "45, FOOT, true", "60, FOOT, true", "0, VEHICLE, true",
        "30, VEHICLE, true", "45, VEHICLE, true", "60, VEHICLE, true", "0, TRACKED, false", "30, TRACKED, false",
        "45, TRACKED, false", "17, FOOT, false"})
    void aCrossingCostsTheDelayOnceAtAnyAngle(double angle, Mover mover, boolean knight) {
        double delay = 300;
        double[] t = crossing(angle, mover, knight, delay);
        double cellTime = mover.walks() ? 0.72 * CELL : CELL / mover.speedMps();
        assertThat(t[0]).isFinite();
        assertThat(t[1] - t[0]).as("extra time at %s degrees (without %.1f s, with %.1f s)", angle, t[0], t[1])
                .isBetween(delay - 1e-6, delay + cellTime);
    }

    @Property(tries = 60)
    void obstaclesNeverMakeAnyCellCheaper(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        Random rnd = new Random(seed);
        int w = 30;
        int h = 30;
        Mover mover = rnd.nextBoolean() ? Mover.FOOT : Mover.TRACKED;
        float[] base = new float[w * h];
        for (int i = 0; i < base.length; i++) {
            base[i] = mover.walks() ? (float) (rnd.nextDouble() * 2) : (float) (0.5 + rnd.nextDouble() * 5);
        }
        float[] heights = new float[w * h];
        for (int i = 0; i < heights.length; i++) {
            heights[i] = (float) (rnd.nextDouble() * 30);
        }
        List<Obstacle> obstacles = new java.util.ArrayList<>();
        for (int k = 0; k < 1 + rnd.nextInt(4); k++) {
            Coordinate[] cs = new Coordinate[2 + rnd.nextInt(3)];
            for (int i = 0; i < cs.length; i++) {
                cs[i] = new Coordinate(X0 + rnd.nextDouble() * w * CELL, Y0 - rnd.nextDouble() * h * CELL);
            }
            String kind = Mover.KINDS[rnd.nextInt(Mover.KINDS.length - 1)]; // lines: not planted forest
            obstacles.add(new Obstacle("o" + k, kind, Lks94.GRID.createLineString(cs),
                    rnd.nextInt(4) == 0 ? null : rnd.nextDouble() * 500, rnd.nextInt(6) == 0 ? Boolean.FALSE : null));
        }
        GeoTransform gt = GeoTransform.northUp(X0, Y0, CELL, -CELL);
        DemGrid dem = DemGrid.wrap(w, h, heights, gt, 3346, Float.NaN);
        float[] withObstacles = base.clone();
        ObstacleRaster.Crossings crossings = new ObstacleRaster.Crossings(w * h);
        ObstacleRaster.burn(withObstacles, crossings, w, h, gt, obstacles, mover, mover.walks() ? 1 / CELL : 1, CELL);
        boolean knight = rnd.nextBoolean();
        int[] start = {rnd.nextInt(w * h)};
        CostSurface before = CorridorAnalysis.prepare(mover, dem, base, null, gt, 3346).search(start, CostDistance.Options.of(knight),
                CostDistance.Progress.NONE);
        CostSurface after = CorridorAnalysis.prepare(mover, dem, withObstacles, crossings, gt, 3346).search(start,
                CostDistance.Options.of(knight), CostDistance.Progress.NONE);
        for (int i = 0; i < w * h; i++) {
            double b = after.cost(i);
            if (Double.isFinite(b)) {
                assertThat(b).as("seed %d cell %d", seed, i).isGreaterThanOrEqualTo(before.cost(i) - 1e-9);
            }
        }
    }
}
