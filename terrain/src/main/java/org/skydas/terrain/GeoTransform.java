package org.skydas.terrain;

/**
 * Affine map from raster (column, row) to CRS (x, y), in GDAL's order: x = x0 + col*dx + row*rx,
 * y = y0 + col*ry + row*dy. Column/row are continuous: (0, 0) is the top-left corner of the
 * top-left cell, (0.5, 0.5) its centre.
 */
public record GeoTransform(double x0, double dx, double rx, double y0, double ry, double dy) {

    public GeoTransform {
        if (!(Double.isFinite(x0) && Double.isFinite(dx) && Double.isFinite(rx) && Double.isFinite(y0)
                && Double.isFinite(ry) && Double.isFinite(dy))) {
            throw new IllegalArgumentException("geotransform has a non-finite term");
        }
        if (dx * dy - rx * ry == 0) {
            throw new IllegalArgumentException("geotransform is singular (zero pixel size)");
        }
    }

    /** North-up transform with square or rectangular cells; {@code dy} is negative for north-up. */
    public static GeoTransform northUp(double x0, double y0, double dx, double dy) {
        return new GeoTransform(x0, dx, 0, y0, 0, dy);
    }

    public boolean isRotated() {
        return rx != 0 || ry != 0;
    }

    public double x(double col, double row) {
        return x0 + col * dx + row * rx;
    }

    public double y(double col, double row) {
        return y0 + col * ry + row * dy;
    }

    /** Continuous column of a CRS point (inverse map). */
    public double col(double x, double y) {
        double det = dx * dy - rx * ry;
        return (dy * (x - x0) - rx * (y - y0)) / det;
    }

    /** Continuous row of a CRS point (inverse map). */
    public double row(double x, double y) {
        double det = dx * dy - rx * ry;
        return (-ry * (x - x0) + dx * (y - y0)) / det;
    }

    /** The same grid moved by whole cells, e.g. the transform of a window starting at (col, row). */
    public GeoTransform shifted(int col, int row) {
        return new GeoTransform(x(col, row), dx, rx, y(col, row), ry, dy);
    }

    /** As GDAL prints it: [x0, dx, rx, y0, ry, dy]. */
    public double[] toArray() {
        return new double[] {x0, dx, rx, y0, ry, dy};
    }
}
