package org.skydas.track.assign;

/**
 * Joint probabilistic data association: every gated pair weighted by its marginal probability over the joint
 * events of its cluster ({@link JointAssociation}, exact up to a bound on the events enumerated, beyond which a
 * cluster falls back to an approximation).
 */
public final class JpdaAssociator implements Associator, Hypotheses {

    private final JointAssociation jpda;

    /** @param maxEvents most joint events enumerated exactly per cluster */
    public JpdaAssociator(long maxEvents) {
        this.jpda = new JointAssociation(maxEvents);
    }

    @Override
    public Hypotheses associate(GatedPairs pairs, int rows, int cols) {
        jpda.solve(pairs, rows, cols);
        return this;
    }

    @Override
    public boolean weighted() {
        return true;
    }

    @Override
    public int column(int row) {
        throw new UnsupportedOperationException("a weighted association has no single column per row");
    }

    @Override
    public double weight(int pair) {
        return jpda.beta(pair);
    }

    @Override
    public double missProbability(int row) {
        return jpda.missProbability(row);
    }
}
