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
