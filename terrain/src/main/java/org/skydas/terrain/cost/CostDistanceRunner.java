package org.skydas.terrain.cost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

import org.skydas.terrain.DemFormatException;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.GeoTransform;
import org.skydas.terrain.io.DemReader;
import org.skydas.terrain.io.GeoTiffWriter;

/**
 * One {@code skydas cost-distance} run: read the friction (and for walking the DEM), find the start
 * cells, search, write the cumulative cost as a Float32 GeoTIFF on the input's grid (NaN = NoData
 * where unreachable) and optionally the movement directions (degrees as r.cost writes them). Each
 * output is written to a temporary file beside it and renamed over the target.
 */
public final class CostDistanceRunner {

    /** What to compute; {@code friction} may be null only for a walk. The start points are copied in and out. */
    public record Request(Path friction, Path dem, boolean walk, List<double[]> starts, boolean knight,
            double maxCost, Path direction, Path out, CostDistance.WalkParams walkParams) {

        public Request {
            starts = copy(starts);
        }

        /** A copy of the start points, {x, y} each in the raster's CRS. */
        @Override
        public List<double[]> starts() {
            return copy(starts);
        }

        private static List<double[]> copy(List<double[]> points) {
            return points.stream().map(double[]::clone).toList();
        }
    }

    /** What a run did, for the CLI's report line. */
    public record Summary(Path output, int width, int height, long reached, double maxReachedCost, long readMillis,
            long computeMillis, long writeMillis) {

        public String describe() {
            return String.format(Locale.ROOT, "%s: %d x %d cells, %d reached (%.2f %%), highest cost %.6g; "
                    + "read %d ms, search %d ms, write %d ms", output, width, height, reached,
                    100.0 * reached / ((double) width * height), maxReachedCost, readMillis, computeMillis,
                    writeMillis);
        }
    }

    private CostDistanceRunner() {
    }

    public static Summary run(Request req, CostDistance.Progress progress) throws IOException {
        long t0 = System.nanoTime();
        CostDistance.Prepared prepared = load(req);
        Path gridFile = req.walk() ? req.dem() : req.friction();
        int[] starts = startCells(prepared.width(), prepared.height(), prepared.transform(), gridFile, req.starts());
        long t1 = System.nanoTime();
        CostDistance.Options options = new CostDistance.Options(req.knight(), req.maxCost(), req.direction() != null);
        CostSurface s = prepared.search(starts, options, progress);
        prepared = null; // the copies of the inputs are no longer needed while writing
        long t2 = System.nanoTime();
        String what = req.walk() ? "walking time (s), r.walk semantics" : "cumulative cost, r.cost semantics";
        writeReplacing(req.out(), tmp -> GeoTiffWriter.writeFloat32(tmp, s.width(), s.height(), s.transform(),
                s.epsg(), Float.NaN, GeoTiffWriter.Compression.NONE, "skydas cost-distance: " + what,
                (row0, rows, dst) -> s.putRows(row0, rows, dst, Float.NaN)));
        if (req.direction() != null) {
            writeReplacing(req.direction(), tmp -> GeoTiffWriter.writeFloat32(tmp, s.width(), s.height(),
                    s.transform(), s.epsg(), Float.NaN, GeoTiffWriter.Compression.NONE,
                    "skydas cost-distance: movement direction, degrees CCW from east towards the start",
                    s::putDirectionRows));
        }
        long t3 = System.nanoTime();
        long reached = 0;
        double peak = 0;
        for (int r = 0; r < s.height(); r++) {
            for (int c = 0; c < s.width(); c++) {
                double v = s.cost(c, r);
                if (v == v) {
                    reached++;
                    peak = Math.max(peak, v);
                }
            }
        }
        return new Summary(req.out(), s.width(), s.height(), reached, peak, (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    }

    /** Reads and checks the inputs; the read grids are garbage once their padded copies are made. */
    private static CostDistance.Prepared load(Request req) throws IOException {
        DemGrid friction = req.friction() == null ? null : DemReader.read(req.friction());
        if (!req.walk()) {
            if (friction == null) {
                throw new IllegalArgumentException("a friction raster is needed (or --walk with a DEM)");
            }
            if (friction.transform().isRotated()) {
                throw new DemFormatException(req.friction(), "rotated grid: warp it to a north-up grid first");
            }
            return CostDistance.prepare(friction);
        }
        DemGrid dem = DemReader.read(req.dem());
        if (dem.transform().isRotated()) {
            throw new DemFormatException(req.dem(), "rotated grid: warp it to a north-up grid first");
        }
        if (friction != null && (friction.width() != dem.width() || friction.height() != dem.height()
                || !sameGrid(friction.transform(), dem.transform()))) {
            throw new DemFormatException(req.friction(), "not on the DEM's grid (" + friction.width() + " x "
                    + friction.height() + " cells, " + friction.transform() + "; the DEM: " + dem.width() + " x "
                    + dem.height() + ", " + dem.transform() + "): warp it to the DEM's grid first");
        }
        return CostDistance.prepareWalk(dem, friction, req.walkParams());
    }

    private static boolean sameGrid(GeoTransform a, GeoTransform b) {
        double tol = 1e-6 * Math.max(Math.abs(a.dx()), Math.abs(a.dy()));
        return Math.abs(a.x0() - b.x0()) <= tol && Math.abs(a.y0() - b.y0()) <= tol
                && Math.abs(a.dx() - b.dx()) <= tol && Math.abs(a.dy() - b.dy()) <= tol;
    }

    /**
     * Row-major cells of the start points, r.cost's way: the cell containing the point. A point outside
     * the grid is an error (r.cost only warns) since the result would silently miss a start.
     */
    static int[] startCells(int width, int height, GeoTransform gt, Path file, List<double[]> points)
            throws DemFormatException {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("at least one start point is needed");
        }
        int[] cells = new int[points.size()];
        for (int i = 0; i < cells.length; i++) {
            double[] p = points.get(i);
            double col = Math.floor(gt.col(p[0], p[1]));
            double row = Math.floor(gt.row(p[0], p[1]));
            if (col < 0 || row < 0 || col >= width || row >= height) {
                throw new DemFormatException(file, String.format(Locale.ROOT,
                        "start %.3f,%.3f lies outside the raster (coordinates are in the raster's CRS)", p[0], p[1]));
            }
            cells[i] = (int) row * width + (int) col;
        }
        return cells;
    }

    /** A writer of one file, given the temporary path to write (see {@link #writeReplacing}). */
    @FunctionalInterface
    public interface FileWrite {
        void write(Path tmp) throws IOException;
    }

    /** Writes {@code target} through a temporary file beside it, renamed over it when complete. */
    public static void writeReplacing(Path target, FileWrite write) throws IOException {
        Path abs = target.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            write.write(tmp);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new IOException(target + ": cannot write (" + e.getMessage() + ")", e);
        }
    }
}
