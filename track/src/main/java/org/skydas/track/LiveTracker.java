package org.skydas.track;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Feeds a {@link Tracker} from live sources that deliver detections one at a time, slightly out of
 * order, and tells a {@link Listener} what changed. Pure: no threads, no I/O, no clock; the caller
 * serialises all calls (one thread) and supplies the data time in {@link #advance}.
 *
 * <p>{@link #offer} puts a detection into a reorder buffer. {@link #advance advance(now)} releases
 * every buffered detection with {@code t <= now − window} in time order, groups those of the same
 * sensor and the same time into one scan ({@link Tracker#processScan}), then moves the tracker's
 * clock to {@code now − window} ({@link Tracker#advanceTo}) so tracks nobody reports any more age
 * and are deleted. The window trades latency for order: a detection that arrives later than the
 * window after its own time finds the tracker already past it and is counted as
 * {@link RejectReason#LATE} and dropped.
 *
 * <p>Release order inside one time and sensor is by position, not arrival, so the same set of
 * detections gives the same tracks (and track ids) whatever order they arrived in within the
 * window.
 *
 * <p>The buffer is bounded: when it is full the oldest buffered entry is shed and counted as
 * {@link RejectReason#SHED} (shedding old data keeps the picture current under overload). Bad
 * entries (null, non-finite time) are counted as {@link RejectReason#NON_FINITE}; everything else
 * the tracker itself rejects is counted in {@link Tracker#rejects()}. Nothing here throws on bad
 * input.
 */
public final class LiveTracker {

    /** Receives the tracker's output. Called from inside {@link #advance} and {@link #flush}. */
    public interface Listener {
        /**
         * A reportable (confirmed or coasting, existence at least the report threshold) track took a
         * detection, changed status, or became reportable.
         */
        void onTrackUpdated(TrackState state);

        /**
         * A track that was reported through {@link #onTrackUpdated} was deleted; called exactly once
         * per such track, with its last estimate and status {@link TrackStatus#DELETED}. Tracks that
         * were never reportable (tentative ones, clutter) are not announced.
         */
        void onTrackDeleted(TrackState lastState);
    }

    /** Default reorder window, s of data time. */
    public static final double DEFAULT_WINDOW = 0.5;
    /** Default bound on buffered detections. */
    public static final int DEFAULT_CAPACITY = 100_000;

    /** A buffered detection, or (detection null) the note that a sensor completed a scan at t. */
    private record Pending(double t, int sensorId, Detection detection, long seq) {
    }

    /**
     * Time, sensor, scan notes first, then position and arrival: arrival order only decides
     * between detections equal in time, sensor and position.
     */
    private static final Comparator<Pending> ORDER = Comparator.comparingDouble(Pending::t)
            .thenComparingInt(Pending::sensorId)
            .thenComparing((Pending p) -> p.detection() != null)
            .thenComparingDouble(p -> p.detection() == null ? 0 : p.detection().x())
            .thenComparingDouble(p -> p.detection() == null ? 0 : p.detection().y())
            .thenComparingLong(Pending::seq);

    /** What the listener last heard about a track. */
    private static final class Reported {
        long updates;
        TrackStatus status;
    }

    private final Tracker tracker;
    private final Listener listener;
    private final double window;
    private final int capacity;
    private final PriorityQueue<Pending> buffer = new PriorityQueue<>(ORDER);
    private final RejectCounters rejects = new RejectCounters();
    private final Map<Long, Reported> reported = new HashMap<>();
    private final List<Detection> scan = new ArrayList<>();
    private long seq;
    private long released;

    /** With the default window (0.5 s) and capacity (100 000). */
    public LiveTracker(Tracker tracker, Listener listener) {
        this(tracker, DEFAULT_WINDOW, DEFAULT_CAPACITY, listener);
    }

    /**
     * @param tracker  the engine, with its sensors registered; this facade owns it from now on
     * @param window   reorder window, s of data time, &gt;= 0
     * @param capacity most detections buffered at once, &gt;= 1
     * @param listener receives updated and deleted tracks
     */
    public LiveTracker(Tracker tracker, double window, int capacity, Listener listener) {
        if (!(window >= 0) || Double.isInfinite(window)) {
            throw new IllegalArgumentException("window must be finite and >= 0: " + window);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        this.tracker = java.util.Objects.requireNonNull(tracker, "tracker");
        this.listener = java.util.Objects.requireNonNull(listener, "listener");
        this.window = window;
        this.capacity = capacity;
    }

    public Tracker tracker() {
        return tracker;
    }

    public double window() {
        return window;
    }

    public int capacity() {
        return capacity;
    }

    /** Entries waiting in the reorder buffer. */
    public int buffered() {
        return buffer.size();
    }

    /** Entries handed to the tracker so far (detections and scan notes). */
    public long released() {
        return released;
    }

    /**
     * What this facade dropped before the tracker saw it ({@link RejectReason#LATE},
     * {@link RejectReason#SHED}, {@link RejectReason#NON_FINITE}); the tracker's own rejects are in
     * {@code tracker().rejects()}.
     */
    public RejectCounters rejects() {
        return rejects;
    }

    /** Buffers one detection (null or non-finite time: counted, dropped). */
    public void offer(Detection d) {
        if (d == null || !Double.isFinite(d.t())) {
            rejects.add(RejectReason.NON_FINITE, 1);
            return;
        }
        enqueue(new Pending(d.t(), d.sensorId(), d, seq++));
    }

    /**
     * Notes that scanning sensor {@code sensorId} completed a scan at {@code t}: the scan is processed
     * even if it brought no detection, so tracks in its coverage are missed. Event sources need no
     * such note.
     */
    public void offerScan(int sensorId, double t) {
        if (!Double.isFinite(t)) {
            rejects.add(RejectReason.NON_FINITE, 1);
            return;
        }
        enqueue(new Pending(t, sensorId, null, seq++));
    }

    private void enqueue(Pending p) {
        if (p.t() < tracker.time() - tracker.config().timeTolerance()) {
            rejects.add(RejectReason.LATE, 1);
            return;
        }
        if (buffer.size() >= capacity) {
            rejects.add(RejectReason.SHED, 1);
            if (ORDER.compare(p, buffer.peek()) < 0) {
                return; // the newcomer is the oldest entry: it is the one shed
            }
            buffer.poll();
        }
        buffer.add(p);
    }

    /**
     * Data time is now {@code now}: processes everything buffered up to {@code now − window} in
     * time order, then ages the tracks to {@code now − window} (deleting stale ones). Non-finite
     * times and times earlier than an earlier call change nothing.
     */
    public void advance(double now) {
        if (!Double.isFinite(now)) {
            return;
        }
        releaseThrough(now - window);
    }

    /**
     * Processes everything buffered up to {@code horizon} in time order and ages the tracks to it, for a caller
     * that knows better than a fixed window when no older data can come (e.g. every source has reported past
     * {@code horizon}, each in time order). Non-finite horizons and horizons earlier than an earlier call
     * change nothing.
     */
    public void releaseThrough(double horizon) {
        if (!Double.isFinite(horizon)) {
            return;
        }
        releaseUpTo(horizon);
        tracker.advanceTo(horizon);
        publish();
    }

    /** Processes everything still buffered (end of a recording, shutdown); does not age tracks. */
    public void flush() {
        releaseUpTo(Double.POSITIVE_INFINITY);
    }

    private void releaseUpTo(double horizon) {
        while (!buffer.isEmpty() && buffer.peek().t() <= horizon) {
            Pending first = buffer.poll();
            scan.clear();
            add(first);
            while (!buffer.isEmpty() && buffer.peek().t() == first.t() && buffer.peek().sensorId() == first.sensorId()) {
                add(buffer.poll());
            }
            tracker.processScan(first.sensorId(), first.t(), scan);
            publish();
        }
        scan.clear();
    }

    private void add(Pending p) {
        released++;
        if (p.detection() != null) {
            scan.add(p.detection());
        }
    }

    /** Tells the listener about the last tracker call's deletions and its changed reportable tracks. */
    private void publish() {
        for (Track tr : tracker.lastDeleted()) {
            if (reported.remove(tr.id()) != null) {
                listener.onTrackDeleted(tr.snapshot());
            }
        }
        // Only tracks the call touched can have changed or become reportable (not all tracks:
        // an event message is one tiny scan, and scanning every track per message would dominate).
        for (Track tr : tracker.lastTouched()) {
            if (!tracker.isReportable(tr)) {
                continue;
            }
            Reported r = reported.get(tr.id());
            if (r == null) {
                r = new Reported();
                r.updates = -1;
                reported.put(tr.id(), r);
            }
            if (r.updates != tr.updates || r.status != tr.status) {
                r.updates = tr.updates;
                r.status = tr.status;
                listener.onTrackUpdated(tr.snapshot());
            }
        }
    }
}
