package org.skydas.track.filter;

import org.skydas.model.TargetKind;

/**
 * Near-constant velocity with per-class process noise: the acceleration spectral density used is
 * the class-probability-weighted mean of the class values, so a slow walker is filtered tightly
 * and a drone loosely, and an unclassified track sits in between.
 */
public final class ConstantVelocityModel implements MotionModel {

    private final double[] qPerClass;

    /** @param qPerClass q in m²/s³ per {@link TargetKind} ordinal */
    public ConstantVelocityModel(double[] qPerClass) {
        if (qPerClass.length != TargetKind.COUNT) {
            throw new IllegalArgumentException("need one q per class");
        }
        for (double q : qPerClass) {
            if (!(q >= 0) || Double.isInfinite(q)) {
                throw new IllegalArgumentException("q must be finite and >= 0");
            }
        }
        this.qPerClass = qPerClass.clone();
    }

    /** One q for every class. */
    public static ConstantVelocityModel uniform(double q) {
        double[] qs = new double[TargetKind.COUNT];
        java.util.Arrays.fill(qs, q);
        return new ConstantVelocityModel(qs);
    }

    /** q in m²/s³ for the given class probabilities. */
    public double q(double[] classProbabilities) {
        double q = 0;
        for (int c = 0; c < qPerClass.length; c++) {
            q += classProbabilities[c] * qPerClass[c];
        }
        return q;
    }

    @Override
    public void predict(double[] x, double[] p, double dt, double[] classProbabilities) {
        if (dt > 0) {
            Kalman4.predictCv(x, p, dt, q(classProbabilities));
        }
    }
}
