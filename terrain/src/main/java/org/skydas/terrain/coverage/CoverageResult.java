package org.skydas.terrain.coverage;

import org.skydas.terrain.GeoTransform;

/**
 * Combined coverage of several sensors for one target class, on the DEM's grid (row-major):
 * how many sensors cover each cell, and P(at least one detects) = 1 - prod(1 - Pd_i).
 *
 * <p>The constructor takes the arrays over without copying them (a grid of the whole border is tens of MB): the
 * caller hands them over and keeps no reference. The array accessors return copies; read a few cells with
 * {@link #count(int, int)}, {@link #probability(int, int)} or their flat-index forms, which cost no copy, and loop
 * over the whole grid on one copy (measured: the loop reads an array about 3x faster than the getter).
 *
 * @param voidCells DEM cells without data (bare ellipsoid, never covered)
 */
public record CoverageResult(int width, int height, GeoTransform transform, int epsg, CoverageTarget target,
        short[] sensorCount, float[] pAtLeastOne, long voidCells) {

    public int count(int col, int row) {
        return sensorCount[row * width + col];
    }

    public float probability(int col, int row) {
        return pAtLeastOne[row * width + col];
    }

    /** Sensors covering the cell at row-major index {@code index}. */
    public int count(int index) {
        return sensorCount[index];
    }

    /** P(at least one detects) at row-major index {@code index}. */
    public float probability(int index) {
        return pAtLeastOne[index];
    }

    /** A copy of the sensor counts, row-major (empty in a result {@link #withoutSensorCounts() without them}). */
    @Override
    public short[] sensorCount() {
        return sensorCount.clone();
    }

    /** A copy of P(at least one detects), row-major. */
    @Override
    public float[] pAtLeastOne() {
        return pAtLeastOne.clone();
    }

    /** This result without its sensor counts (2 bytes a cell), sharing the probabilities (nothing copied). */
    public CoverageResult withoutSensorCounts() {
        return new CoverageResult(width, height, transform, epsg, target, new short[0], pAtLeastOne, voidCells);
    }
}
