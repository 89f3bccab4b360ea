package org.skydas.track.filter;

/** Predicts a track's state and covariance forward in time. Implementations must be stateless. */
public interface MotionModel {

    /**
     * Predicts in place over {@code dt} seconds (dt &ge; 0).
     *
     * @param x      state (x, y, vx, vy)
     * @param p      covariance, 4x4 row-major
     * @param classProbabilities current class probabilities of the track, indexed by
     *               {@link org.skydas.model.TargetKind#ordinal()}
     */
    void predict(double[] x, double[] p, double dt, double[] classProbabilities);
}
