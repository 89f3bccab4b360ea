package org.skydas.track;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.skydas.model.TargetKind;

/** A snapshot never changes: neither through the arrays it was made from nor through those it hands out. */
class TrackStateTest {

    @Test
    void theArraysAreCopiedInAndOut() {
        double[] cov = new double[16];
        cov[0] = 25;
        cov[6] = 4;
        double[] probs = {0.1, 0.7, 0.15, 0.05};
        int[] sensors = {3, 9};
        TrackState s = new TrackState(1, 10, 0, 0, 1, 1, Double.NaN, Double.NaN, cov, TrackStatus.CONFIRMED, probs,
                0.9, sensors, 10, null);
        cov[0] = -1;
        probs[1] = 0;
        sensors[0] = 99;
        assertThat(s.covariance(0, 0)).isEqualTo(25);
        assertThat(s.covariance(1, 2)).isEqualTo(4);
        assertThat(s.classProbability(TargetKind.VEHICLE)).isEqualTo(0.7);
        assertThat(s.mostLikelyClass()).isEqualTo(TargetKind.VEHICLE);
        assertThat(s.sensors()).containsExactly(3, 9);

        s.covariance()[0] = -1;
        s.classProbabilities()[TargetKind.DRONE.ordinal()] = 1;
        s.sensors()[1] = 99;
        assertThat(s.covariance()[0]).isEqualTo(25);
        assertThat(s.classProbabilities()).containsExactly(0.1, 0.7, 0.15, 0.05);
        assertThat(s.sensors()).containsExactly(3, 9);
    }

    @Test
    void aTracksSnapshotDoesNotFollowTheTrack() {
        Tracker tracker = new Tracker(TrackerConfig.defaults());
        tracker.registerSensor(new SensorModel(1, 0.9, 1e-6));
        tracker.registerSensor(new SensorModel(2, 0.9, 1e-6));
        for (int k = 0; k < 5; k++) {
            tracker.processScan(1, k, java.util.List.of(Detection.position(k, 1, 10.0 * k, 0, 5)));
        }
        Track track = tracker.liveTracks().get(0);
        TrackState before = track.snapshot();
        double[] cov = before.covariance();
        tracker.processScan(1, 5, java.util.List.of(Detection.position(5, 1, 50, 0, 5)));
        tracker.processScan(2, 6, java.util.List.of(Detection.position(6, 2, 60, 0, 5)));
        assertThat(track.snapshot().covariance()).as("the track moved on").isNotEqualTo(cov);
        assertThat(before.covariance()).containsExactly(cov);
        assertThat(before.sensors()).containsExactly(1);
        assertThat(track.snapshot().sensors()).containsExactly(1, 2);
    }
}
