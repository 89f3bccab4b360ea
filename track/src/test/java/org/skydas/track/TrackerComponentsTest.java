package org.skydas.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.skydas.model.TargetKind;
import org.skydas.track.assign.Associator;
import org.skydas.track.assign.GnnAssociator;
import org.skydas.track.assign.Hypotheses;
import org.skydas.track.init.Initiator;

/**
 * The tracker run with stub components, as Stone Soup's tracker tests do: each test swaps one or more parts for a
 * stub whose behaviour is obvious, and checks that the tracker calls them in the documented order and applies what
 * they decide (and nothing else).
 */
class TrackerComponentsTest {

    private static final TrackerConfig CONFIG = TrackerConfig.defaults();

    /** Starts one tentative track, at rest, per detection nobody took. */
    static final class OnePerDetection implements Initiator {
        final List<String> log;
        int free;

        OnePerDetection(List<String> log) {
            this.log = log;
        }

        @Override
        public void process(double t, double[] zx, double[] zy, double[] rxx, double[] rxy, double[] ryy,
                            String[] identity, boolean[] used, int n, org.skydas.track.gate.GridIndex index,
                            Sink sink) {
            log.add("initiate");
            free = 0;
            for (int j = 0; j < n; j++) {
                if (!used[j]) {
                    free++;
                    used[j] = true;
                    double[] p = new double[16];
                    p[0] = rxx[j];
                    p[5] = ryy[j];
                    p[10] = 4;
                    p[15] = 4;
                    sink.create(new double[] {zx[j], zy[j], 0, 0}, p, j);
                }
            }
        }

        @Override
        public int seedCount() {
            return 0;
        }
    }

    /** Logs the stage it gates (by its first track's status) and delegates to the tracker's own gate. */
    static Gater loggingGater(List<String> log) {
        Gater real = new ChiSquareGater(CONFIG.gate());
        return (scan, rows, count, sensor, pairs, rowStart) -> {
            log.add("gate " + (rows[0].status() == TrackStatus.TENTATIVE ? "tentative" : "confirmed"));
            real.gate(scan, rows, count, sensor, pairs, rowStart);
        };
    }

    static Associator loggingGnn(List<String> log) {
        GnnAssociator gnn = new GnnAssociator();
        return (pairs, rows, cols) -> {
            log.add("associate " + rows);
            return gnn.associate(pairs, rows, cols);
        };
    }

    /** An associator that takes nothing: every track is missed, every detection stays free. */
    static final Associator NOTHING = (pairs, rows, cols) -> new Hypotheses() {
        @Override
        public boolean weighted() {
            return false;
        }

        @Override
        public int column(int row) {
            return -1;
        }

        @Override
        public double weight(int pair) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double missProbability(int row) {
            throw new UnsupportedOperationException();
        }
    };

    private static Tracker tracker(TrackerComponents components) {
        Tracker t = new Tracker(CONFIG, components);
        t.registerSensor(new SensorModel(0, 0.9, 1e-6));
        return t;
    }

    private static List<Detection> at(double t, double... xy) {
        List<Detection> out = new ArrayList<>();
        for (int i = 0; i < xy.length; i += 2) {
            out.add(Detection.position(t, 0, xy[i], xy[i + 1], 5));
        }
        return out;
    }

    @Test
    void aScanRunsGateAssociateForConfirmedThenTentativeTracksThenInitiatesThenDeletes() {
        List<String> log = new ArrayList<>();
        Deleter never = (track, now) -> {
            if (log.isEmpty() || !log.get(log.size() - 1).equals("delete")) {
                log.add("delete");
            }
            return false;
        };
        Tracker tr = tracker(TrackerComponents.of(CONFIG).withGater(loggingGater(log))
                .withAssociator(loggingGnn(log)).withInitiator(new OnePerDetection(log)).withDeleter(never));
        tr.processScan(0, 0, at(0, 0, 0));
        assertThat(log).containsExactly("initiate", "delete"); // no track yet: no stage to gate
        // Two more hits confirm track 1 (M = 3; the stub starts it with a two-slot window); a far detection starts 2.
        tr.processScan(0, 1, at(1, 1, 0));
        log.clear();
        tr.processScan(0, 2, at(2, 2, 0, 5_000, 5_000));
        assertThat(tr.liveTracks()).extracting(Track::status)
                .containsExactly(TrackStatus.CONFIRMED, TrackStatus.TENTATIVE);
        log.clear();
        tr.processScan(0, 3, at(3, 3, 0, 5_000, 5_000));
        assertThat(log).containsExactly("gate confirmed", "associate 1", "gate tentative", "associate 1",
                "initiate", "delete");
        assertThat(tr.liveTracks()).hasSize(2);
    }

    @Test
    void theAssociatorDecidesWhichTrackTakesWhichDetectionAndTheRestGoesToTheInitiator() {
        List<String> log = new ArrayList<>();
        OnePerDetection init = new OnePerDetection(log);
        Tracker tr = tracker(TrackerComponents.of(CONFIG).withInitiator(init));
        tr.processScan(0, 0, at(0, 0, 0));
        assertThat(tr.liveTracks()).hasSize(1);
        // The tracker's GNN: the track takes the nearby detection, nothing is left to initiate.
        tr.processScan(0, 1, at(1, 1, 0));
        assertThat(init.free).isZero();
        assertThat(tr.liveTracks()).hasSize(1);
        Track first = tr.liveTracks().get(0);
        assertThat(first.lastUpdate()).isEqualTo(1.0);

        Tracker blind = tracker(TrackerComponents.of(CONFIG).withInitiator(init).withAssociator(NOTHING));
        blind.processScan(0, 0, at(0, 0, 0));
        double before = blind.liveTracks().get(0).existence();
        blind.processScan(0, 1, at(1, 1, 0));
        // Missed by a sensor that looked: existence falls, and the detection it did not take starts a track.
        assertThat(init.free).isEqualTo(1);
        assertThat(blind.liveTracks()).hasSize(2);
        Track missed = blind.liveTracks().get(0);
        assertThat(missed.lastUpdate()).isEqualTo(0.0);
        assertThat(missed.existence()).isLessThan(before);
    }

    @Test
    void anInitiatorsStateBecomesATentativeTrackWithTheNextId() {
        Tracker tr = tracker(TrackerComponents.of(CONFIG).withInitiator(new OnePerDetection(new ArrayList<>())));
        tr.processScan(0, 0, at(0, 10, 20, 300, 400));
        assertThat(tr.liveTracks()).extracting(Track::id).containsExactly(1L, 2L);
        assertThat(tr.liveTracks()).extracting(Track::status).containsOnly(TrackStatus.TENTATIVE);
        Track b = tr.liveTracks().get(1);
        assertThat(b.x()).isEqualTo(300.0);
        assertThat(b.y()).isEqualTo(400.0);
        assertThat(b.existence()).isEqualTo(CONFIG.initialExistence());
        assertThat(tr.lastTouched()).containsExactlyElementsOf(tr.liveTracks());
    }

    @Test
    void theDeleterEndsTracksAfterAScanAndWhenTheClockAdvances() {
        Deleter westOfZero = (track, now) -> track.x() < 0;
        Tracker tr = tracker(TrackerComponents.of(CONFIG).withInitiator(new OnePerDetection(new ArrayList<>()))
                .withDeleter(westOfZero));
        tr.processScan(0, 0, at(0, -10, 0, 10, 0));
        assertThat(tr.liveTracks()).extracting(Track::x).containsExactly(10.0);
        assertThat(tr.lastDeleted()).singleElement().satisfies(t -> {
            assertThat(t.x()).isEqualTo(-10.0);
            assertThat(t.status()).isEqualTo(TrackStatus.DELETED);
        });

        List<Double> asked = new ArrayList<>();
        Tracker clock = tracker(TrackerComponents.of(CONFIG).withInitiator(new OnePerDetection(new ArrayList<>()))
                .withDeleter((track, now) -> asked.add(now) && now >= 5));
        clock.processScan(0, 0, at(0, 0, 0));
        clock.advanceTo(4);
        assertThat(clock.liveTracks()).hasSize(1);
        clock.advanceTo(5);
        assertThat(clock.liveTracks()).isEmpty();
        assertThat(clock.lastDeleted()).hasSize(1);
        assertThat(asked).containsExactly(0.0, 4.0, 5.0);
    }

    @Test
    void aWeightedOutcomeIsAPdaUpdate() {
        // An associator that gives the one gated pair of each row weight 0.5 and the miss 0.5.
        Associator halves = (pairs, rows, cols) -> new Hypotheses() {
            @Override
            public boolean weighted() {
                return true;
            }

            @Override
            public int column(int row) {
                throw new UnsupportedOperationException();
            }

            @Override
            public double weight(int pair) {
                return 0.5;
            }

            @Override
            public double missProbability(int row) {
                return 0.5;
            }
        };
        Tracker tr = tracker(TrackerComponents.of(CONFIG).withInitiator(new OnePerDetection(new ArrayList<>()))
                .withAssociator(halves));
        tr.processScan(0, 0, at(0, 0, 0));
        tr.processScan(0, 1, at(1, 20, 0));
        Track t = tr.liveTracks().get(0);
        // Half-way between the prediction (0) and a full update towards 20: moved, but less than the Kalman step.
        assertThat(t.x()).isGreaterThan(0.0).isLessThan(20.0);
        // beta0 = 0.5 is not a hit (the update notes a hit only below 0.5), and the detection is used: no new track.
        assertThat(t.lastUpdate()).isEqualTo(0.0);
        assertThat(tr.liveTracks()).hasSize(1);
    }

    private static Track track(TrackStatus status) {
        Track t = new Track(1, 4);
        t.status = status;
        return t;
    }

    @Test
    void theDeletersComposeAndEachJudgesOnlyItsOwnCase() {
        Track tentative = track(TrackStatus.TENTATIVE);
        tentative.scans = 4;
        tentative.window = 0b0110; // slots, newest last: miss, hit, hit, and the current one not (yet) hit
        tentative.hitThisScan = false;
        MOfNDeleter twoOfFour = new MOfNDeleter(2, 4);
        MOfNDeleter threeOfFour = new MOfNDeleter(3, 4);
        // The current slot is no miss yet (another sensor may still hit it): one miss, 3 of 4 still possible.
        assertThat(threeOfFour.delete(tentative, 0)).isFalse();
        tentative.window = 0b0100; // miss, hit, miss, current: two misses
        assertThat(threeOfFour.delete(tentative, 0)).isTrue();
        assertThat(twoOfFour.delete(tentative, 0)).isFalse();

        Track confirmed = track(TrackStatus.CONFIRMED);
        confirmed.existence = 0.01;
        assertThat(threeOfFour.delete(confirmed, 0)).isFalse(); // M-of-N judges tentative tracks only
        assertThat(new ExistenceDeleter(0.05).delete(confirmed, 0)).isTrue();
        assertThat(new ExistenceDeleter(0.05).delete(track(TrackStatus.TENTATIVE), 0)).isFalse();

        confirmed.x[0] = 50;
        confirmed.x[1] = 50;
        assertThat(new RegionDeleter(new TrackerConfig.Region(0, 0, 100, 100)).delete(confirmed, 0)).isFalse();
        assertThat(new RegionDeleter(new TrackerConfig.Region(60, 0, 100, 100)).delete(confirmed, 0)).isTrue();
        confirmed.p[0] = 400;
        assertThat(new PositionSdDeleter(25).delete(confirmed, 0)).isFalse();
        assertThat(new PositionSdDeleter(19).delete(confirmed, 0)).isTrue();

        // Coast time by the most likely class: a person may stay silent 10 s here, a vehicle 100 s.
        CoastTimeDeleter coast = new CoastTimeDeleter(new double[] {10, 100, 100, 100});
        confirmed.lastUpdate = 0;
        confirmed.classProb[TargetKind.PERSON.ordinal()] = 1;
        assertThat(coast.delete(confirmed, 10)).isFalse();
        assertThat(coast.delete(confirmed, 11)).isTrue();
        confirmed.classProb[TargetKind.PERSON.ordinal()] = 0;
        confirmed.classProb[TargetKind.VEHICLE.ordinal()] = 1;
        assertThat(coast.delete(confirmed, 11)).isFalse();

        List<String> asked = new ArrayList<>();
        Deleter any = Deleter.anyOf((t, now) -> asked.add("a") && false, (t, now) -> asked.add("b"),
                (t, now) -> asked.add("c"));
        assertThat(any.delete(confirmed, 0)).isTrue();
        assertThat(asked).containsExactly("a", "b"); // stops at the first that ends the track
    }

    @Test
    void theDefaultComponentsFollowTheConfiguration() {
        TrackerComponents gnn = TrackerComponents.of(CONFIG);
        assertThat(gnn.confirmed()).isSameAs(gnn.tentative()).isInstanceOf(GnnAssociator.class);
        TrackerComponents jpda = TrackerComponents.of(CONFIG.withAssociation(TrackerConfig.Association.JPDA));
        assertThat(jpda.confirmed()).isInstanceOf(org.skydas.track.assign.JpdaAssociator.class);
        assertThat(jpda.tentative()).isInstanceOf(GnnAssociator.class);
        // The region deleter is part of the default only with a region.
        Track far = track(TrackStatus.CONFIRMED);
        far.existence = 0.9;
        far.x[0] = 1e6;
        assertThat(TrackerComponents.deleter(CONFIG).delete(far, 0)).isFalse();
        assertThat(TrackerComponents.deleter(CONFIG.withRegion(new TrackerConfig.Region(0, 0, 10, 10)))
                .delete(far, 0)).isTrue();
    }
}
