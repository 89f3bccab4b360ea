package org.skydas.terrain.corridor;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.skydas.terrain.GeoTransform;
import org.skydas.terrain.scenario.CellMask;

/**
 * Obstacles on the corridor grid for one mover. A line (and a polygon's outline) is drawn as a
 * 4-connected chain of cells, so no diagonal or knight's move can cross it without entering one of its
 * cells or passing between two of them: an impassable line makes its cells NaN in the friction; a
 * passable one puts its cells into a crossing group whose delay the cost search charges once per
 * crossing, whatever the angle ({@code CostDistance.Prepared#withCrossings}): half on entering its
 * cells, half on leaving them. A polygon's outline is crossed twice (in and out), so its group carries
 * half the delay. A planted forest adds its per-metre delay to the friction of every cell inside.
 * Only ever adds time: an obstacle never makes a move cheaper.
 */
final class ObstacleRaster {

    /** Cells in crossing groups (0 = none) and each group's delay in seconds. */
    static final class Crossings {
        final int[] group;
        private double[] charge = new double[8];
        private int groups = 1;
        private final Map<Long, Integer> merged = new HashMap<>();

        Crossings(int cells) {
            group = new int[cells];
        }

        int newGroup(double delayS) {
            if (groups == charge.length) {
                charge = Arrays.copyOf(charge, groups * 2);
            }
            charge[groups] = delayS;
            return groups++;
        }

        /** Puts a cell into group g; a cell already in another group gets a group charging both. */
        void add(int cell, int g) {
            int old = group[cell];
            if (old == 0 || old == g) {
                group[cell] = g;
                return;
            }
            long key = (long) old << 32 | g;
            Integer both = merged.get(key);
            if (both == null) {
                both = newGroup(charge[old] + charge[g]);
                merged.put(key, both);
            }
            group[cell] = both;
        }

        void clear(int cell) {
            group[cell] = 0;
        }

        Crossings copy() {
            Crossings c = new Crossings(group.length);
            System.arraycopy(group, 0, c.group, 0, group.length);
            c.charge = charge.clone();
            c.groups = groups;
            c.merged.putAll(merged);
            return c;
        }

        double[] charges() {
            return Arrays.copyOf(charge, groups);
        }

        boolean any() {
            return groups > 1;
        }
    }

    private ObstacleRaster() {
    }

    /**
     * Burns the obstacles into {@code friction} (impassable cells, planted forest) and {@code crossings}
     * ({@code cellCost}: how a delay in seconds turns into friction units for this raster: 1 for r.cost
     * frictions in seconds per cell, 1 / cell size for r.walk's s/m).
     */
    static void burn(float[] friction, Crossings crossings, int width, int height, GeoTransform gt,
            List<Obstacle> obstacles, Mover mover, double cellCost, double cellSizeM) {
        for (Obstacle o : obstacles) {
            Double delay = o.delayFor(mover);
            if (delay != null && delay == 0) {
                continue;
            }
            Geometry g = o.geometry();
            if (o.isArea() && g instanceof Polygonal) {
                boolean[] inside = CellMask.of(g, width, height, gt);
                for (int i = 0; i < inside.length; i++) {
                    if (inside[i]) {
                        friction[i] = delay == null ? Float.NaN : (float) (friction[i] + delay * cellSizeM * cellCost);
                    }
                }
                continue;
            }
            int lineGroup = delay == null ? 0 : crossings.newGroup(delay);
            int ringGroup = delay == null ? 0 : crossings.newGroup(delay / 2);
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                if (part instanceof LineString l) {
                    line(friction, crossings, width, height, gt, l.getCoordinates(), lineGroup);
                } else if (part instanceof Polygon p) {
                    line(friction, crossings, width, height, gt, p.getExteriorRing().getCoordinates(), ringGroup);
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

    /** Cells of a polyline as a 4-connected chain: NaN friction for group 0 (impassable), else into the group. */
    static void line(float[] friction, Crossings crossings, int width, int height, GeoTransform gt, Coordinate[] cs,
            int group) {
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
                if (col >= 0 && row >= 0 && col < width && row < height) {
                    int cell = row * width + col;
                    if (group == 0) {
                        friction[cell] = Float.NaN;
                    } else {
                        crossings.add(cell, group);
                    }
                }
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
}
