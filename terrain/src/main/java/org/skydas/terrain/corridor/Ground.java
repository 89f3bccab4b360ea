package org.skydas.terrain.corridor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.GeoTransform;
import org.skydas.terrain.landcover.ClassSampler;
import org.skydas.terrain.warp.GridSpec;

/**
 * What the ground is made of, beyond its heights: a land-cover class raster (any CRS with an EPSG code,
 * sampled by nearest neighbour), water (rivers as lines, lakes as polygons, LKS-94) and roads (lines,
 * LKS-94). {@link #friction} turns them into one mover's friction and river crossings (see the tables in
 * {@link Mover}): land cover sets the off-road friction, lakes and rivers are burnt over it like obstacles
 * of kind {@code lake} and {@code river}, and roads go over everything (a road across a river is a bridge).
 */
public record Ground(DemGrid landcover, Cover.Coding coding, List<Geometry> water, List<Geometry> roads) {

    /** Bare ground: every cell farmland, no water, no roads. */
    public static final Ground NONE = new Ground(null, Cover.Coding.CORINE_LEVEL1, List.of(), List.of());

    public Ground {
        if (landcover != null && coding == null) {
            throw new IllegalArgumentException("a land-cover raster needs its coding");
        }
        water = List.copyOf(water);
        roads = List.copyOf(roads);
        for (Geometry g : water) {
            if (!(g instanceof Lineal || g instanceof Polygonal)) {
                throw new IllegalArgumentException("water must be lines (rivers) or polygons (lakes), got "
                        + g.getGeometryType());
            }
        }
        for (Geometry g : roads) {
            if (!(g instanceof Lineal)) {
                throw new IllegalArgumentException("roads must be lines, got " + g.getGeometryType());
            }
        }
    }

    /**
     * The geometries of a GeoJSON file (WGS84) in LKS-94, for {@code water} or {@code roads}; points are
     * refused, naming the feature.
     */
    public static List<Geometry> readGeoJson(java.nio.file.Path file) throws java.io.IOException,
            org.skydas.geo.GeoJsonException {
        List<Geometry> out = new ArrayList<>();
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            List<org.skydas.geo.GeoJsonFeature> fs = new org.skydas.geo.GeoJsonReader().readAll(in);
            for (int i = 0; i < fs.size(); i++) {
                Geometry g = fs.get(i).geometry();
                if (g == null || g.isEmpty() || g.getDimension() == 0) {
                    String id = fs.get(i).id() != null ? fs.get(i).id() : "#" + (i + 1);
                    throw new IllegalArgumentException(file + ": feature '" + id + "': a line or polygon is needed");
                }
                out.add(org.skydas.geo.Lks94.toGrid(g));
            }
        }
        return out;
    }

    /** One line for reports: what was used. */
    public String note() {
        List<String> parts = new ArrayList<>();
        if (landcover != null) {
            parts.add("land cover (" + coding.slug() + ")");
        }
        long lakes = water.stream().filter(g -> g instanceof Polygonal).count();
        if (!water.isEmpty()) {
            parts.add(String.format(Locale.ROOT, "water: %d river line(s), %d lake(s)", water.size() - lakes, lakes));
        }
        if (!roads.isEmpty()) {
            parts.add(roads.size() + " road line(s)");
        }
        return String.join("; ", parts);
    }

    /** A mover's friction before obstacles, and the river crossings. */
    record Friction(float[] friction, ObstacleRaster.Crossings crossings) {
    }

    /**
     * The mover's friction on the grid: r.walk's extra s/m for the walker, seconds per cell otherwise
     * (NaN impassable), from land cover, the slope limit ({@code z}: heights on the grid), water and roads.
     */
    Friction friction(Mover mover, GridSpec grid, float[] z) {
        int w = grid.width();
        int h = grid.height();
        int n = w * h;
        double cell = Math.abs(grid.transform().dx());
        GeoTransform gt = grid.transform();
        float[] codes = landcover == null ? null : ClassSampler.nearest(landcover, grid);
        float[] f = new float[n];
        double perCell = mover.walks() ? 0 : cell / mover.speedMps();
        for (int i = 0; i < n; i++) {
            Cover c = codes == null ? null : coding.cover(codes[i]);
            double k = mover.coverFriction(c == null ? Cover.FARMLAND : c);
            f[i] = (float) (mover.walks() ? k : perCell * k);
        }
        if (!Double.isNaN(mover.maxSlope())) {
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    if (CorridorAnalysis.slope(z, w, h, c, r, cell) > mover.maxSlope()) {
                        f[r * w + c] = Float.NaN;
                    }
                }
            }
        }
        ObstacleRaster.Crossings crossings = new ObstacleRaster.Crossings(n);
        Envelope box = new Envelope(gt.x(0, 0), gt.x(w, h), gt.y(0, 0), gt.y(w, h));
        List<Obstacle> wet = new ArrayList<>();
        for (int i = 0; i < water.size(); i++) {
            Geometry g = water.get(i);
            if (g.getEnvelopeInternal().intersects(box)) {
                wet.add(new Obstacle("water-" + (i + 1), g instanceof Polygonal ? "lake" : "river", g, null, null));
            }
        }
        ObstacleRaster.burn(f, crossings, w, h, gt, wet, mover, mover.walks() ? 1 / cell : 1, cell);
        double road = mover.roadSpeedMps();
        if (!Double.isNaN(road) && !roads.isEmpty()) {
            float onRoad = (float) (mover.walks() ? 0 : cell / road);
            float[] marks = new float[n];
            for (Geometry g : roads) {
                if (!g.getEnvelopeInternal().intersects(box)) {
                    continue;
                }
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    // group 0 marks the road's cells NaN in a scratch raster: its 4-connected chain
                    ObstacleRaster.line(marks, crossings, w, h, gt, g.getGeometryN(i).getCoordinates(), 0);
                }
            }
            for (int i = 0; i < n; i++) {
                if (marks[i] != marks[i]) {
                    f[i] = onRoad;
                    crossings.clear(i);
                }
            }
        }
        return new Friction(f, crossings);
    }
}
