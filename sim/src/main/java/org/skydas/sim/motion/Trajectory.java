package org.skydas.sim.motion;

import java.util.ArrayList;
import java.util.List;

/**
 * Piecewise-linear motion in the LKS-94 grid (metres), as a pure function of time: the object is at
 * vertex 0 at {@code startS} and reaches vertex i at {@code times[i]}. Being a function of time (not a
 * stepped state) keeps a run identical however the caller slices time.
 */
public final class Trajectory {

    private final double[] xs;
    private final double[] ys;
    private final double[] times;
    private final boolean stationary;

    /**
     * @param speeds speed (m/s) on the leg leaving each vertex; ignored for the last vertex
     */
    public Trajectory(double startS, double[] xs, double[] ys, double[] speeds) {
        if (xs.length == 0 || xs.length != ys.length || speeds.length != xs.length) {
            throw new IllegalArgumentException("trajectory needs matching, non-empty coordinate arrays");
        }
        this.xs = xs.clone();
        this.ys = ys.clone();
        this.times = new double[xs.length];
        times[0] = startS;
        for (int i = 1; i < xs.length; i++) {
            double d = Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
            if (!(speeds[i - 1] > 0)) {
                throw new IllegalArgumentException("leg " + i + " has no positive speed");
            }
            times[i] = times[i - 1] + d / speeds[i - 1];
        }
        this.stationary = xs.length == 1;
    }

    public double startS() {
        return times[0];
    }

    /** When the last vertex is reached; +infinity for a single-point (stationary) trajectory. */
    public double endS() {
        return stationary ? Double.POSITIVE_INFINITY : times[times.length - 1];
    }

    public boolean activeAt(double t) {
        return t >= startS() && t <= endS();
    }

    /** Position and velocity at {@code t}, clamped to the ends (callers check {@link #activeAt}). */
    public State stateAt(double t) {
        if (stationary || t < times[0]) {
            return new State(xs[0], ys[0], 0, 0);
        }
        int n = times.length;
        if (t >= times[n - 1]) {
            return new State(xs[n - 1], ys[n - 1], 0, 0);
        }
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) { // binary search: long generated routes stay cheap
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= t) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double span = times[hi] - times[lo];
        double f = span <= 0 ? 1 : (t - times[lo]) / span;
        double vx = span <= 0 ? 0 : (xs[hi] - xs[lo]) / span;
        double vy = span <= 0 ? 0 : (ys[hi] - ys[lo]) / span;
        return new State(xs[lo] + f * (xs[hi] - xs[lo]), ys[lo] + f * (ys[hi] - ys[lo]), vx, vy);
    }

    /** The vertices, for drawing or for geometry checks. */
    public List<double[]> vertices() {
        List<double[]> out = new ArrayList<>(xs.length);
        for (int i = 0; i < xs.length; i++) {
            out.add(new double[] {xs[i], ys[i]});
        }
        return out;
    }

    /** Grid position (m) and velocity (m/s). */
    public record State(double x, double y, double vx, double vy) {

        public double speed() {
            return Math.hypot(vx, vy);
        }

        /** Course in degrees clockwise from grid north, in [0, 360). */
        public double courseDeg() {
            double c = Math.toDegrees(Math.atan2(vx, vy));
            return c < 0 ? c + 360 : c;
        }
    }
}
