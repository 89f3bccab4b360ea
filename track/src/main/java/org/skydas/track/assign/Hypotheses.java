package org.skydas.track.assign;

/**
 * What an {@link Associator} decided for one stage of a scan, as a view valid until its next call. Rows are the
 * stage's tracks, columns the scan's detections, pairs the entries of the {@link GatedPairs} it was given.
 *
 * <p>Either one-to-one ({@link #weighted()} false: each row took at most one column, {@link #column}) or weighted
 * (true: every gated pair holds with a probability, {@link #weight}, and a row took none of its columns with
 * {@link #missProbability}). The tracker's update step turns the first into a Kalman update or a miss, the second
 * into a probabilistic data association update with the integrated-PDA existence.
 */
public interface Hypotheses {

    /** True when the outcome is pair weights (JPDA), false when one-to-one (GNN). */
    boolean weighted();

    /** One-to-one outcome: the column row {@code row} took, or -1 when it took none. */
    int column(int row);

    /** Weighted outcome: probability that gated pair {@code pair} is the true one. */
    double weight(int pair);

    /** Weighted outcome: probability that row {@code row} took none of its gated columns. */
    double missProbability(int row);
}
