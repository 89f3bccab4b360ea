package org.skydas.track.assign;

import java.util.Arrays;

/**
 * Joint probabilistic data association (JPDA) marginals on a gated problem. A joint event gives
 * every row (track) at most one column (detection), each column at most once; its probability is
 * proportional to the product of {@code exp(−cost)} over its pairs, where cost is the negative log
 * likelihood ratio of a pair against "track missed, detection clutter" (as for GNN). The marginal
 * {@code β} of a pair is the total probability of the events containing it; a row's
 * {@link #missProbability(int)} is that of the events leaving it unassigned.
 *
 * <p>Exact enumeration per cluster ({@link GateClusters}): exponential in the cluster size, so a
 * cluster with more than {@code maxEvents} joint events is resolved by its optimal hard assignment
 * instead ({@link ClusteredAssignment}: β = 1 on the chosen pairs). {@link #fallbacks()} counts
 * such clusters.
 */
public final class JointAssociation {

    private final long maxEvents;
    private final GateClusters clusters = new GateClusters();
    private final ClusteredAssignment gnn = new ClusteredAssignment();
    private final GatedPairs clusterPairs = new GatedPairs();
    private double[] beta = new double[0];
    private double[] miss = new double[0];
    private int[] colForRow = new int[0];
    private int fallbacks;

    // Enumeration state of one cluster.
    private int[] rowOf = new int[0];
    private int[] pairsOfRowStart = new int[0];
    private int[] clusterPairIndex = new int[0];
    private double[] weight = new double[0];
    private int[] localCol = new int[0];
    private boolean[] colTaken = new boolean[0];
    private int[] chosen = new int[0];
    private double[] eventBeta = new double[0];
    private double[] rowMissMass = new double[0];
    private double missWeight;

    /** @param maxEvents largest number of joint events enumerated per cluster */
    public JointAssociation(long maxEvents) {
        this.maxEvents = maxEvents;
    }

    /** Computes the marginals of every pair and row. */
    public void solve(GatedPairs pairs, int nRows, int nCols) {
        int n = pairs.size();
        if (beta.length < n) {
            beta = new double[Math.max(n, 2 * beta.length)];
        }
        if (miss.length < nRows) {
            miss = new double[Math.max(nRows, 2 * miss.length)];
            colForRow = new int[miss.length];
        }
        Arrays.fill(beta, 0, n, 0.0);
        Arrays.fill(miss, 0, nRows, 1.0);
        fallbacks = 0;
        if (n == 0) {
            return;
        }
        if (localCol.length < nCols) {
            localCol = new int[nCols];
        }
        Arrays.fill(localCol, 0, nCols, -1);
        clusters.build(pairs, nRows, nCols);
        for (int c = 0; c < clusters.count(); c++) {
            solveCluster(pairs, clusters.start(c), clusters.end(c), nRows, nCols);
        }
    }

    /** Marginal probability of pair {@code k} (index into the pairs of the last solve). */
    public double beta(int k) {
        return beta[k];
    }

    /** Probability that row {@code row} has no detection. */
    public double missProbability(int row) {
        return miss[row];
    }

    /** Clusters of the last solve resolved by hard assignment because they were too large. */
    public int fallbacks() {
        return fallbacks;
    }

    private void solveCluster(GatedPairs pairs, int from, int to, int nRows, int nCols) {
        int m = to - from;
        ensure(m);
        // Sort the cluster's pairs by row (stable) so each row's options are contiguous.
        int[] idx = new int[m];
        for (int q = 0; q < m; q++) {
            idx[q] = clusters.pair(from + q);
        }
        Integer[] boxed = new Integer[m];
        for (int q = 0; q < m; q++) {
            boxed[q] = idx[q];
        }
        Arrays.sort(boxed, (a, b) -> Integer.compare(pairs.row(a), pairs.row(b)));
        int rows = 0;
        int cols = 0;
        long events = 1;
        for (int q = 0; q < m; q++) {
            int k = boxed[q];
            clusterPairIndex[q] = k;
            if (q == 0 || pairs.row(k) != pairs.row(boxed[q - 1])) {
                pairsOfRowStart[rows] = q;
                rowOf[rows++] = pairs.row(k);
            }
            if (localCol[pairs.col(k)] < 0) {
                localCol[pairs.col(k)] = cols++;
            }
        }
        pairsOfRowStart[rows] = m;
        for (int r = 0; r < rows && events <= maxEvents; r++) {
            events *= 1 + (pairsOfRowStart[r + 1] - pairsOfRowStart[r]);
        }
        if (events > maxEvents) {
            fallbacks++;
            hardAssign(pairs, m, rows);
        } else {
            // Scale every row's options (its pairs and its miss, weight 1) by the same factor: each
            // event has one factor per row, so all events scale alike and products stay in range.
            double maxLog = 0;
            for (int q = 0; q < m; q++) {
                maxLog = Math.max(maxLog, -pairs.cost(clusterPairIndex[q]));
            }
            for (int q = 0; q < m; q++) {
                weight[q] = Math.exp(-pairs.cost(clusterPairIndex[q]) - maxLog);
            }
            Arrays.fill(colTaken, 0, cols, false);
            Arrays.fill(eventBeta, 0, m, 0.0);
            Arrays.fill(rowMissMass, 0, rows, 0.0);
            missWeight = Math.exp(-maxLog);
            double total = enumerate(pairs, 0, rows, 1.0, 0);
            for (int q = 0; q < m; q++) {
                beta[clusterPairIndex[q]] = eventBeta[q] / total;
            }
            for (int r = 0; r < rows; r++) {
                miss[rowOf[r]] = rowMissMass[r] / total;
            }
        }
        for (int q = 0; q < m; q++) {
            localCol[pairs.col(clusterPairIndex[q])] = -1;
        }
    }

    /**
     * Sums the probability mass of all joint events for rows r.. given the choices so far (product
     * {@code w}, pairs in {@code chosen[0..depth)}); accumulates marginals. Returns the mass.
     */
    private double enumerate(GatedPairs pairs, int r, int rows, double w, int depth) {
        if (r == rows) {
            for (int d = 0; d < depth; d++) {
                eventBeta[chosen[d]] += w;
            }
            return w;
        }
        // Row r unassigned.
        double mass = enumerate(pairs, r + 1, rows, w * missWeight, depth);
        rowMissMass[r] += mass;
        for (int q = pairsOfRowStart[r]; q < pairsOfRowStart[r + 1]; q++) {
            int lc = localCol[pairs.col(clusterPairIndex[q])];
            if (colTaken[lc]) {
                continue;
            }
            colTaken[lc] = true;
            chosen[depth] = q;
            mass += enumerate(pairs, r + 1, rows, w * weight[q], depth + 1);
            colTaken[lc] = false;
        }
        return mass;
    }

    private void hardAssign(GatedPairs pairs, int m, int rows) {
        clusterPairs.clear();
        // Local rows 0..rows-1; columns keep their global index.
        int maxCol = 0;
        for (int q = 0; q < m; q++) {
            maxCol = Math.max(maxCol, pairs.col(clusterPairIndex[q]) + 1);
        }
        int r = 0;
        for (int q = 0; q < m; q++) {
            while (q >= pairsOfRowStart[r + 1]) {
                r++;
            }
            clusterPairs.add(r, pairs.col(clusterPairIndex[q]), pairs.cost(clusterPairIndex[q]));
        }
        int[] sol = new int[rows];
        gnn.solve(clusterPairs, rows, maxCol, sol);
        r = 0;
        for (int q = 0; q < m; q++) {
            while (q >= pairsOfRowStart[r + 1]) {
                r++;
            }
            int k = clusterPairIndex[q];
            if (sol[r] == pairs.col(k)) {
                beta[k] = 1.0;
                miss[rowOf[r]] = 0.0;
            }
        }
    }

    private void ensure(int m) {
        if (rowOf.length < m + 1) {
            int c = Math.max(m + 1, 2 * rowOf.length);
            rowOf = new int[c];
            pairsOfRowStart = new int[c + 1];
            clusterPairIndex = new int[c];
            weight = new double[c];
            colTaken = new boolean[c];
            chosen = new int[c];
            eventBeta = new double[c];
            rowMissMass = new double[c];
        }
    }
}
