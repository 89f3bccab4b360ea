package org.skydas.track;

import org.skydas.track.assign.GatedPairs;

/**
 * Gating, one component of the tracker: lists the track–detection pairs of one stage of a scan that may be
 * associated, with their costs. The cost of a pair is relative to "the track was missed and the detection is
 * clutter" (negative: the pair is worth taking), which is what the {@link org.skydas.track.assign.Associator}s
 * expect. Reads the tracks and the scan and changes neither. {@link ChiSquareGater} is the tracker's.
 */
public interface Gater {

    /**
     * Gates the free detections of {@code scan} against {@code rows[0..count)}, tracks predicted to the scan time.
     * Appends the pairs to {@code pairs} (cleared by the caller) grouped by row in increasing row order, and sets
     * {@code rowStart[i]} to the index of row i's first pair and {@code rowStart[count]} to {@code pairs.size()}.
     */
    void gate(Scan scan, Track[] rows, int count, SensorModel sensor, GatedPairs pairs, int[] rowStart);
}
