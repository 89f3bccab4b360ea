package org.skydas.track.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class Kalman4Test {

    private static double[] diag(double a, double b, double c, double d) {
        double[] p = new double[16];
        p[0] = a;
        p[5] = b;
        p[10] = c;
        p[15] = d;
        return p;
    }

    @Test
    void predictMatchesHandComputedFPFtPlusQ() {
        double[] x = {10, 20, 1, -2};
        double[] p = diag(4, 9, 1, 2);
        Kalman4.predictCv(x, p, 2.0, 0.3);
        assertThat(x).containsExactly(12, 16, 1, -2);
        // x axis: P = [4 0; 0 1], F = [1 2; 0 1]: FPF' = [4+4*1, 2; 2, 1]; Q = 0.3*[8/3 2; 2 2]
        assertThat(p[0]).isCloseTo(8 + 0.8, within(1e-12));
        assertThat(p[2]).isCloseTo(2 + 0.6, within(1e-12));
        assertThat(p[8]).isCloseTo(2 + 0.6, within(1e-12));
        assertThat(p[10]).isCloseTo(1 + 0.6, within(1e-12));
        // y axis: P = [9 0; 0 2]: FPF' = [9+8, 4; 4, 2]
        assertThat(p[5]).isCloseTo(17 + 0.8, within(1e-12));
        assertThat(p[7]).isCloseTo(4 + 0.6, within(1e-12));
        assertThat(p[13]).isCloseTo(4 + 0.6, within(1e-12));
        assertThat(p[15]).isCloseTo(2 + 0.6, within(1e-12));
        assertThat(p[1]).isZero();
        assertThat(p[3]).isZero();
    }

    @Test
    void updateMatchesHandComputedGainAndCovariance() {
        // x axis only coupled to vx: P_x = [4 2; 2 3], R = 4 -> S = 8, K = [0.5, 0.25]
        double[] x = {0, 0, 1, 1};
        double[] p = new double[16];
        p[0] = 4;
        p[2] = 2;
        p[8] = 2;
        p[10] = 3;
        p[5] = 1;
        p[15] = 1;
        Kalman4.updatePosition(x, p, 8, 0, 4, 0, 1);
        assertThat(x[0]).isCloseTo(4, within(1e-12));     // 0 + 0.5 * 8
        assertThat(x[2]).isCloseTo(1 + 2, within(1e-12)); // 1 + 0.25 * 8
        assertThat(x[1]).isCloseTo(0, within(1e-12));
        // Posterior (I-KH)P: [2 1; 1 2.5]; Joseph form gives the same for the optimal gain.
        assertThat(p[0]).isCloseTo(2, within(1e-12));
        assertThat(p[2]).isCloseTo(1, within(1e-12));
        assertThat(p[8]).isCloseTo(1, within(1e-12));
        assertThat(p[10]).isCloseTo(2.5, within(1e-12));
        // y axis: P = 1, R = 1 -> posterior 0.5
        assertThat(p[5]).isCloseTo(0.5, within(1e-12));
        assertThat(p[15]).isCloseTo(1, within(1e-12));
    }

    @Test
    void innovationGivesMahalanobisDistanceAndLogDet() {
        double[] x = {0, 0, 0, 0};
        double[] p = diag(5, 12, 1, 1);
        double[] out = new double[2];
        Kalman4.innovation(x, p, 3, 4, 4, 0, 4, out);
        // S = diag(9, 16): d2 = 9/9 + 16/16 = 2, ln det = ln 144
        assertThat(out[0]).isCloseTo(2, within(1e-12));
        assertThat(out[1]).isCloseTo(Math.log(144), within(1e-12));
        assertThat(Kalman4.maxInnovationVariance(p, 4, 0, 4)).isCloseTo(16, within(1e-12));
    }

    @Test
    void manyUpdatesKeepCovarianceSymmetricPositiveDefinite() {
        double[] x = {0, 0, 0, 0};
        double[] p = diag(1e6, 1e6, 1e4, 1e4);
        for (int k = 0; k < 10_000; k++) {
            Kalman4.predictCv(x, p, 1.0, 1e-6);
            Kalman4.updatePosition(x, p, k * 0.5, -k * 0.25, 1e-4, 2e-5, 1e-4);
        }
        for (int i = 0; i < 4; i++) {
            assertThat(p[5 * i]).isPositive();
            for (int j = 0; j < 4; j++) {
                assertThat(p[4 * i + j]).isEqualTo(p[4 * j + i]);
            }
        }
        assertThat(p[0] * p[10] - p[2] * p[8]).isPositive();
        assertThat(x[2]).isCloseTo(0.5, within(1e-3));
        assertThat(x[3]).isCloseTo(-0.25, within(1e-3));
    }

    @Test
    void pdaUpdateWithOneCertainDetectionEqualsKalmanUpdate() {
        double[] x1 = {1, 2, 3, 4};
        double[] p1 = diag(30, 20, 5, 6);
        p1[2] = 4;
        p1[8] = 4;
        double[] x2 = x1.clone();
        double[] p2 = p1.clone();
        Kalman4.updatePosition(x1, p1, 7, -3, 9, 1, 16);
        Kalman4.updatePda(x2, p2, new double[] {7}, new double[] {-3}, new double[] {1.0}, 1, 0.0, 9, 1, 16);
        for (int i = 0; i < 4; i++) {
            assertThat(x2[i]).isCloseTo(x1[i], within(1e-12));
        }
        for (int i = 0; i < 16; i++) {
            assertThat(p2[i]).isCloseTo(p1[i], within(1e-12));
        }
    }

    @Test
    void pdaUpdateWithNoLikelyDetectionKeepsThePrediction() {
        double[] x = {1, 2, 3, 4};
        double[] p = diag(30, 20, 5, 6);
        double[] p0 = p.clone();
        Kalman4.updatePda(x, p, new double[] {50}, new double[] {50}, new double[] {0.0}, 1, 1.0, 9, 0, 9);
        assertThat(x).containsExactly(1, 2, 3, 4);
        assertThat(p).containsExactly(p0);
    }

    @Test
    void pdaSpreadWidensCovarianceWhenTwoDetectionsShareTheMass() {
        double[] x = {0, 0, 0, 0};
        double[] p = diag(100, 100, 10, 10);
        double[] single = p.clone();
        double[] xs = x.clone();
        Kalman4.updatePosition(xs, single, 0, 0, 25, 0, 25);
        Kalman4.updatePda(x, p, new double[] {-10, 10}, new double[] {0, 0}, new double[] {0.5, 0.5}, 2, 0.0, 25, 0, 25);
        assertThat(x[0]).isCloseTo(0, within(1e-12));
        // K_x = 100/125 = 0.8; spread Σβνν' − ν̄ν̄' = 100 in x: adds 0.8² · 100 = 64.
        assertThat(p[0]).isCloseTo(single[0] + 64, within(1e-9));
        assertThat(p[5]).isCloseTo(single[5], within(1e-9));
    }
}
