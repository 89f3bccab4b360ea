package org.skydas.terrain;

/**
 * Row access to a georeferenced height raster: what the viewshed needs. A {@link DemGrid} is one;
 * {@link org.skydas.terrain.io.GeoTiffReader#openRows} can also stream rows straight from an
 * uncompressed file, so a one-shot viewshed never builds the whole float grid (on a
 * 77 M-cell DEM that alone is 300 MB of freshly faulted memory). Implementations must allow
 * concurrent {@link #readRow} calls from different threads.
 */
public interface HeightRows {

    int width();

    int height();

    GeoTransform transform();

    /** EPSG code, 0 when unknown. */
    int epsg();

    /** The source's void marker (NaN when none; NaN is always void). */
    float nodata();

    /** Copies row {@code row} (all {@link #width()} values) into {@code dst}. */
    void readRow(int row, float[] dst);

    /** True for NaN and the nodata marker. */
    default boolean isVoidValue(float h) {
        return h != h || h == nodata();
    }

    /** One value (reads its row; for occasional use such as the observer's cell). */
    default float heightAt(int col, int row) {
        float[] r = new float[width()];
        readRow(row, r);
        return r[col];
    }
}
