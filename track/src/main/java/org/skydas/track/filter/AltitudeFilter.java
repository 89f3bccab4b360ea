package org.skydas.track.filter;

/**
 * Height and climb rate (z, vz) of a track, filtered apart from the horizontal state: most sensors
 * here give no height, the ones that do (radar with elevation, Remote ID, ADS-B) give it with its
 * own accuracy, and horizontal association must not depend on it. Near-constant vertical speed
 * with white-noise acceleration q; covariance stored as {pzz, pzv, pvv}.
 */
public final class AltitudeFilter {

    private AltitudeFilter() {
    }

    /** Initial state from one height measurement; climb rate unknown (sd {@code climbSd}). */
    public static void start(double[] z, double[] pz, double height, double varZ, double climbSd) {
        z[0] = height;
        z[1] = 0;
        pz[0] = varZ;
        pz[1] = 0;
        pz[2] = climbSd * climbSd;
    }

    public static void predict(double[] z, double[] pz, double dt, double q) {
        z[0] += dt * z[1];
        double dt2 = dt * dt;
        pz[0] += 2 * dt * pz[1] + dt2 * pz[2] + q * dt2 * dt / 3;
        pz[1] += dt * pz[2] + q * dt2 / 2;
        pz[2] += q * dt;
    }

    /** Scalar Kalman update with measurement {@code height} of variance {@code varZ}, Joseph form. */
    public static void update(double[] z, double[] pz, double height, double varZ) {
        double s = pz[0] + varZ;
        double k0 = pz[0] / s;
        double k1 = pz[1] / s;
        double nu = height - z[0];
        z[0] += k0 * nu;
        z[1] += k1 * nu;
        // (I - K H) P (I - K H)' + K R K' with H = [1 0]
        double a = 1 - k0;
        double p00 = a * a * pz[0] + k0 * k0 * varZ;
        double p01 = a * (pz[1] - k1 * pz[0]) + k0 * k1 * varZ;
        double p11 = pz[2] - 2 * k1 * pz[1] + k1 * k1 * pz[0] + k1 * k1 * varZ;
        pz[0] = p00;
        pz[1] = p01;
        pz[2] = p11;
    }
}
