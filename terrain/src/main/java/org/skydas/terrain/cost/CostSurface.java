package org.skydas.terrain.cost;

import java.nio.FloatBuffer;
import java.util.Arrays;

import org.skydas.terrain.GeoTransform;

/**
 * The result of a {@link CostDistance} search: the cumulative cost of every cell (NaN where the
 * search did not reach) and, when asked for, the movement direction of each reached cell, from
 * which {@link #path} traces the least-cost path back to a start cell as GRASS {@code r.path} does.
 */
public final class CostSurface {

    private final CostDistance.Grid grid;
    private final double[] acc;
    private final byte[] dir;
    private final long settled;

    CostSurface(CostDistance.Grid grid, double[] acc, byte[] dir, long settled) {
        this.grid = grid;
        this.acc = acc;
        this.dir = dir;
        this.settled = settled;
    }

    public int width() {
        return grid.width;
    }

    public int height() {
        return grid.height;
    }

    public GeoTransform transform() {
        return grid.transform;
    }

    public int epsg() {
        return grid.epsg;
    }

    /** Cells taken from the search front (at most every cell once). */
    public long settledCells() {
        return settled;
    }

    /** Cumulative cost of a cell; NaN when unreached. */
    public double cost(int col, int row) {
        java.util.Objects.checkIndex(col, grid.width);
        java.util.Objects.checkIndex(row, grid.height);
        double v = acc[(row + CostDistance.PAD) * grid.stride + col + CostDistance.PAD];
        return v == Double.POSITIVE_INFINITY ? Double.NaN : v;
    }

    /** Cumulative cost of a cell by its row-major index. */
    public double cost(int cell) {
        return cost(cell % grid.width, cell / grid.width);
    }

    /** All costs, row-major, unreached as NaN (a copy: 8 bytes per cell). */
    public double[] costs() {
        double[] out = new double[grid.width * grid.height];
        for (int r = 0; r < grid.height; r++) {
            System.arraycopy(acc, (r + CostDistance.PAD) * grid.stride + CostDistance.PAD, out, r * grid.width,
                    grid.width);
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == Double.POSITIVE_INFINITY) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    /** Number of reached cells. */
    public long reachedCells() {
        long n = 0;
        for (double v : acc) {
            if (v != Double.POSITIVE_INFINITY) {
                n++;
            }
        }
        return n;
    }

    /** Puts rows {@code row0 .. row0+rows-1} as floats into {@code dst}, {@code unreached} for unreached cells. */
    public void putRows(int row0, int rows, FloatBuffer dst, float unreached) {
        java.util.Objects.checkFromIndexSize(row0, rows, grid.height);
        for (int r = row0; r < row0 + rows; r++) {
            int base = (r + CostDistance.PAD) * grid.stride + CostDistance.PAD;
            for (int c = 0; c < grid.width; c++) {
                double v = acc[base + c];
                dst.put(v == Double.POSITIVE_INFINITY ? unreached : (float) v);
            }
        }
    }

    public boolean hasDirections() {
        return dir != null;
    }

    /**
     * r.cost's movement direction of a cell: degrees counter-clockwise from east towards the cell it
     * was reached from (45-degree steps, 22.5 with the knight's move); NaN at start cells (r.cost's null) and
     * where unreached.
     */
    public float direction(int col, int row) {
        requireDirections();
        int p = (row + CostDistance.PAD) * grid.stride + col + CostDistance.PAD;
        if (acc[p] == Double.POSITIVE_INFINITY) {
            return Float.NaN;
        }
        int k = dir[p];
        return k == 0 ? Float.NaN : CostDistance.DEGREES[k - 1];
    }

    /** Puts rows of {@link #direction} values into {@code dst}. */
    public void putDirectionRows(int row0, int rows, FloatBuffer dst) {
        requireDirections();
        for (int r = row0; r < row0 + rows; r++) {
            for (int c = 0; c < grid.width; c++) {
                dst.put(direction(c, r));
            }
        }
    }

    /**
     * The least-cost path from a reached cell back to its start cell, as row-major cell indices from
     * {@code (col, row)} to the start (like r.path over the direction raster); empty when unreached.
     */
    public int[] path(int col, int row) {
        requireDirections();
        java.util.Objects.checkIndex(col, grid.width);
        java.util.Objects.checkIndex(row, grid.height);
        int stride = grid.stride;
        int p = (row + CostDistance.PAD) * stride + col + CostDistance.PAD;
        if (acc[p] == Double.POSITIVE_INFINITY) {
            return new int[0];
        }
        int[] out = new int[64];
        int n = 0;
        long guard = (long) grid.width * grid.height;
        while (true) {
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = (p / stride - CostDistance.PAD) * grid.width + p % stride - CostDistance.PAD;
            int k = dir[p];
            if (k == 0 || n > guard) {
                break;
            }
            p -= CostDistance.DROW[k - 1] * stride + CostDistance.DCOL[k - 1];
        }
        return Arrays.copyOf(out, n);
    }

    private void requireDirections() {
        if (dir == null) {
            throw new IllegalStateException("the search was run without directions");
        }
    }
}
