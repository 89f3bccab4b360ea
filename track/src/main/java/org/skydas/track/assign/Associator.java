package org.skydas.track.assign;

/**
 * Data association, one component of the tracker: given the gated track–detection pairs of one stage of a scan
 * (their costs the negative log likelihood ratio against "missed, and the detection is clutter"), decides which
 * pairs hold. Purely combinatorial: it reads the pairs and changes no track; the tracker applies the outcome.
 * {@link GnnAssociator} and {@link JpdaAssociator} are the two the tracker offers.
 */
public interface Associator {

    /**
     * Decides the pairs of one stage.
     *
     * @param pairs the gated pairs, grouped by row in increasing row order
     * @param rows  number of rows (tracks) of the stage
     * @param cols  number of columns (detections) of the scan
     * @return the outcome, a view valid until the next call
     */
    Hypotheses associate(GatedPairs pairs, int rows, int cols);
}
