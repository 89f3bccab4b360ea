package org.skydas.track.assign;

/**
 * Global nearest neighbour: the one-to-one choice of minimum total cost ({@link ClusteredAssignment}, optimal per
 * independent cluster of the gate graph). Reusable; allocates only when a larger problem comes.
 */
public final class GnnAssociator implements Associator, Hypotheses {

    private final ClusteredAssignment assignment = new ClusteredAssignment();
    private int[] colForRow = new int[0];

    @Override
    public Hypotheses associate(GatedPairs pairs, int rows, int cols) {
        if (colForRow.length < rows) {
            colForRow = new int[Math.max(rows, 2 * colForRow.length)];
        }
        assignment.solve(pairs, rows, cols, colForRow);
        return this;
    }

    @Override
    public boolean weighted() {
        return false;
    }

    @Override
    public int column(int row) {
        return colForRow[row];
    }

    @Override
    public double weight(int pair) {
        throw new UnsupportedOperationException("a one-to-one association has no pair weights");
    }

    @Override
    public double missProbability(int row) {
        throw new UnsupportedOperationException("a one-to-one association has no miss probabilities");
    }
}
