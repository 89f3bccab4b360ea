package org.skydas.track;

import java.util.ArrayList;
import java.util.Arrays;

import org.skydas.track.assign.GatedPairs;
import org.skydas.track.assign.Hypotheses;
import org.skydas.track.classify.ClassFusion;
import org.skydas.track.filter.AltitudeFilter;
import org.skydas.track.filter.ImmFilter;
import org.skydas.track.filter.Kalman4;
import org.skydas.track.filter.MotionModel;
import org.skydas.track.filter.RangeRateEkf;

/**
 * The one place that changes a track's state: prediction, the update from an association's outcome (a Kalman update
 * or a miss for a one-to-one outcome, a PDA update with the integrated-PDA existence for a weighted one; extended, with
 * the range rate, when the detection carries a {@link RangeRate}: {@link RangeRateEkf}), the
 * book-keeping of a hit (class, height, ids, sensors, history, M-of-N window, status) and the making of a new track
 * from an initiator's state. Components never write tracks: the gater, associator, initiator and deleter return
 * pairs, hypotheses, initial states and verdicts, and the {@link Tracker} hands them here. Every track it changes in a
 * way a live consumer must hear of goes to the {@code touched} list.
 */
final class TrackUpdater {

    private static final double LN_2PI = Math.log(2 * Math.PI);
    /** Vertical white-noise acceleration (m²/s³) and initial climb-rate sd (m/s) for heights. */
    private static final double HEIGHT_Q = 0.5;
    private static final double CLIMB_SD = 5.0;

    private final TrackerConfig config;
    private final MotionModel motion;
    private final ClassFusion classFusion;
    /** Null when tracks use the single motion model. */
    private final ImmFilter imm;
    private final Scan scan;
    private final ArrayList<Track> touched;
    private final double[] innovation = new double[2];
    private double[] pdaX = new double[8];
    private double[] pdaY = new double[8];
    private double[] pdaBeta = new double[8];
    private double[] pdaRate = new double[8];
    /** The position + range-rate measurement of a detection that carries a range rate. */
    private final RangeRateEkf rangeRate = new RangeRateEkf();

    TrackUpdater(TrackerConfig config, MotionModel motion, Scan scan, ArrayList<Track> touched) {
        this.config = config;
        this.motion = motion;
        this.classFusion = new ClassFusion(config.classPrior(), config.speedMean(), config.speedSd());
        this.imm = config.immQ().length >= 2 ? new ImmFilter(config.immQ(), config.immStay()) : null;
        this.scan = scan;
        this.touched = touched;
    }

    /**
     * Predicts {@code tr} to {@code time}. When {@code scanSensor} is a scanning sensor that covers it, the track
     * enters a new slot of its M-of-N window once per scan time (several sensors at the same time share the slot);
     * event sources and {@link Tracker#advanceTo} (null) open no slot (their silence is no miss; an event hit opens
     * its own slot in {@link #noteHit}).
     */
    void predict(Track tr, double time, SensorModel scanSensor) {
        double dt = time - tr.time;
        if (dt > 0) {
            if (tr.imm != null) {
                imm.predict(tr.imm, dt, tr.x, tr.p);
            } else {
                motion.predict(tr.x, tr.p, dt, tr.classProb);
            }
            tr.existence *= Math.exp(-dt / config.meanLifetime());
            if (tr.hasHeight) {
                AltitudeFilter.predict(tr.z, tr.pz, dt, HEIGHT_Q);
            }
            tr.time = time;
        }
        if (scanSensor != null && time > tr.windowTime && scanSensor.missCounts(tr.x[0], tr.x[1])) {
            openWindowSlot(tr, time);
        }
    }

    private void openWindowSlot(Track tr, double time) {
        tr.window = (tr.window << 1) & ((1 << config.confirmN()) - 1);
        tr.scans = Math.min(tr.scans + 1, 31);
        tr.windowTime = time;
        tr.hitThisScan = false;
    }

    /**
     * Updates the stage's tracks {@code rows[0..count)} from an association outcome over {@code pairs}
     * ({@code rowStart} as the {@link Gater} set it) and marks the detections taken as used.
     */
    void apply(Track[] rows, int count, GatedPairs pairs, int[] rowStart, Hypotheses h, SensorModel sensor,
               double time) {
        if (h.weighted()) {
            for (int i = 0; i < count; i++) {
                updateWeighted(rows[i], i, rowStart[i], rowStart[i + 1], pairs, h, sensor, time);
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            Track tr = rows[i];
            int j = h.column(i);
            if (j >= 0) {
                scan.used[j] = true;
                update(tr, j, sensor, time);
            } else if (sensor.missCounts(tr.x[0], tr.x[1])) {
                miss(tr, sensor);
            }
        }
    }

    /** Missed by a sensor that should have seen it: existence falls (Bayes with P(detect | exists) = pd). */
    private void miss(Track tr, SensorModel sensor) {
        double pd = sensor.pd();
        double r = tr.existence;
        tr.existence = r * (1 - pd) / (1 - r * pd);
        coastIfMissed(tr);
    }

    private void coastIfMissed(Track tr) {
        if (tr.status == TrackStatus.CONFIRMED && !tr.hitThisScan) {
            tr.status = TrackStatus.COASTING;
            touched.add(tr);
        }
    }

    /** One-to-one: Kalman update with detection j, existence by the detection's likelihood ratio. */
    private void update(Track tr, int j, SensorModel sensor, double time) {
        double[] zx = scan.zx;
        double[] zy = scan.zy;
        double[] rxx = scan.rxx;
        double[] rxy = scan.rxy;
        double[] ryy = scan.ryy;
        Kalman4.innovation(tr.x, tr.p, zx[j], zy[j], rxx[j], rxy[j], ryy[j], innovation);
        // Existence: likelihood ratio of target-originated vs clutter for this detection.
        double g = Math.exp(-0.5 * innovation[0] - 0.5 * innovation[1] - LN_2PI);
        double lr = sensor.pd() * g / sensor.clutterDensity();
        double r = tr.existence;
        tr.existence = Math.min(0.999999, r * lr / (r * lr + (1 - r)));
        if (!updateWithRangeRate(tr, j)) {
            if (tr.imm != null) {
                imm.update(tr.imm, zx[j], zy[j], rxx[j], rxy[j], ryy[j], tr.x, tr.p);
            } else {
                Kalman4.updatePosition(tr.x, tr.p, zx[j], zy[j], rxx[j], rxy[j], ryy[j]);
            }
        }
        noteHit(tr, j, sensor, time);
    }

    /**
     * The extended Kalman update with detection j's position and range rate ({@link RangeRateEkf}), when it carries
     * one and the geometry allows; false (nothing changed) otherwise. The sensor's height above the target is taken
     * from the detection's height, else the track's.
     */
    private boolean updateWithRangeRate(Track tr, int j) {
        return setRangeRate(tr, j) && (tr.imm != null ? imm.update(tr.imm, rangeRate, tr.x, tr.p)
                : rangeRate.update(tr.x, tr.p));
    }

    private boolean setRangeRate(Track tr, int j) {
        Detection d = scan.source[j];
        RangeRate rr = d.rangeRate();
        if (rr == null) {
            return false;
        }
        double targetZ = d.hasHeight() ? d.z() : tr.hasHeight ? tr.z[0] : Double.NaN;
        return rangeRate.set(scan.zx[j], scan.zy[j], scan.rxx[j], scan.rxy[j], scan.ryy[j], rr.rate(),
                rr.variance(), rr.sensorX(), rr.sensorY(), rr.heightAbove(targetZ), rr.ambiguity());
    }

    /**
     * Weighted (JPDA): the track is updated with all its gated detections weighted by their probabilities;
     * existence follows the single-target IPDA recursion. Every gated detection is taken as used (it does not start
     * a new track).
     */
    private void updateWeighted(Track tr, int row, int from, int to, GatedPairs pairs, Hypotheses h,
                                SensorModel sensor, double time) {
        double pd = sensor.pd();
        int count = 0;
        int best = -1;
        double bestBeta = 0;
        double likelihoodSum = 0;
        boolean allRates = true;
        for (int k = from; k < to; k++) {
            int j = pairs.col(k);
            scan.used[j] = true;
            // exp(-cost) = pd g / (λ (1 - pd)): the IPDA sum needs pd g / λ.
            likelihoodSum += Math.exp(-pairs.cost(k)) * (1 - pd);
            double b = h.weight(k);
            if (b > 1e-9) {
                if (count == pdaX.length) {
                    pdaX = Arrays.copyOf(pdaX, 2 * count);
                    pdaY = Arrays.copyOf(pdaY, 2 * count);
                    pdaBeta = Arrays.copyOf(pdaBeta, 2 * count);
                    pdaRate = Arrays.copyOf(pdaRate, 2 * count);
                }
                RangeRate rr = scan.source[j].rangeRate();
                if (rr == null) {
                    allRates = false;
                } else {
                    pdaRate[count] = rr.rate();
                }
                pdaX[count] = scan.zx[j];
                pdaY[count] = scan.zy[j];
                pdaBeta[count++] = b;
                if (b > bestBeta) {
                    bestBeta = b;
                    best = j;
                }
            }
        }
        boolean missCounts = sensor.missCounts(tr.x[0], tr.x[1]);
        if (to == from && !missCounts) {
            return; // nothing gated and the sensor's silence says nothing about this track
        }
        double r = tr.existence;
        double lambda = 1 - pd + likelihoodSum;
        tr.existence = Math.min(0.999999, r * lambda / (1 - r + r * lambda));
        if (to > from) {
            touched.add(tr); // existence may have risen without a hit (IPDA)
        }
        double beta0 = h.missProbability(row);
        if (count == 0) {
            if (missCounts) {
                coastIfMissed(tr);
            }
            return;
        }
        double[] rxx = scan.rxx;
        double[] rxy = scan.rxy;
        double[] ryy = scan.ryy;
        // With range rates on every weighted detection: the PDA update of position and rate, in the geometry of
        // the most probable detection (one sensor's scan); else the position alone.
        boolean withRates = allRates && setRangeRate(tr, best)
                && (tr.imm != null
                ? imm.updatePda(tr.imm, rangeRate, pdaX, pdaY, pdaRate, pdaBeta, count, beta0, tr.x, tr.p)
                : rangeRate.updatePda(tr.x, tr.p, pdaX, pdaY, pdaRate, pdaBeta, count, beta0));
        if (!withRates) {
            if (tr.imm != null) {
                imm.updatePda(tr.imm, pdaX, pdaY, pdaBeta, count, beta0, rxx[best], rxy[best], ryy[best], tr.x,
                        tr.p);
            } else {
                Kalman4.updatePda(tr.x, tr.p, pdaX, pdaY, pdaBeta, count, beta0, rxx[best], rxy[best], ryy[best]);
            }
        }
        if (beta0 < 0.5) {
            noteHit(tr, best, sensor, time);
        } else if (missCounts) {
            coastIfMissed(tr);
        }
    }

    /** Book-keeping of a track that took detection j: class, ids, sensors, history, status. */
    private void noteHit(Track tr, int j, SensorModel sensor, double time) {
        Detection d = scan.source[j];
        takeClassEvidence(tr, d);
        updateHeight(tr, d);
        if (d.externalId() != null) {
            tr.externalId = d.externalId();
        }
        if (scan.identity[j] != null) {
            tr.identity = scan.identity[j];
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

    /**
     * A new track {@code id} from an initiator's state and covariance, started by detection j at {@code time}:
     * two hits in a two-slot window, existence {@link TrackerConfig#initialExistence()}, confirmed at once when
     * M ≤ 2.
     */
    Track start(long id, double[] state, double[] cov, int j, double time) {
        Track tr = new Track(id, config.historyCapacity());
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
        Detection d = scan.source[j];
        takeClassEvidence(tr, d);
        tr.externalId = d.externalId();
        tr.identity = scan.identity[j];
        updateHeight(tr, d);
        updateClass(tr);
        tr.addSensor(d.sensorId());
        tr.history.add(time, state[0], state[1]);
        if (config.confirmM() <= 2) {
            tr.status = TrackStatus.CONFIRMED;
        }
        touched.add(tr);
        return tr;
    }

    /** Marks a track the deleter ended. */
    static void end(Track tr) {
        tr.status = TrackStatus.DELETED;
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
}
