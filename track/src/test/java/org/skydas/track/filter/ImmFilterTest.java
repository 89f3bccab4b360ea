package org.skydas.track.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class ImmFilterTest {

    @Test
    void identicalModelsBehaveLikeOneKalmanFilter() {
        ImmFilter imm = new ImmFilter(new double[] {0.1, 0.1}, 0.9);
        double[] x = {0, 0, 1, 1};
        double[] p = new double[16];
        for (int i = 0; i < 4; i++) {
            p[5 * i] = 50;
        }
        double[] kx = x.clone();
        double[] kp = p.clone();
        ImmFilter.State s = imm.start(x, p);
        for (int k = 1; k <= 10; k++) {
            imm.predict(s, 1.0, x, p);
            Kalman4.predictCv(kx, kp, 1.0, 0.1);
            imm.update(s, k * 1.1, k * 0.9, 16, 0, 16, x, p);
            Kalman4.updatePosition(kx, kp, k * 1.1, k * 0.9, 16, 0, 16);
        }
        for (int i = 0; i < 4; i++) {
            assertThat(x[i]).isCloseTo(kx[i], within(1e-9));
        }
        for (int i = 0; i < 16; i++) {
            assertThat(p[i]).isCloseTo(kp[i], within(1e-9));
        }
        assertThat(s.modelProbability(0)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void manoeuvreShiftsProbabilityToTheAgileModelAndCutsTheLag() {
        ImmFilter imm = new ImmFilter(new double[] {0.005, 5.0}, 0.95);
        Random rnd = new Random(2);
        double[] x = {0, 0, 15, 0};
        double[] p = new double[16];
        p[0] = p[5] = 25;
        p[10] = p[15] = 4;
        double[] cx = x.clone();
        double[] cp = p.clone();
        ImmFilter.State s = imm.start(x, p);
        double tx = 0;
        double ty = 0;
        double errImm = 0;
        double errCv = 0;
        double maxAgile = 0;
        for (int k = 1; k <= 40; k++) {
            if (k <= 20) {
                tx += 15;
            } else {
                ty += 15; // sharp 90 degree turn
            }
            double zx = tx + 5 * rnd.nextGaussian();
            double zy = ty + 5 * rnd.nextGaussian();
            imm.predict(s, 1.0, x, p);
            imm.update(s, zx, zy, 25, 0, 25, x, p);
            Kalman4.predictCv(cx, cp, 1.0, 0.005);
            Kalman4.updatePosition(cx, cp, zx, zy, 25, 0, 25);
            if (k <= 10) {
                assertThat(s.modelProbability(0)).isGreaterThan(0.5);
            }
            if (k > 20) {
                errImm += Math.hypot(x[0] - tx, x[1] - ty);
                errCv += Math.hypot(cx[0] - tx, cx[1] - ty);
                maxAgile = Math.max(maxAgile, s.modelProbability(1));
            }
        }
        assertThat(maxAgile).isGreaterThan(0.9);
        assertThat(errImm).isLessThan(0.5 * errCv);
    }
}
