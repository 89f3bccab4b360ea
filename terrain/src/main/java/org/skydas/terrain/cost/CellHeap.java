package org.skydas.terrain.cost;

import java.util.Arrays;

/**
 * A 4-ary min-heap of (cost, cell) pairs in two parallel primitive arrays, for Dijkstra with lazy
 * deletion: a cell is pushed again when its cost drops and the stale entry is skipped when popped.
 * No per-entry objects and no position index (which would cost 4 bytes per cell of the grid);
 * the heap only ever holds the search front, a few times the grid's perimeter.
 *
 * <p>Equal costs leave in no particular order (as in GRASS's heap, only the costs are defined).
 */
final class CellHeap {

    private double[] keys;
    private int[] cells;
    private int size;

    CellHeap(int capacity) {
        keys = new double[Math.max(16, capacity)];
        cells = new int[keys.length];
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    void push(double key, int cell) {
        if (size == keys.length) {
            int n = keys.length + (keys.length >> 1);
            keys = Arrays.copyOf(keys, n);
            cells = Arrays.copyOf(cells, n);
        }
        int i = size++;
        double[] k = keys;
        int[] c = cells;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            double pk = k[parent];
            if (pk <= key) {
                break;
            }
            k[i] = pk;
            c[i] = c[parent];
            i = parent;
        }
        k[i] = key;
        c[i] = cell;
    }

    /** Key of the smallest entry (the heap must not be empty). */
    double topKey() {
        return keys[0];
    }

    /** Cell of the smallest entry (the heap must not be empty). */
    int topCell() {
        return cells[0];
    }

    /** Removes the smallest entry. */
    void pop() {
        int n = --size;
        if (n == 0) {
            return;
        }
        double[] k = keys;
        int[] c = cells;
        double key = k[n];
        int cell = c[n];
        int i = 0;
        while (true) {
            int first = (i << 2) + 1;
            if (first >= n) {
                break;
            }
            int best = first;
            double bk = k[first];
            int last = Math.min(first + 4, n);
            for (int j = first + 1; j < last; j++) {
                double kj = k[j];
                if (kj < bk) {
                    bk = kj;
                    best = j;
                }
            }
            if (bk >= key) {
                break;
            }
            k[i] = bk;
            c[i] = c[best];
            i = best;
        }
        k[i] = key;
        c[i] = cell;
    }
}
