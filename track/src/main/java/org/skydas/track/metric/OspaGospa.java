package org.skydas.track.metric;

import org.skydas.track.assign.LinearAssignment;

/**
 * OSPA and GOSPA (α = 2) between a set of true positions X and estimated positions Y at one time,
 * with cut-off {@code c} and order {@code p}, on Euclidean distance in the plane:
 * <ul>
 * <li>OSPA = ((min Σ d_c^p + c^p (n − m)) / n)^(1/p), 0 when both sets are empty;</li>
 * <li>GOSPA = (loc + missed + false)^(1/p) with loc = Σ d^p over assigned pairs with d &lt; c,
 * missed = c^p/2 · unassigned truths, false = c^p/2 · unassigned estimates (a pair with
 * d &ge; c counts as one missed and one false).</li>
 * </ul>
 * d_c = min(d, c), n = max(|X|, |Y|), m = min(|X|, |Y|); the assignment minimises Σ d_c^p
 * exactly (the same definition as the benchmark's score.py and Stone Soup's metric generators).
 */
public final class OspaGospa {

    /** One scan's result. GOSPA components are in metres^p (p = 1: metres). */
    public record Result(double ospa, double gospa, double localisation, double missed, double falseTracks,
                         int nMissed, int nFalse, int nAssigned) {
    }

    private final double c;
    private final double p;
    private final LinearAssignment lap = new LinearAssignment();

    public OspaGospa(double c, double p) {
        if (!(c > 0) || !(p >= 1)) {
            throw new IllegalArgumentException("need c > 0 and p >= 1");
        }
        this.c = c;
        this.p = p;
    }

    /** Computes both metrics; X and Y as {x0, y0, x1, y1, ...}. */
    public Result compute(double[] truth, double[] estimates) {
        int nx = truth.length / 2;
        int ny = estimates.length / 2;
        int n = Math.max(nx, ny);
        int m = Math.min(nx, ny);
        double cp = Math.pow(c, p);
        if (n == 0) {
            return new Result(0, 0, 0, 0, 0, 0, 0, 0);
        }
        double ospa;
        double loc = 0;
        int assigned = 0;
        if (m == 0) {
            ospa = c;
        } else {
            // Rows = the smaller set (the solver needs rows <= cols).
            boolean truthRows = nx <= ny;
            double[] a = truthRows ? truth : estimates;
            double[] b = truthRows ? estimates : truth;
            int rows = m;
            int cols = n;
            double[] d = new double[rows * cols];
            double[] cost = new double[rows * cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double dx = a[2 * i] - b[2 * j];
                    double dy = a[2 * i + 1] - b[2 * j + 1];
                    double dist = Math.sqrt(dx * dx + dy * dy);
                    d[i * cols + j] = dist;
                    cost[i * cols + j] = Math.pow(Math.min(dist, c), p);
                }
            }
            int[] sol = new int[rows];
            lap.solve(cost, rows, cols, sol);
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                double dist = d[i * cols + sol[i]];
                sum += Math.pow(Math.min(dist, c), p);
                if (dist < c) {
                    loc += Math.pow(dist, p);
                    assigned++;
                }
            }
            ospa = Math.pow((sum + cp * (n - m)) / n, 1.0 / p);
        }
        int missed = nx - assigned;
        int falseT = ny - assigned;
        double missedCost = cp / 2 * missed;
        double falseCost = cp / 2 * falseT;
        double gospa = Math.pow(loc + missedCost + falseCost, 1.0 / p);
        return new Result(ospa, gospa, loc, missedCost, falseCost, missed, falseT, assigned);
    }
}
