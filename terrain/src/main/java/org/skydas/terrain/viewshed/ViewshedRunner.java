package org.skydas.terrain.viewshed;

import java.io.IOException;
import java.nio.file.Path;

import org.skydas.terrain.DemFormatException;
import org.skydas.terrain.HeightRows;
import org.skydas.terrain.io.DemReader;
import org.skydas.terrain.io.GeoTiffWriter;

/**
 * One {@code skydas viewshed} run: read the DEM, compute, write a Byte GeoTIFF on the DEM's grid, or with a maximum
 * distance on the window around the observer that it reaches (as {@code gdal_viewshed} does).
 * Every input problem (unreadable DEM, observer outside, nodata under the observer) comes out as a
 * {@link DemFormatException} naming the DEM file and the reason.
 */
public final class ViewshedRunner {

    /** What a run did, for the one-line report of the CLI. */
    public record Summary(Path output, int width, int height, long visibleCells, long voidCells, double observerZ,
            long readMillis, long computeMillis, long writeMillis) {

        /** One line for the terminal; says when part of the terrain was taken as the bare ellipsoid. */
        public String describe() {
            String s = String.format(java.util.Locale.ROOT,
                    "%s: %d x %d cells, %d visible (%.2f %%), observer eye at %.1f m",
                    output, width, height, visibleCells, 100.0 * visibleCells / ((double) width * height), observerZ);
            if (voidCells > 0) {
                s += "; " + voidCells + " cells without DEM data were taken as the bare ellipsoid (0 m) and marked invisible";
            }
            return s;
        }
    }

    private ViewshedRunner() {
    }

    public static Summary run(Path dem, ViewshedParams params, Path output, GeoTiffWriter.Compression compression)
            throws IOException {
        long t0 = System.nanoTime();
        // streamed rows: a one-shot run never builds the full float grid of an uncompressed DEM
        HeightRows grid = DemReader.openRows(dem);
        long t1 = System.nanoTime();
        ViewshedResult r;
        try {
            r = Viewshed.computeWindow(grid, params);
        } catch (IllegalArgumentException e) {
            throw new DemFormatException(dem, e.getMessage());
        }
        long t2 = System.nanoTime();
        try {
            GeoTiffWriter.writeByte(output, r.width(), r.height(), r.transform(), r.epsg(), r.cells(), null, compression);
        } catch (IOException e) {
            throw new IOException(output + ": cannot write (" + e.getMessage() + ")", e);
        }
        long t3 = System.nanoTime();
        return new Summary(output, r.width(), r.height(), r.visibleCells(), r.voidCells(), r.observerZ(),
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    }
}
