package org.skydas.terrain.scenario;

import java.util.Arrays;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.skydas.terrain.GeoTransform;

/**
 * Rasterises polygons onto a north-up grid: a cell belongs to the polygon when its centre lies inside
 * (even-odd rule over all rings, so holes stay out). A scanline fill: each ring segment adds its
 * crossing to the rows whose centre line it spans, so the cost is the segments' row span, not
 * cells x vertices.
 */
public final class CellMask {

    private CellMask() {
    }

    /** Cells of a {@code width x height} grid whose centre is inside {@code polygonal}. */
    public static boolean[] of(Geometry polygonal, int width, int height, GeoTransform gt) {
        boolean[] mask = new boolean[width * height];
        fill(polygonal, width, height, gt, mask);
        return mask;
    }

    /** Sets the cells inside {@code polygonal} in {@code mask} (others are left as they are). */
    public static void fill(Geometry polygonal, int width, int height, GeoTransform gt, boolean[] mask) {
        if (gt.isRotated()) {
            throw new IllegalArgumentException("rotated grids are not supported");
        }
        double[][] xs = new double[height][];
        int[] n = new int[height];
        for (int g = 0; g < polygonal.getNumGeometries(); g++) {
            if (!(polygonal.getGeometryN(g) instanceof Polygon p)) {
                continue;
            }
            addRing(p.getExteriorRing(), height, gt, xs, n);
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                addRing(p.getInteriorRingN(h), height, gt, xs, n);
            }
        }
        for (int r = 0; r < height; r++) {
            if (n[r] < 2) {
                continue;
            }
            double[] row = xs[r];
            Arrays.sort(row, 0, n[r]);
            for (int k = 0; k + 1 < n[r]; k += 2) {
                // cells whose centre col + 0.5 lies in [a, b)
                int from = Math.max(0, (int) Math.ceil(row[k] - 0.5));
                int to = Math.min(width - 1, (int) Math.ceil(row[k + 1] - 0.5) - 1);
                for (int c = from; c <= to; c++) {
                    mask[r * width + c] = true;
                }
            }
        }
    }

    private static void addRing(LinearRing ring, int height, GeoTransform gt, double[][] xs, int[] n) {
        Coordinate[] cs = ring.getCoordinates();
        for (int i = 0; i + 1 < cs.length; i++) {
            // in fractional grid coordinates
            double c1 = gt.col(cs[i].x, cs[i].y);
            double r1 = gt.row(cs[i].x, cs[i].y);
            double c2 = gt.col(cs[i + 1].x, cs[i + 1].y);
            double r2 = gt.row(cs[i + 1].x, cs[i + 1].y);
            if (r1 == r2) {
                continue;
            }
            double lo = Math.min(r1, r2);
            double hi = Math.max(r1, r2);
            // rows whose centre r + 0.5 is in [lo, hi): half-open, so a shared vertex counts once
            int from = Math.max(0, (int) Math.ceil(lo - 0.5));
            int to = Math.min(height - 1, (int) Math.ceil(hi - 0.5) - 1);
            for (int r = from; r <= to; r++) {
                double t = (r + 0.5 - r1) / (r2 - r1);
                double c = c1 + t * (c2 - c1);
                if (xs[r] == null) {
                    xs[r] = new double[8];
                } else if (n[r] == xs[r].length) {
                    xs[r] = Arrays.copyOf(xs[r], n[r] * 2);
                }
                xs[r][n[r]++] = c;
            }
        }
    }
}
