package org.skydas.terrain.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import org.skydas.terrain.DemGrid;
import org.skydas.terrain.GeoTransform;

/**
 * The engine against a plain O(n^2) Dijkstra written from r.cost's and r.walk's definitions (every move
 * cost spelt out with bounds and null checks, no padding, no heap) on small random grids with
 * impassable cells, rectangular cells, several starts, 8 and 16 neighbours.
 */
class CostDistancePropertiesTest {

    private static final int[] DR = {0, 0, -1, 1, -1, -1, 1, 1, -2, -2, 2, 2, -1, -1, 1, 1};
    private static final int[] DC = {-1, 1, 0, 0, -1, 1, 1, -1, -1, 1, 1, -1, -2, 2, 2, -2};

    record Problem(int w, int h, float[] friction, float[] dem, double ew, double ns, int[] starts, boolean knight) {
        DemGrid frictionGrid() {
            return DemGrid.of(w, h, friction, GeoTransform.northUp(0, 0, ew, -ns), 0, -9999f);
        }

        DemGrid demGrid() {
            return DemGrid.of(w, h, dem, GeoTransform.northUp(0, 0, ew, -ns), 0, Float.NaN);
        }
    }

    static Problem problem(long seed, int w, int h, boolean knight) {
        Random rnd = new Random(seed);
        float[] f = new float[w * h];
        float[] z = new float[w * h];
        for (int i = 0; i < f.length; i++) {
            int kind = rnd.nextInt(10);
            f[i] = kind == 0 ? Float.NaN : kind == 1 ? -9999f : kind == 2 ? 0f : kind == 3 ? -1f
                    : (float) (0.1 + rnd.nextDouble() * 9);
            z[i] = rnd.nextInt(12) == 0 ? Float.NaN : (float) (rnd.nextDouble() * 60);
        }
        int[] starts = new int[1 + rnd.nextInt(3)];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = rnd.nextInt(w * h);
        }
        double ew = new double[] {1, 20, 30}[rnd.nextInt(3)];
        double ns = ew * new double[] {1, 1, 0.5, 1.7}[rnd.nextInt(4)];
        return new Problem(w, h, f, z, ew, ns, starts, knight);
    }

    /** r.cost's or r.walk's cost of one move, or NaN when it is not allowed. */
    static double move(Problem p, boolean walk, int r, int c, int k) {
        int r2 = r + DR[k];
        int c2 = c + DC[k];
        if (r2 < 0 || r2 >= p.h || c2 < 0 || c2 >= p.w) {
            return Double.NaN;
        }
        double[] f = {fr(p, r, c), fr(p, r2, c2), 0, 0};
        int used = 2;
        if (k >= 8) {
            // the two cells the knight passes between: one step along its long axis, and the diagonal
            int sr = Integer.signum(DR[k]);
            int sc = Integer.signum(DC[k]);
            boolean vertical = Math.abs(DR[k]) == 2;
            f[2] = vertical ? fr(p, r + sr, c) : fr(p, r, c + sc);
            f[3] = fr(p, r + sr, c + sc);
            used = 4;
        }
        double sum = 0;
        for (int i = 0; i < used; i++) {
            if (Double.isNaN(f[i])) {
                return Double.NaN;
            }
            sum += f[i];
        }
        double dy = DR[k] * p.ns;
        double dx = DC[k] * p.ew;
        double metres = Math.sqrt(dx * dx + dy * dy);
        if (!walk) {
            return sum / used * metres / p.ew;
        }
        double dh = (double) p.dem[r2 * p.w + c2] - p.dem[r * p.w + c];
        if (Double.isNaN(dh)) {
            return Double.NaN;
        }
        CostDistance.WalkParams w = CostDistance.WalkParams.DEFAULT;
        double slope = dh / metres;
        double coef = slope >= 0 ? w.b() : slope < w.slopeFactor() ? w.d() : w.c();
        return w.a() * metres + coef * dh + w.lambda() * sum / used * metres;
    }

    static double fr(Problem p, int r, int c) {
        float v = p.friction[r * p.w + c];
        return v == -9999f || v < 0 || Float.isNaN(v) ? Double.NaN : v;
    }

    static double[] bruteForce(Problem p, boolean walk) {
        int n = p.w * p.h;
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        boolean[] done = new boolean[n];
        for (int s : p.starts) {
            dist[s] = 0;
        }
        while (true) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (!done[i] && dist[i] < Double.POSITIVE_INFINITY && (best < 0 || dist[i] < dist[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            done[best] = true;
            for (int k = 0; k < (p.knight ? 16 : 8); k++) {
                double m = move(p, walk, best / p.w, best % p.w, k);
                if (!Double.isNaN(m)) {
                    int nb = (best / p.w + DR[k]) * p.w + best % p.w + DC[k];
                    dist[nb] = Math.min(dist[nb], dist[best] + m);
                }
            }
        }
        return dist;
    }

    @Property(tries = 300)
    void costDistanceEqualsBruteForce(@ForAll long seed, @ForAll @IntRange(min = 1, max = 9) int w,
            @ForAll @IntRange(min = 1, max = 9) int h, @ForAll boolean knight) {
        Problem p = problem(seed, w, h, knight);
        CostSurface s = CostDistance.friction(p.frictionGrid(), p.starts, new CostDistance.Options(knight, 0, true));
        check(p, false, s);
    }

    @Property(tries = 300)
    void walkEqualsBruteForce(@ForAll long seed, @ForAll @IntRange(min = 1, max = 9) int w,
            @ForAll @IntRange(min = 1, max = 9) int h, @ForAll boolean knight) {
        Problem p = problem(seed, w, h, knight);
        CostSurface s = CostDistance.walk(p.demGrid(), p.frictionGrid(), CostDistance.WalkParams.DEFAULT, p.starts,
                new CostDistance.Options(knight, 0, true));
        check(p, true, s);
    }

    private static void check(Problem p, boolean walk, CostSurface s) {
        double[] expected = bruteForce(p, walk);
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = s.cost(i);
            if (e == Double.POSITIVE_INFINITY) {
                // a start cell on an impassable cell keeps 0 (r.cost) in both
                assertThat(a).as("cell %d", i).isNaN();
            } else {
                assertThat(a).as("cell %d", i).isCloseTo(e, org.assertj.core.data.Offset.offset(1e-9 * (1 + e)));
                // the traced path leads to a start, through allowed moves whose costs add up to the cell's cost
                int[] path = s.path(i % p.w, i / p.w);
                assertThat(p.starts).contains(path[path.length - 1]);
                double sum = 0;
                for (int j = path.length - 1; j > 0; j--) {
                    sum += step(p, walk, path[j], path[j - 1]);
                }
                assertThat(sum).as("path cost of cell %d", i).isCloseTo(e, org.assertj.core.data.Offset.offset(1e-9 * (1 + e)));
            }
        }
    }

    private static double step(Problem p, boolean walk, int from, int to) {
        for (int k = 0; k < 16; k++) {
            if (from / p.w + DR[k] == to / p.w && from % p.w + DC[k] == to % p.w) {
                double m = move(p, walk, from / p.w, from % p.w, k);
                assertThat(m).as("move %d -> %d", from, to).isNotNaN();
                return m;
            }
        }
        throw new AssertionError("path steps from " + from + " to " + to + ", not a neighbour");
    }

    @Property(tries = 200)
    void higherFrictionNeverLowersACost(@ForAll long seed, @ForAll @IntRange(min = 2, max = 9) int w,
            @ForAll @IntRange(min = 2, max = 9) int h, @ForAll boolean knight, @ForAll boolean walk) {
        Problem p = problem(seed, w, h, knight);
        Random rnd = new Random(seed ^ 0x5eed);
        float[] f2 = p.friction.clone();
        for (int i = 0; i < 1 + rnd.nextInt(4); i++) {
            int cell = rnd.nextInt(f2.length);
            boolean passable = !Double.isNaN(fr(p, cell / w, cell % w));
            f2[cell] = rnd.nextBoolean() || !passable ? Float.NaN : f2[cell] + 5;
        }
        Problem q = new Problem(p.w, p.h, f2, p.dem, p.ew, p.ns, p.starts, knight);
        CostDistance.Options o = new CostDistance.Options(knight, 0, false);
        CostSurface before = walk ? CostDistance.walk(p.demGrid(), p.frictionGrid(), CostDistance.WalkParams.DEFAULT,
                p.starts, o) : CostDistance.friction(p.frictionGrid(), p.starts, o);
        CostSurface after = walk ? CostDistance.walk(q.demGrid(), q.frictionGrid(), CostDistance.WalkParams.DEFAULT,
                q.starts, o) : CostDistance.friction(q.frictionGrid(), q.starts, o);
        for (int i = 0; i < w * h; i++) {
            double b = before.cost(i);
            double a = after.cost(i);
            if (Double.isNaN(b)) {
                assertThat(a).as("cell %d unreachable before", i).isNaN();
            } else if (!Double.isNaN(a)) {
                assertThat(a).as("cell %d", i).isGreaterThanOrEqualTo(b - 1e-9 * (1 + b));
            }
        }
    }
}
