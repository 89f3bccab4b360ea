package org.skydas.watch.loop;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.skydas.alert.AlertBook;
import org.skydas.alert.BorderIndex;
import org.skydas.alert.Finding;
import org.skydas.alert.RuleEngine;
import org.skydas.alert.WatchSettings;
import org.skydas.model.Scenario;
import org.skydas.track.Detection;
import org.skydas.track.LiveTracker;
import org.skydas.track.SensorModel;
import org.skydas.track.TrackState;
import org.skydas.track.Tracker;
import org.skydas.track.TrackerConfig;
import org.skydas.watch.normalise.Normaliser;
import org.skydas.watch.port.AlertSink;
import org.skydas.watch.port.CoverageLookup;
import org.skydas.watch.port.NormalisedBatch;
import org.skydas.watch.port.PortException;
import org.skydas.watch.port.TrackHistory;
import org.skydas.watch.port.TrackPoint;

/**
 * Journalled detections → tracker (through a small reorder window) → rules → alerts. Drivable from any source of
 * journalled detections: the live pipeline calls it after each journal commit; a tracker node of a scaled-out WATCH
 * would call it for what it consumes from the journal topic. Per batch: {@link #signOfLife} for each source heard,
 * {@link #detection} for each detection, then {@link #endBatch}. One thread owns it (listeners of track changes are
 * called on it); {@link #tracks()}, {@link #tracksSeen()} and the counters may be read from any thread.
 *
 * <p>Time is data time (the messages' own time stamps); when no data arrives it advances with the wall clock, so that
 * silent tracks age out and silent sensors are noticed. A report is released to the tracker as soon as no active
 * source can still send an older one (per-source watermarks), at the latest after the reorder window.
 */
public final class WatchLoop {

    /** Track history is kept every this many seconds per track. */
    static final double HISTORY_STEP_S = 5.0;
    /** How often unacknowledged alerts are checked for escalation, ms of wall time. */
    static final long ESCALATE_EVERY_MS = 5_000;

    private final AlertSink alerts;
    private final TrackHistory history;
    private final RuleEngine rules;
    private final BorderIndex border;
    private final LiveTracker tracker;
    /** New alerts left unacknowledged this long escalate one severity step (from the scenario's watch settings). */
    private final double escalateAfterS;
    private final Map<Long, TrackState> current = new ConcurrentHashMap<>();
    private final Map<Long, Double> lastHistory = new HashMap<>();
    private final List<TrackPoint> pendingHistory = new ArrayList<>();
    private final List<TrackState> pendingEnds = new ArrayList<>();
    private final List<TrackState> pendingUpdates = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<Long> findingReceivedAt = new ArrayList<>();
    private volatile CoverageLookup coverage = CoverageLookup.UNKNOWN;
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong tracksSeen = new AtomicLong();
    /** Detection→alert latency (ms): from the triggering detection's receipt to the alert committed. */
    private final LatencyReservoir alertLatency = new LatencyReservoir(100_000);
    private final ReceiveTimes receivedAt = new ReceiveTimes(50_000);
    private final SourceWatermarks watermarks;
    private final List<Consumer<TrackState>> onUpdated = new CopyOnWriteArrayList<>();
    private final List<Consumer<TrackState>> onDeleted = new CopyOnWriteArrayList<>();
    private double dataTime = Double.NEGATIVE_INFINITY;
    private long lastDataWallMillis = System.currentTimeMillis();
    private long lastEscalationMillis;

    /** Over {@code scenario}'s border model and watch settings, with a reorder window of {@code windowS} seconds. */
    public WatchLoop(Scenario scenario, double windowS, AlertSink alerts, TrackHistory history) {
        this(scenario, new BorderIndex(scenario), windowS, alerts, history);
    }

    /**
     * As above with the scenario's border index given: several loops over one scenario (a tracker node's loop per
     * sector partition) share one, which is immutable (its prepared geometries index themselves on first use: the
     * loops that share it must run one at a time, as a tracker node's do under its lock).
     */
    public WatchLoop(Scenario scenario, BorderIndex border, double windowS, AlertSink alerts, TrackHistory history) {
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.history = Objects.requireNonNull(history, "history");
        this.watermarks = new SourceWatermarks(windowS);
        WatchSettings settings = WatchSettings.fromMetadata(scenario.metadata());
        this.border = Objects.requireNonNull(border, "border");
        this.rules = new RuleEngine(border, settings.rules());
        this.escalateAfterS = settings.escalateAfterS();
        // Live feeds report every few seconds, not every scan of a benchmark radar: a first report
        // waits up to 30 s for its second before it is forgotten.
        Tracker t = new Tracker(TrackerConfig.defaults().withSeedMaxAge(30));
        t.trustIds(Normaliser.COT_SENSOR); // a CoT uid is one reporting device: two people side by side stay two tracks
        this.tracker = new LiveTracker(t, windowS, LiveTracker.DEFAULT_CAPACITY, new LiveTracker.Listener() {
            @Override
            public void onTrackUpdated(TrackState s) {
                pendingUpdates.add(s);
            }

            @Override
            public void onTrackDeleted(TrackState last) {
                pendingEnds.add(last);
            }
        });
    }

    /** A tracker sensor, before its first detection (the normaliser registers each source as it is first heard). */
    public void registerSensor(SensorModel model) {
        tracker.tracker().registerSensor(model);
    }

    /** Tells alerts whether they arose in covered ground or in a gap. */
    public void coverage(CoverageLookup lookup) {
        this.coverage = Objects.requireNonNull(lookup);
    }

    /** {@code source} was heard at {@code receivedS} (epoch s): its silence raises sensor_down. */
    public void signOfLife(String source, double receivedS) {
        rules.onSensorData(source, receivedS);
    }

    /** A journalled detection that came in the time-ordered stream {@code source}, received at {@code receivedAtMillis}. */
    public void detection(Detection d, String source, long receivedAtMillis) {
        receivedAt.note(d, receivedAtMillis);
        watermarks.note(source, d.t());
        tracker.offer(d);
        dataTime = Math.max(dataTime, d.t());
    }

    /**
     * A finding a sensor reported itself (a SAPIENT node's alert), journalled with its message: raised with this batch's
     * findings, placed in the nearest border sector when it has a place, and marked covered or gap.
     */
    public void sensorFinding(Finding f, long receivedAtMillis) {
        Finding placed = f;
        if (f.sectorId() == null && Double.isFinite(f.x()) && Double.isFinite(f.y())) {
            BorderIndex.Nearest near = border.nearest(f.x(), f.y());
            if (near != null) {
                placed = new Finding(f.rule(), f.severity(), f.subject(), f.time(), f.x(), f.y(), near.sector().id(),
                        f.zoneId(), f.message(), f.coverage());
            }
        }
        if (placed.coverage() == null && Double.isFinite(placed.x()) && Double.isFinite(placed.y())) {
            placed = placed.withCoverage(coverage.at(placed.x(), placed.y(), org.skydas.model.TargetKind.UNKNOWN));
        }
        findings.add(placed);
        findingReceivedAt.add(receivedAtMillis);
    }

    /** The signs of life of a normalised batch's messages ({@link #signOfLife} for each). */
    public void signsOfLife(NormalisedBatch b) {
        for (int m = 0; m < b.messages(); m++) {
            String alive = b.signOfLifeAt(m);
            if (alive != null) {
                signOfLife(alive, b.signOfLifeTimeAt(m));
            }
        }
    }

    /** A whole normalised batch after its journal commit, then {@link #endBatch}. */
    public void apply(NormalisedBatch b, long wallMillis) throws PortException {
        signsOfLife(b);
        for (int i = 0; i < b.size(); i++) {
            detection(b.detectionAt(i), b.sourceAt(i), b.receivedAtMillisAt(i));
        }
        for (int k = 0; k < b.sensorFindings(); k++) {
            sensorFinding(b.sensorFindingAt(k), (long) (b.journal().get(b.sensorFindingMessageAt(k)).receivedAt() * 1000));
        }
        endBatch(b.messages(), b.size() > 0, wallMillis);
    }

    /**
     * Ends a batch of {@code messages} messages ({@code hadDetections}: any detection came with them): releases what
     * the reorder window may, runs the rules on changed tracks and the clock, raises the findings together, keeps the
     * track history and escalates unacknowledged alerts now and then. Also called with nothing new, so that time
     * passes with the wall clock.
     */
    public void endBatch(int messages, boolean hadDetections, long wallMillis) throws PortException {
        if (hadDetections) {
            lastDataWallMillis = wallMillis;
        }
        processed.addAndGet(messages);
        // Data time drives the tracker: a report is released once every active source has reported past
        // it, or at the latest once data a window newer has come (so no report is dropped as late behind
        // its own burst); between messages time still passes with the wall clock, so silent tracks age
        // out. Before the first message nothing ages.
        if (!Double.isInfinite(dataTime)) {
            double now = dataTime + (wallMillis - lastDataWallMillis) / 1000.0;
            tracker.releaseThrough(watermarks.horizon(dataTime, now));
        }
        publish(wallMillis / 1000.0);
        if (wallMillis - lastEscalationMillis > ESCALATE_EVERY_MS) {
            lastEscalationMillis = wallMillis;
            alerts.escalate(escalateAfterS);
        }
    }

    /** Hands tracker output to the rules and the ports; {@code wallNow} times sensor silence. */
    private void publish(double wallNow) throws PortException {
        for (TrackState s : pendingUpdates) {
            if (current.put(s.id(), s) == null) {
                tracksSeen.incrementAndGet();
            }
            onUpdated.forEach(l -> l.accept(s));
            List<Finding> found = rules.onTrack(s);
            if (!found.isEmpty()) {
                long at = receivedAt.of(s);
                for (Finding f : found) {
                    findings.add(f.withCoverage(coverage.at(f.x(), f.y(), s.mostLikelyClass())));
                    findingReceivedAt.add(at);
                }
            }
            Double last = lastHistory.get(s.id());
            if (last == null || s.t() - last >= HISTORY_STEP_S) {
                lastHistory.put(s.id(), s.t());
                pendingHistory.add(new TrackPoint(s.id(), s.t(), s.x(), s.y(), s.vx(), s.vy(),
                        s.mostLikelyClass().name().toLowerCase(java.util.Locale.ROOT)));
            }
        }
        pendingUpdates.clear();
        for (TrackState s : pendingEnds) {
            current.remove(s.id());
            onDeleted.forEach(l -> l.accept(s));
            lastHistory.remove(s.id());
            for (Finding f : rules.onTrackEnd(s)) {
                findings.add(f.withCoverage(coverage.at(f.x(), f.y(), s.mostLikelyClass())));
                findingReceivedAt.add(0L);
            }
        }
        pendingEnds.clear();
        for (Finding f : rules.onTime(wallNow)) {
            findings.add(f);
            findingReceivedAt.add(0L);
        }
        // One durable commit for the batch's alerts: under a burst, alerts must not queue behind each other's writes.
        if (!findings.isEmpty()) {
            List<AlertBook.Raised> raised = alerts.raise(findings, findingReceivedAt);
            long committed = System.currentTimeMillis();
            for (int i = 0; i < raised.size(); i++) {
                long at = findingReceivedAt.get(i);
                if (raised.get(i).isNew() && at > 0) {
                    alertLatency.add(committed - at);
                }
            }
            findings.clear();
            findingReceivedAt.clear();
        }
        history.append(pendingHistory);
        pendingHistory.clear();
    }

    /** Reports held in the reorder window (the driver looks again soon while there are some). */
    public int buffered() {
        return tracker.buffered();
    }

    /** Adds a subscriber to track changes (called on the loop's thread: must not block). */
    public void onTrackChange(Consumer<TrackState> updated, Consumer<TrackState> deleted) {
        onUpdated.add(updated);
        onDeleted.add(deleted);
    }

    /** How many tracks have been reported (confirmed) since the start. */
    public long tracksSeen() {
        return tracksSeen.get();
    }

    public Collection<TrackState> tracks() {
        return current.values();
    }

    /** Messages processed (journalled and handed to the tracker). */
    public long processed() {
        return processed.get();
    }

    /** The loop's counters for the pipeline's stats: tracker rejects, tracks, detection→alert latency. */
    public void stats(Map<String, Object> into) {
        into.put("tracker_rejects", tracker.rejects().asMap());
        into.put("tracks", current.size());
        into.put("detection_to_alert_ms", alertLatency.summary());
    }
}
