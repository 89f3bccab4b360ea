package org.skydas.track;

import java.util.Arrays;

import org.skydas.track.assign.GatedPairs;
import org.skydas.track.filter.Kalman4;

/**
 * The tracker's gate: a pair passes when the squared Mahalanobis distance of the detection from the track's
 * predicted position is below the χ² threshold (2 dof), and its cost is the negative log likelihood ratio of "track
 * i produced detection j" against "track i was missed and detection j is clutter":
 * {@code ½d² + ½ln|2πS| + ln(λ(1−Pd)/Pd)} with the sensor's Pd and clutter density λ (pairs of cost ≥ 0 are left
 * out: never better than the miss). A detection carrying another target's trusted id never pairs with the track.
 * Candidates come from the scan's grid index, and a track whose gate square misses the free detections' bounding
 * box skips the index query.
 */
public final class ChiSquareGater implements Gater {

    private static final double LN_2PI = Math.log(2 * Math.PI);

    private final double gate;
    private final double[] innovation = new double[2];

    /** @param gate squared Mahalanobis gate (χ², 2 dof) */
    public ChiSquareGater(double gate) {
        if (!(gate > 0)) {
            throw new IllegalArgumentException("gate must be > 0: " + gate);
        }
        this.gate = gate;
    }

    @Override
    public void gate(Scan scan, Track[] rowTrack, int rows, SensorModel sensor, GatedPairs pairs, int[] rowPairStart) {
        int n = scan.n;
        double[] zx = scan.zx;
        double[] zy = scan.zy;
        double[] rxx = scan.rxx;
        double[] rxy = scan.rxy;
        double[] ryy = scan.ryy;
        boolean[] used = scan.used;
        String[] identity = scan.identity;
        double maxR = 0;
        // Bounding box of the detections still free: a track whose gate square misses it cannot
        // gate any of them, so it skips the index query (an event message with one detection
        // then costs O(1) per far track instead of a grid query).
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            maxR = Math.max(maxR, Math.max(rxx[j], ryy[j]) + Math.abs(rxy[j]));
            if (!used[j]) {
                minX = Math.min(minX, zx[j]);
                maxX = Math.max(maxX, zx[j]);
                minY = Math.min(minY, zy[j]);
                maxY = Math.max(maxY, zy[j]);
            }
        }
        double logClutterMiss = Math.log(sensor.clutterDensity() * (1 - sensor.pd()) / sensor.pd());
        if (n > 0) {
            for (int i = 0; i < rows; i++) {
                rowPairStart[i] = pairs.size();
                Track tr = rowTrack[i];
                double reach = Math.sqrt(gate * (Kalman4.maxInnovationVariance(tr.p, 0, 0, 0) + maxR));
                if (tr.x[0] + reach < minX || tr.x[0] - reach > maxX
                        || tr.x[1] + reach < minY || tr.x[1] - reach > maxY) {
                    continue; // d² < gate implies |dx|, |dy| < reach: nothing can gate
                }
                final int row = i;
                scan.index.query(tr.x[0], tr.x[1], reach, j -> {
                    if (used[j] || (identity[j] != null && tr.identity != null && !tr.identity.equals(identity[j]))) {
                        return; // another target's id: never this track's, however near
                    }
                    Kalman4.innovation(tr.x, tr.p, zx[j], zy[j], rxx[j], rxy[j], ryy[j], innovation);
                    double d2 = innovation[0];
                    if (d2 < gate) {
                        double cost = 0.5 * d2 + 0.5 * innovation[1] + LN_2PI + logClutterMiss;
                        if (cost < 0) {
                            pairs.add(row, j, cost);
                        }
                    }
                });
            }
            rowPairStart[rows] = pairs.size();
        } else {
            Arrays.fill(rowPairStart, 0, rows + 1, 0);
        }
    }
}
