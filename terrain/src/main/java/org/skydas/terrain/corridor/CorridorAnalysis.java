package org.skydas.terrain.corridor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.skydas.geo.Lks94;
import org.skydas.model.BorderLine;
import org.skydas.model.Neighbour;
import org.skydas.model.Scenario;
import org.skydas.model.Sector;
import org.skydas.model.Zone;
import org.skydas.model.ZoneKind;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.GeoTransform;
import org.skydas.terrain.cost.CostDistance;
import org.skydas.terrain.cost.CostSurface;
import org.skydas.terrain.scenario.CellMask;
import org.skydas.terrain.warp.GridSpec;

/**
 * Approach corridors from a neighbour's side of the border to an objective on ours, for one mover:
 * the time every cell needs to reach the objective (one reverse cost-distance search from the
 * objective, with the knight's move; for walkers over the negated DEM, so climbing stays climbing in
 * the intruder's direction), the k fastest mutually diverse corridors (penalty method: each accepted
 * corridor's cells and their neighbours are made costlier and the search is run again; a candidate is
 * kept when it shares at most {@code maxOverlap} of its cells with every faster corridor), and per
 * corridor its travel time, where the scenario's sensors first detect it (cumulative detection
 * probability along it reaching 0.5), the warning time that leaves, the time its obstacles add and
 * the border sector it crosses.
 */
public final class CorridorAnalysis {

    /** What to analyse. {@code toZone}: a zone id or name as the objective, or null for the buffer's inner edge. */
    public record Options(Neighbour from, String toZone, int k, Mover mover, double maxOverlap, double depthM,
            double resolutionM) {

        public Options {
            if (k < 1 || k > 20) {
                throw new IllegalArgumentException("--k must be 1..20, got " + k);
            }
            if (!(maxOverlap >= 0 && maxOverlap <= 1)) {
                throw new IllegalArgumentException("--max-overlap must be 0..1, got " + maxOverlap);
            }
            if (!(depthM > 0) || !(resolutionM >= 10)) {
                throw new IllegalArgumentException("--depth must be > 0 and --resolution >= 10 m");
            }
        }
    }

    /** Detection probability of the mover's target class at a point (LKS-94), 0 where no sensor sees. */
    @FunctionalInterface
    public interface DetectionField {
        double probability(double x, double y);

        /** P(at least one) of a coverage grid at the cell under a point, 0 off the grid. */
        static DetectionField of(org.skydas.terrain.coverage.CoverageResult cr) {
            return (x, y) -> {
                int col = (int) Math.floor(cr.transform().col(x, y));
                int row = (int) Math.floor(cr.transform().row(x, y));
                return col < 0 || row < 0 || col >= cr.width() || row >= cr.height() ? 0 : cr.probability(col, row);
            };
        }
    }

    /**
     * One corridor, its cells in the intruder's order of travel (origin first). The arrays (a few thousand cells at
     * most) are copied in and out: a corridor never changes.
     */
    public record Corridor(int rank, Neighbour neighbour, Mover mover, int[] cells, Coordinate[] path,
            double[] elapsedS, double travelS, Double firstDetectionS, Double warningS, double obstacleDelayS,
            double overlapWithBetter, List<String> sectors) {

        public Corridor {
            cells = cells.clone();
            path = copy(path);
            elapsedS = elapsedS.clone();
        }

        /** A copy of the cells (row-major indices of the grid), origin first. */
        @Override
        public int[] cells() {
            return cells.clone();
        }

        /** A copy of the path through the cell centres, LKS-94, origin first. */
        @Override
        public Coordinate[] path() {
            return copy(path);
        }

        /** A copy of the time from the origin at each cell, s. */
        @Override
        public double[] elapsedS() {
            return elapsedS.clone();
        }

        private static Coordinate[] copy(Coordinate[] path) {
            Coordinate[] out = new Coordinate[path.length];
            for (int i = 0; i < path.length; i++) {
                out[i] = path[i].copy();
            }
            return out;
        }

        public boolean detected() {
            return firstDetectionS != null;
        }
    }

    /** Per sector: the least warning time among the corridors that cross it (null when one is undetected). */
    public record SectorWarning(String sector, Double minWarningS, int corridors, boolean undetectedCorridor) {
    }

    /**
     * What an analysis found. The constructor takes {@code timeToObjective} (a raster of the grid) over without
     * copying it, the caller keeping no reference; {@link #timeToObjective()} returns a copy,
     * {@link #timeToObjective(int)} reads one cell without one.
     */
    public record Result(Options options, GridSpec grid, float[] timeToObjective, List<Corridor> corridors,
            List<SectorWarning> sectors, int originCells, int objectiveCells, int obstacles) {

        /** A copy of the time to the objective per cell, row-major, s (NaN where unreachable). */
        @Override
        public float[] timeToObjective() {
            return timeToObjective.clone();
        }

        /** The time to the objective at row-major index {@code index}, s (NaN where unreachable). */
        public float timeToObjective(int index) {
            return timeToObjective[index];
        }
    }

    /** Told after each search (there are at most {@code 4 k + 1}). */
    @FunctionalInterface
    public interface Progress {
        void search(int done, int atMost);
    }

    private static final double PENALTY_WALK_S_PER_M = 2.0;
    private static final double PENALTY_FACTOR = 3.0;

    private CorridorAnalysis() {
    }

    /** The analysis grid: LKS-94, the neighbour's border lines widened by the depth (and 5 km), north-up. */
    public static GridSpec grid(Scenario s, Options o) {
        Envelope env = new Envelope();
        for (BorderLine b : lines(s, o.from())) {
            env.expandToInclude(b.geometry().getEnvelopeInternal());
        }
        env.expandBy(o.depthM() + 5_000 + 2 * o.resolutionM());
        double r = o.resolutionM();
        double x0 = Math.floor(env.getMinX() / r) * r;
        double y0 = Math.ceil(env.getMaxY() / r) * r;
        int w = (int) Math.ceil((env.getMaxX() - x0) / r);
        int h = (int) Math.ceil((y0 - env.getMinY()) / r);
        if ((long) w * h > 60_000_000L) {
            throw new IllegalArgumentException("the corridor grid would be " + w + " x " + h
                    + " cells: use a coarser --resolution");
        }
        return new GridSpec(w, h, GeoTransform.northUp(x0, y0, r, -r), Lks94.EPSG);
    }

    private static List<BorderLine> lines(Scenario s, Neighbour n) {
        List<BorderLine> out = s.border().stream().filter(b -> b.neighbour() == n).toList();
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the scenario has no border line with " + n.code());
        }
        return out;
    }

    /**
     * Runs the analysis. {@code terrain}: heights on {@link #grid} (null: the bare ellipsoid).
     */
    public static Result run(Scenario s, GridSpec grid, DemGrid terrain, DetectionField detection,
            List<Obstacle> obstacles, Options o, Progress progress) {
        return run(s, grid, terrain, Ground.NONE, detection, obstacles, o, progress);
    }

    /**
     * Runs the analysis over the ground's land cover, water and roads ({@code groundIn}; null or
     * {@link Ground#NONE}: farmland everywhere).
     */
    public static Result run(Scenario s, GridSpec grid, DemGrid terrain, Ground groundIn, DetectionField detection,
            List<Obstacle> obstacles, Options o, Progress progress) {
        int w = grid.width();
        int h = grid.height();
        int n = w * h;
        GeoTransform gt = grid.transform();
        double cell = o.resolutionM();
        Mover mover = o.mover();
        float[] z = new float[n];
        if (terrain != null) {
            if (terrain.width() != w || terrain.height() != h) {
                throw new IllegalArgumentException("terrain is not on the corridor grid");
            }
            z = terrain.copyHeights();
        }

        // friction without obstacles: r.walk's extra s/m for walkers, seconds per cell otherwise; rivers as crossings
        Ground.Friction ground = (groundIn == null ? Ground.NONE : groundIn).friction(mover, grid, z);
        float[] base = ground.friction();
        double cellCost = mover.walks() ? 1 / cell : 1;
        float[] withObstacles = base.clone();
        ObstacleRaster.Crossings crossings = ground.crossings().copy();
        ObstacleRaster.burn(withObstacles, crossings, w, h, gt, obstacles, mover, cellCost, cell);

        boolean[] origin = originMask(s, o, w, h, gt);
        boolean[] objective = objectiveMask(s, o, w, h, gt);
        for (int i = 0; i < n; i++) {
            objective[i] &= !Float.isNaN(withObstacles[i]); // water, an impassable obstacle: nobody stands there
        }
        int[] objectiveCells = indices(objective);
        int originCount = indices(origin).length;
        if (objectiveCells.length == 0) {
            throw new IllegalArgumentException("the objective has no cells on the corridor grid");
        }
        if (originCount == 0) {
            throw new IllegalArgumentException("no origin cells: " + o.from().code() + "'s side within "
                    + o.depthM() + " m of the border is outside the grid");
        }

        float[] negated = new float[n];
        for (int i = 0; i < n; i++) {
            negated[i] = -z[i];
        }
        DemGrid negDem = DemGrid.wrap(w, h, negated, gt, grid.epsg(), Float.NaN);
        CostDistance.Prepared priced = prepare(mover, negDem, withObstacles, crossings, gt, grid.epsg());
        CostDistance.Prepared bare = prepare(mover, negDem, base, ground.crossings(), gt, grid.epsg());
        CostDistance.Options search = new CostDistance.Options(true, 0, true);
        int atMost = 4 * o.k() + 1;
        CostSurface first = priced.search(objectiveCells, search, CostDistance.Progress.NONE);
        progress.search(1, atMost);
        float[] tto = new float[n];
        for (int i = 0; i < n; i++) {
            tto[i] = (float) first.cost(i);
        }

        List<Corridor> accepted = new ArrayList<>();
        List<Set<Integer>> acceptedCells = new ArrayList<>();
        float[] penalised = withObstacles.clone();
        CostSurface surface = first;
        int searches = 1;
        while (accepted.size() < o.k()) {
            int best = -1;
            double bestCost = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (origin[i]) {
                    double v = surface.cost(i);
                    if (v < bestCost) {
                        bestCost = v;
                        best = i;
                    }
                }
            }
            if (best < 0) {
                break;
            }
            int[] cells = surface.path(best % w, best / w);
            Set<Integer> set = new HashSet<>();
            for (int c : cells) {
                set.add(c);
            }
            double overlap = 0;
            for (Set<Integer> prev : acceptedCells) {
                int shared = 0;
                for (int c : cells) {
                    shared += prev.contains(c) ? 1 : 0;
                }
                overlap = Math.max(overlap, (double) shared / cells.length);
            }
            if (overlap <= o.maxOverlap()) {
                accepted.add(corridor(s, o, accepted.size() + 1, cells, gt, priced, bare, detection, overlap, w));
                acceptedCells.add(set);
            }
            if (accepted.size() == o.k() || searches >= atMost) {
                break;
            }
            penalise(penalised, withObstacles, cells, w, h, mover);
            CostDistance.Prepared p = prepare(mover, negDem, penalised, crossings, gt, grid.epsg());
            surface = p.search(objectiveCells, search, CostDistance.Progress.NONE);
            searches++;
            progress.search(searches, atMost);
        }
        accepted.sort((a, b) -> Double.compare(a.travelS(), b.travelS()));
        List<Corridor> ranked = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            Corridor c = accepted.get(i);
            ranked.add(new Corridor(i + 1, c.neighbour(), c.mover(), c.cells(), c.path(), c.elapsedS(), c.travelS(),
                    c.firstDetectionS(), c.warningS(), c.obstacleDelayS(), c.overlapWithBetter(), c.sectors()));
        }
        return new Result(o, grid, tto, ranked, sectorWarnings(ranked), originCount, objectiveCells.length,
                obstacles.size());
    }

    /** The search's rasters for a mover: r.walk over the DEM or r.cost, with the obstacles' crossings. */
    static CostDistance.Prepared prepare(Mover mover, DemGrid negDem, float[] friction,
            ObstacleRaster.Crossings crossings, GeoTransform gt, int epsg) {
        DemGrid f = DemGrid.wrap(negDem.width(), negDem.height(), friction, gt, epsg, Float.NaN);
        CostDistance.Prepared p = mover.walks() ? CostDistance.prepareWalk(negDem, f, CostDistance.WalkParams.DEFAULT)
                : CostDistance.prepare(f);
        return crossings != null && crossings.any() ? p.withCrossings(crossings.group, crossings.charges()) : p;
    }

    /** Makes a found corridor (and the cells beside it) costlier, so the next search looks elsewhere. */
    private static void penalise(float[] penalised, float[] original, int[] cells, int w, int h, Mover mover) {
        for (int c : cells) {
            int r0 = c / w;
            int c0 = c % w;
            for (int dr = -1; dr <= 1; dr++) {
                for (int dc = -1; dc <= 1; dc++) {
                    int r = r0 + dr;
                    int q = c0 + dc;
                    if (r < 0 || q < 0 || r >= h || q >= w) {
                        continue;
                    }
                    int i = r * w + q;
                    float add = mover.walks() ? (float) PENALTY_WALK_S_PER_M : (float) (original[i] * PENALTY_FACTOR);
                    penalised[i] += add;
                }
            }
        }
    }

    private static Corridor corridor(Scenario s, Options o, int rank, int[] cells, GeoTransform gt,
            CostDistance.Prepared priced, CostDistance.Prepared bare, DetectionField detection, double overlap,
            int w) {
        int m = cells.length;
        double[] elapsed = new double[m];
        double bareTime = 0;
        Coordinate[] path = new Coordinate[m];
        for (int i = 0; i < m; i++) {
            path[i] = new Coordinate(gt.x(cells[i] % w + 0.5, cells[i] / w + 0.5),
                    gt.y(cells[i] % w + 0.5, cells[i] / w + 0.5));
            if (i > 0) {
                // the reverse search priced the move into the objective's direction from the far end:
                // the walker's step a -> b is the search's step b -> a over the negated DEM
                elapsed[i] = elapsed[i - 1] + priced.moveCost(cells[i], cells[i - 1]);
                bareTime += bare.moveCost(cells[i], cells[i - 1]);
            }
        }
        double travel = elapsed[m - 1];
        Double firstDetection = null;
        double miss = 1;
        for (int i = 0; i < m; i++) {
            double p = Math.max(0, Math.min(1, detection.probability(path[i].x, path[i].y)));
            miss *= 1 - p;
            if (1 - miss >= 0.5) {
                firstDetection = elapsed[i];
                break;
            }
        }
        Double warning = firstDetection == null ? null : travel - firstDetection;
        return new Corridor(rank, o.from(), o.mover(), cells, path, elapsed, travel, firstDetection, warning,
                Math.max(0, travel - bareTime), overlap, sectors(s, o.from(), path));
    }

    /** The sector of the neighbour's border nearest to where the corridor comes closest to the border line. */
    private static List<String> sectors(Scenario s, Neighbour n, Coordinate[] path) {
        Geometry line = null;
        for (BorderLine b : s.border()) {
            if (b.neighbour() == n) {
                line = line == null ? b.geometry() : line.union(b.geometry());
            }
        }
        if (line == null) {
            return List.of();
        }
        Coordinate crossing = path[0];
        double bestD = Double.POSITIVE_INFINITY;
        for (Coordinate c : path) {
            Point p = Lks94.GRID.createPoint(c);
            double d = line.distance(p);
            if (d < bestD) {
                bestD = d;
                crossing = c;
            }
        }
        Point at = Lks94.GRID.createPoint(crossing);
        String best = null;
        double bd = Double.POSITIVE_INFINITY;
        for (Sector sec : s.sectors()) {
            if (sec.neighbour() != n) {
                continue;
            }
            double d = DistanceOp.distance(sec.geometry(), at);
            if (d < bd) {
                bd = d;
                best = sec.id();
            }
        }
        return best == null ? List.of() : List.of(best);
    }

    private static List<SectorWarning> sectorWarnings(List<Corridor> corridors) {
        Map<String, SectorWarning> out = new LinkedHashMap<>();
        for (Corridor c : corridors) {
            for (String sec : c.sectors()) {
                SectorWarning prev = out.get(sec);
                boolean undetected = !c.detected() || (prev != null && prev.undetectedCorridor());
                Double min = undetected ? null : prev == null ? c.warningS() : Math.min(prev.minWarningS(), c.warningS());
                out.put(sec, new SectorWarning(sec, min, prev == null ? 1 : prev.corridors() + 1, undetected));
            }
        }
        return new ArrayList<>(out.values());
    }

    /**
     * The neighbour's land (its OpenStreetMap polygon, shipped in geodata) within the depth of its border
     * line(s), outside our national territory.
     */
    static boolean[] originMask(Scenario s, Options o, int w, int h, GeoTransform gt) {
        Geometry territory = zone(s, z -> z.kind() == ZoneKind.NATIONAL_TERRITORY, "a national-territory zone");
        List<Geometry> bands = new ArrayList<>();
        for (BorderLine b : lines(s, o.from())) {
            bands.add(b.geometry().buffer(o.depthM(), 8));
        }
        Geometry band = org.locationtech.jts.operation.union.UnaryUnionOp.union(bands);
        Geometry land = org.skydas.geodata.Countries.load().get(o.from().iso3());
        if (land != null) {
            Geometry clip = Lks94.toWgs84(band.getEnvelope().buffer(1_000));
            Geometry near = land.intersection(clip);
            if (!near.isEmpty()) { // a hand-made scenario elsewhere keeps the whole band beyond our territory
                band = band.intersection(Lks94.toGrid(near));
            }
        }
        boolean[] inBand = CellMask.of(band, w, h, gt);
        boolean[] ours = CellMask.of(territory, w, h, gt);
        for (int i = 0; i < inBand.length; i++) {
            inBand[i] &= !ours[i];
        }
        return inBand;
    }

    /** The named zone's cells, or the cells of our territory just beyond the neighbour's buffer zone. */
    static boolean[] objectiveMask(Scenario s, Options o, int w, int h, GeoTransform gt) {
        if (o.toZone() != null) {
            Geometry g = zone(s, z -> z.id().equals(o.toZone()) || z.name().equalsIgnoreCase(o.toZone()),
                    "zone '" + o.toZone() + "'");
            return CellMask.of(g, w, h, gt);
        }
        Geometry buffer = zone(s, z -> z.kind() == ZoneKind.BUFFER
                && o.from().code().equals(String.valueOf(z.params().get("neighbour"))),
                "a buffer zone for " + o.from().code());
        Geometry territory = zone(s, z -> z.kind() == ZoneKind.NATIONAL_TERRITORY, "a national-territory zone");
        boolean[] inBuffer = CellMask.of(buffer, w, h, gt);
        boolean[] ours = CellMask.of(territory, w, h, gt);
        boolean[] out = new boolean[w * h];
        // the inner edge only: not the buffer's ends, where it meets the border (and the neighbour's land)
        Geometry line = null;
        for (BorderLine b : lines(s, o.from())) {
            line = line == null ? b.geometry() : line.union(b.geometry());
        }
        double widthM = 5_000;
        Zone bz = s.zones().stream().filter(z -> z.kind() == ZoneKind.BUFFER
                && o.from().code().equals(String.valueOf(z.params().get("neighbour")))).findFirst().orElseThrow();
        if (bz.params().get("width_m") instanceof Number n) {
            widthM = n.doubleValue();
        }
        double minDistance = widthM - 2 * Math.abs(gt.dx());
        org.locationtech.jts.operation.distance.IndexedFacetDistance near =
                new org.locationtech.jts.operation.distance.IndexedFacetDistance(line);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int i = r * w + c;
                if (!ours[i] || inBuffer[i]) {
                    continue;
                }
                boolean edge = false;
                for (int dr = -1; dr <= 1 && !edge; dr++) {
                    for (int dc = -1; dc <= 1 && !edge; dc++) {
                        int rr = r + dr;
                        int cc = c + dc;
                        edge = rr >= 0 && cc >= 0 && rr < h && cc < w && inBuffer[rr * w + cc];
                    }
                }
                out[i] = edge && near.distance(Lks94.GRID.createPoint(new Coordinate(gt.x(c + 0.5, r + 0.5),
                        gt.y(c + 0.5, r + 0.5)))) >= minDistance;
            }
        }
        return out;
    }

    private static Geometry zone(Scenario s, java.util.function.Predicate<Zone> which, String what) {
        List<Geometry> gs = s.zones().stream().filter(which).map(Zone::geometry).toList();
        if (gs.isEmpty()) {
            throw new IllegalArgumentException("the scenario has no " + what);
        }
        return org.locationtech.jts.operation.union.UnaryUnionOp.union(gs);
    }

    private static int[] indices(boolean[] mask) {
        int k = 0;
        for (boolean b : mask) {
            k += b ? 1 : 0;
        }
        int[] out = new int[k];
        k = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                out[k++] = i;
            }
        }
        return out;
    }

    /** Steepest gradient from a cell to its four neighbours (rise over run). */
    static double slope(float[] z, int w, int h, int c, int r, double cell) {
        double zc = z[r * w + c];
        double m = 0;
        if (c > 0) {
            m = Math.max(m, Math.abs(z[r * w + c - 1] - zc));
        }
        if (c + 1 < w) {
            m = Math.max(m, Math.abs(z[r * w + c + 1] - zc));
        }
        if (r > 0) {
            m = Math.max(m, Math.abs(z[(r - 1) * w + c] - zc));
        }
        if (r + 1 < h) {
            m = Math.max(m, Math.abs(z[(r + 1) * w + c] - zc));
        }
        return m / cell;
    }
}
