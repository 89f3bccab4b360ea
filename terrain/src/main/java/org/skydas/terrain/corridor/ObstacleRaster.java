package org.skydas.terrain.corridor;

import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.skydas.terrain.GeoTransform;
import org.skydas.terrain.scenario.CellMask;

/**
 * Obstacles burnt into a friction raster for one mover. A line (and a polygon's outline) is drawn as a
 * 4-connected chain of cells, so no diagonal or knight's move can cross it without entering one of its
 * cells (r.cost's knight's move averages in the two cells it passes between): an impassable line makes
 * its cells NaN; a delay adds {@code delay_s} to the cost of crossing one of its cells (a polygon's
 * outline is crossed twice, in and out, so each crossing carries half). A planted forest adds its
 * per-metre delay to every cell inside. Only ever raises friction: an obstacle never makes a move cheaper.
 */
final class ObstacleRaster {

    private ObstacleRaster() {
    }

    /**
     * Adds the obstacles to {@code friction} ({@code cellCost}: how a delay in seconds turns into friction
     * units for this raster: 1 for r.cost frictions in seconds per cell, 1 / cell size for r.walk's s/m).
     */
    static void burn(float[] friction, int width, int height, GeoTransform gt, List<Obstacle> obstacles, Mover mover,
            double cellCost, double cellSizeM) {
        for (Obstacle o : obstacles) {
            Double delay = o.delayFor(mover);
            if (delay != null && delay == 0) {
                continue;
            }
            Geometry g = o.geometry();
            if ("planted_forest".equals(o.kind()) && g instanceof Polygonal) {
                boolean[] inside = CellMask.of(g, width, height, gt);
                for (int i = 0; i < inside.length; i++) {
                    if (inside[i]) {
                        friction[i] = delay == null ? Float.NaN : (float) (friction[i] + delay * cellSizeM * cellCost);
                    }
                }
                continue;
            }
            float add = delay == null ? Float.NaN : (float) (delay * cellCost);
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                if (part instanceof LineString l) {
                    line(friction, width, height, gt, l.getCoordinates(), add);
                } else if (part instanceof Polygon p) {
                    float half = delay == null ? Float.NaN : add / 2;
                    line(friction, width, height, gt, p.getExteriorRing().getCoordinates(), half);
                    if (delay == null) {
                        boolean[] inside = CellMask.of(p, width, height, gt);
                        for (int c = 0; c < inside.length; c++) {
                            if (inside[c]) {
                                friction[c] = Float.NaN;
                            }
                        }
                    }
                }
            }
        }
    }

    /** Cells of a polyline as a 4-connected chain; each cell of the chain gets {@code add} once. */
    private static void line(float[] friction, int width, int height, GeoTransform gt, Coordinate[] cs, float add) {
        java.util.BitSet seen = new java.util.BitSet();
        for (int i = 0; i + 1 < cs.length; i++) {
            double c0 = gt.col(cs[i].x, cs[i].y);
            double r0 = gt.row(cs[i].x, cs[i].y);
            double c1 = gt.col(cs[i + 1].x, cs[i + 1].y);
            double r1 = gt.row(cs[i + 1].x, cs[i + 1].y);
            // walk the segment cell by cell (Amanatides-Woo): each step crosses one cell edge, so the
            // visited cells are 4-connected
            int col = (int) Math.floor(c0);
            int row = (int) Math.floor(r0);
            int endCol = (int) Math.floor(c1);
            int endRow = (int) Math.floor(r1);
            double dc = c1 - c0;
            double dr = r1 - r0;
            int stepC = dc > 0 ? 1 : -1;
            int stepR = dr > 0 ? 1 : -1;
            double tMaxC = dc == 0 ? Double.POSITIVE_INFINITY : ((stepC > 0 ? col + 1 - c0 : c0 - col) / Math.abs(dc));
            double tMaxR = dr == 0 ? Double.POSITIVE_INFINITY : ((stepR > 0 ? row + 1 - r0 : r0 - row) / Math.abs(dr));
            double tDeltaC = dc == 0 ? Double.POSITIVE_INFINITY : 1 / Math.abs(dc);
            double tDeltaR = dr == 0 ? Double.POSITIVE_INFINITY : 1 / Math.abs(dr);
            int guard = Math.abs(endCol - col) + Math.abs(endRow - row) + 2;
            for (int n = 0; n < guard; n++) {
                mark(friction, width, height, col, row, add, seen);
                if (col == endCol && row == endRow) {
                    break;
                }
                if (tMaxC < tMaxR) {
                    tMaxC += tDeltaC;
                    col += stepC;
                } else {
                    tMaxR += tDeltaR;
                    row += stepR;
                }
            }
        }
    }

    private static void mark(float[] friction, int width, int height, int col, int row, float add,
            java.util.BitSet seen) {
        if (col < 0 || row < 0 || col >= width || row >= height) {
            return;
        }
        int i = row * width + col;
        if (!seen.get(i)) {
            seen.set(i);
            friction[i] = Float.isNaN(add) ? Float.NaN : friction[i] + add;
        }
    }
}
