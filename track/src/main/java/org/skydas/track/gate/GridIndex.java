package org.skydas.track.gate;

import java.util.Arrays;

/**
 * Uniform-grid spatial index over a set of points, rebuilt per scan: points are bucketed by cell
 * (counting sort on a hashed cell key), so building is O(n) and a disc query visits only the
 * cells it overlaps. With cells about the size of a gate, gating costs O(tracks + detections)
 * instead of O(tracks × detections). Reusable; allocates only when it grows.
 */
public final class GridIndex {

    private double cell = 1.0;
    private int n;
    private long[] keys = new long[0];
    private int[] sorted = new int[0];
    // open-addressing table: cell key -> [start, end) in sorted
    private long[] tableKey = new long[0];
    private int[] tableStart = new int[0];
    private int[] tableEnd = new int[0];
    private int mask;

    /** Indexes points (x[i], y[i]), i &lt; count, with square cells of side {@code cellSize} metres. */
    public void build(double[] x, double[] y, int count, double cellSize) {
        if (!(cellSize > 0) || Double.isInfinite(cellSize)) {
            throw new IllegalArgumentException("cell size must be positive: " + cellSize);
        }
        this.cell = cellSize;
        this.n = count;
        if (keys.length < count) {
            keys = new long[count];
            sorted = new int[count];
        }
        int cap = Integer.highestOneBit(Math.max(4, count * 2 - 1)) << 1;
        if (tableKey.length < cap) {
            tableKey = new long[cap];
            tableStart = new int[cap];
            tableEnd = new int[cap];
        }
        mask = cap - 1;
        Arrays.fill(tableStart, 0, cap, -1);
        // Count per cell (tableEnd as counter), then prefix sums into tableStart.
        for (int i = 0; i < count; i++) {
            long key = key(cellOf(x[i]), cellOf(y[i]));
            keys[i] = key;
            int slot = slot(key, true);
            tableEnd[slot]++;
        }
        int offset = 0;
        for (int s = 0; s < cap; s++) {
            if (tableStart[s] >= 0) {
                int c = tableEnd[s];
                tableStart[s] = offset;
                tableEnd[s] = offset; // fill pointer, ends at offset + c
                offset += c;
            }
        }
        for (int i = 0; i < count; i++) {
            int slot = slot(keys[i], false);
            sorted[tableEnd[slot]++] = i;
        }
    }

    /** Number of indexed points. */
    public int size() {
        return n;
    }

    /**
     * Calls {@code visitor} with every indexed point whose cell overlaps the square of half-side
     * {@code r} around (cx, cy) (a superset of the disc: callers apply the exact gate).
     */
    public void query(double cx, double cy, double r, IntVisitor visitor) {
        if (n == 0) {
            return;
        }
        long x0 = cellOf(cx - r);
        long x1 = cellOf(cx + r);
        long y0 = cellOf(cy - r);
        long y1 = cellOf(cy + r);
        if ((x1 - x0 + 1) * (y1 - y0 + 1) > 4L * n + 16) {
            // Gate larger than the populated area: scanning everything is cheaper than the cells.
            for (int i = 0; i < n; i++) {
                visitor.visit(i);
            }
            return;
        }
        for (long gx = x0; gx <= x1; gx++) {
            for (long gy = y0; gy <= y1; gy++) {
                int slot = slot(key(gx, gy), false);
                if (slot < 0) {
                    continue;
                }
                for (int k = tableStart[slot], e = tableEnd[slot]; k < e; k++) {
                    visitor.visit(sorted[k]);
                }
            }
        }
    }

    /** Receives point indices. */
    @FunctionalInterface
    public interface IntVisitor {
        void visit(int index);
    }

    private long cellOf(double v) {
        return (long) Math.floor(v / cell);
    }

    private static long key(long gx, long gy) {
        return (gx << 32) ^ (gy & 0xffffffffL);
    }

    /** Slot of key; inserts it when {@code insert}, else returns -1 if absent. */
    private int slot(long key, boolean insert) {
        long h = key * 0x9E3779B97F4A7C15L;
        int s = (int) (h ^ (h >>> 29)) & mask;
        while (true) {
            if (tableStart[s] < 0) {
                if (!insert) {
                    return -1;
                }
                tableStart[s] = 0;
                tableKey[s] = key;
                tableEnd[s] = 0;
                return s;
            }
            if (tableKey[s] == key) {
                return s;
            }
            s = (s + 1) & mask;
        }
    }
}
