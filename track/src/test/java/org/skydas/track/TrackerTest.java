package org.skydas.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.skydas.model.TargetKind;

class TrackerTest {

    private static Tracker tracker(int... sensorIds) {
        Tracker t = new Tracker(TrackerConfig.defaults());
        for (int s : sensorIds) {
            t.registerSensor(new SensorModel(s, 0.9, 1e-6));
        }
        return t;
    }

    @Test
    void oneTargetIsConfirmedAtTheThirdScanAndFollowed() {
        Tracker tr = tracker(0);
        Random rnd = new Random(3);
        for (int k = 0; k < 30; k++) {
            double x = 100 + 10 * k + rnd.nextGaussian() * 5;
            double y = 200 - 5 * k + rnd.nextGaussian() * 5;
            tr.processScan(0, k, List.of(Detection.position(k, 0, x, y, 5)));
            if (k < 2) {
                assertThat(tr.reportable()).isEmpty();
            }
            if (k == 2) {
                assertThat(tr.reportable()).hasSize(1);
            }
        }
        List<TrackState> out = tr.reportableStates();
        assertThat(out).hasSize(1);
        TrackState s = out.get(0);
        assertThat(s.x()).isCloseTo(100 + 10 * 29, within(10.0));
        assertThat(s.y()).isCloseTo(200 - 5 * 29, within(10.0));
        assertThat(s.vx()).isCloseTo(10, within(1.0));
        assertThat(s.vy()).isCloseTo(-5, within(1.0));
        assertThat(s.status()).isEqualTo(TrackStatus.CONFIRMED);
        assertThat(s.sensors()).containsExactly(0);
        // 10 m/s: a vehicle rather than a person.
        assertThat(s.mostLikelyClass()).isEqualTo(TargetKind.VEHICLE);
        assertThat(tr.rejects().total()).isZero();
    }

    @Test
    void trackCoastsThenIsDeletedWhenDetectionsStop() {
        Tracker tr = tracker(0);
        for (int k = 0; k < 10; k++) {
            tr.processScan(0, k, List.of(Detection.position(k, 0, 5.0 * k, 0, 5)));
        }
        assertThat(tr.reportable()).hasSize(1);
        tr.processScan(0, 10, List.of());
        assertThat(tr.liveTracks().get(0).status()).isEqualTo(TrackStatus.COASTING);
        for (int k = 11; k < 20; k++) {
            tr.processScan(0, k, List.of());
        }
        assertThat(tr.liveTracks()).isEmpty();
    }

    @Test
    void twoSensorsAtTheSameTimeFuseIntoOneTrack() {
        Tracker tr = tracker(0, 1);
        Random rnd = new Random(5);
        for (int k = 0; k < 20; k++) {
            for (int s = 0; s < 2; s++) {
                double sigma = s == 0 ? 5 : 15;
                tr.processScan(s, k, List.of(Detection.position(k, s, 3.0 * k + rnd.nextGaussian() * sigma,
                        rnd.nextGaussian() * sigma, sigma)));
            }
        }
        assertThat(tr.reportable()).hasSize(1);
        assertThat(tr.reportableStates().get(0).sensors()).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void badInputIsCountedPerReasonAndNeverThrows() {
        Tracker tr = tracker(0);
        for (int k = 0; k < 5; k++) {
            tr.processScan(0, k, List.of(Detection.position(k, 0, 10.0 * k, 0, 5)));
        }
        int live = tr.liveTracks().size();
        List<Detection> bad = new ArrayList<>();
        bad.add(Detection.position(5, 0, Double.NaN, 0, 5));
        bad.add(Detection.position(5, 0, 0, Double.POSITIVE_INFINITY, 5));
        bad.add(Detection.position(5, 0, 50, 0, 0)); // zero variance
        bad.add(new Detection(5, 0, 50, 0, Double.NaN, Double.NaN, 4, 5, 4, Double.NaN, Double.NaN, null,
                Double.NaN, null, Double.NaN)); // |cov| > sqrt(var x var y): not positive definite
        bad.add(Detection.position(5, 7, 50, 0, 5)); // other sensor inside sensor 0's scan
        bad.add(Detection.position(9, 0, 50, 0, 5)); // time differs from the scan time
        bad.add(null);
        bad.add(Detection.position(5, 0, 50, 0, 5)); // the one good detection
        assertThatCode(() -> tr.processScan(0, 5, bad)).doesNotThrowAnyException();
        assertThat(tr.rejects().get(RejectReason.NON_FINITE)).isEqualTo(3);
        assertThat(tr.rejects().get(RejectReason.BAD_COVARIANCE)).isEqualTo(2);
        assertThat(tr.rejects().get(RejectReason.WRONG_SENSOR)).isEqualTo(1);
        assertThat(tr.rejects().get(RejectReason.WRONG_SCAN_TIME)).isEqualTo(1);
        // The good detection still updated the track.
        assertThat(tr.reportable()).hasSize(1);
        assertThat(tr.reportable().get(0).lastUpdate()).isEqualTo(5.0);

        tr.processScan(0, 2.0, List.of(Detection.position(2, 0, 1, 1, 5), Detection.position(2, 0, 2, 2, 5)));
        assertThat(tr.rejects().get(RejectReason.TIME_BACKWARDS)).isEqualTo(2);
        tr.processScan(42, 6.0, List.of(Detection.position(6, 42, 1, 1, 5)));
        assertThat(tr.rejects().get(RejectReason.UNKNOWN_SENSOR)).isEqualTo(1);
        tr.processScan(0, 6.0, null);
        assertThat(tr.time()).isEqualTo(6.0);
        tr.processScan(0, Double.NaN, List.of());
        assertThat(tr.rejects().get(RejectReason.NON_FINITE)).isEqualTo(4);
        assertThat(tr.time()).isEqualTo(6.0);
        assertThat(tr.liveTracks()).hasSize(live);
    }

    @Test
    void slightlyLateScanWithinToleranceIsProcessedAtTrackerTime() {
        Tracker tr = tracker(0);
        for (int k = 0; k < 5; k++) {
            tr.processScan(0, k, List.of(Detection.position(k, 0, 10.0 * k, 0, 5)));
        }
        tr.processScan(0, 4.0 - 0.01, List.of(Detection.position(4.0 - 0.01, 0, 40, 0, 5)));
        assertThat(tr.rejects().total()).isZero();
        assertThat(tr.time()).isEqualTo(4.0);
    }

    @Test
    void memoryStaysBoundedOverLongClutterOnlyInput() {
        Tracker tr = tracker(0);
        Random rnd = new Random(11);
        int maxLive = 0;
        for (int k = 0; k < 2000; k++) {
            List<Detection> scan = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                scan.add(Detection.position(k, 0, rnd.nextDouble() * 5000, rnd.nextDouble() * 5000, 10));
            }
            tr.processScan(0, k, scan);
            maxLive = Math.max(maxLive, tr.liveTracks().size());
            for (Track t : tr.liveTracks()) {
                assertThat(t.history().size()).isLessThanOrEqualTo(t.history().capacity());
            }
        }
        assertThat(maxLive).isLessThan(20);
        assertThat(tr.seedCount()).isLessThanOrEqualTo(40);
    }

    @Test
    void jpdaOptionFollowsTwoCloseParallelTargetsWithoutMergingThem() {
        Tracker tr = new Tracker(TrackerConfig.defaults().withAssociation(TrackerConfig.Association.JPDA));
        tr.registerSensor(new SensorModel(0, 0.9, 1e-6));
        Random rnd = new Random(9);
        for (int k = 0; k < 40; k++) {
            List<Detection> scan = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                if (rnd.nextDouble() < 0.9 || k < 3) {
                    scan.add(Detection.position(k, 0, 8.0 * k + rnd.nextGaussian() * 5,
                            60.0 * i + rnd.nextGaussian() * 5, 5));
                }
            }
            tr.processScan(0, k, scan);
        }
        List<TrackState> out = tr.reportableStates();
        assertThat(out).hasSize(2);
        double y0 = Math.min(out.get(0).y(), out.get(1).y());
        double y1 = Math.max(out.get(0).y(), out.get(1).y());
        assertThat(y0).isCloseTo(0, within(15.0));
        assertThat(y1).isCloseTo(60, within(15.0));
        for (TrackState s : out) {
            assertThat(s.vx()).isCloseTo(8, within(1.5));
        }
    }

    @Test
    void classHintsHeightAndExternalIdReachTheTrack() {
        Tracker tr = tracker(0);
        Random rnd = new Random(4);
        for (int k = 0; k < 15; k++) {
            // A slow object (person-like speed) that the sensor keeps calling a drone, climbing 2 m/s.
            Detection d = Detection.position(k, 0, 1.5 * k + rnd.nextGaussian() * 3, rnd.nextGaussian() * 3, 3)
                    .withClassHint(TargetKind.DRONE, 0.8)
                    .withHeight(50 + 2.0 * k + rnd.nextGaussian(), 1.0)
                    .withExternalId("RID-1581F");
            tr.processScan(0, k, List.of(d));
        }
        TrackState s = tr.reportableStates().get(0);
        assertThat(s.mostLikelyClass()).isEqualTo(TargetKind.DRONE);
        assertThat(s.classProbabilities()[TargetKind.DRONE.ordinal()]).isGreaterThan(0.9);
        assertThat(s.z()).isCloseTo(50 + 2.0 * 14, within(3.0));
        assertThat(s.vz()).isCloseTo(2.0, within(0.7));
        assertThat(s.externalId()).isEqualTo("RID-1581F");
    }

    @Test
    void withoutHintsSpeedDecidesTheClass() {
        Tracker tr = tracker(0);
        for (int k = 0; k < 15; k++) {
            tr.processScan(0, k, List.of(Detection.position(k, 0, 1.4 * k, 0, 2)));
        }
        TrackState s = tr.reportableStates().get(0);
        assertThat(s.mostLikelyClass()).isEqualTo(TargetKind.PERSON);
        assertThat(Double.isNaN(s.z())).isTrue();
    }

    private static TrackState movingAt(double speed, Dimension stated) {
        Tracker tr = tracker(0);
        for (int k = 0; k < 15; k++) {
            Detection d = Detection.position(k, 0, speed * k, 0, 2);
            tr.processScan(0, k, List.of(stated == null ? d : d.withDimension(stated)));
        }
        return tr.reportableStates().get(0);
    }

    @Test
    void aReportThatStatesGroundIsNeverADroneWhateverItsSpeed() {
        // 23 m/s (83 km/h): by speed alone a drone is as likely as a car...
        assertThat(movingAt(23, null).classProbabilities()[TargetKind.DRONE.ordinal()]).isGreaterThan(0.3);
        // ...but the report says ground.
        TrackState ground = movingAt(23, Dimension.GROUND);
        assertThat(ground.classProbabilities()[TargetKind.DRONE.ordinal()]).isZero();
        assertThat(ground.mostLikelyClass()).isEqualTo(TargetKind.VEHICLE);
    }

    @Test
    void aReportThatStatesAirIsNeverAPersonOrAVehicle() {
        TrackState air = movingAt(1.4, Dimension.AIR);
        assertThat(air.classProbabilities()[TargetKind.PERSON.ordinal()]).isZero();
        assertThat(air.classProbabilities()[TargetKind.VEHICLE.ordinal()]).isZero();
        assertThat(air.mostLikelyClass()).isIn(TargetKind.DRONE, TargetKind.UNKNOWN);
        assertThat(java.util.Arrays.stream(air.classProbabilities()).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void contradictingDimensionsLeaveTheClassUnknown() {
        Tracker tr = tracker(0);
        for (int k = 0; k < 15; k++) {
            Detection d = Detection.position(k, 0, 10.0 * k, 0, 2).withDimension(k % 2 == 0 ? Dimension.GROUND : Dimension.AIR);
            tr.processScan(0, k, List.of(d));
        }
        TrackState s = tr.reportableStates().get(0);
        assertThat(s.mostLikelyClass()).isEqualTo(TargetKind.UNKNOWN);
        assertThat(s.classProbabilities()[TargetKind.DRONE.ordinal()]).isZero();
    }

    @Test
    void heightWithBadVarianceIsRejected() {
        Tracker tr = tracker(0);
        tr.processScan(0, 0, List.of(Detection.position(0, 0, 1, 1, 5).withHeight(10, 0)));
        assertThat(tr.rejects().get(RejectReason.BAD_COVARIANCE)).isEqualTo(1);
    }

    @Test
    void immOptionTracksAndExposesModelProbabilities() {
        Tracker tr = new Tracker(TrackerConfig.defaults().withImm(new double[] {0.005, 0.1, 2.0}, 0.95));
        tr.registerSensor(new SensorModel(0, 0.9, 1e-6));
        Random rnd = new Random(8);
        for (int k = 0; k < 30; k++) {
            tr.processScan(0, k, List.of(Detection.position(k, 0, 12.0 * k + rnd.nextGaussian() * 5,
                    rnd.nextGaussian() * 5, 5)));
        }
        List<Track> out = tr.reportable();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).x()).isCloseTo(12.0 * 29, within(10.0));
        double[] mu = out.get(0).modelProbabilities();
        assertThat(mu).hasSize(3);
        assertThat(mu[0] + mu[1] + mu[2]).isCloseTo(1.0, within(1e-9));
        // Straight constant-speed motion: the manoeuvring model is the least likely.
        assertThat(mu[2]).isLessThan(Math.max(mu[0], mu[1]));
    }
}
