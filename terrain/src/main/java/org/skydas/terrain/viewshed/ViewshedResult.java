package org.skydas.terrain.viewshed;

import org.skydas.terrain.GeoTransform;

/**
 * A viewshed on the DEM's own grid: {@link Viewshed#VISIBLE} (255) or 0 (invisible, out of range,
 * or void DEM cell) per cell, row-major. The constructor takes the array over without copying it (the caller
 * keeps no reference); {@link #cells()} returns a copy, {@link #isVisible(int, int)} reads a cell without one.
 *
 * @param voidCells DEM cells without data inside the computed window: taken as the bare ellipsoid
 *        (height 0) for the sight lines and never reported visible
 */
public record ViewshedResult(int width, int height, GeoTransform transform, int epsg, byte[] cells,
        int observerCol, int observerRow, double observerZ, long visibleCells, long voidCells) {

    public boolean isVisible(int col, int row) {
        return cells[row * width + col] == Viewshed.VISIBLE;
    }

    /** Whether the cell at row-major index {@code index} is visible. */
    public boolean isVisible(int index) {
        return cells[index] == Viewshed.VISIBLE;
    }

    /** A copy of the cells, row-major. */
    @Override
    public byte[] cells() {
        return cells.clone();
    }
}
