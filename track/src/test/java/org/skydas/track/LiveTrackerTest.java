package org.skydas.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class LiveTrackerTest {

    /** Records every callback in order. */
    static final class Recorder implements LiveTracker.Listener {
        final List<String> log = new ArrayList<>();
        final List<TrackState> updates = new ArrayList<>();
        final List<TrackState> deletions = new ArrayList<>();

        @Override
        public void onTrackUpdated(TrackState s) {
            updates.add(s);
            log.add(String.format("U %d %.9f %.6f %.6f %s %.9f", s.id(), s.t(), s.x(), s.y(), s.status(), s.existence()));
        }

        @Override
        public void onTrackDeleted(TrackState s) {
            deletions.add(s);
            log.add(String.format("D %d %.9f %.6f %.6f %s", s.id(), s.t(), s.x(), s.y(), s.status()));
        }
    }

    private static Tracker tracker() {
        Tracker tr = new Tracker(TrackerConfig.defaults());
        tr.registerSensor(new SensorModel(0, 0.9, 1e-6));
        tr.registerSensor(new SensorModel(1, 0.8, 1e-6).withCoverage(1000, 1000, 800));
        tr.registerSensor(SensorModel.event(2, 0.9, 1e-7));
        return tr;
    }

    /** One input of a generated feed: a detection, or a scan note (detection null). */
    record Input(double t, int sensor, Detection detection) {
    }

    /**
     * Targets born and dying over {@code seconds}: scanning sensor 0 at 1 Hz everywhere (with
     * clutter), scanning sensor 1 at 1 Hz (offset 0.3 s) in a circle, event source 2 reporting
     * targets 0 and 1 every 0.2 s. Sorted by time.
     */
    static List<Input> feed(long seed, int targets, int seconds) {
        Random rnd = new Random(seed);
        double[][] tg = new double[targets][];
        for (int i = 0; i < targets; i++) {
            double start = rnd.nextDouble() * seconds / 2;
            double end = start + 10 + rnd.nextDouble() * seconds;
            tg[i] = new double[] {rnd.nextDouble() * 2000, rnd.nextDouble() * 2000,
                    rnd.nextGaussian() * 5, rnd.nextGaussian() * 5, start, end};
        }
        List<Input> out = new ArrayList<>();
        for (int k = 0; k < seconds; k++) {
            for (int s = 0; s < 2; s++) {
                double t = k + 0.3 * s;
                out.add(new Input(t, s, null));
                for (double[] g : tg) {
                    if (t >= g[4] && t <= g[5] && rnd.nextDouble() < 0.9) {
                        double x = g[0] + g[2] * t;
                        double y = g[1] + g[3] * t;
                        if (s == 1 && Math.hypot(x - 1000, y - 1000) > 800) {
                            continue;
                        }
                        out.add(new Input(t, s, Detection.position(t, s, x + rnd.nextGaussian() * 5,
                                y + rnd.nextGaussian() * 5, 5)));
                    }
                }
                if (s == 0) {
                    for (int c = 0; c < 3; c++) {
                        out.add(new Input(t, s, Detection.position(t, s, rnd.nextDouble() * 2000,
                                rnd.nextDouble() * 2000, 5)));
                    }
                }
            }
            for (int e = 0; e < 5; e++) {
                double t = k + 0.1 + 0.2 * e;
                for (int i = 0; i < Math.min(2, targets); i++) {
                    double[] g = tg[i];
                    if (t >= g[4] && t <= g[5]) {
                        out.add(new Input(t, 2, Detection.position(t, 2, g[0] + g[2] * t + rnd.nextGaussian() * 3,
                                g[1] + g[3] * t + rnd.nextGaussian() * 3, 3)));
                    }
                }
            }
        }
        out.sort(Comparator.comparingDouble(Input::t));
        return out;
    }

    private static void offer(LiveTracker live, Input in) {
        if (in.detection() == null) {
            live.offerScan(in.sensor(), in.t());
        } else {
            live.offer(in.detection());
        }
    }

    /**
     * Out-of-order arrival within the window gives exactly the callbacks of sorted input: each
     * input arrives at t + U(0, 0.45) s (window 0.5 s) and advance() runs at every arrival; the
     * reference run has all inputs, sorted, before the same advance() calls.
     */
    @Property(tries = 15)
    void outOfOrderArrivalWithinWindowGivesTheSameTracksAsSortedInput(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        List<Input> sorted = feed(seed, 6, 40);
        Random rnd = new Random(seed * 31 + 7);
        double[] arrival = new double[sorted.size()];
        Integer[] order = new Integer[sorted.size()];
        for (int i = 0; i < arrival.length; i++) {
            arrival[i] = sorted.get(i).t() + rnd.nextDouble() * 0.45;
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> arrival[i]));

        Recorder shuffled = new Recorder();
        LiveTracker a = new LiveTracker(tracker(), shuffled);
        for (int i : order) {
            a.advance(arrival[i]);
            offer(a, sorted.get(i));
        }
        a.advance(45);

        Recorder reference = new Recorder();
        LiveTracker b = new LiveTracker(tracker(), reference);
        sorted.forEach(in -> offer(b, in));
        for (int i : order) {
            b.advance(arrival[i]);
        }
        b.advance(45);

        // The arrival order really was not the time order.
        boolean reordered = false;
        for (int i = 1; i < order.length; i++) {
            reordered |= sorted.get(order[i]).t() < sorted.get(order[i - 1]).t();
        }
        assertThat(reordered).isTrue();
        assertThat(a.rejects().total()).isZero();
        assertThat(a.released()).isEqualTo(sorted.size());
        assertThat(reference.updates).isNotEmpty();
        assertThat(shuffled.log).isEqualTo(reference.log);
    }

    @Test
    void releasedScansMatchTheBatchPathOnSortedInput() {
        // Same inputs through processScan directly, one scan per time and sensor: same tracks
        // (positions within float noise of the extra predictions advance() makes).
        List<Input> in = feed(5, 6, 40);
        Tracker batch = tracker();
        Map<String, List<Detection>> scans = new java.util.LinkedHashMap<>();
        for (Input i : in) {
            List<Detection> l = scans.computeIfAbsent(i.t() + "/" + i.sensor(), k -> new ArrayList<>());
            if (i.detection() != null) {
                l.add(i.detection());
            }
        }
        for (Map.Entry<String, List<Detection>> e : scans.entrySet()) {
            String[] k = e.getKey().split("/");
            List<Detection> l = new ArrayList<>(e.getValue());
            l.sort(Comparator.comparingDouble(Detection::x).thenComparingDouble(Detection::y));
            batch.processScan(Integer.parseInt(k[1]), Double.parseDouble(k[0]), l);
        }
        LiveTracker live = new LiveTracker(tracker(), new Recorder());
        in.forEach(i -> offer(live, i));
        live.flush();
        List<TrackState> x = batch.reportableStates();
        List<TrackState> y = live.tracker().reportableStates();
        assertThat(x).isNotEmpty();
        assertThat(y).hasSameSizeAs(x);
        for (int i = 0; i < x.size(); i++) {
            assertThat(y.get(i).id()).isEqualTo(x.get(i).id());
            assertThat(y.get(i).x()).isEqualTo(x.get(i).x());
            assertThat(y.get(i).y()).isEqualTo(x.get(i).y());
        }
    }

    @Test
    void lateDetectionsAreCountedAndDropped() {
        LiveTracker live = new LiveTracker(tracker(), new Recorder());
        live.offer(Detection.position(10, 0, 100, 100, 5));
        live.advance(11);
        assertThat(live.tracker().time()).isEqualTo(10.5);
        assertThat(live.tracker().scansProcessed()).isEqualTo(1);
        live.offer(Detection.position(10.2, 0, 100, 100, 5)); // window closed 0.3 s ago: late
        live.offer(Detection.position(10.47, 0, 100, 100, 5)); // within the tracker's 0.05 s tolerance
        live.offer(Detection.position(10.8, 0, 100, 100, 5));
        live.offerScan(0, 3.0);
        assertThat(live.rejects().get(RejectReason.LATE)).isEqualTo(2);
        assertThat(live.buffered()).isEqualTo(2);
        live.advance(12);
        assertThat(live.tracker().scansProcessed()).isEqualTo(3);
        assertThat(live.tracker().rejects().total()).isZero();
        assertThat(live.rejects().total()).isEqualTo(2);
    }

    @Test
    void fullBufferShedsTheOldestWithACounter() {
        // Sensor 0 is registered, sensor 9 is not: the tracker counts what reaches it from 9.
        LiveTracker live = new LiveTracker(tracker(), 0.5, 5, new Recorder());
        for (int k = 0; k < 8; k++) {
            live.offer(Detection.position(k, k < 3 ? 0 : 9, 10 * k, 0, 5));
            assertThat(live.buffered()).isLessThanOrEqualTo(5);
        }
        assertThat(live.rejects().get(RejectReason.SHED)).isEqualTo(3);
        live.offer(Detection.position(-1, 0, 0, 0, 5)); // older than everything buffered: shed itself
        assertThat(live.rejects().get(RejectReason.SHED)).isEqualTo(4);
        assertThat(live.buffered()).isEqualTo(5);
        live.advance(100);
        // Only the five newest (sensor 9) reached the tracker.
        assertThat(live.tracker().rejects().get(RejectReason.UNKNOWN_SENSOR)).isEqualTo(5);
        assertThat(live.tracker().scansProcessed()).isZero();
        assertThat(live.released()).isEqualTo(5);
        assertThat(live.buffered()).isZero();
    }

    @Property(tries = 50)
    void bufferNeverExceedsItsCapacity(@ForAll @IntRange(min = 1, max = 50) int capacity,
                                       @ForAll @LongRange(min = 0, max = 1000) long seed) {
        LiveTracker live = new LiveTracker(tracker(), 2.0, capacity, new Recorder());
        Random rnd = new Random(seed);
        long offered = 0;
        for (int i = 0; i < 500; i++) {
            double t = i * 0.01 + rnd.nextDouble();
            live.offer(Detection.position(t, rnd.nextInt(3), rnd.nextDouble() * 1000, rnd.nextDouble() * 1000, 5));
            offered++;
            assertThat(live.buffered()).isLessThanOrEqualTo(capacity);
            if (rnd.nextInt(50) == 0) {
                live.advance(i * 0.01);
            }
        }
        live.flush();
        assertThat(live.buffered()).isZero();
        // Every offered detection was released, shed or late; nothing vanished.
        assertThat(live.released() + live.rejects().get(RejectReason.SHED) + live.rejects().get(RejectReason.LATE))
                .isEqualTo(offered);
    }

    @Test
    void badEntriesAreCountedNotThrown() {
        LiveTracker live = new LiveTracker(tracker(), new Recorder());
        assertThatCode(() -> {
            live.offer(null);
            live.offer(Detection.position(Double.NaN, 0, 1, 1, 5));
            live.offerScan(0, Double.POSITIVE_INFINITY);
            live.offer(Detection.position(1, 0, Double.NaN, 1, 5));
            live.advance(Double.NaN);
            live.advance(5);
        }).doesNotThrowAnyException();
        assertThat(live.rejects().get(RejectReason.NON_FINITE)).isEqualTo(3);
        assertThat(live.tracker().rejects().get(RejectReason.NON_FINITE)).isEqualTo(1);
    }

    @Test
    void listenerHearsEachDeletionExactlyOnceAndOnlyForReportedTracks() {
        Recorder rec = new Recorder();
        LiveTracker live = new LiveTracker(tracker(), rec);
        List<Input> in = feed(77, 12, 120);
        Set<Long> liveIds = new HashSet<>();
        Map<Long, Integer> deletions = new HashMap<>();
        Set<Long> tentative = new HashSet<>();
        int i = 0;
        for (double now = 0; now < 200; now += 0.25) {
            while (i < in.size() && in.get(i).t() <= now) {
                offer(live, in.get(i++));
            }
            int u = rec.updates.size();
            int d = rec.deletions.size();
            live.advance(now);
            for (TrackState s : rec.updates.subList(u, rec.updates.size())) {
                assertThat(deletions).doesNotContainKey(s.id()); // nothing after its deletion
                assertThat(s.status()).isIn(TrackStatus.CONFIRMED, TrackStatus.COASTING);
                assertThat(s.existence()).isGreaterThanOrEqualTo(live.tracker().config().reportExistence());
                liveIds.add(s.id());
            }
            for (TrackState s : rec.deletions.subList(d, rec.deletions.size())) {
                assertThat(s.status()).isEqualTo(TrackStatus.DELETED);
                assertThat(liveIds).contains(s.id()); // was reported before
                deletions.merge(s.id(), 1, Integer::sum);
            }
            for (Track t : live.tracker().liveTracks()) {
                if (t.status() == TrackStatus.TENTATIVE) {
                    tentative.add(t.id());
                }
            }
            // Everything the tracker would report now has been announced and not deleted.
            for (TrackState s : live.tracker().reportableStates()) {
                assertThat(liveIds).contains(s.id());
                assertThat(deletions).doesNotContainKey(s.id());
            }
        }
        // 80 s after the last input every track has timed out: each announced track was deleted once.
        assertThat(live.tracker().liveTracks()).isEmpty();
        assertThat(deletions.keySet()).isEqualTo(liveIds);
        assertThat(deletions.values()).containsOnly(1);
        assertThat(liveIds.size()).isGreaterThanOrEqualTo(10);
        // Clutter made tentative tracks that were never announced, not even at their deletion.
        tentative.removeAll(liveIds);
        assertThat(tentative).isNotEmpty();
    }

    @Test
    void eventFedTrackIsDeletedByAdvanceAloneAfterMaxCoastTime() {
        Recorder rec = new Recorder();
        LiveTracker live = new LiveTracker(tracker(), rec);
        for (int k = 0; k < 20; k++) {
            double t = k * 0.5;
            live.offer(Detection.position(t, 2, 300 + 2 * t, 400, 3));
            live.advance(t);
        }
        assertThat(rec.updates).isNotEmpty();
        long id = rec.updates.get(0).id();
        double last = 9.5;
        for (double now = 10; now <= 60; now += 1) {
            live.advance(now);
            if (now - 0.5 - last <= 30) {
                assertThat(rec.deletions).isEmpty();
            }
        }
        assertThat(rec.deletions).hasSize(1);
        TrackState d = rec.deletions.get(0);
        assertThat(d.id()).isEqualTo(id);
        assertThat(d.status()).isEqualTo(TrackStatus.DELETED);
        assertThat(d.lastUpdate()).isEqualTo(last);
        assertThat(d.t() - last).isGreaterThan(30).isLessThanOrEqualTo(31);
        // Event silence never made it coast.
        assertThat(rec.updates).allSatisfy(s -> assertThat(s.status()).isEqualTo(TrackStatus.CONFIRMED));
    }
}
