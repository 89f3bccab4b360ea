package org.skydas.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.skydas.model.TargetKind;

/** Event sources, scanning coverage and deletion by time in the {@link Tracker} engine. */
class SensorReportingTest {

    private static final SensorModel.ReportingMode EVENT = SensorModel.ReportingMode.EVENT;
    private static final SensorModel.ReportingMode SCANNING = SensorModel.ReportingMode.SCANNING;

    private static Optional<Track> trackNear(Tracker tr, double x, double y, double within) {
        return tr.liveTracks().stream()
                .filter(t -> Math.hypot(t.x() - x, t.y() - y) < within)
                .findFirst();
    }

    /**
     * Target A reported by sensor 1 once a second, target B by sensor 2 ten times a second, far
     * apart; each sensor in {@code mode}. Checks after every report from t = 5 s when {@code check}.
     */
    private static Tracker twoSources(SensorModel.ReportingMode mode, boolean check) {
        return twoSources(new SensorModel(1, 0.9, 1e-6).withMode(mode), new SensorModel(2, 0.9, 1e-6).withMode(mode), check);
    }

    private static Tracker twoSources(SensorModel sensor1, SensorModel sensor2, boolean check) {
        Tracker tr = new Tracker(TrackerConfig.defaults());
        tr.registerSensor(sensor1);
        tr.registerSensor(sensor2);
        Random rnd = new Random(21);
        for (int k = 0; k < 300; k++) {
            double t = k * 0.1;
            if (k % 10 == 0) {
                tr.processScan(1, t, List.of(Detection.position(t, 1, 100 + 5 * t + rnd.nextGaussian() * 3,
                        rnd.nextGaussian() * 3, 3)));
            }
            double tb = t + 0.05;
            tr.processScan(2, tb, List.of(Detection.position(tb, 2, 3000 + rnd.nextGaussian() * 3,
                    500 + 2 * tb + rnd.nextGaussian() * 3, 3)));
            if (check && t >= 5) {
                assertThat(tr.reportable()).hasSize(2);
                assertThat(tr.reportable()).allSatisfy(x -> assertThat(x.status()).isEqualTo(TrackStatus.CONFIRMED));
            }
        }
        return tr;
    }

    @Test
    void busyEventSourceDoesNotKillTracksOfAnotherEventSource() {
        Tracker tr = twoSources(EVENT, true);
        Track a = trackNear(tr, 100 + 5 * 29.9, 0, 30).orElseThrow();
        Track b = trackNear(tr, 3000, 500 + 2 * 29.95, 30).orElseThrow();
        assertThat(a.snapshot().sensors()).containsExactly(1);
        assertThat(b.snapshot().sensors()).containsExactly(2);
        assertThat(a.existence()).isGreaterThan(0.9);
        assertThat(tr.reportable()).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void busyEventSourceDoesNotKillTheTrackOfAScanningSensor() {
        // Sensor 1 scans once a second around A (B is outside its coverage); sensor 2 is the busy
        // event source reporting B ten times a second.
        Tracker tr = twoSources(new SensorModel(1, 0.9, 1e-6).withCoverage(0, 0, 1000),
                SensorModel.event(2, 0.9, 1e-6), true);
        Track a = trackNear(tr, 100 + 5 * 29.9, 0, 30).orElseThrow();
        Track b = trackNear(tr, 3000, 500 + 2 * 29.95, 30).orElseThrow();
        assertThat(a.existence()).isGreaterThan(0.9);
        assertThat(b.existence()).isGreaterThan(0.9);
    }

    @Test
    void theSameFeedFromScanningSensorsKillsTheRarelyReportedTrack() {
        // Contrast: if the busy source's reports counted as scans, target A would be missed nine
        // times between its reports and never survive.
        Tracker tr = twoSources(SCANNING, false);
        assertThat(trackNear(tr, 100 + 5 * 29.9, 0, 30).filter(tr::isReportable)).isEmpty();
        assertThat(trackNear(tr, 3000, 500 + 2 * 29.95, 30).filter(tr::isReportable)).isPresent();
    }

    /** Event sensor 1 reports A (inside the circle) and B (outside) for 10 s; then sensor 0 scans empty for 10 s. */
    private static Tracker coverageRun(SensorModel scanner) {
        Tracker tr = new Tracker(TrackerConfig.defaults());
        tr.registerSensor(SensorModel.event(1, 0.9, 1e-6));
        tr.registerSensor(scanner);
        for (int k = 0; k < 10; k++) {
            tr.processScan(1, k, List.of(Detection.position(k, 1, 200, 0, 3), Detection.position(k, 1, 5000, 0, 3)));
        }
        assertThat(tr.reportable()).hasSize(2);
        for (int k = 10; k < 20; k++) {
            tr.processScan(0, k, List.of());
        }
        return tr;
    }

    @Test
    void scanningSensorWithCoverageCircleMissesOnlyTracksInsideIt() {
        Tracker tr = coverageRun(new SensorModel(0, 0.9, 1e-6).withCoverage(0, 0, 1000));
        assertThat(trackNear(tr, 200, 0, 50)).isEmpty();
        Track outside = trackNear(tr, 5000, 0, 50).orElseThrow();
        assertThat(outside.status()).isEqualTo(TrackStatus.CONFIRMED);
        // Only survival decay over 10 s: no miss lowered it.
        assertThat(outside.existence()).isGreaterThan(0.9);
        assertThat(tr.isReportable(outside)).isTrue();
    }

    @Test
    void scanningSensorWithoutCoverageMissesEverything() {
        Tracker tr = coverageRun(new SensorModel(0, 0.9, 1e-6));
        assertThat(tr.liveTracks()).isEmpty();
    }

    @Test
    void circleContainsItsInsideOnly() {
        SensorModel.Circle c = new SensorModel.Circle(10, -5, 100);
        assertThat(c.contains(10, -5)).isTrue();
        assertThat(c.contains(110, -5)).isTrue();
        assertThat(c.contains(110.01, -5)).isFalse();
        assertThat(c.contains(80, 60)).isTrue();
        assertThat(c.contains(80, 90)).isFalse();
        assertThat(new SensorModel(0, 0.5, 1).mode()).isEqualTo(SCANNING);
        assertThat(new SensorModel(0, 0.5, 1).coverage()).isNull();
    }

    /** An event source reports a target at {@code speed} m/s east for t = 0..9; returns the tracker. */
    private static Tracker reportedThenSilent(TrackerConfig config, double speed) {
        Tracker tr = new Tracker(config);
        tr.registerSensor(SensorModel.event(1, 0.9, 1e-6));
        for (int k = 0; k < 10; k++) {
            tr.processScan(1, k, List.of(Detection.position(k, 1, speed * k, 0, 3)));
        }
        assertThat(tr.reportable()).hasSize(1);
        return tr;
    }

    @Test
    void trackNobodyReportsIsDeletedAfterMaxCoastTimeByAdvanceAlone() {
        Tracker tr = reportedThenSilent(TrackerConfig.defaults(), 1.5);
        long id = tr.liveTracks().get(0).id();
        double last = tr.liveTracks().get(0).lastUpdate();
        assertThat(last).isEqualTo(9.0);
        for (double t = 10; t <= last + 29.5; t += 0.5) {
            tr.advanceTo(t);
            assertThat(tr.lastDeleted()).isEmpty();
        }
        assertThat(tr.liveTracks()).hasSize(1);
        // Event silence is no miss: still confirmed (only survival decay lowered existence).
        assertThat(tr.liveTracks().get(0).status()).isEqualTo(TrackStatus.CONFIRMED);
        assertThat(tr.time()).isEqualTo(last + 29.5);
        tr.advanceTo(last + 30.5);
        assertThat(tr.liveTracks()).isEmpty();
        assertThat(tr.lastDeleted()).hasSize(1);
        TrackState s = tr.lastDeleted().get(0).snapshot();
        assertThat(s.id()).isEqualTo(id);
        assertThat(s.status()).isEqualTo(TrackStatus.DELETED);
        assertThat(s.t()).isEqualTo(last + 30.5);
        tr.advanceTo(last + 31);
        assertThat(tr.lastDeleted()).isEmpty();
    }

    @Test
    void maxCoastTimeIsPerClass() {
        double[] perClass = {30, 5, 30, 30}; // vehicles: 5 s
        TrackerConfig config = TrackerConfig.defaults().withMaxCoastTime(perClass);
        Tracker vehicle = reportedThenSilent(config, 12);
        assertThat(vehicle.liveTracks().get(0).snapshot().mostLikelyClass()).isEqualTo(TargetKind.VEHICLE);
        vehicle.advanceTo(9 + 4.9);
        assertThat(vehicle.liveTracks()).hasSize(1);
        vehicle.advanceTo(9 + 5.1);
        assertThat(vehicle.liveTracks()).isEmpty();

        Tracker person = reportedThenSilent(config, 1.4);
        assertThat(person.liveTracks().get(0).snapshot().mostLikelyClass()).isEqualTo(TargetKind.PERSON);
        person.advanceTo(9 + 5.1);
        assertThat(person.liveTracks()).hasSize(1);
    }

    @Test
    void advanceToNeverGoesBackAndIgnoresNonFiniteTimes() {
        Tracker tr = reportedThenSilent(TrackerConfig.defaults(), 1.5);
        tr.advanceTo(5);
        tr.advanceTo(Double.NaN);
        tr.advanceTo(Double.POSITIVE_INFINITY);
        assertThat(tr.time()).isEqualTo(9.0);
        assertThat(tr.liveTracks()).hasSize(1);
        assertThat(tr.rejects().total()).isZero();
    }

    @Test
    void eventHitsOpenTheirOwnConfirmationSlots() {
        // Three reports of one event source, one second apart, confirm a track (M = 3) although no
        // scanning sensor ever opened a window slot.
        Tracker tr = new Tracker(TrackerConfig.defaults());
        tr.registerSensor(SensorModel.event(1, 0.9, 1e-6));
        List<Integer> reportableAfter = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            tr.processScan(1, k, List.of(Detection.position(k, 1, 10.0 * k, 0, 3)));
            reportableAfter.add(tr.reportable().size());
        }
        assertThat(reportableAfter).containsExactly(0, 0, 1);
    }
}
