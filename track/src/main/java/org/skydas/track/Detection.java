package org.skydas.track;

import java.util.Objects;
import org.skydas.model.TargetKind;

/**
 * One measurement of one sensor in the local metric frame (x east, y north, z up; metres, seconds).
 * Optional numeric fields are {@code NaN} when absent; optional objects are {@code null}.
 *
 * @param t          time, s
 * @param sensorId   id of a sensor registered with the tracker
 * @param x          east, m
 * @param y          north, m
 * @param z          height, m, or NaN
 * @param varZ       variance of z, m² (ignored when z is NaN)
 * @param varX       variance of x, m²
 * @param covXY      covariance of x and y, m²
 * @param varY       variance of y, m²
 * @param vx         measured east velocity (Doppler, ADS-B...), m/s, or NaN
 * @param vy         measured north velocity, m/s, or NaN
 * @param classHint  sensor's class opinion, or null
 * @param classConfidence probability the sensor gives its hint, in (0, 1]; ignored without hint
 * @param externalId Remote ID serial, ASTERIX track number..., or null
 * @param snr        signal-to-noise ratio in dB, or NaN
 * @param dimension  the dimension the report states (ground, air), or null; constrains the track's class
 * @param rangeRate  the radial velocity a Doppler sensor measured, with the sensor position it is relative to, or
 *                   null; the tracker's update uses it ({@link RangeRate})
 */
public record Detection(double t, int sensorId, double x, double y, double z, double varZ,
                        double varX, double covXY, double varY,
                        double vx, double vy,
                        TargetKind classHint, double classConfidence,
                        String externalId, double snr, Dimension dimension, RangeRate rangeRate) {

    /** A detection without a range rate. */
    public Detection(double t, int sensorId, double x, double y, double z, double varZ, double varX, double covXY,
                     double varY, double vx, double vy, TargetKind classHint, double classConfidence,
                     String externalId, double snr, Dimension dimension) {
        this(t, sensorId, x, y, z, varZ, varX, covXY, varY, vx, vy, classHint, classConfidence, externalId, snr,
                dimension, null);
    }

    /** A detection that states no dimension. */
    public Detection(double t, int sensorId, double x, double y, double z, double varZ, double varX, double covXY,
                     double varY, double vx, double vy, TargetKind classHint, double classConfidence,
                     String externalId, double snr) {
        this(t, sensorId, x, y, z, varZ, varX, covXY, varY, vx, vy, classHint, classConfidence, externalId, snr, null,
                null);
    }

    /** A position-only detection with isotropic noise {@code sigma} (m) per axis. */
    public static Detection position(double t, int sensorId, double x, double y, double sigma) {
        double v = sigma * sigma;
        return new Detection(t, sensorId, x, y, Double.NaN, Double.NaN, v, 0.0, v, Double.NaN, Double.NaN,
                null, Double.NaN, null, Double.NaN);
    }

    /** This detection with a class hint. */
    public Detection withClassHint(TargetKind hint, double confidence) {
        return new Detection(t, sensorId, x, y, z, varZ, varX, covXY, varY, vx, vy,
                Objects.requireNonNull(hint), confidence, externalId, snr, dimension, rangeRate);
    }

    /** This detection with a height {@code z} (m) of standard deviation {@code sigmaZ}. */
    public Detection withHeight(double height, double sigmaZ) {
        return new Detection(t, sensorId, x, y, height, sigmaZ * sigmaZ, varX, covXY, varY, vx, vy,
                classHint, classConfidence, externalId, snr, dimension, rangeRate);
    }

    /** This detection with an external id (Remote ID serial, ASTERIX track number...). */
    public Detection withExternalId(String id) {
        return new Detection(t, sensorId, x, y, z, varZ, varX, covXY, varY, vx, vy,
                classHint, classConfidence, id, snr, dimension, rangeRate);
    }

    /** This detection with the dimension its report states. */
    public Detection withDimension(Dimension stated) {
        return new Detection(t, sensorId, x, y, z, varZ, varX, covXY, varY, vx, vy, classHint, classConfidence,
                externalId, snr, stated, rangeRate);
    }

    /** This detection with the range rate a Doppler sensor measured (null: none). */
    public Detection withRangeRate(RangeRate measured) {
        return new Detection(t, sensorId, x, y, z, varZ, varX, covXY, varY, vx, vy, classHint, classConfidence,
                externalId, snr, dimension, measured);
    }

    /** This detection as reported by tracker sensor {@code id} (everything else kept). */
    public Detection withSensorId(int id) {
        return new Detection(t, id, x, y, z, varZ, varX, covXY, varY, vx, vy, classHint, classConfidence,
                externalId, snr, dimension, rangeRate);
    }

    /** True when the detection carries a usable height. */
    public boolean hasHeight() {
        return !Double.isNaN(z);
    }

    /** Why this detection cannot be used, or null when it is valid (time checks are the tracker's). */
    public RejectReason validate() {
        if (!Double.isFinite(t) || !Double.isFinite(x) || !Double.isFinite(y)
                || !Double.isFinite(varX) || !Double.isFinite(varY) || !Double.isFinite(covXY)
                || Double.isInfinite(z) || Double.isInfinite(vx) || Double.isInfinite(vy)) {
            return RejectReason.NON_FINITE;
        }
        // Positive definite 2x2: both diagonal terms and the determinant strictly positive.
        if (hasHeight() && !Double.isFinite(varZ)) {
            return RejectReason.NON_FINITE;
        }
        if (!(varX > 0) || !(varY > 0) || !(varX * varY - covXY * covXY > 0) || (hasHeight() && !(varZ > 0))) {
            return RejectReason.BAD_COVARIANCE;
        }
        return rangeRate == null ? null : rangeRate.validate();
    }
}
