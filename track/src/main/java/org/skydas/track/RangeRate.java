package org.skydas.track;

/**
 * A radial velocity (range rate) measured by a Doppler sensor (a GMTI radar's line-of-sight velocity), with the
 * sensor position it is relative to, in the tracker's frame (x east, y north, z up; metres, seconds). The tracker
 * folds it into the track's update as the third component of an extended-Kalman measurement (position and range
 * rate); gating, association and existence stay on position.
 *
 * @param rate      range rate, m/s: positive when the target moves away from the sensor (corrected for the sensor's
 *                  own motion, as STANAG 4607 D32.7 is)
 * @param variance  variance of the rate, (m/s)²
 * @param sensorX   sensor east, m
 * @param sensorY   sensor north, m
 * @param sensorZ   sensor height, m, in the frame of the detection's height, or NaN: without it, or without a target
 *                  height, the line of sight is taken as horizontal
 * @param ambiguity the Doppler ambiguity (wrap velocity), m/s, or NaN: the rate is known modulo it
 */
public record RangeRate(double rate, double variance, double sensorX, double sensorY, double sensorZ,
                        double ambiguity) {

    /** A rate with no height for the sensor and no ambiguity. */
    public static RangeRate of(double rate, double sigma, double sensorX, double sensorY) {
        return new RangeRate(rate, sigma * sigma, sensorX, sensorY, Double.NaN, Double.NaN);
    }

    /** Why the rate cannot be used, or null. */
    RejectReason validate() {
        if (!Double.isFinite(rate) || !Double.isFinite(variance) || !Double.isFinite(sensorX)
                || !Double.isFinite(sensorY) || Double.isInfinite(sensorZ) || Double.isInfinite(ambiguity)) {
            return RejectReason.NON_FINITE;
        }
        return variance > 0 ? null : RejectReason.BAD_COVARIANCE;
    }

    /**
     * The height of the sensor above a target at {@code targetZ} (m), or 0 when either height is unknown (a
     * horizontal line of sight).
     */
    public double heightAbove(double targetZ) {
        return Double.isNaN(sensorZ) || Double.isNaN(targetZ) ? 0 : sensorZ - targetZ;
    }
}
