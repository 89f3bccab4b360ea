package org.skydas.terrain.scenario;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.skydas.model.Asset;
import org.skydas.model.AssetType;
import org.skydas.model.Scenario;
import org.skydas.terrain.GeoTransform;

/**
 * Canopy that a scenario's reforestation areas and roadside tree lines add to the surface in a given
 * year. Trees are planted in the asset's {@code year} and grow linearly to {@code canopy_height_m}
 * (default 20 m) over {@code growth_years} (default 15); a tree line is {@code width_m} wide (default
 * 10 m) but at least one cell, so a line thinner than the grid still blocks sight across it.
 */
public final class ScenarioCanopy {

    public static final double DEFAULT_CANOPY_M = 20;
    public static final double DEFAULT_GROWTH_YEARS = 15;
    public static final double DEFAULT_TREE_LINE_WIDTH_M = 10;

    private ScenarioCanopy() {
    }

    /** Canopy height of one planting in {@code year}: 0 before planting, linear growth, then full. */
    public static double heightIn(Asset a, int year) {
        double full = number(a, "canopy_height_m", DEFAULT_CANOPY_M);
        double growth = number(a, "growth_years", DEFAULT_GROWTH_YEARS);
        double age = year - a.year();
        if (age <= 0 || full <= 0) {
            return 0;
        }
        return growth <= 0 ? full : full * Math.min(1, age / growth);
    }

    /**
     * Adds (as a maximum) the canopy of the selected plantings to {@code heights} (row-major on the
     * grid). Returns how many plantings added canopy.
     */
    public static int add(Scenario s, int year, SensorSelection selection, int width, int height, GeoTransform gt,
            float[] heights) {
        int used = 0;
        double cell = Math.max(Math.abs(gt.dx()), Math.abs(gt.dy()));
        for (Asset a : s.assets()) {
            boolean forest = a.type() == AssetType.REFORESTATION_AREA;
            boolean line = a.type() == AssetType.ROADSIDE_TREE_LINE;
            if (!(forest || line) || !selection.includes(a.status())) {
                continue;
            }
            double h = heightIn(a, year);
            if (h <= 0) {
                continue;
            }
            Geometry g = a.geometry();
            if (line || !(g instanceof Polygonal)) {
                double w = number(a, "width_m", DEFAULT_TREE_LINE_WIDTH_M);
                g = g.buffer(Math.max(w, cell) / 2);
            }
            boolean[] mask = CellMask.of(g, width, height, gt);
            boolean any = false;
            for (int i = 0; i < mask.length; i++) {
                if (mask[i] && heights[i] < h) {
                    heights[i] = (float) h;
                    any = true;
                }
            }
            used += any ? 1 : 0;
        }
        return used;
    }

    private static double number(Asset a, String key, double def) {
        Object v = a.params().get(key);
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        if (v instanceof String str) {
            try {
                return Double.parseDouble(str.trim());
            } catch (NumberFormatException e) {
                return def;
            }
        }
        return def;
    }
}
