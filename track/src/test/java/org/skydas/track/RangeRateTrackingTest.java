package org.skydas.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A simulated GMTI radar and one ground vehicle: the same seeded detections once with their measured range rate and
 * once without. With it, the track's velocity is nearer the truth after a few scans, for every tracker flavour.
 */
class RangeRateTrackingTest {

    enum Flavour {
        GNN, JPDA, IMM;

        TrackerConfig config() {
            // A radar revisiting every 12 s: a first report waits for its second as in the live pipeline.
            TrackerConfig c = TrackerConfig.defaults().withSeedMaxAge(30);
            return switch (this) {
                case GNN -> c;
                case JPDA -> c.withAssociation(TrackerConfig.Association.JPDA);
                case IMM -> c.withImm(new double[] {0.005, 0.1, 2.0}, 0.95);
            };
        }
    }

    /** Radar at the origin, 500 m above the target; 12 s revisit; 40 m position and 0.5 m/s rate sigmas. */
    private static final double SCAN_S = 12;
    private static final double POSITION_SIGMA = 40;
    private static final double RATE_SIGMA = 0.5;
    private static final double RADAR_HEIGHT = 500;
    private static final int RUNS = 200;

    /** Mean velocity error (m/s) of the one track after each scan (index = scans seen), over {@link #RUNS} seeds. */
    private static double[] meanVelocityError(Flavour f, boolean withRate, int scans) {
        double[] sum = new double[scans + 1];
        int[] n = new int[scans + 1];
        for (int run = 0; run < RUNS; run++) {
            Random rnd = new Random(1000 + run);
            // A vehicle 12-18 km out in any direction, 8-14 m/s on any heading.
            double bearing = rnd.nextDouble() * 2 * Math.PI;
            double range = 12_000 + 6_000 * rnd.nextDouble();
            double heading = rnd.nextDouble() * 2 * Math.PI;
            double speed = 8 + 6 * rnd.nextDouble();
            double vx = speed * Math.sin(heading);
            double vy = speed * Math.cos(heading);
            Tracker tracker = new Tracker(f.config());
            tracker.registerSensor(new SensorModel(0, 0.9, 1e-9));
            for (int k = 0; k < scans; k++) {
                double t = k * SCAN_S;
                double x = range * Math.sin(bearing) + vx * t;
                double y = range * Math.cos(bearing) + vy * t;
                double slant = Math.sqrt(x * x + y * y + RADAR_HEIGHT * RADAR_HEIGHT);
                double rate = (x * vx + y * vy) / slant + RATE_SIGMA * rnd.nextGaussian();
                Detection d = Detection.position(t, 0, x + POSITION_SIGMA * rnd.nextGaussian(),
                        y + POSITION_SIGMA * rnd.nextGaussian(), POSITION_SIGMA);
                if (withRate) {
                    d = d.withRangeRate(new RangeRate(rate, RATE_SIGMA * RATE_SIGMA, 0, 0, RADAR_HEIGHT, Double.NaN))
                            .withHeight(0, 5);
                }
                tracker.processScan(0, t, List.of(d));
                assertThat(tracker.rejects().total()).isZero();
                if (tracker.liveTracks().size() == 1) {
                    Track tr = tracker.liveTracks().get(0);
                    sum[k + 1] += Math.hypot(tr.vx() - vx, tr.vy() - vy);
                    n[k + 1]++;
                }
            }
        }
        double[] mean = new double[scans + 1];
        for (int k = 0; k <= scans; k++) {
            mean[k] = n[k] == RUNS ? sum[k] / n[k] : Double.NaN;
        }
        return mean;
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void theRangeRateBringsTheVelocityNearerTheTruthSooner(Flavour f) {
        int scans = 8;
        double[] without = meanVelocityError(f, false, scans);
        double[] with = meanVelocityError(f, true, scans);
        // One track in every run from the second scan on (two-point initiation), with and without.
        for (int k = 2; k <= scans; k++) {
            assertThat(without[k]).as("scan %d without", k).isFinite();
            assertThat(with[k]).as("scan %d with", k).isFinite();
        }
        // The second scan starts the track from two positions alone: the same estimate either way.
        assertThat(with[2]).isEqualTo(without[2]);
        // From the third scan on the radial component is measured: the error is lower at every scan, by a fifth or
        // more over the first three updates (measured, GNN: 1.97 vs 3.04 m/s at scan 3, 1.07 vs 1.45 at scan 5).
        for (int k = 3; k <= scans; k++) {
            assertThat(with[k]).as("scan %d: %.2f with vs %.2f without", k, with[k], without[k])
                    .isLessThan(without[k]);
        }
        for (int k = 3; k <= 5; k++) {
            assertThat(with[k]).as("scan %d: %.2f with vs %.2f without", k, with[k], without[k])
                    .isLessThan(0.8 * without[k]);
        }
        // Faster: the mean error falls below 1.5 m/s at least a scan earlier.
        assertThat(firstBelow(with, 1.5)).isLessThan(firstBelow(without, 1.5));
    }

    private static int firstBelow(double[] errors, double limit) {
        for (int k = 2; k < errors.length; k++) {
            if (errors[k] < limit) {
                return k;
            }
        }
        return Integer.MAX_VALUE;
    }
}
