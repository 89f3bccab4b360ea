package org.skydas.track;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.skydas.track.assign.ClusteredAssignment;
import org.skydas.track.assign.GatedPairs;
import org.skydas.track.assign.JointAssociation;
import org.skydas.track.classify.ClassFusion;
import org.skydas.track.filter.AltitudeFilter;
import org.skydas.track.filter.ConstantVelocityModel;
import org.skydas.track.filter.ImmFilter;
import org.skydas.track.filter.Kalman4;
import org.skydas.track.filter.MotionModel;
import org.skydas.track.gate.GridIndex;
import org.skydas.track.init.TwoPointInitiator;

/**
 * Multi-sensor multi-target tracker: global nearest neighbour with gating, M-of-N confirmation,
 * existence-based deletion. Not thread-safe; one instance per picture.
 *
 * <p>Input is a sequence of sensor scans in time order ({@link #processScan}); several sensors at
 * the same time are fused by sequential updates (each scan updates the tracks the previous one
 * left). Per scan: predict all tracks to the scan time, associate confirmed tracks first (so a
 * tentative track cannot steal a confirmed track's detection), then tentative tracks, then let
 * the remaining detections start or extend seeds ({@link TwoPointInitiator}).
 *
 * <p>Association cost is the negative log likelihood ratio of "track i produced detection j"
 * against "track i was missed and detection j is clutter":
 * {@code ½d² + ½ln|2πS| + ln(λ(1−Pd)/Pd)}; leaving a track unassigned costs 0. This weighs
 * a tight track and a loose one fairly (a plain Mahalanobis cost does not) and uses the sensor's
 * Pd and clutter density. Pairs outside the χ² gate are never considered.
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

    private static final double LN_2PI = Math.log(2 * Math.PI);
    /** Vertical white-noise acceleration (m²/s³) and initial climb-rate sd (m/s) for heights. */
    private static final double HEIGHT_Q = 0.5;
    private static final double CLIMB_SD = 5.0;
    private static final TargetClass[] CLASSES = TargetClass.values();

    private final TrackerConfig config;
    private final MotionModel motion;
    private final ClassFusion classFusion;
    private final TwoPointInitiator initiator;
    /** Null when tracks use the single motion model. */
    private final ImmFilter imm;
    private final Map<Integer, SensorModel> sensors = new HashMap<>();
    /** Sensors whose external ids each name one target for good ({@link #trustIds}). */
    private final java.util.Set<Integer> idSensors = new java.util.HashSet<>();
    private final RejectCounters rejects = new RejectCounters();
    private final ArrayList<Track> tracks = new ArrayList<>();
    /** Tracks removed by the last processScan/advanceTo call (status DELETED). */
    private final ArrayList<Track> deleted = new ArrayList<>();
    /** Tracks started, hit, re-weighted or changed in status by the last call (may repeat). */
    private final ArrayList<Track> touched = new ArrayList<>();
    private final GridIndex index = new GridIndex();
    private final GatedPairs pairs = new GatedPairs();
    private final ClusteredAssignment assignment = new ClusteredAssignment();
    private final JointAssociation jpda = new JointAssociation(20_000);
    private final double[] innovation = new double[2];
    private long nextId = 1;
    private double now = Double.NEGATIVE_INFINITY;
    private long scansProcessed;

    // Scan buffers (valid detections of the current scan), reused.
    private int n;
    private double[] zx = new double[0];
    private double[] zy = new double[0];
    private double[] rxx = new double[0];
    private double[] rxy = new double[0];
    private double[] ryy = new double[0];
    private boolean[] used = new boolean[0];
    private Detection[] source = new Detection[0];
    /** Per detection of the scan: its identity (sensor and external id) when its sensor's ids are trusted, else null. */
    private String[] identity = new String[0];
    private int[] colForRow = new int[0];
    private Track[] rowTrack = new Track[0];
    private int[] rowPairStart = new int[1];
    private double[] pdaX = new double[8];
    private double[] pdaY = new double[8];
    private double[] pdaBeta = new double[8];

    public Tracker(TrackerConfig config) {
        this(config, new ConstantVelocityModel(config.qPerClass()));
    }

    public Tracker(TrackerConfig config, MotionModel motion) {
        this.config = config;
        this.motion = motion;
        this.classFusion = new ClassFusion(config.classPrior(), config.speedMean(), config.speedSd());
        this.initiator = new TwoPointInitiator(config.maxSpeed(), config.seedMaxAge(), config.gate());
        this.imm = config.immQ().length >= 2 ? new ImmFilter(config.immQ(), config.immStay()) : null;
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
        predictAll(time, sensor);
        buildIndex(); // also when empty: a stale index would hand out the last scan's points
        associate(sensor, time, true);
        associate(sensor, time, false);
        initiator.process(time, zx, zy, rxx, rxy, ryy, identity, used, n, index,
                (state, cov, j) -> startTrack(state, cov, j, time));
        deleteTracks();
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
        predictAll(t, null);
        deleteTracks();
    }

    private void loadDetections(int sensorId, double t, List<Detection> detections) {
        int cap = detections.size();
        if (zx.length < cap) {
            int c = Math.max(cap, 2 * zx.length);
            zx = new double[c];
            zy = new double[c];
            rxx = new double[c];
            rxy = new double[c];
            ryy = new double[c];
            used = new boolean[c];
            source = new Detection[c];
            identity = new String[c];
        }
        n = 0;
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
            zx[n] = d.x();
            zy[n] = d.y();
            rxx[n] = d.varX();
            rxy[n] = d.covXY();
            ryy[n] = d.varY();
            used[n] = false;
            source[n] = d;
            identity[n] = d.externalId() != null && idSensors.contains(sensorId)
                    ? sensorId + ":" + d.externalId() : null;
            n++;
        }
    }

    /**
     * Predicts every track to {@code time}. When {@code scan} is a scanning sensor, each track it
     * covers enters a new slot of its M-of-N window once per scan time (several sensors at the same
     * time share the slot); event sources and {@link #advanceTo} open no slot (their silence is no
     * miss; an event hit opens its own slot in {@link #noteHit}).
     */
    private void predictAll(double time, SensorModel scan) {
        double lifetime = config.meanLifetime();
        for (Track tr : tracks) {
            double dt = time - tr.time;
            if (dt > 0) {
                if (tr.imm != null) {
                    imm.predict(tr.imm, dt, tr.x, tr.p);
                } else {
                    motion.predict(tr.x, tr.p, dt, tr.classProb);
                }
                tr.existence *= Math.exp(-dt / lifetime);
                if (tr.hasHeight) {
                    AltitudeFilter.predict(tr.z, tr.pz, dt, HEIGHT_Q);
                }
                tr.time = time;
            }
            if (scan != null && time > tr.windowTime && scan.missCounts(tr.x[0], tr.x[1])) {
                openWindowSlot(tr, time);
            }
        }
    }

    private void openWindowSlot(Track tr, double time) {
        tr.window = (tr.window << 1) & ((1 << config.confirmN()) - 1);
        tr.scans = Math.min(tr.scans + 1, 31);
        tr.windowTime = time;
        tr.hitThisScan = false;
    }

    private void buildIndex() {
        if (n == 0) {
            index.build(zx, zy, 0, 1.0);
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
        index.build(zx, zy, n, Math.max(1.0, Math.min(cell, 1e6)));
    }

    private void associate(SensorModel sensor, double time, boolean confirmedStage) {
        int rows = 0;
        if (rowTrack.length < tracks.size()) {
            rowTrack = new Track[Math.max(tracks.size(), 2 * rowTrack.length)];
            colForRow = new int[rowTrack.length];
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
        double maxR = 0;
        // Bounding box of the detections still free: a track whose gate square misses it cannot
        // gate any of them, so it skips the index query (an event message with one detection
        // then costs O(1) per far track instead of a grid query).
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            maxR = Math.max(maxR, Math.max(rxx[j], ryy[j]) + Math.abs(rxy[j]));
            if (!used[j]) {
                minX = Math.min(minX, zx[j]);
                maxX = Math.max(maxX, zx[j]);
                minY = Math.min(minY, zy[j]);
                maxY = Math.max(maxY, zy[j]);
            }
        }
        double logClutterMiss = Math.log(sensor.clutterDensity() * (1 - sensor.pd()) / sensor.pd());
        double gate = config.gate();
        if (n > 0) {
            for (int i = 0; i < rows; i++) {
                rowPairStart[i] = pairs.size();
                Track tr = rowTrack[i];
                double reach = Math.sqrt(gate * (Kalman4.maxInnovationVariance(tr.p, 0, 0, 0) + maxR));
                if (tr.x[0] + reach < minX || tr.x[0] - reach > maxX
                        || tr.x[1] + reach < minY || tr.x[1] - reach > maxY) {
                    continue; // d² < gate implies |dx|, |dy| < reach: nothing can gate
                }
                final int row = i;
                index.query(tr.x[0], tr.x[1], reach, j -> {
                    if (used[j] || (identity[j] != null && tr.identity != null && !tr.identity.equals(identity[j]))) {
                        return; // another target's id: never this track's, however near
                    }
                    Kalman4.innovation(tr.x, tr.p, zx[j], zy[j], rxx[j], rxy[j], ryy[j], innovation);
                    double d2 = innovation[0];
                    if (d2 < gate) {
                        double cost = 0.5 * d2 + 0.5 * innovation[1] + LN_2PI + logClutterMiss;
                        if (cost < 0) {
                            pairs.add(row, j, cost);
                        }
                    }
                });
            }
        }
        rowPairStart[rows] = pairs.size();
        if (n == 0) {
            java.util.Arrays.fill(rowPairStart, 0, rows + 1, 0);
        }
        if (confirmedStage && config.association() == TrackerConfig.Association.JPDA) {
            associateJpda(sensor, time, rows, logClutterMiss);
            return;
        }
        assignment.solve(pairs, rows, n, colForRow);
        double pd = sensor.pd();
        for (int i = 0; i < rows; i++) {
            Track tr = rowTrack[i];
            int j = colForRow[i];
            if (j >= 0) {
                used[j] = true;
                update(tr, j, sensor, time);
            } else if (sensor.missCounts(tr.x[0], tr.x[1])) {
                // Missed by this sensor: existence falls (Bayes with P(detect | exists) = pd).
                double r = tr.existence;
                tr.existence = r * (1 - pd) / (1 - r * pd);
                if (tr.status == TrackStatus.CONFIRMED && !tr.hitThisScan) {
                    tr.status = TrackStatus.COASTING;
                    touched.add(tr);
                }
            }
        }
    }

    /**
     * JPDA for confirmed tracks: each track is updated with all its gated detections weighted by
     * their joint association probabilities; existence follows the single-target IPDA recursion.
     * Every gated detection is taken as used (it does not start a new track).
     */
    private void associateJpda(SensorModel sensor, double time, int rows, double logClutterMiss) {
        jpda.solve(pairs, rows, n);
        double pd = sensor.pd();
        for (int i = 0; i < rows; i++) {
            Track tr = rowTrack[i];
            int from = rowPairStart[i];
            int to = rowPairStart[i + 1];
            int count = 0;
            int best = -1;
            double bestBeta = 0;
            double likelihoodSum = 0;
            for (int k = from; k < to; k++) {
                int j = pairs.col(k);
                used[j] = true;
                // exp(-cost) = pd g / (λ (1 - pd)): the IPDA sum needs pd g / λ.
                likelihoodSum += Math.exp(-pairs.cost(k)) * (1 - pd);
                double b = jpda.beta(k);
                if (b > 1e-9) {
                    if (count == pdaX.length) {
                        pdaX = java.util.Arrays.copyOf(pdaX, 2 * count);
                        pdaY = java.util.Arrays.copyOf(pdaY, 2 * count);
                        pdaBeta = java.util.Arrays.copyOf(pdaBeta, 2 * count);
                    }
                    pdaX[count] = zx[j];
                    pdaY[count] = zy[j];
                    pdaBeta[count++] = b;
                    if (b > bestBeta) {
                        bestBeta = b;
                        best = j;
                    }
                }
            }
            boolean missCounts = sensor.missCounts(tr.x[0], tr.x[1]);
            if (to == from && !missCounts) {
                continue; // nothing gated and the sensor's silence says nothing about this track
            }
            double r = tr.existence;
            double lambda = 1 - pd + likelihoodSum;
            tr.existence = Math.min(0.999999, r * lambda / (1 - r + r * lambda));
            if (to > from) {
                touched.add(tr); // existence may have risen without a hit (IPDA)
            }
            double beta0 = jpda.missProbability(i);
            if (count == 0) {
                if (missCounts && tr.status == TrackStatus.CONFIRMED && !tr.hitThisScan) {
                    tr.status = TrackStatus.COASTING;
                    touched.add(tr);
                }
                continue;
            }
            if (tr.imm != null) {
                imm.updatePda(tr.imm, pdaX, pdaY, pdaBeta, count, beta0, rxx[best], rxy[best], ryy[best], tr.x, tr.p);
            } else {
                Kalman4.updatePda(tr.x, tr.p, pdaX, pdaY, pdaBeta, count, beta0, rxx[best], rxy[best], ryy[best]);
            }
            if (beta0 < 0.5) {
                noteHit(tr, best, sensor, time);
            } else if (missCounts && tr.status == TrackStatus.CONFIRMED && !tr.hitThisScan) {
                tr.status = TrackStatus.COASTING;
                touched.add(tr);
            }
        }
    }

    private void update(Track tr, int j, SensorModel sensor, double time) {
        Kalman4.innovation(tr.x, tr.p, zx[j], zy[j], rxx[j], rxy[j], ryy[j], innovation);
        // Existence: likelihood ratio of target-originated vs clutter for this detection.
        double g = Math.exp(-0.5 * innovation[0] - 0.5 * innovation[1] - LN_2PI);
        double lr = sensor.pd() * g / sensor.clutterDensity();
        double r = tr.existence;
        tr.existence = Math.min(0.999999, r * lr / (r * lr + (1 - r)));
        if (tr.imm != null) {
            imm.update(tr.imm, zx[j], zy[j], rxx[j], rxy[j], ryy[j], tr.x, tr.p);
        } else {
            Kalman4.updatePosition(tr.x, tr.p, zx[j], zy[j], rxx[j], rxy[j], ryy[j]);
        }
        noteHit(tr, j, sensor, time);
    }

    /** Book-keeping of a track that took detection j: class, ids, sensors, history, status. */
    private void noteHit(Track tr, int j, SensorModel sensor, double time) {
        Detection d = source[j];
        takeClassEvidence(tr, d);
        updateHeight(tr, d);
        if (d.externalId() != null) {
            tr.externalId = d.externalId();
        }
        if (identity[j] != null) {
            tr.identity = identity[j];
        }
        updateClass(tr);
        if (time > tr.windowTime) {
            // A hit at a time no scanning sensor opened a slot for (event source, or a track
            // outside the scanning sensor's coverage): the hit gets its own slot.
            openWindowSlot(tr, time);
        }
        tr.lastUpdate = time;
        tr.updates++;
        touched.add(tr);
        tr.hitThisScan = true;
        tr.window |= 1;
        tr.addSensor(sensor.sensorId());
        tr.history.add(time, tr.x[0], tr.x[1]);
        if (tr.status == TrackStatus.COASTING) {
            tr.status = TrackStatus.CONFIRMED;
        } else if (tr.status == TrackStatus.TENTATIVE && Integer.bitCount(tr.window) >= config.confirmM()) {
            tr.status = TrackStatus.CONFIRMED;
        }
    }

    /** A detection's class hint (evidence) and stated dimension (a constraint on the classes). */
    private static void takeClassEvidence(Track tr, Detection d) {
        if (d.classHint() != null) {
            ClassFusion.addHint(tr.classLogHint, d.classHint(), d.classConfidence());
        }
        if (d.dimension() != null) {
            tr.excludedClasses |= d.dimension().excludedMask();
        }
    }

    private static void updateHeight(Track tr, Detection d) {
        if (!d.hasHeight()) {
            return;
        }
        if (tr.hasHeight) {
            AltitudeFilter.update(tr.z, tr.pz, d.z(), d.varZ());
        } else {
            AltitudeFilter.start(tr.z, tr.pz, d.z(), d.varZ(), CLIMB_SD);
            tr.hasHeight = true;
        }
    }

    private void updateClass(Track tr) {
        double vx = tr.x[2];
        double vy = tr.x[3];
        double speed = Math.sqrt(vx * vx + vy * vy);
        double speedVar = 0.5 * (tr.p[10] + tr.p[15]);
        classFusion.probabilities(tr.classLogHint, tr.excludedClasses, speed, speedVar, tr.classProb);
    }

    private static TargetClass mostLikelyClass(Track tr) {
        int best = 0;
        for (int c = 1; c < tr.classProb.length; c++) {
            if (tr.classProb[c] > tr.classProb[best]) {
                best = c;
            }
        }
        return CLASSES[best];
    }

    private void startTrack(double[] state, double[] cov, int j, double time) {
        Track tr = new Track(nextId++, config.historyCapacity());
        System.arraycopy(state, 0, tr.x, 0, 4);
        System.arraycopy(cov, 0, tr.p, 0, 16);
        if (imm != null) {
            tr.imm = imm.start(tr.x, tr.p);
        }
        tr.time = time;
        tr.lastUpdate = time;
        tr.windowTime = time;
        tr.window = 0b11;
        tr.scans = 2;
        tr.hitThisScan = true;
        tr.existence = config.initialExistence();
        Detection d = source[j];
        takeClassEvidence(tr, d);
        tr.externalId = d.externalId();
        tr.identity = identity[j];
        updateHeight(tr, d);
        updateClass(tr);
        tr.addSensor(d.sensorId());
        tr.history.add(time, state[0], state[1]);
        if (config.confirmM() <= 2) {
            tr.status = TrackStatus.CONFIRMED;
        }
        tracks.add(tr);
        touched.add(tr);
    }

    private void deleteTracks() {
        int m = config.confirmN();
        int allowedMisses = m - config.confirmM();
        double maxVar = config.maxPositionSd() * config.maxPositionSd();
        double minCoast = Double.POSITIVE_INFINITY;
        for (double c : config.maxCoastTime()) {
            minCoast = Math.min(minCoast, c);
        }
        final double shortestCoast = minCoast;
        TrackerConfig.Region region = config.region();
        tracks.removeIf(tr -> {
            boolean delete;
            if (tr.status == TrackStatus.TENTATIVE) {
                // Misses among the completed scans of the window (the current scan may still be hit
                // by another sensor at the same time, so it counts only once it is a hit).
                int completed = Math.min(tr.scans, m);
                int hits = Integer.bitCount(tr.window);
                int misses = completed - hits - (tr.hitThisScan ? 0 : 1);
                delete = misses > allowedMisses;
            } else {
                delete = tr.existence < config.deleteExistence();
            }
            delete |= Math.max(tr.p[0], tr.p[5]) > maxVar;
            delete |= region != null && !region.contains(tr.x[0], tr.x[1]);
            // Nobody reported it for too long (event-fed tracks get no misses to kill them).
            double silent = now - tr.lastUpdate;
            delete |= silent > shortestCoast && silent > config.maxCoastTime(mostLikelyClass(tr));
            if (delete) {
                tr.status = TrackStatus.DELETED;
                deleted.add(tr);
            }
            return delete;
        });
    }
}
