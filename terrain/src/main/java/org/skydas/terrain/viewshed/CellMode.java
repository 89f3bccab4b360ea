package org.skydas.terrain.viewshed;

/**
 * How the line-of-sight height of a cell is interpolated from the two already-processed
 * neighbours nearer the observer (GDAL's GDALViewshedMode). {@code gdal_viewshed} always uses
 * {@link #EDGE}; the others exist in GDAL's API and are kept for experiments.
 */
public enum CellMode {
    /** Through the two neighbours on the edge of the cell facing the observer (GVM_Edge, default). */
    EDGE,
    /** Through the two neighbours sharing the diagonal facing the observer (GVM_Diagonal). */
    DIAGONAL,
    /** The higher of the two (GVM_Max, conservative). */
    MAX,
    /** The lower of the two (GVM_Min, generous). */
    MIN
}
