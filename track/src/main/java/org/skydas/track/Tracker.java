package org.skydas.track;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.skydas.track.assign.Associator;
import org.skydas.track.assign.GatedPairs;
import org.skydas.track.assign.Hypotheses;
import org.skydas.track.filter.ConstantVelocityModel;
import org.skydas.track.filter.Kalman4;
import org.skydas.track.filter.MotionModel;
import org.skydas.track.init.Initiator;

/**
 * Multi-sensor multi-target tracker built from components ({@link TrackerComponents}, see
 * docs/adr/0017-tracker-and-rules-from-components.md): a {@link Gater}, an
 * {@link Associator} per stage (GNN, or JPDA for confirmed tracks), an
 * {@link Initiator} and a {@link Deleter}; M-of-N confirmation, existence-based
 * deletion. Not thread-safe; one instance per picture.
 *
 * <p>Input is a sequence of sensor scans in time order ({@link #processScan}); several sensors at
 * the same time are fused by sequential updates (each scan updates the tracks the previous one
 * left). Per scan: predict all tracks to the scan time; gate, associate and update confirmed tracks
 * first (so a tentative track cannot steal a confirmed track's detection), then tentative tracks;
 * let the remaining detections start tracks; delete. Components decide and never write a track:
 * the gater returns pairs, the associator hypotheses, the initiator initial states, the deleter
 * verdicts, and {@code TrackUpdater} alone applies them.
 *
 * <p>The default gate ({@link ChiSquareGater}) costs a pair by the negative log likelihood ratio of
 * "track i produced detection j" against "track i was missed and detection j is clutter"; leaving a
 * track unassigned costs 0. This weighs a tight track and a loose one fairly and uses the sensor's
 * Pd and clutter density.
 *
 * <p>Live feeds ({@link LiveTracker}): an {@link SensorModel.ReportingMode#EVENT EVENT} source's
 * scans only update and start tracks (its silence is no miss), and a scanning sensor with a
 * {@link SensorModel#coverage() coverage} misses only the tracks predicted inside it. Tracks
 * without a detection for longer than {@link TrackerConfig#maxCoastTime()} are deleted, also by
 * {@link #advanceTo}, which moves the clock without detections.
 *
 * <p>Bad input (non-finite values, non-positive-definite covariance, time going backwards beyond
 * the tolerance, unregistered sensor) is counted per reason in {@link #rejects()} and skipped;
 * no exception leaves {@link #processScan}.
 */
public final class Tracker {

    private final TrackerConfig config;
    private final Gater gater;
    private final Associator confirmedAssociator;
    private final Associator tentativeAssociator;
    private final Initiator initiator;
    private final Deleter deleter;
    private final TrackUpdater updater;
    private final Map<Integer, SensorModel> sensors = new HashMap<>();
    /** Sensors whose external ids each name one target for good ({@link #trustIds}). */
    private final Set<Integer> idSensors = new HashSet<>();
    private final RejectCounters rejects = new RejectCounters();
    private final ArrayList<Track> tracks = new ArrayList<>();
    /** Tracks removed by the last processScan/advanceTo call (status DELETED). */
    private final ArrayList<Track> deleted = new ArrayList<>();
    /** Tracks started, hit, re-weighted or changed in status by the last call (may repeat). */
    private final ArrayList<Track> touched = new ArrayList<>();
    /** The valid detections of the current scan, reused. */
    private final Scan scan = new Scan();
    private final GatedPairs pairs = new GatedPairs();
    private long nextId = 1;
    private double now = Double.NEGATIVE_INFINITY;
    private long scansProcessed;

    // Stage buffers (the tracks of one stage and where their pairs start), reused.
    private Track[] rowTrack = new Track[0];
    private int[] rowPairStart = new int[1];

    public Tracker(TrackerConfig config) {
        this(config, new ConstantVelocityModel(config.qPerClass()));
    }

    public Tracker(TrackerConfig config, MotionModel motion) {
        this(config, motion, TrackerComponents.of(config));
    }

    /** With the default motion model and the given components. */
    public Tracker(TrackerConfig config, TrackerComponents components) {
        this(config, new ConstantVelocityModel(config.qPerClass()), components);
    }

    /**
     * @param config     the parameters (prediction, update, confirmation and reporting read them)
     * @param motion     motion model of single-model tracks (ignored when the config asks for an IMM)
     * @param components gater, associators, initiator and deleter; this tracker owns them from now on
     */
    public Tracker(TrackerConfig config, MotionModel motion, TrackerComponents components) {
        this.config = config;
        this.gater = components.gater();
        this.confirmedAssociator = components.confirmed();
        this.tentativeAssociator = components.tentative();
        this.initiator = components.initiator();
        this.deleter = components.deleter();
        this.updater = new TrackUpdater(config, motion, scan, touched);
    }

    /** Makes a sensor known; detections of unregistered sensors are rejected. */
    public void registerSensor(SensorModel sensor) {
        sensors.put(sensor.sensorId(), sensor);
    }

    /**
     * Declares that the external ids of {@code sensorId}'s detections each name one target for good (Cursor-on-Target
     * uids: every TAK device reports its own position under its own uid). Its detection with an id then never
     * updates a track that has taken another id from that sensor, and never starts a track together with a
     * detection of another id: two people reporting a few metres apart stay two tracks, whatever the geometry.
     * Detections without an id, and other sensors' detections, associate by position alone.
     */
    public void trustIds(int sensorId) {
        idSensors.add(sensorId);
    }

    public TrackerConfig config() {
        return config;
    }

    /** Time of the last processed scan, s (−∞ before the first). */
    public double time() {
        return now;
    }

    public RejectCounters rejects() {
        return rejects;
    }

    public long scansProcessed() {
        return scansProcessed;
    }

    /** All live tracks (tentative, confirmed, coasting), unmodifiable view; do not keep across scans. */
    public List<Track> liveTracks() {
        return Collections.unmodifiableList(tracks);
    }

    /**
     * Tracks the most recent {@link #processScan} or {@link #advanceTo} call removed, with status
     * {@link TrackStatus#DELETED} and their last estimate; unmodifiable view, valid until the next
     * call. Lets a live consumer announce each deletion once.
     */
    public List<Track> lastDeleted() {
        return Collections.unmodifiableList(deleted);
    }

    /**
     * Tracks the most recent {@link #processScan} or {@link #advanceTo} call started, updated with a
     * detection, or changed in status (may list a track twice; may include tracks it then deleted);
     * unmodifiable view, valid until the next call. Every track that became reportable in the call
     * is listed, so a live consumer need not scan all tracks.
     */
    public List<Track> lastTouched() {
        return Collections.unmodifiableList(touched);
    }

    /** Number of unassociated detections waiting for a second one. */
    public int seedCount() {
        return initiator.seedCount();
    }

    /** Tracks worth reporting: confirmed or coasting with existence at least the report threshold. */
    public List<Track> reportable() {
        List<Track> out = new ArrayList<>();
        for (Track t : tracks) {
            if (isReportable(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** Snapshots of {@link #reportable()}. */
    public List<TrackState> reportableStates() {
        List<Track> r = reportable();
        List<TrackState> out = new ArrayList<>(r.size());
        for (Track t : r) {
            out.add(t.snapshot());
        }
        return out;
    }

    public boolean isReportable(Track t) {
        return (t.status == TrackStatus.CONFIRMED || t.status == TrackStatus.COASTING)
                && t.existence >= config.reportExistence();
    }

    /**
     * Processes one scan of one sensor: every detection the sensor reported at time {@code t}. An
     * empty list is meaningful (the sensor looked and saw nothing: tracks are missed).
     */
    public void processScan(int sensorId, double t, List<Detection> detections) {
        deleted.clear();
        touched.clear();
        if (detections == null) {
            detections = List.of();
        }
        SensorModel sensor = sensors.get(sensorId);
        if (sensor == null) {
            rejects.add(RejectReason.UNKNOWN_SENSOR, Math.max(1, detections.size()));
            return;
        }
        if (!Double.isFinite(t)) {
            rejects.add(RejectReason.NON_FINITE, Math.max(1, detections.size()));
            return;
        }
        if (t < now - config.timeTolerance()) {
            rejects.add(RejectReason.TIME_BACKWARDS, Math.max(1, detections.size()));
            return;
        }
        // Slightly late scans (within tolerance) are processed at the current time.
        double time = Math.max(t, now);
        loadDetections(sensorId, t, detections);
        now = time;
        scansProcessed++;
        predict(time, sensor);
        indexScan(); // also when empty: a stale index would hand out the last scan's points
        stage(true, sensor, time); // gate -> associate -> update, confirmed and coasting tracks first
        stage(false, sensor, time); // then tentative ones, with what is left
        initiate(time);
        delete();
    }

    /**
     * Moves the tracker's clock to {@code t} without detections: predicts every track to {@code t}
     * (existence decays with the survival probability; no track is missed, nothing looked) and
     * deletes the stale ones, in particular tracks without a detection for longer than their
     * class's {@link TrackerConfig#maxCoastTime()}. A live feed calls this as its data time
     * advances, so a track that nobody reports any more disappears even when no scan touches it.
     * Times not after {@link #time()} (and non-finite times) change nothing.
     */
    public void advanceTo(double t) {
        deleted.clear();
        touched.clear();
        if (!(t > now) || Double.isInfinite(t)) {
            return;
        }
        now = t;
        predict(t, null);
        delete();
    }

    private void loadDetections(int sensorId, double t, List<Detection> detections) {
        Scan s = scan;
        s.ensureCapacity(detections.size());
        int n = 0;
        for (Detection d : detections) {
            if (d == null) {
                rejects.add(RejectReason.NON_FINITE, 1);
                continue;
            }
            RejectReason r = d.validate();
            if (r == null && d.sensorId() != sensorId) {
                r = RejectReason.WRONG_SENSOR;
            }
            if (r == null && Math.abs(d.t() - t) > config.timeTolerance()) {
                r = RejectReason.WRONG_SCAN_TIME;
            }
            if (r != null) {
                rejects.add(r, 1);
                continue;
            }
            s.zx[n] = d.x();
            s.zy[n] = d.y();
            s.rxx[n] = d.varX();
            s.rxy[n] = d.covXY();
            s.ryy[n] = d.varY();
            s.used[n] = false;
            s.source[n] = d;
            s.identity[n] = d.externalId() != null && idSensors.contains(sensorId)
                    ? sensorId + ":" + d.externalId() : null;
            n++;
        }
        s.n = n;
    }


    /**
     * Predict: every track to {@code time}. {@code scanSensor} is the scanning sensor whose scan this is (its
     * covered tracks enter a new M-of-N slot), or null for a clock advance.
     */
    private void predict(double time, SensorModel scanSensor) {
        for (Track tr : tracks) {
            updater.predict(tr, time, scanSensor);
        }
    }

    /** Indexes the scan's detections on a grid whose cell is about one typical gate radius. */
    private void indexScan() {
        double[] rxx = scan.rxx;
        double[] rxy = scan.rxy;
        double[] ryy = scan.ryy;
        int n = scan.n;
        if (n == 0) {
            scan.index.build(scan.zx, scan.zy, 0, 1.0);
            return;
        }
        // Cell size about one typical gate radius: detections of a gate fall in a few cells.
        double sum = 0;
        int count = 0;
        for (Track tr : tracks) {
            sum += Math.sqrt(config.gate() * Kalman4.maxInnovationVariance(tr.p, rxx[0], rxy[0], ryy[0]));
            count++;
        }
        double cell = count > 0 ? sum / count : 3 * Math.sqrt(config.gate() * Math.max(rxx[0], ryy[0]));
        scan.index.build(scan.zx, scan.zy, n, Math.max(1.0, Math.min(cell, 1e6)));
    }

    /** Gate, associate and update the tracks of one stage: confirmed and coasting ones, or tentative ones. */
    private void stage(boolean confirmedStage, SensorModel sensor, double time) {
        int rows = 0;
        if (rowTrack.length < tracks.size()) {
            rowTrack = new Track[Math.max(tracks.size(), 2 * rowTrack.length)];
            rowPairStart = new int[rowTrack.length + 1];
        }
        for (Track tr : tracks) {
            if ((tr.status != TrackStatus.TENTATIVE) == confirmedStage) {
                rowTrack[rows++] = tr;
            }
        }
        if (rows == 0) {
            return;
        }
        pairs.clear();
        gater.gate(scan, rowTrack, rows, sensor, pairs, rowPairStart);
        Hypotheses h = (confirmedStage ? confirmedAssociator : tentativeAssociator).associate(pairs, rows, scan.n);
        updater.apply(rowTrack, rows, pairs, rowPairStart, h, sensor, time);
    }

    /** Initiate: the detections still free start tracks (or wait, as seeds, for a second one). */
    private void initiate(double time) {
        Scan s = scan;
        initiator.process(time, s.zx, s.zy, s.rxx, s.rxy, s.ryy, s.identity, s.used, s.n, s.index,
                (state, cov, j) -> tracks.add(updater.start(nextId++, state, cov, j, time)));
    }

    /** Delete: the tracks the deleter ends leave the picture with status {@link TrackStatus#DELETED}. */
    private void delete() {
        double t = now;
        tracks.removeIf(tr -> {
            boolean end = deleter.delete(tr, t);
            if (end) {
                TrackUpdater.end(tr);
                deleted.add(tr);
            }
            return end;
        });
    }
}
