package org.skydas.terrain.viewshed;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.skydas.terrain.Crs;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.HeightRows;
import org.skydas.terrain.GeoTransform;
import org.skydas.terrain.landcover.Obstruction;

/**
 * Single-observer viewshed with the semantics of GDAL 3.6's {@code gdal_viewshed} (NORMAL output,
 * edge cell mode), so that results can be checked cell by cell against it.
 *
 * <p>The method is Wang et al. (2000), "Generating viewsheds without using sightlines": rows are
 * swept outwards from the observer's row, and each cell gets a "sight-line height" interpolated
 * from two neighbours nearer the observer that are already done. A cell is visible when its
 * ground plus the target height reaches that sight-line height; afterwards the cell's height in
 * the sweep buffer is raised to the sight-line height, so it carries the horizon outwards.
 * In the observer's row and column the rule is the straight-line projection through the previous
 * cell; elsewhere ({@link CellMode#EDGE}) it is the plane through the observer and the two
 * neighbours on the cell's edge facing the observer (along diagonals the straight-line rule).
 *
 * <p>GDAL details reproduced on purpose: the observer cell is the one containing the point
 * (truncated raster coordinates); the observer's eye is {@code ground + observerHeight}; the two
 * row neighbours of the observer are always visible; the first cell of each column uses the
 * observer cell's ground (not the eye) as its previous height; earth curvature lowers every other
 * cell by {@code coeff * r^2 / (2 a)} with {@code a} the CRS ellipsoid's semi-major axis (no
 * correction when the CRS is unknown); with a maximum distance only the window of
 * {@code +-maxDistance} cells around the observer is swept and cells beyond the distance are 0.
 *
 * <p>Differences by design: {@link #compute} covers the whole input grid (0 outside the window; coverage needs
 * that), {@link #computeWindow} only the window, as GDAL writes it; and void cells (nodata or NaN) are treated as height 0 and are never visible, where GDAL uses the
 * nodata value as a height (for example a -32768 m pit) and lets NaN propagate.
 *
 * <p>The rows above and below the observer are independent and are swept in parallel.
 */
public final class Viewshed {

    public static final byte VISIBLE = (byte) 255;
    public static final byte INVISIBLE = 0;

    private final HeightRows dem;
    private final ViewshedParams p;
    /** The result: the whole grid, or with {@link #windowOnly} only the max-distance window (as GDAL writes it). */
    private byte[] out;
    private final boolean windowOnly;
    /** Where {@link #out} starts in the grid, its row length, and {@code xStart - outX0}. */
    private int outX0;
    private int outY0;
    private int outWidth;
    private int xOff;
    private final int width;
    private int xStart;
    private int xStop;
    private int yStart;
    private int yStop;
    private int ox;
    private int oy;
    private double zo;
    private double curvature;
    private double diameter;
    private double maxDist2;
    private final GeoTransform gt;
    private final Obstruction obstruction;
    /** Tests only: take the generic sweep even where the north-up fast path applies. */
    private boolean genericOnly;

    private Viewshed(HeightRows dem, ViewshedParams p, Obstruction obstruction) {
        this(dem, p, obstruction, false);
    }

    private Viewshed(HeightRows dem, ViewshedParams p, Obstruction obstruction, boolean windowOnly) {
        if (obstruction != null && (obstruction.width() != dem.width() || obstruction.height() != dem.height())) {
            throw new IllegalArgumentException("obstruction grid " + obstruction.width() + " x " + obstruction.height()
                    + " differs from the DEM grid " + dem.width() + " x " + dem.height());
        }
        this.dem = dem;
        this.p = p;
        this.obstruction = obstruction;
        this.width = dem.width();
        this.gt = dem.transform();
        this.windowOnly = windowOnly;
    }

    /**
     * Computes the viewshed.
     *
     * @throws IllegalArgumentException when the observer is outside the raster or on a void cell
     */
    public static ViewshedResult compute(DemGrid dem, ViewshedParams params) {
        return new Viewshed(dem, params, null).run();
    }

    /** Same, reading rows on demand (e.g. streamed from a GeoTIFF). */
    public static ViewshedResult compute(HeightRows dem, ViewshedParams params) {
        return new Viewshed(dem, params, null).run();
    }

    /**
     * Same, with a result that covers only the max-distance window (the whole grid without a max distance), on the
     * window's own grid, as {@code gdal_viewshed} writes it: neither computed nor kept outside it.
     */
    public static ViewshedResult computeWindow(HeightRows dem, ViewshedParams params) {
        return new Viewshed(dem, params, null, true).run();
    }

    /**
     * Computes the viewshed over the surface ground + obstruction (canopy, buildings) for targets
     * standing on the ground; targets deep inside an obstruction are never visible. See
     * {@link org.skydas.terrain.landcover.LandCoverModel} for the model. The observer's own cell
     * carries no obstruction (a mast stands in a clearing).
     */
    public static ViewshedResult compute(DemGrid dem, ViewshedParams params, Obstruction obstruction) {
        return new Viewshed(dem, params, obstruction).run();
    }

    /** The generic sweep even where the north-up fast path applies, so tests can check they agree bit for bit. */
    static ViewshedResult computeGeneric(DemGrid dem, ViewshedParams params) {
        Viewshed v = new Viewshed(dem, params, null);
        v.genericOnly = true;
        return v.run();
    }

    private ViewshedResult run() {
        double col = gt.col(p.observerX(), p.observerY());
        double row = gt.row(p.observerX(), p.observerY());
        if (!(col >= 0 && col < width && row >= 0 && row < dem.height())) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "observer (%.3f, %.3f) is outside the raster (column %.1f, row %.1f of %d x %d)",
                    p.observerX(), p.observerY(), col, row, width, dem.height()));
        }
        int nX = (int) col;
        int nY = (int) row;
        float ground = dem.heightAt(nX, nY);
        if (dem.isVoidValue(ground)) {
            throw new IllegalArgumentException("nodata under the observer (no DEM data at column " + nX + ", row " + nY + ")");
        }
        window(nX, nY);
        outX0 = windowOnly ? xStart : 0;
        outY0 = windowOnly ? yStart : 0;
        outWidth = windowOnly ? xStop - xStart : width;
        int outHeight = windowOnly ? yStop - yStart : dem.height();
        xOff = xStart - outX0;
        out = new byte[outWidth * outHeight];
        ox = nX - xStart;
        oy = nY;
        zo = ground + p.observerHeight();
        // GDAL: height -= coeff * r^2 / (2 a), in that order of operations
        curvature = dem.epsg() != 0 ? p.curvatureCoefficient() : 0;
        diameter = 2 * Crs.semiMajor(dem.epsg());
        maxDist2 = p.maxDistance() * p.maxDistance();

        int w = xStop - xStart;
        double[] first = new double[w];
        float[] firstRaw = new float[width];
        float[] firstTop = new float[width];
        long voids = load(nY, firstRaw, first, firstTop);
        sweepObserverRow(first, firstRaw, firstTop);

        CompletableFuture<Long> up = null;
        if (nY - 1 >= yStart && nY + 1 < yStop) {
            double[] upStart = first.clone(); // cloned here: the downward sweep overwrites first
            up = CompletableFuture.supplyAsync(() -> sweep(upStart, -1));
        } else if (nY - 1 >= yStart) {
            voids += sweep(first.clone(), -1);
        }
        if (nY + 1 < yStop) {
            voids += sweep(first, +1);
        }
        if (up != null) {
            try {
                voids += up.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw e;
            }
        }
        if (obstruction != null) { // whole-grid results only (computeWindow takes no obstruction)
            for (int r = 0; r < dem.height(); r++) {
                for (int c = 0; c < width; c++) {
                    if (obstruction.isInterior(c, r)) {
                        out[r * width + c] = INVISIBLE;
                    }
                }
            }
        }
        long visible = 0;
        for (byte b : out) {
            if (b == VISIBLE) {
                visible++;
            }
        }
        return new ViewshedResult(outWidth, outHeight, windowOnly ? gt.shifted(outX0, outY0) : gt, dem.epsg(), out,
                nX - outX0, nY - outY0, zo, visible, voids);
    }

    /** GDAL 3.6's window: the max distance converted to whole cells on each side, clamped. */
    private void window(int nX, int nY) {
        xStart = 0;
        xStop = width;
        yStart = 0;
        yStop = dem.height();
        double md = p.maxDistance();
        if (md > 0) {
            double det = gt.dx() * gt.dy() - gt.rx() * gt.ry();
            double inv1 = gt.dy() / det;
            double inv5 = gt.dx() / det;
            xStart = Math.max(0, (int) Math.floor(nX - inv1 * md));
            xStop = Math.min(width, (int) Math.ceil(nX + inv1 * md) + 1);
            yStart = Math.max(0, (int) Math.floor(nY + inv5 * md));
            yStop = Math.min(dem.height(), (int) Math.ceil(nY - inv5 * md) + 1);
        }
    }

    /** Loads the window part of a row as doubles; void cells become 0. Returns the void count. */
    private long load(int row, float[] raw, double[] z, float[] top) {
        dem.readRow(row, raw);
        if (obstruction != null) {
            obstruction.copyRow(row, top);
        }
        long voids = 0;
        for (int x = 0; x < z.length; x++) {
            float h = raw[xStart + x];
            if (dem.isVoidValue(h)) {
                z[x] = 0;
                voids++;
            } else {
                z[x] = h;
            }
        }
        return voids;
    }

    /**
     * Curvature-lowers z[x] for the cell (i, j) cells away from the observer; false when it is
     * beyond the maximum distance. Mirrors GDAL's offsets-times-transform distance.
     */
    private boolean adjust(double[] z, int x, int i, int j) {
        if (maxDist2 <= 0 && curvature == 0) {
            return true;
        }
        double dx = gt.dx() * i + gt.rx() * j;
        double dy = gt.ry() * i + gt.dy() * j;
        double r2 = dx * dx + dy * dy;
        z[x] -= curvature * r2 / diameter;
        return !(maxDist2 > 0 && r2 > maxDist2);
    }

    private double line(int i, double za) {
        return i == 1 ? za : (za - zo) / (i - 1) + za;
    }

    private double edge(int i, int j, double za, double zb) {
        return i == j ? line(i, za) : ((za - zo) * i + (zb - zo) * (j - i)) / (j - 1) + zo;
    }

    private double diagonal(int i, int j, double za, double zb) {
        return ((za - zo) * i + (zb - zo) * j) / (i + j - 1) + zo;
    }

    private void set(int outRow, int x, double sight, double[] z, float[] raw, float[] top) {
        float h = raw[xStart + x];
        boolean visible = !(z[x] + p.targetHeight() < sight) && !dem.isVoidValue(h);
        out[outRow + xOff + x] = visible ? VISIBLE : INVISIBLE;
        double surface = z[x] + top[xStart + x];
        z[x] = surface < sight ? sight : surface;
    }

    private void sweepObserverRow(double[] z, float[] raw, float[] top) {
        int base = (oy - outY0) * outWidth;
        int w = z.length;
        out[base + xOff + ox] = VISIBLE;
        if (ox > 0) {
            adjust(z, ox - 1, 1, 0);
            z[ox - 1] += top[xStart + ox - 1];
            out[base + xOff + ox - 1] = dem.isVoidValue(raw[xStart + ox - 1]) ? INVISIBLE : VISIBLE;
        }
        if (ox < w - 1) {
            adjust(z, ox + 1, 1, 0);
            z[ox + 1] += top[xStart + ox + 1];
            out[base + xOff + ox + 1] = dem.isVoidValue(raw[xStart + ox + 1]) ? INVISIBLE : VISIBLE;
        }
        for (int x = ox - 2; x >= 0; x--) {
            if (!adjust(z, x, ox - x, 0)) {
                break; // the rest of the row is out of range: stays 0
            }
            set(base, x, line(ox - x, z[x + 1]), z, raw, top);
        }
        for (int x = ox + 2; x < w; x++) {
            if (!adjust(z, x, x - ox, 0)) {
                break;
            }
            set(base, x, line(x - ox, z[x - 1]), z, raw, top);
        }
    }

    /** Sweeps rows away from the observer in direction {@code dir}; returns the void count. */
    private long sweep(double[] last, int dir) {
        if (!genericOnly && !gt.isRotated() && p.cellMode() == CellMode.EDGE) {
            return sweepNorthUpEdge(last, dir);
        }
        int w = last.length;
        double[] cur = new double[w];
        float[] raw = new float[width];
        float[] top = new float[width];
        long voids = 0;
        CellMode mode = p.cellMode();
        for (int row = oy + dir; row >= yStart && row < yStop; row += dir) {
            int j = Math.abs(row - oy);
            int base = (row - outY0) * outWidth;
            voids += load(row, raw, cur, top);
            if (adjust(cur, ox, 0, j)) {
                set(base, ox, line(j, last[ox]), cur, raw, top);
            }
            for (int x = ox - 1; x >= 0; x--) {
                int i = ox - x;
                if (!adjust(cur, x, i, j)) {
                    break;
                }
                set(base, x, sight(mode, i, j, cur[x + 1], last[x], last[x + 1]), cur, raw, top);
            }
            for (int x = ox + 1; x < w; x++) {
                int i = x - ox;
                if (!adjust(cur, x, i, j)) {
                    break;
                }
                set(base, x, sight(mode, i, j, cur[x - 1], last[x], last[x - 1]), cur, raw, top);
            }
            double[] t = last;
            last = cur;
            cur = t;
        }
        return voids;
    }

    /**
     * The same sweep for the usual case (north-up grid, edge mode) with the per-cell work cut to
     * the arithmetic of the rule: squared distances come from per-column and per-row tables (the
     * same floating-point terms as the generic path, so results are bit-identical), the range
     * limit is found once per row, and void cells are zeroed after the row instead of tested
     * in the loop.
     */
    private long sweepNorthUpEdge(double[] last, int dir) {
        int w = last.length;
        double[] cur = new double[w];
        float[] raw = new float[width];
        int[] voidAt = new int[w];
        float[] topRow = new float[width];
        double[] top = new double[w];
        int span = Math.max(ox, w - 1 - ox) + 1;
        double[] colSq = new double[span];
        for (int i = 0; i < span; i++) {
            double dx = gt.dx() * i;
            colSq[i] = dx * dx;
        }
        double tz = p.targetHeight();
        double k = curvature;
        double diam = diameter;
        boolean limited = maxDist2 > 0;
        long voids = 0;
        byte[] o = out;
        for (int row = oy + dir; row >= yStart && row < yStop; row += dir) {
            int j = Math.abs(row - oy);
            int base = (row - outY0) * outWidth + xOff;
            double dyj = gt.dy() * j;
            double rowSq = dyj * dyj;
            int nVoid = loadNorthUp(row, raw, cur, voidAt);
            if (obstruction != null) {
                obstruction.copyRow(row, topRow);
                for (int x = 0; x < w; x++) {
                    top[x] = topRow[xStart + x];
                }
            }
            voids += nVoid;
            if (limited && rowSq > maxDist2) {
                // column cell out of range: GDAL still sweeps the row, where every cell is out too
                zeroVoids(base, voidAt, nVoid);
                double[] t = last;
                last = cur;
                cur = t;
                continue;
            }
            // largest column offset still in range on this row
            int iMax = span - 1;
            if (limited) {
                while (iMax > 0 && colSq[iMax] + rowSq > maxDist2) {
                    iMax--;
                }
            }
            double zo = this.zo;
            // column cell
            cur[ox] -= k * (colSq[0] + rowSq) / diam;
            double sc = j == 1 ? last[ox] : (last[ox] - zo) / (j - 1) + last[ox];
            o[base + ox] = cur[ox] + tz < sc ? INVISIBLE : VISIBLE;
            double surfaceO = cur[ox] + top[ox];
            cur[ox] = surfaceO < sc ? sc : surfaceO;
            int leftEnd = Math.max(0, ox - iMax);
            int rightEnd = Math.min(w - 1, ox + iMax);
            // Left and right halves of the row are independent chains (each cell with i >= j
            // depends on its inner neighbour): stepping both in one loop lets the CPU overlap
            // their latencies. The arithmetic is exactly the generic path's.
            int nLeft = ox - leftEnd;
            int nRight = rightEnd - ox;
            int both = Math.min(nLeft, nRight);
            for (int i = 1; i <= both; i++) {
                int xl = ox - i;
                int xr = ox + i;
                double kr = k * (colSq[i] + rowSq) / diam;
                double zl = cur[xl] - kr;
                double zr = cur[xr] - kr;
                double cl = last[xl + 1];
                double cr = last[xr - 1];
                double sl;
                double sr;
                if (i >= j) {
                    if (i == j) {
                        sl = j == 1 ? cl : (cl - zo) / (j - 1) + cl;
                        sr = j == 1 ? cr : (cr - zo) / (j - 1) + cr;
                    } else {
                        sl = ((cl - zo) * j + (cur[xl + 1] - zo) * (i - j)) / (i - 1) + zo;
                        sr = ((cr - zo) * j + (cur[xr - 1] - zo) * (i - j)) / (i - 1) + zo;
                    }
                } else {
                    sl = ((cl - zo) * i + (last[xl] - zo) * (j - i)) / (j - 1) + zo;
                    sr = ((cr - zo) * i + (last[xr] - zo) * (j - i)) / (j - 1) + zo;
                }
                o[base + xl] = zl + tz < sl ? INVISIBLE : VISIBLE;
                o[base + xr] = zr + tz < sr ? INVISIBLE : VISIBLE;
                double tl = zl + top[xl];
                double tr = zr + top[xr];
                cur[xl] = tl < sl ? sl : tl;
                cur[xr] = tr < sr ? sr : tr;
            }
            for (int x = ox - both - 1; x >= leftEnd; x--) {
                int i = ox - x;
                double z = cur[x] - k * (colSq[i] + rowSq) / diam;
                double corner = last[x + 1];
                double sight;
                if (i >= j) {
                    sight = i == j ? (j == 1 ? corner : (corner - zo) / (j - 1) + corner)
                            : ((corner - zo) * j + (cur[x + 1] - zo) * (i - j)) / (i - 1) + zo;
                } else {
                    sight = ((corner - zo) * i + (last[x] - zo) * (j - i)) / (j - 1) + zo;
                }
                o[base + x] = z + tz < sight ? INVISIBLE : VISIBLE;
                double surface = z + top[x];
                cur[x] = surface < sight ? sight : surface;
            }
            for (int x = ox + both + 1; x <= rightEnd; x++) {
                int i = x - ox;
                double z = cur[x] - k * (colSq[i] + rowSq) / diam;
                double corner = last[x - 1];
                double sight;
                if (i >= j) {
                    sight = i == j ? (j == 1 ? corner : (corner - zo) / (j - 1) + corner)
                            : ((corner - zo) * j + (cur[x - 1] - zo) * (i - j)) / (i - 1) + zo;
                } else {
                    sight = ((corner - zo) * i + (last[x] - zo) * (j - i)) / (j - 1) + zo;
                }
                o[base + x] = z + tz < sight ? INVISIBLE : VISIBLE;
                double surface = z + top[x];
                cur[x] = surface < sight ? sight : surface;
            }
            zeroVoids(base, voidAt, nVoid);
            double[] t = last;
            last = cur;
            cur = t;
        }
        return voids;
    }

    private void zeroVoids(int base, int[] voidAt, int n) {
        for (int v = 0; v < n; v++) {
            out[base + voidAt[v]] = INVISIBLE;
        }
    }

    /** Like {@link #load} but records where the voids are. */
    private int loadNorthUp(int row, float[] raw, double[] z, int[] voidAt) {
        dem.readRow(row, raw);
        float nodata = dem.nodata();
        int n = 0;
        for (int x = 0; x < z.length; x++) {
            float h = raw[xStart + x];
            if (h != h || h == nodata) {
                z[x] = 0;
                voidAt[n++] = x;
            } else {
                z[x] = h;
            }
        }
        return n;
    }

    /**
     * Sight-line height of the cell i columns and j rows from the observer, from its neighbour
     * in the same row ({@code side}), in the previous row ({@code back}) and diagonally
     * ({@code corner}), all nearer the observer.
     */
    private double sight(CellMode mode, int i, int j, double side, double back, double corner) {
        double e = mode == CellMode.DIAGONAL ? 0
                : (i >= j ? edge(j, i, corner, side) : edge(i, j, corner, back));
        if (mode == CellMode.EDGE) {
            return e;
        }
        double d = diagonal(i, j, side, back);
        return switch (mode) {
            case DIAGONAL -> d;
            case MAX -> Math.max(d, e);
            case MIN -> Math.min(d, e);
            default -> e;
        };
    }
}
