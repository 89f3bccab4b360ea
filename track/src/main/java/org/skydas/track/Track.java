package org.skydas.track;

import java.util.Arrays;
import org.skydas.model.TargetKind;

/**
 * A track owned by the {@link Tracker} and changed only by its {@code TrackUpdater} (components read it and
 * return decisions: ADR 0017); outside code reads it through the getters or takes a {@link #snapshot()}. State
 * (x, y, vx, vy) and 4x4 covariance are plain arrays so the filter steps run without allocation.
 */
public final class Track {

    private static final TargetKind[] CLASSES = TargetKind.values();

    final long id;
    final double[] x = new double[4];
    final double[] p = new double[16];
    final double[] classProb = new double[TargetKind.COUNT];
    final double[] classLogHint = new double[TargetKind.COUNT];
    /** Classes ruled out by a dimension some report stated (bit per {@link TargetKind#ordinal()}). */
    int excludedClasses;
    final TrackHistory history;
    /** Height and climb rate, and their covariance {pzz, pzv, pvv}; valid when hasHeight. */
    final double[] z = new double[2];
    final double[] pz = new double[3];
    boolean hasHeight;
    TrackStatus status = TrackStatus.TENTATIVE;
    double time;
    double lastUpdate;
    double existence;
    /** Bit k set: hit at the k-th most recent scan time (bit 0 = current). */
    int window;
    /** Scan times seen since initiation (capped at 31). */
    int scans;
    double windowTime;
    boolean hitThisScan;
    /** Detections taken since initiation (lets a live consumer see that the track changed). */
    long updates;
    int[] sensors = new int[0];
    String externalId;
    /** Sensor and external id of the trusted-id sensor it follows ({@link Tracker#trustIds}), or null. */
    String identity;
    /** Per-model state when the tracker runs an IMM, else null. */
    org.skydas.track.filter.ImmFilter.State imm;

    Track(long id, int historyCapacity) {
        this.id = id;
        this.history = new TrackHistory(historyCapacity);
    }

    public long id() {
        return id;
    }

    public double time() {
        return time;
    }

    public double x() {
        return x[0];
    }

    public double y() {
        return x[1];
    }

    public double vx() {
        return x[2];
    }

    public double vy() {
        return x[3];
    }

    /** Height, m, or NaN when no detection gave one. */
    public double z() {
        return hasHeight ? z[0] : Double.NaN;
    }

    /** Climb rate, m/s, or NaN. */
    public double vz() {
        return hasHeight ? z[1] : Double.NaN;
    }

    public TrackStatus status() {
        return status;
    }

    public double existence() {
        return existence;
    }

    public double lastUpdate() {
        return lastUpdate;
    }

    /** IMM model probabilities, or an empty array without IMM. */
    public double[] modelProbabilities() {
        if (imm == null) {
            return new double[0];
        }
        double[] out = new double[imm.mu().length];
        for (int m = 0; m < out.length; m++) {
            out[m] = imm.modelProbability(m);
        }
        return out;
    }

    public TrackHistory history() {
        return history;
    }

    /** The most probable class now. */
    public TargetKind mostLikelyClass() {
        int best = 0;
        for (int c = 1; c < classProb.length; c++) {
            if (classProb[c] > classProb[best]) {
                best = c;
            }
        }
        return CLASSES[best];
    }

    /** Largest position standard deviation along x or y, m. */
    public double positionSd() {
        return Math.sqrt(Math.max(p[0], p[5]));
    }

    void addSensor(int sensorId) {
        for (int s : sensors) {
            if (s == sensorId) {
                return;
            }
        }
        sensors = Arrays.copyOf(sensors, sensors.length + 1);
        sensors[sensors.length - 1] = sensorId;
    }

    public TrackState snapshot() {
        // TrackState copies the arrays itself.
        return new TrackState(id, time, x[0], x[1], x[2], x[3], z(), vz(), p, status, classProb, existence, sensors,
                lastUpdate, externalId);
    }
}
