package org.skydas.terrain.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.skydas.terrain.DemFormatException;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.HeightRows;

/** Opens a DEM by its name: {@code .hgt} is an SRTM tile, anything else must be a GeoTIFF. */
public final class DemReader {

    private DemReader() {
    }

    public static DemGrid read(Path file) throws DemFormatException {
        if (!Files.isRegularFile(file)) {
            throw new DemFormatException(file, Files.exists(file) ? "not a regular file" : "no such file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".hgt")) {
            return HgtReader.read(file);
        }
        return GeoTiffReader.read(file);
    }

    /**
     * A DEM (or class raster) to be warped onto another grid: its CRS must have an EPSG code that
     * proj4j knows, else the error says how to reproject it.
     */
    public static DemGrid readWarpable(Path file) throws DemFormatException {
        DemGrid g = read(file);
        if (g.epsg() == 0 || org.skydas.terrain.Crs.lookup(g.epsg()) == null) {
            throw new DemFormatException(file, "its CRS has no known EPSG code (EPSG:" + g.epsg()
                    + "); reproject it first, e.g. gdalwarp -t_srs EPSG:3346");
        }
        return g;
    }

    /** Rows for a one-pass consumer: streamed for uncompressed stripped GeoTIFFs, else read whole. */
    public static HeightRows openRows(Path file) throws DemFormatException {
        if (!Files.isRegularFile(file)) {
            throw new DemFormatException(file, Files.exists(file) ? "not a regular file" : "no such file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".hgt")) {
            return HgtReader.read(file);
        }
        return GeoTiffReader.openRows(file);
    }
}
