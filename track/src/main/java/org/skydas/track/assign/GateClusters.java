package org.skydas.track.assign;

import java.util.Arrays;

/**
 * Splits a gated problem into independent clusters: connected components of the bipartite graph
 * whose edges are the pairs of negative cost (union–find). Pairs of one cluster are listed
 * contiguously: {@link #pair(int)} for positions {@link #start(int)} to {@link #end(int)}.
 * Reusable; allocates only when it grows.
 */
public final class GateClusters {

    private int[] parent = new int[0];
    private int[] clusterOfRoot = new int[0];
    private int[] clusterStart = new int[1];
    private int[] order = new int[0];
    private int[] pairCluster = new int[0];
    private int clusters;

    /** Computes the clusters of {@code pairs} (rows 0..nRows-1, columns 0..nCols-1). */
    public void build(GatedPairs pairs, int nRows, int nCols) {
        int n = pairs.size();
        int nodes = nRows + nCols;
        if (parent.length < nodes) {
            parent = new int[nodes];
            clusterOfRoot = new int[nodes];
        }
        for (int i = 0; i < nodes; i++) {
            parent[i] = i;
        }
        for (int k = 0; k < n; k++) {
            int r = pairs.row(k);
            int c = pairs.col(k);
            if (r < 0 || r >= nRows || c < 0 || c >= nCols) {
                throw new IllegalArgumentException("pair " + k + " (" + r + ", " + c + ") outside "
                        + nRows + " x " + nCols);
            }
            if (pairs.cost(k) < 0) {
                union(r, nRows + c);
            }
        }
        Arrays.fill(clusterOfRoot, 0, nodes, -1);
        if (pairCluster.length < n) {
            pairCluster = new int[n];
            order = new int[n];
        }
        clusters = 0;
        for (int k = 0; k < n; k++) {
            if (!(pairs.cost(k) < 0)) {
                pairCluster[k] = -1;
                continue;
            }
            int root = find(pairs.row(k));
            if (clusterOfRoot[root] < 0) {
                clusterOfRoot[root] = clusters++;
            }
            pairCluster[k] = clusterOfRoot[root];
        }
        if (clusterStart.length < clusters + 1) {
            clusterStart = new int[clusters + 1];
        }
        Arrays.fill(clusterStart, 0, clusters + 1, 0);
        for (int k = 0; k < n; k++) {
            if (pairCluster[k] >= 0) {
                clusterStart[pairCluster[k] + 1]++;
            }
        }
        for (int c = 0; c < clusters; c++) {
            clusterStart[c + 1] += clusterStart[c];
        }
        int[] fill = Arrays.copyOf(clusterStart, clusters);
        for (int k = 0; k < n; k++) {
            if (pairCluster[k] >= 0) {
                order[fill[pairCluster[k]]++] = k;
            }
        }
    }

    public int count() {
        return clusters;
    }

    /** First position of cluster {@code c}. */
    public int start(int c) {
        return clusterStart[c];
    }

    /** One past the last position of cluster {@code c}. */
    public int end(int c) {
        return clusterStart[c + 1];
    }

    /** Index (into the pairs) of the pair at {@code position}. */
    public int pair(int position) {
        return order[position];
    }

    private int find(int a) {
        while (parent[a] != a) {
            parent[a] = parent[parent[a]];
            a = parent[a];
        }
        return a;
    }

    private void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra != rb) {
            parent[ra] = rb;
        }
    }
}
