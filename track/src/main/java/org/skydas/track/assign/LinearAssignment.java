package org.skydas.track.assign;

import java.util.Arrays;

/**
 * Optimal rectangular linear assignment (rows &le; columns): every row gets a distinct column and the
 * total cost is minimal. Shortest augmenting paths with dual potentials (the Jonker–Volgenant
 * family, as formulated by Crouse, IEEE TAES 2016): O(rows² · columns), exact for any real costs.
 *
 * <p>{@code Double.POSITIVE_INFINITY} marks a forbidden pair. Reusable: buffers grow as needed, so
 * one instance per thread avoids allocation scan after scan.
 */
public final class LinearAssignment {

    private double[] u = new double[0];
    private double[] v = new double[0];
    private double[] shortest = new double[0];
    private int[] path = new int[0];
    private int[] row4col = new int[0];
    private int[] remaining = new int[0];
    private boolean[] visitedRow = new boolean[0];
    private boolean[] visitedCol = new boolean[0];

    /**
     * Solves the problem with cost {@code cost[r * cols + c]}.
     *
     * @param colForRow output: the column of each row (length &ge; rows)
     * @return the minimal total cost
     * @throws IllegalArgumentException if rows &gt; cols or no complete assignment of finite cost exists
     */
    public double solve(double[] cost, int rows, int cols, int[] colForRow) {
        if (rows > cols) {
            throw new IllegalArgumentException("rows > cols: transpose the problem");
        }
        ensure(rows, cols);
        Arrays.fill(u, 0, rows, 0.0);
        Arrays.fill(v, 0, cols, 0.0);
        Arrays.fill(row4col, 0, cols, -1);
        Arrays.fill(colForRow, 0, rows, -1);
        for (int cur = 0; cur < rows; cur++) {
            int sink = augmentingPath(cost, rows, cols, cur, colForRow);
            if (sink < 0) {
                throw new IllegalArgumentException("infeasible assignment problem");
            }
            // Augment along the path back to the current row.
            int j = sink;
            while (true) {
                int i = path[j];
                row4col[j] = i;
                int prev = colForRow[i];
                colForRow[i] = j;
                j = prev;
                if (i == cur) {
                    break;
                }
            }
        }
        double total = 0;
        for (int r = 0; r < rows; r++) {
            total += cost[r * cols + colForRow[r]];
        }
        return total;
    }

    private int augmentingPath(double[] cost, int rows, int cols, int cur, int[] colForRow) {
        Arrays.fill(shortest, 0, cols, Double.POSITIVE_INFINITY);
        Arrays.fill(path, 0, cols, -1);
        Arrays.fill(visitedRow, 0, rows, false);
        Arrays.fill(visitedCol, 0, cols, false);
        for (int c = 0; c < cols; c++) {
            remaining[c] = c;
        }
        int numRemaining = cols;
        double minVal = 0;
        int i = cur;
        int sink = -1;
        while (sink == -1) {
            visitedRow[i] = true;
            int lowestIndex = -1;
            double lowest = Double.POSITIVE_INFINITY;
            int base = i * cols;
            double ui = u[i];
            for (int it = 0; it < numRemaining; it++) {
                int j = remaining[it];
                double r = minVal + cost[base + j] - ui - v[j];
                if (r < shortest[j]) {
                    path[j] = i;
                    shortest[j] = r;
                }
                // Prefer a free column among equals: ends the search sooner.
                if (shortest[j] < lowest || (shortest[j] == lowest && row4col[j] == -1)) {
                    lowest = shortest[j];
                    lowestIndex = it;
                }
            }
            minVal = lowest;
            if (minVal == Double.POSITIVE_INFINITY) {
                return -1;
            }
            int j = remaining[lowestIndex];
            visitedCol[j] = true;
            remaining[lowestIndex] = remaining[--numRemaining];
            if (row4col[j] == -1) {
                sink = j;
            } else {
                i = row4col[j];
            }
        }
        u[cur] += minVal;
        for (int r = 0; r < rows; r++) {
            if (visitedRow[r] && r != cur) {
                u[r] += minVal - shortest[colForRow[r]];
            }
        }
        for (int c = 0; c < cols; c++) {
            if (visitedCol[c]) {
                v[c] -= minVal - shortest[c];
            }
        }
        return sink;
    }

    private void ensure(int rows, int cols) {
        if (u.length < rows) {
            u = new double[rows];
            visitedRow = new boolean[rows];
        }
        if (v.length < cols) {
            v = new double[cols];
            shortest = new double[cols];
            path = new int[cols];
            row4col = new int[cols];
            remaining = new int[cols];
            visitedCol = new boolean[cols];
        }
    }
}
