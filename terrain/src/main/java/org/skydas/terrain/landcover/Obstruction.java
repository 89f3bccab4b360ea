package org.skydas.terrain.landcover;

import org.skydas.terrain.DemGrid;

/**
 * Per-cell obstruction heights on a DEM's grid, and which obstructed cells are interior (deeper
 * than the model's edge depth, so a target there is never seen). See {@link LandCoverModel}.
 */
public final class Obstruction {

    private final int width;
    private final int height;
    private final float[] heights;
    private final boolean[] interior;

    private Obstruction(int width, int height, float[] heights, boolean[] interior) {
        this.width = width;
        this.height = height;
        this.heights = heights;
        this.interior = interior;
    }

    /**
     * From a class raster on the same grid as {@code dem} (same size and transform).
     *
     * @throws IllegalArgumentException when the grids differ
     */
    public static Obstruction fromClasses(DemGrid dem, DemGrid classes, LandCoverModel model) {
        if (classes.width() != dem.width() || classes.height() != dem.height()
                || !sameTransform(classes, dem)) {
            throw new IllegalArgumentException("land-cover grid " + classes.width() + " x " + classes.height() + " "
                    + classes.transform() + " differs from the DEM grid " + dem.width() + " x " + dem.height() + " "
                    + dem.transform() + " (resample it with nearest neighbour first)");
        }
        int w = dem.width();
        int h = dem.height();
        float[] hs = new float[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                float v = classes.height(c, r);
                hs[r * w + c] = classes.isVoidValue(v) ? 0f : (float) model.heightOf(v);
            }
        }
        return of(w, h, hs, Math.abs(dem.transform().dx()), Math.abs(dem.transform().dy()), model.edgeDepth());
    }

    /** From obstruction heights directly (e.g. a scenario's tree lines); takes ownership. */
    public static Obstruction of(int width, int height, float[] heights, double cellWidth, double cellHeight,
            double edgeDepth) {
        if ((long) width * height != heights.length) {
            throw new IllegalArgumentException("obstruction heights do not match " + width + " x " + height);
        }
        // Search radius in cells; the outer ring (8-neighbour of a free cell) always counts as edge.
        int rc = (int) Math.ceil(edgeDepth / cellWidth);
        int rr = (int) Math.ceil(edgeDepth / cellHeight);
        double depth2 = edgeDepth * edgeDepth;
        boolean[] interior = new boolean[heights.length];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                if (heights[r * width + c] <= 0) {
                    continue;
                }
                boolean edge = false;
                for (int dr = -Math.max(1, rr); dr <= Math.max(1, rr) && !edge; dr++) {
                    int y = r + dr;
                    if (y < 0 || y >= height) {
                        continue;
                    }
                    for (int dc = -Math.max(1, rc); dc <= Math.max(1, rc); dc++) {
                        int x = c + dc;
                        if (x < 0 || x >= width || heights[y * width + x] > 0) {
                            continue;
                        }
                        double ex = dc * cellWidth;
                        double ey = dr * cellHeight;
                        if ((Math.abs(dc) <= 1 && Math.abs(dr) <= 1) || ex * ex + ey * ey <= depth2) {
                            edge = true;
                            break;
                        }
                    }
                }
                interior[r * width + c] = !edge;
            }
        }
        return new Obstruction(width, height, heights, interior);
    }

    /**
     * The same window as {@link DemGrid#window}: heights and interior flags are copied as computed on
     * the whole grid, so a cell near the window's edge keeps the edge status it has in the full grid.
     */
    public Obstruction window(int col0, int row0, int w, int h) {
        java.util.Objects.checkFromIndexSize(col0, w, width);
        java.util.Objects.checkFromIndexSize(row0, h, height);
        float[] hs = new float[w * h];
        boolean[] in = new boolean[w * h];
        for (int r = 0; r < h; r++) {
            System.arraycopy(heights, (row0 + r) * width + col0, hs, r * w, w);
            System.arraycopy(interior, (row0 + r) * width + col0, in, r * w, w);
        }
        return new Obstruction(w, h, hs, in);
    }

    private static boolean sameTransform(DemGrid a, DemGrid b) {
        double[] x = a.transform().toArray();
        double[] y = b.transform().toArray();
        double tol = 1e-6 * Math.max(Math.abs(a.transform().dx()), Math.abs(a.transform().dy()));
        for (int i = 0; i < 6; i++) {
            if (Math.abs(x[i] - y[i]) > tol) {
                return false;
            }
        }
        return true;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public float heightAt(int col, int row) {
        return heights[row * width + col];
    }

    /** True when a target in this cell is too deep inside an obstruction to be seen. */
    public boolean isInterior(int col, int row) {
        return interior[row * width + col];
    }

    /** Copies one row of obstruction heights into {@code dst}. */
    public void copyRow(int row, float[] dst) {
        System.arraycopy(heights, row * width, dst, 0, width);
    }

    boolean[] interiorMask() {
        return interior;
    }

    /** Number of interior cells in a row (for tests and reports). */
    public long interiorCount() {
        long n = 0;
        for (boolean b : interior) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
