package org.skydas.terrain;

import java.util.Objects;

/**
 * A single-band elevation raster: heights in metres above the ellipsoid/geoid as the source gives
 * them, row-major from the top-left cell, with its georeferencing.
 *
 * <p>Immutable by contract: the height array is handed over at construction and never exposed
 * (a 10 000 x 10 000 grid is 400 MB, so it is not copied). A cell is <em>void</em> when it is NaN
 * or equal to {@link #nodata()}.
 *
 * @param epsg EPSG code of the CRS, or 0 when the file names none (then no curvature is applied)
 * @param nodata the void marker of the source (NaN when it has none; NaN cells are void anyway)
 */
public final class DemGrid implements HeightRows {

    private final int width;
    private final int height;
    final float[] heights;
    private final GeoTransform transform;
    private final int epsg;
    private final float nodata;

    private DemGrid(int width, int height, float[] heights, GeoTransform transform, int epsg, float nodata) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("empty grid " + width + " x " + height);
        }
        if ((long) width * height != heights.length) {
            throw new IllegalArgumentException("grid " + width + " x " + height + " needs " + (long) width * height
                    + " heights, got " + heights.length);
        }
        this.width = width;
        this.height = height;
        this.heights = heights;
        this.transform = Objects.requireNonNull(transform, "transform");
        this.epsg = epsg;
        this.nodata = nodata;
    }

    /** Takes ownership of {@code heights}: the caller must not change it afterwards. */
    public static DemGrid wrap(int width, int height, float[] heights, GeoTransform transform, int epsg,
            float nodata) {
        return new DemGrid(width, height, heights, transform, epsg, nodata);
    }

    /** Copies {@code heights}. */
    public static DemGrid of(int width, int height, float[] heights, GeoTransform transform, int epsg,
            float nodata) {
        return new DemGrid(width, height, heights.clone(), transform, epsg, nodata);
    }

    @Override
    public void readRow(int row, float[] dst) {
        copyRow(row, dst, 0);
    }

    @Override
    public float heightAt(int col, int row) {
        return height(col, row);
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    public long cellCount() {
        return (long) width * height;
    }

    @Override
    public GeoTransform transform() {
        return transform;
    }

    @Override
    public int epsg() {
        return epsg;
    }

    @Override
    public float nodata() {
        return nodata;
    }

    public boolean hasNodata() {
        return !Float.isNaN(nodata);
    }

    /** Raw value of a cell (may be void). */
    public float height(int col, int row) {
        Objects.checkIndex(col, width);
        Objects.checkIndex(row, height);
        return heights[row * width + col];
    }

    public boolean isVoid(int col, int row) {
        return isVoidValue(height(col, row));
    }

    /** True for NaN and the nodata marker. */
    @Override
    public boolean isVoidValue(float h) {
        return h != h || h == nodata;
    }

    /** Copies one row into {@code dst}. */
    public void copyRow(int row, float[] dst, int dstOffset) {
        Objects.checkIndex(row, height);
        System.arraycopy(heights, row * width, dst, dstOffset, width);
    }

    /** Puts {@code rows} whole rows starting at {@code row0} into {@code dst} (bulk, for writers). */
    public void putRows(int row0, int rows, java.nio.FloatBuffer dst) {
        Objects.checkFromIndexSize(row0, rows, height);
        dst.put(heights, row0 * width, rows * width);
    }

    /**
     * A copy of the window of {@code w x h} cells from column {@code col0}, row {@code row0}, with its
     * transform shifted so every cell keeps its position. Coverage crops each sensor's range this way so
     * the cost follows the range, not the scenario's extent.
     */
    public DemGrid window(int col0, int row0, int w, int h) {
        Objects.checkFromIndexSize(col0, w, width);
        Objects.checkFromIndexSize(row0, h, height);
        float[] out = new float[w * h];
        for (int r = 0; r < h; r++) {
            System.arraycopy(heights, (row0 + r) * width + col0, out, r * w, w);
        }
        return new DemGrid(w, h, out, transform.shifted(col0, row0), epsg, nodata);
    }

    /** A defensive copy of all heights. */
    public float[] copyHeights() {
        return heights.clone();
    }

    /** Number of void cells. */
    public long voidCount() {
        long n = 0;
        for (float h : heights) {
            if (isVoidValue(h)) {
                n++;
            }
        }
        return n;
    }

    /** The same grid (size, transform, CRS, nodata) with other heights, copied. */
    public DemGrid withHeights(float[] newHeights) {
        return of(width, height, newHeights, transform, epsg, nodata);
    }

    @Override
    public String toString() {
        return "DemGrid[" + width + " x " + height + ", EPSG:" + epsg + ", " + transform + ", nodata=" + nodata + "]";
    }
}
