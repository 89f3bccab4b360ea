package org.skydas.track;

import org.skydas.model.TargetKind;

/**
 * Immutable snapshot of a track for consumers outside the tracker.
 *
 * @param id                 stable track id
 * @param t                  time of the estimate, s
 * @param x                  east, m
 * @param y                  north, m
 * @param vx                 east velocity, m/s
 * @param vy                 north velocity, m/s
 * @param z                  height, m, or NaN when no sensor gave one
 * @param vz                 climb rate, m/s, or NaN
 * @param covariance         4x4 row-major covariance of (x, y, vx, vy)
 * @param status             life-cycle state
 * @param classProbabilities indexed by {@link TargetKind#ordinal()}
 * @param existence          probability that the track follows a real target (track quality)
 * @param sensors            ids of the sensors that contributed detections
 * @param lastUpdate         time of the last detection used, s
 * @param externalId         last external id seen (Remote ID, ASTERIX track number), or null
 */
public record TrackState(long id, double t, double x, double y, double vx, double vy, double z, double vz,
                         double[] covariance, TrackStatus status, double[] classProbabilities,
                         double existence, int[] sensors, double lastUpdate, String externalId) {

    /** Takes copies of the arrays: a snapshot never changes. */
    public TrackState {
        covariance = covariance.clone();
        classProbabilities = classProbabilities.clone();
        sensors = sensors.clone();
    }

    /** A copy of the 4x4 row-major covariance of (x, y, vx, vy); {@link #covariance(int, int)} reads one element. */
    @Override
    public double[] covariance() {
        return covariance.clone();
    }

    /** One element of the covariance of (x, y, vx, vy), row and column 0 to 3. */
    public double covariance(int row, int col) {
        return covariance[row * 4 + col];
    }

    /** A copy of the class probabilities; {@link #classProbability(TargetKind)} reads one. */
    @Override
    public double[] classProbabilities() {
        return classProbabilities.clone();
    }

    /** The probability that the track is of kind {@code kind}. */
    public double classProbability(TargetKind kind) {
        return classProbabilities[kind.ordinal()];
    }

    /** A copy of the ids of the sensors that contributed detections. */
    @Override
    public int[] sensors() {
        return sensors.clone();
    }

    /** The most probable class. */
    public TargetKind mostLikelyClass() {
        int best = 0;
        for (int c = 1; c < classProbabilities.length; c++) {
            if (classProbabilities[c] > classProbabilities[best]) {
                best = c;
            }
        }
        return TargetKind.values()[best];
    }
}
