package org.skydas.track.assign;

import java.util.Arrays;

/**
 * Global nearest neighbour on a sparse gated problem: chooses for every row (track) at most one
 * column (detection), each column used at most once, minimising the total cost, where leaving a
 * row or a column unassigned costs 0. Only pairs of negative cost can be worth taking (a pair of
 * cost &ge; 0 is never better than leaving both free), so callers give costs relative to "missed".
 *
 * <p>The gated pairs split into independent clusters (connected components of the bipartite gate
 * graph, by union–find); each cluster is solved exactly by {@link LinearAssignment} on a
 * rows × (columns + rows) matrix whose extra columns are the rows' "unassigned" options. With a
 * gate and a spatial index, clusters stay small and the whole step grows about linearly.
 */
public final class ClusteredAssignment {

    private final LinearAssignment lap = new LinearAssignment();
    private final GateClusters clusters = new GateClusters();
    private int[] localRow = new int[0];
    private int[] localCol = new int[0];
    private int[] globalRow = new int[0];
    private int[] globalCol = new int[0];
    private double[] matrix = new double[0];
    private int[] solution = new int[0];
    private int largestCluster;

    /**
     * Solves and writes the chosen column of every row into {@code colForRow} (-1: unassigned).
     *
     * @return the total cost of the chosen pairs
     */
    public double solve(GatedPairs pairs, int nRows, int nCols, int[] colForRow) {
        Arrays.fill(colForRow, 0, nRows, -1);
        largestCluster = 0;
        if (pairs.size() == 0) {
            return 0;
        }
        clusters.build(pairs, nRows, nCols);
        if (localRow.length < nRows) {
            localRow = new int[nRows];
        }
        if (localCol.length < nCols) {
            localCol = new int[nCols];
        }
        Arrays.fill(localRow, 0, nRows, -1);
        Arrays.fill(localCol, 0, nCols, -1);
        double total = 0;
        for (int c = 0; c < clusters.count(); c++) {
            total += solveCluster(pairs, clusters.start(c), clusters.end(c), colForRow);
        }
        return total;
    }

    /** Rows in the largest cluster of the last solve (a diagnostic of how local the problem was). */
    public int largestCluster() {
        return largestCluster;
    }

    private double solveCluster(GatedPairs pairs, int from, int to, int[] colForRow) {
        if (to - from == 1) {
            int k = clusters.pair(from);
            colForRow[pairs.row(k)] = pairs.col(k);
            largestCluster = Math.max(largestCluster, 1);
            return pairs.cost(k);
        }
        int nr = 0;
        int nc = 0;
        ensureLocal(to - from);
        for (int q = from; q < to; q++) {
            int k = clusters.pair(q);
            int r = pairs.row(k);
            int col = pairs.col(k);
            if (localRow[r] < 0) {
                localRow[r] = nr;
                globalRow[nr++] = r;
            }
            if (localCol[col] < 0) {
                localCol[col] = nc;
                globalCol[nc++] = col;
            }
        }
        largestCluster = Math.max(largestCluster, nr);
        int width = nc + nr;
        int size = nr * width;
        if (matrix.length < size) {
            matrix = new double[Math.max(size, matrix.length * 2)];
        }
        Arrays.fill(matrix, 0, size, Double.POSITIVE_INFINITY);
        for (int r = 0; r < nr; r++) {
            matrix[r * width + nc + r] = 0.0; // row r left unassigned
        }
        for (int q = from; q < to; q++) {
            int k = clusters.pair(q);
            int idx = localRow[pairs.row(k)] * width + localCol[pairs.col(k)];
            matrix[idx] = Math.min(matrix[idx], pairs.cost(k));
        }
        if (solution.length < nr) {
            solution = new int[nr];
        }
        double total = lap.solve(matrix, nr, width, solution);
        for (int r = 0; r < nr; r++) {
            int j = solution[r];
            if (j < nc) {
                colForRow[globalRow[r]] = globalCol[j];
            }
        }
        for (int r = 0; r < nr; r++) {
            localRow[globalRow[r]] = -1;
        }
        for (int j = 0; j < nc; j++) {
            localCol[globalCol[j]] = -1;
        }
        return total;
    }

    private void ensureLocal(int pairsInCluster) {
        if (globalRow.length < pairsInCluster) {
            globalRow = new int[pairsInCluster];
            globalCol = new int[pairsInCluster];
        }
    }
}
