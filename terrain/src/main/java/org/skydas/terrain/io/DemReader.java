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
