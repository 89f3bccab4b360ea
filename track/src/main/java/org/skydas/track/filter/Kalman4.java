package org.skydas.track.filter;

/**
 * Kalman filter steps for the 4-state constant-velocity track (x, y, vx, vy) with a 2-D position
 * measurement, on fixed-size arrays: state {@code double[4]}, covariance {@code double[16]} row-major.
 *
 * <p>Why hand-written and not EJML: a 4x4 step is ~200 flops; EJML's general dense routines cost
 * more in bounds checks, reshaping and temporary matrices than in arithmetic, and the tracker runs
 * this tens of thousands of times per scan. The update uses the Joseph form
 * {@code P = (I-KH) P (I-KH)' + K R K'}, which stays symmetric positive semi-definite under rounding
 * (the plain {@code (I-KH)P} does not), and re-symmetrises the result.
 */
public final class Kalman4 {

    private Kalman4() {
    }

    /**
     * Constant-velocity prediction over {@code dt} with discretised white-noise acceleration of
     * spectral density {@code q} (m²/s³) per axis: F = [I dt·I; 0 I],
     * Q = q [dt³/3 dt²/2; dt²/2 dt] per axis. In place.
     */
    public static void predictCv(double[] x, double[] p, double dt, double q) {
        x[0] += dt * x[2];
        x[1] += dt * x[3];
        // P' = F P F' written out: F only adds dt * (velocity row/col) to the position rows/cols.
        double[] a = p;
        // rows: r0 += dt*r2, r1 += dt*r3
        for (int j = 0; j < 4; j++) {
            a[j] += dt * a[8 + j];
            a[4 + j] += dt * a[12 + j];
        }
        // cols: c0 += dt*c2, c1 += dt*c3
        for (int i = 0; i < 4; i++) {
            a[4 * i] += dt * a[4 * i + 2];
            a[4 * i + 1] += dt * a[4 * i + 3];
        }
        double dt2 = dt * dt;
        double q11 = q * dt2 * dt / 3.0;
        double q12 = q * dt2 / 2.0;
        double q22 = q * dt;
        a[0] += q11;
        a[5] += q11;
        a[2] += q12;
        a[8] += q12;
        a[7] += q12;
        a[13] += q12;
        a[10] += q22;
        a[15] += q22;
    }

    /**
     * Squared Mahalanobis distance of measurement (zx, zy) with covariance R from the predicted
     * position, and {@code ln det S}; written into {@code out[0]} and {@code out[1]}.
     */
    public static void innovation(double[] x, double[] p, double zx, double zy,
                                  double rxx, double rxy, double ryy, double[] out) {
        double sxx = p[0] + rxx;
        double sxy = p[1] + rxy;
        double syy = p[5] + ryy;
        double det = sxx * syy - sxy * sxy;
        double nx = zx - x[0];
        double ny = zy - x[1];
        out[0] = (syy * nx * nx - 2 * sxy * nx * ny + sxx * ny * ny) / det;
        out[1] = Math.log(det);
    }

    /** Largest eigenvalue of the innovation covariance S = HPH' + R (m²): bounds the gate's extent. */
    public static double maxInnovationVariance(double[] p, double rxx, double rxy, double ryy) {
        double a = p[0] + rxx;
        double b = p[1] + rxy;
        double d = p[5] + ryy;
        double half = 0.5 * (a + d);
        return half + Math.sqrt(0.25 * (a - d) * (a - d) + b * b);
    }

    /** Position update with measurement (zx, zy) and covariance R, Joseph form. In place. */
    public static void updatePosition(double[] x, double[] p, double zx, double zy,
                                      double rxx, double rxy, double ryy) {
        double sxx = p[0] + rxx;
        double sxy = p[1] + rxy;
        double syy = p[5] + ryy;
        double det = sxx * syy - sxy * sxy;
        double ixx = syy / det;
        double ixy = -sxy / det;
        double iyy = sxx / det;
        // K = P H' S^-1 (4x2); P H' is the first two columns of P.
        double[] k = new double[8];
        for (int i = 0; i < 4; i++) {
            double c0 = p[4 * i];
            double c1 = p[4 * i + 1];
            k[2 * i] = c0 * ixx + c1 * ixy;
            k[2 * i + 1] = c0 * ixy + c1 * iyy;
        }
        double nx = zx - x[0];
        double ny = zy - x[1];
        for (int i = 0; i < 4; i++) {
            x[i] += k[2 * i] * nx + k[2 * i + 1] * ny;
        }
        // A = I - K H: identity minus K in the first two columns.
        double[] a = new double[16];
        for (int i = 0; i < 4; i++) {
            a[4 * i] = -k[2 * i];
            a[4 * i + 1] = -k[2 * i + 1];
            a[4 * i + i] += 1.0;
        }
        double[] ap = new double[16];
        mul(a, p, ap);
        // P = AP A' + K R K'
        for (int i = 0; i < 4; i++) {
            double ki0 = k[2 * i];
            double ki1 = k[2 * i + 1];
            double kr0 = ki0 * rxx + ki1 * rxy;
            double kr1 = ki0 * rxy + ki1 * ryy;
            for (int j = i; j < 4; j++) {
                double s = 0;
                for (int m = 0; m < 4; m++) {
                    s += ap[4 * i + m] * a[4 * j + m];
                }
                s += kr0 * k[2 * j] + kr1 * k[2 * j + 1];
                p[4 * i + j] = s;
                p[4 * j + i] = s;
            }
        }
    }

    private static void mul(double[] a, double[] b, double[] out) {
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double s = 0;
                for (int m = 0; m < 4; m++) {
                    s += a[4 * i + m] * b[4 * m + j];
                }
                out[4 * i + j] = s;
            }
        }
    }

    /**
     * Probabilistic data association update: the detections (zx[k], zy[k]), k &lt; count, with
     * association probabilities beta[k], and probability {@code beta0} that none is the target's.
     * All detections are taken to have covariance R (one sensor's scan). x moves by K times the
     * combined innovation; P = β0·P + (1−β0)·P_updated + K (Σβν ν' − ν̄ ν̄') K' (spread of the
     * innovations), so ambiguous association widens the covariance. In place.
     */
    public static void updatePda(double[] x, double[] p, double[] zx, double[] zy, double[] beta, int count,
                                 double beta0, double rxx, double rxy, double ryy) {
        double sxx = p[0] + rxx;
        double sxy = p[1] + rxy;
        double syy = p[5] + ryy;
        double det = sxx * syy - sxy * sxy;
        double ixx = syy / det;
        double ixy = -sxy / det;
        double iyy = sxx / det;
        double[] k = new double[8];
        for (int i = 0; i < 4; i++) {
            double c0 = p[4 * i];
            double c1 = p[4 * i + 1];
            k[2 * i] = c0 * ixx + c1 * ixy;
            k[2 * i + 1] = c0 * ixy + c1 * iyy;
        }
        double nx = 0;
        double ny = 0;
        double sxxv = 0;
        double sxyv = 0;
        double syyv = 0;
        for (int j = 0; j < count; j++) {
            double ex = zx[j] - x[0];
            double ey = zy[j] - x[1];
            nx += beta[j] * ex;
            ny += beta[j] * ey;
            sxxv += beta[j] * ex * ex;
            sxyv += beta[j] * ex * ey;
            syyv += beta[j] * ey * ey;
        }
        // Spread of innovations: Σβνν' − ν̄ν̄'
        double dxx = sxxv - nx * nx;
        double dxy = sxyv - nx * ny;
        double dyy = syyv - ny * ny;
        double[] prior = p.clone();
        double[] updated = p.clone();
        double[] dummy = x.clone();
        updatePosition(dummy, updated, dummy[0], dummy[1], rxx, rxy, ryy);
        for (int i = 0; i < 4; i++) {
            x[i] += k[2 * i] * nx + k[2 * i + 1] * ny;
        }
        for (int i = 0; i < 4; i++) {
            double a0 = k[2 * i] * dxx + k[2 * i + 1] * dxy;
            double a1 = k[2 * i] * dxy + k[2 * i + 1] * dyy;
            for (int j = i; j < 4; j++) {
                double spread = a0 * k[2 * j] + a1 * k[2 * j + 1];
                double v = beta0 * prior[4 * i + j] + (1 - beta0) * updated[4 * i + j] + spread;
                p[4 * i + j] = v;
                p[4 * j + i] = v;
            }
        }
    }
}
