package org.skydas.track.init;

import java.util.ArrayList;
import java.util.List;

import org.skydas.track.assign.ClusteredAssignment;
import org.skydas.track.assign.GatedPairs;
import org.skydas.track.gate.GridIndex;

/**
 * Starts tracks from detections no track took. Each such detection becomes a <em>seed</em>; a seed
 * that finds a second detection at a later scan, no farther than {@code maxSpeed · dt} plus three
 * noise standard deviations, becomes a tentative track with two-point velocity
 * {@code (z2 − z1) / dt} and the matching covariance. Seeds compete for detections through the
 * same optimal assignment as tracks (closest pairs win). A detection of another sensor at the
 * same time that falls inside a seed's gate is fused into the seed (same target, better
 * position) instead of starting a duplicate. Seeds expire after {@code maxAge} seconds. A seed and a detection
 * that both carry an identity (a trusted sensor's id) pair only if it is the same.
 */
public final class TwoPointInitiator implements Initiator {

    private static final class Seed {
        double t;
        double x;
        double y;
        double rxx;
        double rxy;
        double ryy;
        String identity;
    }

    private final double maxSpeed;
    private final double maxAge;
    private final double gate;
    private final ArrayList<Seed> seeds = new ArrayList<>();
    private final GatedPairs pairs = new GatedPairs();
    private final ClusteredAssignment assignment = new ClusteredAssignment();
    private int[] colForRow = new int[0];

    /**
     * @param maxSpeed fastest target, m/s
     * @param maxAge   seed lifetime, s
     * @param gate     squared Mahalanobis gate for same-time fusion
     */
    public TwoPointInitiator(double maxSpeed, double maxAge, double gate) {
        this.maxSpeed = maxSpeed;
        this.maxAge = maxAge;
        this.gate = gate;
    }

    @Override
    public int seedCount() {
        return seeds.size();
    }

    /** Drops every seed (e.g. after a time jump). */
    public void clear() {
        seeds.clear();
    }

    /**
     * Pairs seeds with the unused detections of one scan at time {@code t}, creates tracks through
     * {@code sink}, and turns the detections still unused into seeds. Marks used detections.
     */
    public void process(double t, double[] zx, double[] zy, double[] rxx, double[] rxy, double[] ryy,
                        boolean[] used, int n, GridIndex index, Sink sink) {
        process(t, zx, zy, rxx, rxy, ryy, null, used, n, index, sink);
    }

    /** As above; {@code identity[j]}, when not null, is detection j's identity (see the class comment). */
    @Override
    public void process(double t, double[] zx, double[] zy, double[] rxx, double[] rxy, double[] ryy,
                        String[] identity, boolean[] used, int n, GridIndex index, Sink sink) {
        seeds.removeIf(s -> t - s.t > maxAge + 1e-9);
        double maxLam = 0;
        for (int j = 0; j < n; j++) {
            if (!used[j]) {
                maxLam = Math.max(maxLam, maxEig(rxx[j], rxy[j], ryy[j]));
            }
        }
        pairs.clear();
        int rows = seeds.size();
        for (int i = 0; i < rows; i++) {
            Seed s = seeds.get(i);
            double dt = t - s.t;
            boolean sameTime = dt < 1e-6;
            double reach = (sameTime ? Math.sqrt(gate) : 3.0)
                    * Math.sqrt(maxEig(s.rxx, s.rxy, s.ryy) + maxLam) + maxSpeed * Math.max(dt, 0);
            final int row = i;
            index.query(s.x, s.y, reach, j -> {
                if (used[j] || (identity != null && identity[j] != null && s.identity != null
                        && !s.identity.equals(identity[j]))) {
                    return;
                }
                double dx = zx[j] - s.x;
                double dy = zy[j] - s.y;
                double cost;
                if (sameTime) {
                    double sxx = s.rxx + rxx[j];
                    double sxy = s.rxy + rxy[j];
                    double syy = s.ryy + ryy[j];
                    double d2 = (syy * dx * dx - 2 * sxy * dx * dy + sxx * dy * dy) / (sxx * syy - sxy * sxy);
                    cost = d2 / gate - 1.0;
                } else {
                    double r = maxSpeed * dt + 3.0 * Math.sqrt(maxEig(s.rxx + rxx[j], s.rxy + rxy[j], s.ryy + ryy[j]));
                    cost = (dx * dx + dy * dy) / (r * r) - 1.0;
                }
                if (cost < 0) {
                    pairs.add(row, j, cost);
                }
            });
        }
        if (colForRow.length < rows) {
            colForRow = new int[Math.max(rows, 2 * colForRow.length)];
        }
        assignment.solve(pairs, rows, n, colForRow);
        List<Seed> kept = new ArrayList<>(rows + n);
        for (int i = 0; i < rows; i++) {
            Seed s = seeds.get(i);
            int j = colForRow[i];
            if (j < 0) {
                kept.add(s);
                continue;
            }
            used[j] = true;
            double dt = t - s.t;
            if (dt < 1e-6) {
                fuse(s, zx[j], zy[j], rxx[j], rxy[j], ryy[j]);
                kept.add(s);
            } else {
                sink.create(twoPointState(s, zx[j], zy[j], dt),
                        twoPointCovariance(s, rxx[j], rxy[j], ryy[j], dt), j);
            }
        }
        for (int j = 0; j < n; j++) {
            if (!used[j]) {
                Seed s = new Seed();
                s.t = t;
                s.x = zx[j];
                s.y = zy[j];
                s.rxx = rxx[j];
                s.rxy = rxy[j];
                s.ryy = ryy[j];
                s.identity = identity == null ? null : identity[j];
                kept.add(s);
            }
        }
        seeds.clear();
        seeds.addAll(kept);
    }

    private static double[] twoPointState(Seed s, double x2, double y2, double dt) {
        return new double[] {x2, y2, (x2 - s.x) / dt, (y2 - s.y) / dt};
    }

    /** Covariance of (z2, (z2 − z1)/dt) for independent z1 ~ R1, z2 ~ R2. */
    private static double[] twoPointCovariance(Seed s, double rxx, double rxy, double ryy, double dt) {
        double[] p = new double[16];
        double[] r2 = {rxx, rxy, rxy, ryy};
        double[] r1 = {s.rxx, s.rxy, s.rxy, s.ryy};
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                double pos = r2[2 * a + b];
                p[4 * a + b] = pos;
                p[4 * a + b + 2] = pos / dt;
                p[4 * (a + 2) + b] = pos / dt;
                p[4 * (a + 2) + b + 2] = (r1[2 * a + b] + pos) / (dt * dt);
            }
        }
        return p;
    }

    /** Information-weighted mean of the seed and a same-time detection (isotropic approximation). */
    private static void fuse(Seed s, double x, double y, double rxx, double rxy, double ryy) {
        double w1 = 2.0 / (s.rxx + s.ryy);
        double w2 = 2.0 / (rxx + ryy);
        double w = w1 + w2;
        s.x = (w1 * s.x + w2 * x) / w;
        s.y = (w1 * s.y + w2 * y) / w;
        double a = w1 / w;
        double b = w2 / w;
        s.rxx = a * a * s.rxx + b * b * rxx;
        s.rxy = a * a * s.rxy + b * b * rxy;
        s.ryy = a * a * s.ryy + b * b * ryy;
    }

    private static double maxEig(double a, double b, double d) {
        double half = 0.5 * (a + d);
        return half + Math.sqrt(0.25 * (a - d) * (a - d) + b * b);
    }
}
