package org.skydas.terrain.warp;

import java.util.List;

import org.locationtech.proj4j.ProjCoordinate;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.GeoTransform;

/** A target raster grid: size, transform and CRS. */
public record GridSpec(int width, int height, GeoTransform transform, int epsg) {

    public GridSpec {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("empty grid " + width + " x " + height);
        }
    }

    /**
     * The north-up grid of square {@code resolution} cells in {@code epsg} that covers all
     * sources (their outlines are densely transformed, so curved edges are enclosed), with the
     * top-left corner on the minimum x / maximum y like gdalwarp without -tap.
     */
    public static GridSpec covering(List<DemGrid> sources, int epsg, double resolution) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        int n = 40;
        for (DemGrid s : sources) {
            CrsTransform t = CrsTransform.between(s.epsg(), epsg);
            ProjCoordinate out = new ProjCoordinate();
            for (int k = 0; k <= n; k++) {
                double f = (double) k / n;
                double[][] edge = {{f * s.width(), 0}, {f * s.width(), s.height()}, {0, f * s.height()},
                    {s.width(), f * s.height()}};
                for (double[] cr : edge) {
                    GeoTransform g = s.transform();
                    t.apply(g.x(cr[0], cr[1]), g.y(cr[0], cr[1]), out);
                    minX = Math.min(minX, out.x);
                    maxX = Math.max(maxX, out.x);
                    minY = Math.min(minY, out.y);
                    maxY = Math.max(maxY, out.y);
                }
            }
        }
        int w = (int) Math.ceil((maxX - minX) / resolution - 1e-9);
        int h = (int) Math.ceil((maxY - minY) / resolution - 1e-9);
        return new GridSpec(w, h, GeoTransform.northUp(minX, maxY, resolution, -resolution), epsg);
    }
}
