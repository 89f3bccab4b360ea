package org.skydas.terrain.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.skydas.geo.Lks94;
import org.skydas.model.Scenario;
import org.skydas.model.Sector;
import org.skydas.model.TargetClass;
import org.skydas.model.Zone;
import org.skydas.model.ZoneKind;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.GeoTransform;
import org.skydas.terrain.coverage.CoverageCalculator;
import org.skydas.terrain.coverage.CoverageResult;
import org.skydas.terrain.coverage.CoverageTarget;
import org.skydas.terrain.coverage.SensorFootprint;
import org.skydas.terrain.landcover.LandCoverModel;
import org.skydas.terrain.landcover.Obstruction;
import org.skydas.terrain.warp.DemWarper;
import org.skydas.terrain.warp.GridSpec;

/**
 * A scenario's sensor coverage and gaps, on one LKS-94 grid over its border strip.
 *
 * <p>{@link #prepare} builds the grid (the border strip's extent, widened to hold every sensor whose
 * range reaches it), the terrain (DEMs warped onto the grid; where none covers a cell, or none is
 * given, the bare ellipsoid at 0 m), the obstruction (land cover plus the scenario's plantings in the
 * chosen year) and which strip cells belong to which sector (the nearest one). {@link #compute} then
 * gives one target class at a time, so a caller can write and drop each class's rasters.
 */
public final class ScenarioCoverage {

    /** Used when a scenario has sectors but no border strip zone: a band this wide each side. */
    public static final double FALLBACK_STRIP_HALF_WIDTH_M = 500;

    private final Scenario scenario;
    private final CoverageOptions options;
    private final DemGrid dem;
    private final Obstruction obstruction;
    private final String terrainNote;
    private final Geometry strip;
    private final int[] stripCells;
    private final int[] stripSector;
    private final List<Sector> sectors;
    private final int plantings;

    private ScenarioCoverage(Scenario scenario, CoverageOptions options, DemGrid dem, Obstruction obstruction,
            String terrainNote, Geometry strip, int[] stripCells, int[] stripSector, int plantings) {
        this.scenario = scenario;
        this.options = options;
        this.dem = dem;
        this.obstruction = obstruction;
        this.terrainNote = terrainNote;
        this.strip = strip;
        this.stripCells = stripCells;
        this.stripSector = stripSector;
        this.sectors = scenario.sectors();
        this.plantings = plantings;
    }

    /**
     * @param dems       DEMs in any CRS (may be empty: bare ellipsoid)
     * @param landCover  a land-cover class raster, or null
     * @param lcModel    class heights for {@code landCover}
     * @throws IllegalArgumentException when the scenario has neither a border strip nor sectors
     */
    public static ScenarioCoverage prepare(Scenario scenario, List<DemGrid> dems, DemGrid landCover,
            LandCoverModel lcModel, CoverageOptions options) {
        Geometry strip = strip(scenario);
        double res = options.resolutionM();
        Envelope env = new Envelope(strip.getEnvelopeInternal());
        for (Sector s : scenario.sectors()) {
            env.expandToInclude(s.geometry().getEnvelopeInternal());
        }
        Envelope area = new Envelope(env);
        for (SensorFootprint f : allSensors(scenario, options)) {
            Envelope reach = new Envelope(f.x() - f.maxRange(), f.x() + f.maxRange(), f.y() - f.maxRange(),
                    f.y() + f.maxRange());
            if (reach.intersects(area)) {
                env.expandToInclude(f.x(), f.y());
            }
        }
        // snapped to whole cells (like gdalwarp -tap) with one cell of margin
        double minX = Math.floor(env.getMinX() / res) * res - res;
        double maxX = Math.ceil(env.getMaxX() / res) * res + res;
        double minY = Math.floor(env.getMinY() / res) * res - res;
        double maxY = Math.ceil(env.getMaxY() / res) * res + res;
        int w = (int) Math.round((maxX - minX) / res);
        int h = (int) Math.round((maxY - minY) / res);
        if ((long) w * h > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the grid would be %d x %d cells at %.0f m: choose a coarser --resolution", w, h, res));
        }
        GridSpec spec = new GridSpec(w, h, GeoTransform.northUp(minX, maxY, res, -res), Lks94.EPSG);

        DemGrid grid;
        String note;
        if (dems.isEmpty()) {
            grid = DemGrid.wrap(w, h, new float[w * h], spec.transform(), Lks94.EPSG, Float.NaN);
            note = "terrain: bare ellipsoid (height 0 m, no DEM given)";
        } else {
            DemWarper.Result r = DemWarper.warp(dems, spec);
            grid = r.grid();
            double pct = 100.0 * r.filledCells() / ((double) w * h);
            note = r.filledCells() == 0 ? "terrain: DEM"
                    : String.format(Locale.ROOT,
                            "terrain: DEM; bare ellipsoid (height 0 m) on %.2f %% of the grid that no DEM covers", pct);
        }

        float[] obs = new float[w * h];
        double edge = LandCoverModel.DEFAULT_EDGE_DEPTH;
        if (landCover != null) {
            resampleLandCover(landCover, lcModel, spec, obs);
            edge = lcModel.edgeDepth();
            note += "; land cover";
        }
        int plantings = ScenarioCanopy.add(scenario, options.year(), options.selection(), w, h, spec.transform(), obs);
        if (plantings > 0) {
            note += String.format(Locale.ROOT, "; canopy of %d planting(s) in %d", plantings, options.year());
        }
        boolean anyObstruction = false;
        for (float v : obs) {
            if (v > 0) {
                anyObstruction = true;
                break;
            }
        }
        Obstruction obstruction = anyObstruction ? Obstruction.of(w, h, obs, res, res, edge) : null;

        boolean[] mask = CellMask.of(strip, w, h, spec.transform());
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        int[] cells = new int[n];
        int k = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                cells[k++] = i;
            }
        }
        int[] sectorOf = nearestSector(scenario.sectors(), cells, w, spec.transform());
        return new ScenarioCoverage(scenario, options, grid, obstruction, note, strip, cells, sectorOf, plantings);
    }

    /** The union of the border strip zones, or a band around the sectors when there is none. */
    static Geometry strip(Scenario s) {
        List<Geometry> parts = new ArrayList<>();
        for (Zone z : s.zones()) {
            if (z.kind() == ZoneKind.BORDER_STRIP) {
                parts.add(z.geometry());
            }
        }
        if (parts.isEmpty()) {
            for (Sector sec : s.sectors()) {
                parts.add(sec.geometry().buffer(FALLBACK_STRIP_HALF_WIDTH_M));
            }
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("the scenario has no border strip zone and no sectors");
        }
        return UnaryUnionOp.union(parts);
    }

    private static List<SensorFootprint> allSensors(Scenario s, CoverageOptions o) {
        List<SensorFootprint> all = new ArrayList<>();
        for (TargetClass t : o.targetHeights().keySet()) {
            all.addAll(ScenarioSensors.footprints(s, t, o.selection()));
        }
        return all;
    }

    private static int[] nearestSector(List<Sector> sectors, int[] cells, int w, GeoTransform gt) {
        int[] out = new int[cells.length];
        if (sectors.isEmpty()) {
            java.util.Arrays.fill(out, -1);
            return out;
        }
        STRtree tree = new STRtree();
        for (int s = 0; s < sectors.size(); s++) {
            Geometry g = sectors.get(s).geometry();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Coordinate[] cs = g.getGeometryN(i).getCoordinates();
                for (int j = 0; j + 1 < cs.length; j++) {
                    LineSegment seg = new LineSegment(cs[j], cs[j + 1]);
                    Envelope e = new Envelope(cs[j], cs[j + 1]);
                    tree.insert(e, new Object[] {s, seg});
                }
            }
        }
        tree.build();
        IntStream.range(0, cells.length).parallel().forEach(k -> {
            int i = cells[k];
            Coordinate p = new Coordinate(gt.x(i % w + 0.5, i / w + 0.5), gt.y(i % w + 0.5, i / w + 0.5));
            Object[] best = (Object[]) tree.nearestNeighbour(new Envelope(p), new Object[] {-1, new LineSegment(p, p)},
                    (a, b) -> {
                        LineSegment sa = (LineSegment) ((Object[]) a.getItem())[1];
                        LineSegment sb = (LineSegment) ((Object[]) b.getItem())[1];
                        // one side is always the query point (a degenerate segment)
                        return sa.p0.equals2D(sa.p1) ? pointToSegment(sa.p0, sb) : pointToSegment(sb.p0, sa);
                    });
            out[k] = (int) best[0];
        });
        return out;
    }

    /** Euclidean distance from a point to a segment (JTS's goes through the slow Math.hypot). */
    static double pointToSegment(Coordinate p, LineSegment s) {
        double dx = s.p1.x - s.p0.x;
        double dy = s.p1.y - s.p0.y;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : ((p.x - s.p0.x) * dx + (p.y - s.p0.y) * dy) / len2;
        t = Math.max(0, Math.min(1, t));
        double ex = s.p0.x + t * dx - p.x;
        double ey = s.p0.y + t * dy - p.y;
        return Math.sqrt(ex * ex + ey * ey);
    }

    /** Nearest-neighbour resampling of class codes onto the grid, as obstruction heights. */
    private static void resampleLandCover(DemGrid lc, LandCoverModel model, GridSpec spec, float[] obs) {
        float[] codes = org.skydas.terrain.landcover.ClassSampler.nearest(lc, spec);
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == codes[i]) {
                obs[i] = (float) model.heightOf(codes[i]);
            }
        }
    }

    /** One target class: the rasters and the gaps per sector. */
    public ClassCoverage compute(TargetClass target, CoverageCalculator.Progress progress) {
        Double height = options.targetHeights().get(target);
        if (height == null) {
            throw new IllegalArgumentException("target class " + target + " is not selected");
        }
        List<SensorFootprint> used = sensors(target);
        CoverageTarget ct = new CoverageTarget(target.name().toLowerCase(Locale.ROOT), height);
        CoverageResult result = CoverageCalculator.compute(dem, used, ct, obstruction, options.curvature(),
                options.threads(), progress);
        return new ClassCoverage(target, result, used, gaps(result));
    }

    /**
     * The sensors {@link #compute} uses for {@code target}: the selected ones standing on the grid
     * (the others cannot reach the strip, see {@link #prepare}).
     */
    public List<SensorFootprint> sensors(TargetClass target) {
        List<SensorFootprint> used = new ArrayList<>();
        GeoTransform gt = dem.transform();
        for (SensorFootprint f : ScenarioSensors.footprints(scenario, target, options.selection())) {
            double c = gt.col(f.x(), f.y());
            double r = gt.row(f.x(), f.y());
            if (c >= 0 && r >= 0 && c < dem.width() && r < dem.height()) {
                used.add(f);
            }
        }
        return used;
    }

    private List<SectorGaps> gaps(CoverageResult r) {
        int w = dem.width();
        GeoTransform gt = dem.transform();
        double cellArea = Math.abs(gt.dx() * gt.dy());
        float thr = (float) options.threshold();
        int ns = sectors.size();
        long[] cellsPer = new long[ns];
        long[] coveredPer = new long[ns];
        List<List<int[]>> runs = new ArrayList<>();
        for (int s = 0; s < ns; s++) {
            runs.add(new ArrayList<>());
        }
        // uncovered strip cells as row runs per sector; strip cells are in row-major order
        int runStart = -1;
        int runSector = -1;
        int prev = -2;
        for (int k = 0; k < stripCells.length; k++) {
            int i = stripCells[k];
            int s = stripSector[k];
            if (s < 0) {
                continue;
            }
            cellsPer[s]++;
            boolean covered = r.probability(i) >= thr;
            if (covered) {
                coveredPer[s]++;
            }
            boolean extend = !covered && runStart >= 0 && runSector == s && i == prev + 1 && i / w == prev / w;
            if (!extend && runStart >= 0) {
                runs.get(runSector).add(new int[] {runStart, prev});
                runStart = -1;
            }
            if (!covered && runStart < 0) {
                runStart = i;
                runSector = s;
            }
            if (!covered) {
                prev = i;
            }
        }
        if (runStart >= 0) {
            runs.get(runSector).add(new int[] {runStart, prev});
        }
        GeometryFactory gf = Lks94.GRID;
        List<SectorGaps> out = new ArrayList<>();
        for (int s = 0; s < ns; s++) {
            Sector sec = sectors.get(s);
            List<Geometry> rects = new ArrayList<>();
            for (int[] run : runs.get(s)) {
                int row = run[0] / w;
                double x0 = gt.x(run[0] % w, row);
                double x1 = gt.x(run[1] % w + 1, row);
                double y0 = gt.y(0, row);
                double y1 = gt.y(0, row + 1);
                rects.add(gf.toGeometry(new Envelope(x0, x1, y0, y1)));
            }
            Geometry gaps = rects.isEmpty() ? gf.createMultiPolygon() : UnaryUnionOp.union(rects);
            double pct = cellsPer[s] == 0 ? 0 : 100.0 * coveredPer[s] / cellsPer[s];
            out.add(new SectorGaps(sec.id(), sec.neighbour().code(), cellsPer[s], coveredPer[s],
                    cellsPer[s] * cellArea, pct, sec.geometry().getLength(), longestGap(sec.geometry(), r, thr),
                    gaps));
        }
        return out;
    }

    /**
     * The longest continuous stretch of the line whose cells have P below the threshold: each line
     * is cut into pieces of at most a quarter cell, a piece is uncovered when the cell under its
     * midpoint is (or lies outside the grid). Separate parts of a MultiLineString do not join.
     */
    static double longestGap(Geometry lineal, CoverageResult r, float thr) {
        GeoTransform gt = r.transform();
        double step = Math.min(Math.abs(gt.dx()), Math.abs(gt.dy())) / 4;
        double best = 0;
        for (int g = 0; g < lineal.getNumGeometries(); g++) {
            if (!(lineal.getGeometryN(g) instanceof LineString ls)) {
                continue;
            }
            Coordinate[] cs = ls.getCoordinates();
            double run = 0;
            for (int i = 0; i + 1 < cs.length; i++) {
                double len = cs[i].distance(cs[i + 1]);
                int n = Math.max(1, (int) Math.ceil(len / step));
                for (int k = 0; k < n; k++) {
                    double t = (k + 0.5) / n;
                    double x = cs[i].x + t * (cs[i + 1].x - cs[i].x);
                    double y = cs[i].y + t * (cs[i + 1].y - cs[i].y);
                    int c = (int) Math.floor(gt.col(x, y));
                    int rr = (int) Math.floor(gt.row(x, y));
                    boolean covered = c >= 0 && rr >= 0 && c < r.width() && rr < r.height()
                            && r.probability(c, rr) >= thr;
                    if (covered) {
                        run = 0;
                    } else {
                        run += len / n;
                        best = Math.max(best, run);
                    }
                }
            }
        }
        return best;
    }

    public DemGrid terrain() {
        return dem;
    }

    /** "terrain: bare ellipsoid ..." or "terrain: DEM ...": every output carries it. */
    public String terrainNote() {
        return terrainNote;
    }

    public Geometry strip() {
        return strip;
    }

    public Scenario scenario() {
        return scenario;
    }

    public CoverageOptions options() {
        return options;
    }

    public int plantings() {
        return plantings;
    }

    /** Row-major indices of the grid cells in the border strip (ascending); do not modify. */
    int[] stripCellIndices() {
        return stripCells;
    }

    /** Number of grid cells in the border strip. */
    public int stripCellCount() {
        return stripCells.length;
    }

    /**
     * The grid cells (row-major indices, ascending) where one sensor alone detects {@code target}
     * with Pd >= {@code threshold}, on this grid's terrain and obstruction: what budgeted siting
     * counts as a candidate's cover. Empty when the sensor stands outside the grid.
     */
    public int[] sensorCells(SensorFootprint f, TargetClass target, double threshold) {
        Double height = options.targetHeights().get(target);
        if (height == null) {
            throw new IllegalArgumentException("target class " + target + " is not selected");
        }
        GeoTransform gt = dem.transform();
        double c = gt.col(f.x(), f.y());
        double r = gt.row(f.x(), f.y());
        if (c < 0 || r < 0 || c >= dem.width() || r >= dem.height()) {
            return new int[0];
        }
        CoverageTarget ct = new CoverageTarget(target.name().toLowerCase(Locale.ROOT), height);
        int w = dem.width();
        java.util.stream.IntStream.Builder out = java.util.stream.IntStream.builder();
        CoverageCalculator.sensor(dem, f, ct, obstruction, options.curvature(), (row, c0, cw, hit, pd) -> {
            for (int k = 0; k < cw; k++) {
                if (hit[k] && pd[k] >= threshold) {
                    out.add(row * w + c0 + k);
                }
            }
        });
        return out.build().toArray();
    }
}
