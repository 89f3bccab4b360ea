package org.skydas.track.filter;

/**
 * Extended Kalman update of the 4-state constant-velocity track (x, y, vx, vy) with a position and a range rate
 * measured from a known sensor position: z = (x, y, ṙ), ṙ = h(s) = ((x − sx) vx + (y − sy) vy) / ρ with
 * ρ = √((x − sx)² + (y − sy)² + dz²) and dz the sensor's height above the target. The Jacobian's third row is
 * (∂h/∂x, ∂h/∂y, ux, uy) with (ux, uy) = (x − sx, y − sy) / ρ and ∂h/∂x = (vx − h ux) / ρ (and likewise for y),
 * evaluated at the predicted state. Position and rate errors are independent (R block diagonal). The update is in
 * Joseph form, like {@link Kalman4#updatePosition}, and reduces to it when the rate's variance grows without bound.
 *
 * <p>Why an EKF and not an unscented update: the range rate is linear in the velocity and its curvature in the
 * position is of order v/ρ (a few 10⁻⁴ s⁻¹ for a vehicle kilometres away), so the linearisation error is far below
 * the rate's noise; the EKF is one 3×3 inversion with no sigma points.
 *
 * <p>A measurement is set once ({@link #set}) and then applied to one or several states (the models of an IMM). An
 * instance holds scratch arrays: one per thread (the tracker's updater owns one).
 */
public final class RangeRateEkf {

    /** Below this range (m) the line of sight is undefined and {@link #set} refuses the measurement. */
    static final double MIN_RANGE_M = 1.0;

    private double zx;
    private double zy;
    private double rxx;
    private double rxy;
    private double ryy;
    private double rate;
    private double rateVar;
    private double sx;
    private double sy;
    private double dz2;
    private double ambiguity;

    /** H's third row at the state last linearised at; rows 1 and 2 are (1 0 0 0) and (0 1 0 0). */
    private final double[] h3 = new double[4];
    private final double[] ph = new double[12];
    private final double[] s = new double[9];
    private final double[] si = new double[9];
    private final double[] k = new double[12];
    private final double[] nu = new double[3];
    private final double[] a = new double[16];
    private final double[] ap = new double[16];
    private final double[] pdaPrior = new double[16];
    private final double[] pdaUpdated = new double[16];
    private double predictedRate;

    /**
     * Sets the measurement: position (zx, zy) with covariance R, range rate {@code rate} with variance
     * {@code rateVar} from a sensor at (sx, sy) standing {@code dz} above the target; {@code ambiguity} is the
     * rate's Doppler ambiguity (NaN or ≤ 0: none). Returns false (nothing set) when the position is closer to the
     * sensor than {@link #MIN_RANGE_M} horizontally: the line of sight is undefined there.
     */
    public boolean set(double zx, double zy, double rxx, double rxy, double ryy, double rate, double rateVar,
                       double sx, double sy, double dz, double ambiguity) {
        double ex = zx - sx;
        double ey = zy - sy;
        if (!(ex * ex + ey * ey >= MIN_RANGE_M * MIN_RANGE_M) || !(rateVar > 0)) {
            return false;
        }
        this.zx = zx;
        this.zy = zy;
        this.rxx = rxx;
        this.rxy = rxy;
        this.ryy = ryy;
        this.rate = rate;
        this.rateVar = rateVar;
        this.sx = sx;
        this.sy = sy;
        this.dz2 = Double.isFinite(dz) ? dz * dz : 0;
        this.ambiguity = ambiguity > 0 ? ambiguity : Double.NaN;
        return true;
    }

    /** The range rate a target in state x would show the sensor, m/s. */
    public double predictedRate(double[] x) {
        double dx = x[0] - sx;
        double dy = x[1] - sy;
        double rho = Math.sqrt(dx * dx + dy * dy + dz2);
        return rho > 0 ? (dx * x[2] + dy * x[3]) / rho : 0;
    }

    /**
     * Linearises at x and forms S = H P H' + R, its inverse and P H'; returns false when the state sits on the
     * sensor (no line of sight) or S is singular.
     */
    private boolean linearise(double[] x, double[] p) {
        double dx = x[0] - sx;
        double dy = x[1] - sy;
        double rho = Math.sqrt(dx * dx + dy * dy + dz2);
        if (!(rho >= MIN_RANGE_M)) {
            return false;
        }
        double ux = dx / rho;
        double uy = dy / rho;
        double h = ux * x[2] + uy * x[3];
        predictedRate = h;
        h3[0] = (x[2] - h * ux) / rho;
        h3[1] = (x[3] - h * uy) / rho;
        h3[2] = ux;
        h3[3] = uy;
        // P H' (4x3): columns 0 and 1 are P's, column 2 is P h3'.
        for (int i = 0; i < 4; i++) {
            double c2 = 0;
            for (int m = 0; m < 4; m++) {
                c2 += p[4 * i + m] * h3[m];
            }
            ph[3 * i] = p[4 * i];
            ph[3 * i + 1] = p[4 * i + 1];
            ph[3 * i + 2] = c2;
        }
        // S = H (P H') + R.
        s[0] = ph[0] + rxx;
        s[1] = ph[1] + rxy;
        s[4] = ph[4] + ryy;
        double s02 = ph[2];
        double s12 = ph[3 + 2];
        double s22 = rateVar;
        for (int m = 0; m < 4; m++) {
            s22 += h3[m] * ph[3 * m + 2];
        }
        s[2] = s02;
        s[3] = s[1];
        s[5] = s12;
        s[6] = s02;
        s[7] = s12;
        s[8] = s22;
        return invert3(s, si);
    }

    private void innovation(double[] x, double zRate) {
        nu[0] = zx - x[0];
        nu[1] = zy - x[1];
        double r = zRate - predictedRate;
        if (!Double.isNaN(ambiguity)) {
            r -= ambiguity * Math.rint(r / ambiguity);
        }
        nu[2] = r;
    }

    /**
     * Squared Mahalanobis distance of the whole measurement (position and rate) from the prediction and
     * {@code ln det S}, into {@code out[0]} and {@code out[1]}; returns false (out untouched) when the state has no
     * line of sight.
     */
    public boolean innovation(double[] x, double[] p, double[] out) {
        if (!linearise(x, p)) {
            return false;
        }
        innovation(x, rate);
        double d2 = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                d2 += nu[i] * si[3 * i + j] * nu[j];
            }
        }
        out[0] = d2;
        out[1] = Math.log(det3(s));
        return true;
    }

    /** The update of (x, P) in place, Joseph form; returns false (nothing changed) without a line of sight. */
    public boolean update(double[] x, double[] p) {
        if (!linearise(x, p)) {
            return false;
        }
        innovation(x, rate);
        gain();
        for (int i = 0; i < 4; i++) {
            x[i] += k[3 * i] * nu[0] + k[3 * i + 1] * nu[1] + k[3 * i + 2] * nu[2];
        }
        joseph(p);
        return true;
    }

    /**
     * Probabilistic data association update with the detections (zx[j], zy[j], rates[j]), j &lt; count, their
     * probabilities beta[j] and the miss probability beta0, linearised once at the prediction; the position
     * covariance and the geometry are the set measurement's (one sensor's scan), as {@link Kalman4#updatePda}.
     * Returns false (nothing changed) without a line of sight.
     */
    public boolean updatePda(double[] x, double[] p, double[] zxs, double[] zys, double[] rates, double[] beta,
                             int count, double beta0) {
        if (!linearise(x, p)) {
            return false;
        }
        gain();
        double[] mean = new double[3];
        double[] spread = new double[9];
        double savedX = zx;
        double savedY = zy;
        for (int j = 0; j < count; j++) {
            zx = zxs[j];
            zy = zys[j];
            innovation(x, rates[j]);
            for (int a1 = 0; a1 < 3; a1++) {
                mean[a1] += beta[j] * nu[a1];
                for (int b1 = 0; b1 < 3; b1++) {
                    spread[3 * a1 + b1] += beta[j] * nu[a1] * nu[b1];
                }
            }
        }
        zx = savedX;
        zy = savedY;
        for (int a1 = 0; a1 < 3; a1++) {
            for (int b1 = 0; b1 < 3; b1++) {
                spread[3 * a1 + b1] -= mean[a1] * mean[b1];
            }
        }
        System.arraycopy(p, 0, pdaPrior, 0, 16);
        System.arraycopy(p, 0, pdaUpdated, 0, 16);
        joseph(pdaUpdated);
        for (int i = 0; i < 4; i++) {
            x[i] += k[3 * i] * mean[0] + k[3 * i + 1] * mean[1] + k[3 * i + 2] * mean[2];
        }
        // P = β0 P + (1 − β0) P_updated + K (Σβνν' − ν̄ν̄') K'
        double[] ks = new double[3];
        for (int i = 0; i < 4; i++) {
            for (int b1 = 0; b1 < 3; b1++) {
                ks[b1] = 0;
                for (int a1 = 0; a1 < 3; a1++) {
                    ks[b1] += k[3 * i + a1] * spread[3 * a1 + b1];
                }
            }
            for (int j = i; j < 4; j++) {
                double sp = ks[0] * k[3 * j] + ks[1] * k[3 * j + 1] + ks[2] * k[3 * j + 2];
                double v = beta0 * pdaPrior[4 * i + j] + (1 - beta0) * pdaUpdated[4 * i + j] + sp;
                p[4 * i + j] = v;
                p[4 * j + i] = v;
            }
        }
        return true;
    }

    /** K = P H' S⁻¹ (4x3). */
    private void gain() {
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                k[3 * i + j] = ph[3 * i] * si[j] + ph[3 * i + 1] * si[3 + j] + ph[3 * i + 2] * si[6 + j];
            }
        }
    }

    /** P = (I − K H) P (I − K H)' + K R K', symmetric; uses the current gain and linearisation. */
    private void joseph(double[] p) {
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double kh = k[3 * i + 2] * h3[j];
                if (j == 0) {
                    kh += k[3 * i];
                } else if (j == 1) {
                    kh += k[3 * i + 1];
                }
                a[4 * i + j] = (i == j ? 1.0 : 0.0) - kh;
            }
        }
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double sum = 0;
                for (int m = 0; m < 4; m++) {
                    sum += a[4 * i + m] * p[4 * m + j];
                }
                ap[4 * i + j] = sum;
            }
        }
        for (int i = 0; i < 4; i++) {
            double kr0 = k[3 * i] * rxx + k[3 * i + 1] * rxy;
            double kr1 = k[3 * i] * rxy + k[3 * i + 1] * ryy;
            double kr2 = k[3 * i + 2] * rateVar;
            for (int j = i; j < 4; j++) {
                double sum = 0;
                for (int m = 0; m < 4; m++) {
                    sum += ap[4 * i + m] * a[4 * j + m];
                }
                sum += kr0 * k[3 * j] + kr1 * k[3 * j + 1] + kr2 * k[3 * j + 2];
                p[4 * i + j] = sum;
                p[4 * j + i] = sum;
            }
        }
    }

    private static double det3(double[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    /** Inverse of a 3x3 matrix by cofactors; false when singular. */
    private static boolean invert3(double[] m, double[] out) {
        double c00 = m[4] * m[8] - m[5] * m[7];
        double c01 = m[5] * m[6] - m[3] * m[8];
        double c02 = m[3] * m[7] - m[4] * m[6];
        double det = m[0] * c00 + m[1] * c01 + m[2] * c02;
        if (!(Math.abs(det) > 0) || !Double.isFinite(det)) {
            return false;
        }
        double inv = 1.0 / det;
        out[0] = c00 * inv;
        out[1] = (m[2] * m[7] - m[1] * m[8]) * inv;
        out[2] = (m[1] * m[5] - m[2] * m[4]) * inv;
        out[3] = c01 * inv;
        out[4] = (m[0] * m[8] - m[2] * m[6]) * inv;
        out[5] = (m[2] * m[3] - m[0] * m[5]) * inv;
        out[6] = c02 * inv;
        out[7] = (m[1] * m[6] - m[0] * m[7]) * inv;
        out[8] = (m[0] * m[4] - m[1] * m[3]) * inv;
        return true;
    }
}
