package org.skydas.track.init;

import org.skydas.track.gate.GridIndex;

/**
 * Track initiation, one component of the tracker: takes the detections of a scan that no track took and decides,
 * possibly with what it kept from earlier scans, which of them start tracks. It hands each new track's initial
 * state to a {@link Sink} (the tracker makes the track) and marks the detections it consumed; it changes no
 * existing track. {@link TwoPointInitiator} is the one the tracker uses by default.
 */
public interface Initiator {

    /** Receives a new track's initial state (x, y, vx, vy), its covariance (4x4 row-major) and its detection. */
    @FunctionalInterface
    interface Sink {
        void create(double[] state, double[] covariance, int detection);
    }

    /**
     * Processes the free detections of one scan at time {@code t}: detection j is ({@code zx[j]}, {@code zy[j]}) with
     * covariance ({@code rxx[j]}, {@code rxy[j]}, {@code ryy[j]}), free when {@code used[j]} is false, and
     * {@code identity[j]}, when not null, the trusted id it carries (detections of different ids never start a track
     * together). {@code index} holds the scan's n detections. Marks the detections it consumes as used.
     */
    void process(double t, double[] zx, double[] zy, double[] rxx, double[] rxy, double[] ryy,
                 String[] identity, boolean[] used, int n, GridIndex index, Sink sink);

    /** Detections kept waiting to start a track (diagnostic). */
    int seedCount();
}
