package org.skydas.terrain.cost;

import java.util.Objects;

import org.skydas.terrain.DemGrid;
import org.skydas.terrain.GeoTransform;

/**
 * Cumulative cost from start cells over a raster, with the semantics of GRASS {@code r.cost} and
 * {@code r.walk} (GRASS 8.2): Dijkstra's search over 8 neighbours, or 16 with the knight's move.
 *
 * <p><b>r.cost</b> ({@link #friction}): moving from cell A to an orthogonal or diagonal neighbour B
 * costs {@code (f(A) + f(B)) / 2 * d}, a knight's move costs {@code (f(A) + f(B) + f(I1) + f(I2)) / 4 * d}
 * where I1 and I2 are the two cells the move passes between, and {@code d} is the move's length in
 * units of the east-west cell size (1 east-west, ns/ew north-south, their hypotenuse diagonally,
 * {@code sqrt(4 (ns/ew)^2 + 1)} or {@code sqrt((ns/ew)^2 + 4)} for knights). The result is in friction
 * units times east-west cells, as r.cost's.
 *
 * <p><b>r.walk</b> ({@link #walk}): moving from A to B over the horizontal distance {@code s} (metres:
 * the cell sizes) with the height change {@code dh = z(B) - z(A)} takes
 * {@code a s + k dh + lambda fAvg s} seconds, where {@code k} is {@code b} uphill ({@code dh/s >= 0}),
 * {@code d} on steep downhill ({@code dh/s < slope_factor}) and {@code c} otherwise, and {@code fAvg}
 * is the friction averaged as above (zero without a friction raster).
 *
 * <p>NaN or the grid's NoData marker in the friction (or the DEM) makes a cell impassable, as are
 * negative frictions (r.cost turns them into its null cost). A knight's move needs both cells it
 * passes between passable. Start cells cost 0. With a maximum cost the search stops at the first
 * cell whose cost exceeds it; cells already reached by then keep their cost, as in r.cost.
 *
 * <p>Memory: the friction (and DEM) are copied into float arrays with a two-cell impassable border
 * (so the inner loop has no bounds checks), the costs are doubles and the directions one byte per
 * cell: 13 bytes a cell for r.cost with directions, 1.3 GB for a 10 000 x 10 000 grid; 17 for r.walk.
 */
public final class CostDistance {

    /** Border of impassable cells around the copied grid: the knight reaches two cells. */
    static final int PAD = 2;

    /** Neighbours in r.cost's order: W, E, N, S, NW, NE, SE, SW, then knights NNW, NNE, SSE, SSW, WNW, ENE, ESE, WSW. */
    static final int[] DROW = {0, 0, -1, 1, -1, -1, 1, 1, -2, -2, 2, 2, -1, -1, 1, 1};
    static final int[] DCOL = {-1, 1, 0, 0, -1, 1, 1, -1, -1, 1, 1, -1, -2, 2, 2, -2};
    /** For knights (index 8..15): the two cells the move passes between, as neighbour indices 0..7. */
    static final int[] VIA1 = {2, 2, 3, 3, 0, 1, 1, 0};
    static final int[] VIA2 = {4, 5, 6, 7, 4, 5, 6, 7};
    /**
     * r.cost's movement direction of a cell reached through neighbour k: degrees counter-clockwise
     * from east, pointing from the cell back to the one it was reached from.
     */
    static final float[] DEGREES = {360f, 180f, 270f, 90f, 315f, 225f, 135f, 45f, 292.5f, 247.5f, 112.5f, 67.5f,
        337.5f, 202.5f, 157.5f, 22.5f};

    /** Options of one search. */
    public record Options(boolean knight, double maxCost, boolean directions) {

        public Options {
            if (!(maxCost >= 0) || Double.isInfinite(maxCost)) {
                throw new IllegalArgumentException("max cost must be a finite value >= 0 (0 = none), got " + maxCost);
            }
        }

        /** 8 or 16 neighbours, no maximum, with directions. */
        public static Options of(boolean knight) {
            return new Options(knight, 0, true);
        }
    }

    /** r.walk's coefficients; {@link #DEFAULT} are GRASS's defaults (Langmuir 1984). */
    public record WalkParams(double a, double b, double c, double d, double lambda, double slopeFactor) {

        public static final WalkParams DEFAULT = new WalkParams(0.72, 6.0, 1.9998, -1.9998, 1.0, -0.2125);

        public WalkParams {
            for (double v : new double[] {a, b, c, d, lambda, slopeFactor}) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("walk coefficients must be finite");
                }
            }
        }
    }

    /** Told how far a search is: cells settled so far of the grid's cells (about every million cells). */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void settled(long done, long total);
    }

    private CostDistance() {
    }

    /** r.cost over {@code friction} from the given start cells (row-major indices of the unpadded grid). */
    public static CostSurface friction(DemGrid friction, int[] startCells, Options options) {
        return prepare(friction).search(startCells, options, Progress.NONE);
    }

    /** r.walk over {@code dem} with an optional friction raster on the same grid ({@code null}: zero friction). */
    public static CostSurface walk(DemGrid dem, DemGrid friction, WalkParams params, int[] startCells,
            Options options) {
        return prepareWalk(dem, friction, params).search(startCells, options, Progress.NONE);
    }

    /**
     * The search's own padded copy of a friction raster for r.cost; the caller may drop the grid
     * afterwards (a large run then never holds both).
     */
    public static Prepared prepare(DemGrid friction) {
        Grid g = new Grid(friction);
        return new Prepared(g, g.copy(friction, true), null, null, null, null);
    }

    /** The same for r.walk: the DEM and an optional friction raster on the same grid ({@code null}: zero). */
    public static Prepared prepareWalk(DemGrid dem, DemGrid friction, WalkParams params) {
        Objects.requireNonNull(params, "params");
        Grid g = new Grid(dem);
        float[] z = g.copy(dem, false);
        float[] f;
        if (friction != null) {
            if (friction.width() != dem.width() || friction.height() != dem.height()) {
                throw new IllegalArgumentException("friction is " + friction.width() + " x " + friction.height()
                        + " cells, the DEM " + dem.width() + " x " + dem.height() + ": they must share one grid");
            }
            f = g.copy(friction, true);
        } else {
            f = new float[z.length];
            for (int i = 0; i < z.length; i++) {
                f[i] = Float.isNaN(z[i]) ? Float.NaN : 0f;
            }
        }
        return new Prepared(g, f, z, params, null, null);
    }

    /** Rasters ready for searches (several searches may run over one, one after another or at once). */
    public static final class Prepared {
        private final Grid grid;
        private final float[] friction;
        private final float[] dem;
        private final WalkParams walk;
        private final int[] group;
        private final double[] charge;

        Prepared(Grid grid, float[] friction, float[] dem, WalkParams walk, int[] group, double[] charge) {
            this.grid = grid;
            this.friction = friction;
            this.dem = dem;
            this.walk = walk;
            this.group = group;
            this.charge = charge;
        }

        /**
         * The same rasters with crossing charges, an extension beyond r.cost: {@code cellGroup} (row-major,
         * unpadded; 0 = none) puts cells into groups, and a move pays each group it crosses once, in
         * halves: {@code charge[g] / 2} for entering a cell of group g from outside it and as much for
         * leaving it, the whole {@code charge[g]} when a knight's move passes between cells of g without
         * landing in it. Moving between cells of one group is free, so a path that crosses a group (a line
         * of cells one or two cells thick) pays its charge once, whatever its angle. Charges are >= 0:
         * they only ever add.
         */
        public Prepared withCrossings(int[] cellGroup, double[] chargeByGroup) {
            if (cellGroup.length != grid.width * grid.height) {
                throw new IllegalArgumentException("crossing groups must cover the grid");
            }
            for (double c : chargeByGroup) {
                if (!(c >= 0) || Double.isInfinite(c)) {
                    throw new IllegalArgumentException("crossing charges must be finite and >= 0");
                }
            }
            int[] padded = new int[grid.cells()];
            for (int i = 0; i < cellGroup.length; i++) {
                int gi = cellGroup[i];
                if (gi < 0 || gi >= chargeByGroup.length) {
                    throw new IllegalArgumentException("crossing group " + gi + " has no charge");
                }
                padded[grid.padded(i)] = gi;
            }
            double[] c = chargeByGroup.length == 0 ? new double[1] : chargeByGroup.clone();
            c[0] = 0; // group 0: no group
            return new Prepared(grid, friction, dem, walk, padded, c);
        }

        public int width() {
            return grid.width;
        }

        public int height() {
            return grid.height;
        }

        public GeoTransform transform() {
            return grid.transform;
        }

        public CostSurface search(int[] startCells, Options options, Progress progress) {
            return CostDistance.search(grid, friction, dem, walk, group, charge, startCells, options, progress);
        }

        /** The same with the threads and the band split chosen (tests: see {@link BandSearch}). */
        CostSurface search(int[] startCells, Options options, boolean twoThreads, int splitFrom) {
            return CostDistance.search(grid, friction, dem, walk, group, charge, startCells, options, Progress.NONE,
                    twoThreads, splitFrom);
        }

        /**
         * The cost the search gives the move between two neighbouring cells (row-major indices; a
         * knight's move counts as a neighbour), NaN when the move is not allowed. Used to price a
         * path on rasters other than the ones it was found on.
         */
        public double moveCost(int from, int to) {
            int fr = from / grid.width;
            int fc = from % grid.width;
            int dr = to / grid.width - fr;
            int dc = to % grid.width - fc;
            for (int k = 0; k < 16; k++) {
                if (DROW[k] == dr && DCOL[k] == dc) {
                    return move(grid.padded(from), k);
                }
            }
            return Double.NaN;
        }

        private double move(int cell, int k) {
            int stride = grid.stride;
            int nb = cell + DROW[k] * stride + DCOL[k];
            double extra = 0;
            if (group != null) {
                extra = k < 8 ? crossing(group, charge, cell, nb, -1, -1)
                        : crossing(group, charge, cell, nb, cell + DROW[VIA1[k - 8]] * stride + DCOL[VIA1[k - 8]],
                                cell + DROW[VIA2[k - 8]] * stride + DCOL[VIA2[k - 8]]);
            }
            return extra + bare(cell, nb, k);
        }

        private double bare(int cell, int nb, int k) {
            int stride = grid.stride;
            double sum = (double) friction[cell] + friction[nb];
            int parts = 2;
            if (k >= 8) {
                int v1 = VIA1[k - 8];
                int v2 = VIA2[k - 8];
                sum += (double) friction[cell + DROW[v1] * stride + DCOL[v1]]
                        + friction[cell + DROW[v2] * stride + DCOL[v2]];
                parts = 4;
            }
            double r = DROW[k] * grid.ns / grid.ew;
            double len = Math.sqrt(r * r + DCOL[k] * DCOL[k]);
            if (dem == null) {
                return sum * len / parts;
            }
            double s = len * grid.ew;
            double dh = (double) dem[nb] - dem[cell];
            double slope = dh / s;
            double coef = slope >= 0 ? walk.b() : (slope < walk.slopeFactor() ? walk.d() : walk.c());
            return dh * coef + walk.a() * s + walk.lambda() * sum / parts * s;
        }
    }

    /** Size and cell shape of the searched grid. */
    static final class Grid {
        final int width;
        final int height;
        final int stride;
        final double ew;
        final double ns;
        final GeoTransform transform;
        final int epsg;

        Grid(DemGrid grid) {
            GeoTransform gt = grid.transform();
            if (gt.isRotated()) {
                throw new IllegalArgumentException("rotated grids are not supported (warp to a north-up grid)");
            }
            this.width = grid.width();
            this.height = grid.height();
            this.stride = width + 2 * PAD;
            if ((long) stride * (height + 2 * PAD) > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("grid of " + width + " x " + height + " cells is too large");
            }
            this.ew = Math.abs(gt.dx());
            this.ns = Math.abs(gt.dy());
            this.transform = gt;
            this.epsg = grid.epsg();
        }

        int cells() {
            return stride * (height + 2 * PAD);
        }

        int padded(int cell) {
            return (cell / width + PAD) * stride + cell % width + PAD;
        }

        /** A padded copy with NaN for void (and, for frictions, negative) values and the border. */
        float[] copy(DemGrid src, boolean friction) {
            float[] out = new float[cells()];
            java.util.Arrays.fill(out, 0, PAD * stride, Float.NaN);
            java.util.Arrays.fill(out, (height + PAD) * stride, out.length, Float.NaN);
            boolean marker = src.hasNodata();
            float nodata = src.nodata();
            for (int r = 0; r < height; r++) {
                int base = (r + PAD) * stride;
                src.copyRow(r, out, base + PAD);
                for (int p = 0; p < PAD; p++) {
                    out[base + p] = Float.NaN;
                    out[base + PAD + width + p] = Float.NaN;
                }
                if (marker || friction) {
                    for (int i = base + PAD, end = base + PAD + width; i < end; i++) {
                        float v = out[i];
                        if ((marker && v == nodata) || (friction && v < 0)) {
                            out[i] = Float.NaN;
                        }
                    }
                }
            }
            return out;
        }
    }

    /** What a move from padded cell a to b (knights: passing between v1 and v2, else -1) pays for crossings. */
    static double crossing(int[] grp, double[] charge, int a, int b, int v1, int v2) {
        int ga = grp[a];
        int gb = grp[b];
        double c = 0;
        if (ga != gb) {
            c = (charge[ga] + charge[gb]) / 2; // group 0 charges nothing
        }
        if (v1 >= 0) {
            int g1 = grp[v1];
            int g2 = grp[v2];
            if (g1 != ga && g1 != gb) {
                c += charge[g1];
            }
            if (g2 != g1 && g2 != ga && g2 != gb) {
                c += charge[g2];
            }
        }
        return c;
    }

    private static CostSurface search(Grid g, float[] f, float[] z, WalkParams wp, int[] grp, double[] charge,
            int[] startCells, Options options, Progress progress) {
        return search(g, f, z, wp, grp, charge, startCells, options, progress,
                Runtime.getRuntime().availableProcessors() > 1, BandSearch.DEFAULT_SPLIT_FROM);
    }

    /**
     * The search; {@code twoThreads} and {@code splitFrom} (see {@link BandSearch}) are open to tests, which
     * check that the result never depends on the threads that computed it.
     */
    static CostSurface search(Grid g, float[] f, float[] z, WalkParams wp, int[] grp, double[] charge,
            int[] startCells, Options options, Progress progress, boolean twoThreads, int splitFrom) {
        int n = g.cells();
        int stride = g.stride;
        int moves = options.knight() ? 16 : 8;
        int[] off = new int[16];
        for (int k = 0; k < 16; k++) {
            off[k] = DROW[k] * stride + DCOL[k];
        }
        // move lengths: in east-west cells for r.cost (then halved / quartered for the friction average),
        // in metres for r.walk
        double r = g.ns / g.ew;
        double[] len = new double[16];
        for (int k = 0; k < 16; k++) {
            double dr = DROW[k] * r;
            double dc = DCOL[k];
            len[k] = Math.sqrt(dr * dr + dc * dc);
        }
        double[] fac = new double[16];
        for (int k = 0; k < 16; k++) {
            fac[k] = z == null ? len[k] / (k < 8 ? 2.0 : 4.0) : len[k] * g.ew;
        }
        double[] acc = new double[n];
        java.util.Arrays.fill(acc, Double.POSITIVE_INFINITY);
        byte[] dir = options.directions() ? new byte[n] : null;
        double band = minimumMove(f, z, wp, g, len, moves);
        long[] done = new long[(n + 63) >>> 6]; // settled cells: their neighbours skip them unread
        double max = options.maxCost() > 0 ? options.maxCost() : Double.POSITIVE_INFINITY;
        long total = (long) g.width * g.height;
        BandQueue queue = band > 0 ? new BandQueue(band, done) : null;
        RadixHeap heap = band > 0 ? null : new RadixHeap(acc);
        for (int s : startCells) {
            Objects.checkIndex(s, g.width * g.height);
            int p = g.padded(s);
            if (acc[p] != 0) {
                acc[p] = 0;
                if (queue != null) {
                    queue.push(0, 0, p);
                } else {
                    heap.push(0, p);
                }
            }
        }
        BandSearch search = new BandSearch(g, f, z, wp, grp, charge, acc, dir, done, moves, off, fac, max, queue, heap,
                splitFrom);
        long settled = queue != null ? search.run(twoThreads, total, progress) : search.runHeap(total, progress);
        return new CostSurface(g, acc, dir, settled);
    }

    /**
     * A positive lower bound of every allowed move's cost, or 0 when there is none usable (zero
     * friction for r.cost, coefficients that allow free or negative moves for r.walk, or frictions
     * spanning more than five orders of magnitude, where bands would be mostly empty): then the
     * search uses a heap instead of {@link BandQueue}.
     */
    static double minimumMove(float[] f, float[] z, WalkParams wp, Grid g, double[] len, int moves) {
        double fmin = Double.POSITIVE_INFINITY;
        double fmax = 0;
        for (float v : f) {
            if (v == v) {
                fmin = Math.min(fmin, v);
                fmax = Math.max(fmax, v);
            }
        }
        if (fmin == Double.POSITIVE_INFINITY) {
            return 0;
        }
        double shortest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < moves; k++) {
            shortest = Math.min(shortest, len[k]); // east-west cells
        }
        if (z == null) {
            return fmin > 0 && fmax / fmin <= 1e5 ? fmin * shortest : 0;
        }
        if (wp.b() < 0 || wp.d() > 0 || wp.slopeFactor() > 0 || wp.lambda() < 0) {
            return 0;
        }
        double perMetre = wp.a() + wp.lambda() * fmin + Math.min(0, wp.c() * wp.slopeFactor());
        double most = wp.a() + wp.lambda() * fmax + Math.max(wp.b(), -wp.d()) * 10;
        return perMetre > 0 && most / perMetre <= 1e5 ? perMetre * shortest * g.ew : 0;
    }
}
