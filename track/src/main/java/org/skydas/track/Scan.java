package org.skydas.track;

import org.skydas.track.gate.GridIndex;

/**
 * The valid detections of the scan the tracker is processing, as the components see them: positions,
 * covariances, which ones a track or the initiator has taken, trusted identities, and a grid index over the
 * positions. Owned and refilled by the {@link Tracker} for every scan (plain arrays, reused: a scan allocates
 * nothing in steady state); components read it and mark detections used only through the tracker's steps.
 */
public final class Scan {

    int n;
    double[] zx = new double[0];
    double[] zy = new double[0];
    double[] rxx = new double[0];
    double[] rxy = new double[0];
    double[] ryy = new double[0];
    boolean[] used = new boolean[0];
    Detection[] source = new Detection[0];
    /** Per detection: its identity (sensor and external id) when its sensor's ids are trusted, else null. */
    String[] identity = new String[0];
    final GridIndex index = new GridIndex();

    Scan() {
    }

    void ensureCapacity(int cap) {
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
    }

    /** Number of valid detections. */
    public int size() {
        return n;
    }

    /** Detection j as the sensor reported it. */
    public Detection detection(int j) {
        return source[j];
    }

    /** Whether a track or the initiator has already taken detection j in this scan. */
    public boolean used(int j) {
        return used[j];
    }

    /** Detection j's trusted identity ({@link Tracker#trustIds}), or null. */
    public String identity(int j) {
        return identity[j];
    }

    /** The grid index over the detections' positions (built in the gating step). */
    public GridIndex index() {
        return index;
    }
}
