package org.skydas.terrain.coverage;

import org.skydas.terrain.GeoTransform;

/**
 * Combined coverage of several sensors for one target class, on the DEM's grid (row-major):
 * how many sensors cover each cell, and P(at least one detects) = 1 - prod(1 - Pd_i).
 * The arrays belong to the result; do not modify them.
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
}
