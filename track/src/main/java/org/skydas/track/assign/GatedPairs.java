package org.skydas.track.assign;

import java.util.Arrays;

/**
 * The sparse cost list of an assignment problem: (row, column, cost) for every pair that passed the
 * gate. Growable and reusable ({@link #clear()}) so that a scan allocates nothing in steady state.
 */
public final class GatedPairs {

    private int[] rows = new int[64];
    private int[] cols = new int[64];
    private double[] costs = new double[64];
    private int size;

    public void clear() {
        size = 0;
    }

    public void add(int row, int col, double cost) {
        if (size == rows.length) {
            int n = size * 2;
            rows = Arrays.copyOf(rows, n);
            cols = Arrays.copyOf(cols, n);
            costs = Arrays.copyOf(costs, n);
        }
        rows[size] = row;
        cols[size] = col;
        costs[size] = cost;
        size++;
    }

    public int size() {
        return size;
    }

    public int row(int k) {
        return rows[k];
    }

    public int col(int k) {
        return cols[k];
    }

    public double cost(int k) {
        return costs[k];
    }
}
