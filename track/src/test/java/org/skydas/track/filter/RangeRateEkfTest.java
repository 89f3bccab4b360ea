package org.skydas.track.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RangeRateEkfTest {

    private static double[] state() {
        return new double[] {3000, 4000, 6, -9};
    }

    private static double[] cov() {
        double[] p = new double[16];
        p[0] = 900;
        p[5] = 1600;
        p[1] = p[4] = 200;
        p[10] = 16;
        p[15] = 25;
        p[2] = p[8] = 30;
        p[7] = p[13] = 40;
        return p;
    }

    @Test
    void predictedRateIsTheVelocityAlongTheLineOfSight() {
        RangeRateEkf m = new RangeRateEkf();
        assertThat(m.set(3000, 4000, 100, 0, 100, 0, 1, 0, 0, 0, Double.NaN)).isTrue();
        // Line of sight (0.6, 0.8): 6·0.6 − 9·0.8 = −3.6 m/s (closing).
        assertThat(m.predictedRate(state())).isCloseTo(-3.6, within(1e-12));
        // A sensor 5 km above: the slant range is √(5000² + 5000²), so the rate shrinks by 1/√2.
        assertThat(m.set(3000, 4000, 100, 0, 100, 0, 1, 0, 0, 5000, Double.NaN)).isTrue();
        assertThat(m.predictedRate(state())).isCloseTo(-3.6 / Math.sqrt(2), within(1e-12));
    }

    @Test
    void jacobianAgreesWithFiniteDifferencesThroughTheUpdate() {
        // H's third row, taken numerically from the predicted rate, must give the S the filter forms (ln det S).
        RangeRateEkf m = new RangeRateEkf();
        m.set(3000, 4000, 100, 0, 100, 0, 1, -200, 150, 800, Double.NaN);
        double[] x = state();
        double[] inn = new double[2];
        assertThat(m.innovation(x, cov(), inn)).isTrue();
        double eps = 1e-3;
        double[] numeric = new double[4];
        for (int i = 0; i < 4; i++) {
            double[] up = x.clone();
            double[] down = x.clone();
            up[i] += eps;
            down[i] -= eps;
            numeric[i] = (m.predictedRate(up) - m.predictedRate(down)) / (2 * eps);
        }
        double[] p = cov();
        double expected = 1;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                expected += numeric[i] * p[4 * i + j] * numeric[j];
            }
        }
        double[] s = new double[9];
        double[] ph2 = new double[4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                ph2[i] += p[4 * i + j] * numeric[j];
            }
        }
        s[0] = p[0] + 100;
        s[1] = s[3] = p[1];
        s[4] = p[5] + 100;
        s[2] = s[6] = ph2[0];
        s[5] = s[7] = ph2[1];
        s[8] = expected;
        double det = s[0] * (s[4] * s[8] - s[5] * s[7]) - s[1] * (s[3] * s[8] - s[5] * s[6])
                + s[2] * (s[3] * s[7] - s[4] * s[6]);
        assertThat(inn[1]).isCloseTo(Math.log(det), within(1e-6));
    }

    @Test
    void aVagueRateGivesThePositionUpdateAndAPreciseOneFixesTheRadialVelocity() {
        double[] x1 = state();
        double[] p1 = cov();
        Kalman4.updatePosition(x1, p1, 3020, 3990, 100, 0, 100);
        RangeRateEkf m = new RangeRateEkf();
        m.set(3020, 3990, 100, 0, 100, 5, 1e12, 0, 0, 0, Double.NaN);
        double[] x2 = state();
        double[] p2 = cov();
        assertThat(m.update(x2, p2)).isTrue();
        for (int i = 0; i < 4; i++) {
            assertThat(x2[i]).isCloseTo(x1[i], within(1e-6));
        }
        for (int i = 0; i < 16; i++) {
            assertThat(p2[i]).isCloseTo(p1[i], within(1e-6));
        }
        // σ = 0.1 m/s, rate 5 m/s away: the velocity's radial component moves to about 5.
        double[] x3 = state();
        double[] p3 = cov();
        m.set(3000, 4000, 100, 0, 100, 5, 0.01, 0, 0, 0, Double.NaN);
        m.update(x3, p3);
        assertThat(0.6 * x3[2] + 0.8 * x3[3]).isCloseTo(5, within(0.1));
        // The radial velocity variance is about the rate's.
        double radialVar = 0.36 * p3[10] + 0.48 * p3[11] + 0.48 * p3[14] + 0.64 * p3[15];
        assertThat(radialVar).isLessThan(0.02);
        assertThat(p3[1]).isEqualTo(p3[4]);
    }

    @Test
    void theRateIsReadModuloTheDopplerAmbiguity() {
        RangeRateEkf m = new RangeRateEkf();
        double[] inn = new double[2];
        m.set(3000, 4000, 100, 0, 100, -3.6 + 40, 1, 0, 0, 0, 40);
        m.innovation(state(), cov(), inn);
        double wrapped = inn[0];
        m.set(3000, 4000, 100, 0, 100, -3.6, 1, 0, 0, 0, Double.NaN);
        m.innovation(state(), cov(), inn);
        assertThat(wrapped).isCloseTo(inn[0], within(1e-9));
        m.set(3000, 4000, 100, 0, 100, -3.6 + 40, 1, 0, 0, 0, Double.NaN);
        m.innovation(state(), cov(), inn);
        assertThat(inn[0]).as("40 m/s off without the ambiguity").isGreaterThan(wrapped + 30);
    }

    @Test
    void noLineOfSightOnTopOfTheSensor() {
        RangeRateEkf m = new RangeRateEkf();
        assertThat(m.set(10, 10, 100, 0, 100, 1, 1, 10.2, 10.3, 0, Double.NaN)).isFalse();
        assertThat(m.set(10, 10, 100, 0, 100, 1, 0, 500, 500, 0, Double.NaN)).isFalse();
    }
}
