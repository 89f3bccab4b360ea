package org.skydas.terrain.viewshed;

/**
 * Inputs of one viewshed, as {@code gdal_viewshed} takes them.
 *
 * @param observerX observer position in the DEM's CRS
 * @param observerY observer position in the DEM's CRS
 * @param observerHeight eye height above the ground at the observer (m)
 * @param targetHeight height above the ground of the thing to be seen (m)
 * @param maxDistance range limit in CRS units; 0 means unlimited
 * @param curvatureCoefficient terrain is lowered by {@code coeff * d^2 / (2 a)}; 0.85714 = 1 - 1/7
 *        (earth curvature minus standard refraction), 0 = flat earth
 * @param cellMode interpolation rule, {@link CellMode#EDGE} as in gdal_viewshed
 */
public record ViewshedParams(double observerX, double observerY, double observerHeight, double targetHeight,
        double maxDistance, double curvatureCoefficient, CellMode cellMode) {

    /** gdal_viewshed's default curvature coefficient: curvature with refraction 1/7. */
    public static final double DEFAULT_CURVATURE = 0.85714;

    public ViewshedParams {
        if (!Double.isFinite(observerX) || !Double.isFinite(observerY)) {
            throw new IllegalArgumentException("observer position must be finite");
        }
        if (!Double.isFinite(observerHeight) || !Double.isFinite(targetHeight)) {
            throw new IllegalArgumentException("observer and target heights must be finite");
        }
        if (!(maxDistance >= 0) || Double.isInfinite(maxDistance)) {
            throw new IllegalArgumentException("max distance must be >= 0 (0 = unlimited), got " + maxDistance);
        }
        if (!Double.isFinite(curvatureCoefficient)) {
            throw new IllegalArgumentException("curvature coefficient must be finite");
        }
        if (cellMode == null) {
            cellMode = CellMode.EDGE;
        }
    }

    /** gdal_viewshed's defaults: unlimited range, curvature 0.85714, edge mode. */
    public static ViewshedParams of(double x, double y, double observerHeight, double targetHeight) {
        return new ViewshedParams(x, y, observerHeight, targetHeight, 0, DEFAULT_CURVATURE, CellMode.EDGE);
    }

    public ViewshedParams withMaxDistance(double d) {
        return new ViewshedParams(observerX, observerY, observerHeight, targetHeight, d, curvatureCoefficient, cellMode);
    }

    public ViewshedParams withCurvature(double c) {
        return new ViewshedParams(observerX, observerY, observerHeight, targetHeight, maxDistance, c, cellMode);
    }
}
