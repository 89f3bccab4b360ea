package org.skydas.terrain.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.skydas.terrain.DemFormatException;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.GeoTransform;

/**
 * SRTM {@code .hgt} tiles: a square of big-endian Int16 heights (1201 x 1201 for 3", 3601 x 3601
 * for 1"), void = -32768, WGS84 (EPSG:4326). The georeferencing comes from the name, e.g.
 * {@code N52E008} is the tile whose south-west <em>cell centre</em> is at 8 E, 52 N: cell centres
 * fall on whole degrees, so the raster's edges lie half a cell outside them (7.99958 E...), as
 * GDAL's SRTMHGT driver reports.
 */
public final class HgtReader {

    public static final float VOID = -32768f;
    private static final Pattern NAME = Pattern.compile("([NS])(\\d{2})([EW])(\\d{3})");

    private HgtReader() {
    }

    public static DemGrid read(Path file) throws DemFormatException {
        String name = file.getFileName().toString().toUpperCase(Locale.ROOT);
        Matcher m = NAME.matcher(name);
        if (!m.find()) {
            throw new DemFormatException(file, "missing georeferencing: an SRTM tile must be named like N52E008.hgt");
        }
        int lat = Integer.parseInt(m.group(2)) * (m.group(1).equals("S") ? -1 : 1);
        int lon = Integer.parseInt(m.group(4)) * (m.group(3).equals("W") ? -1 : 1);
        if (lat < -90 || lat > 89 || lon < -180 || lon > 179) {
            throw new DemFormatException(file, "invalid SRTM tile name (latitude " + lat + ", longitude " + lon + ")");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new DemFormatException(file, "cannot read file (" + e.getMessage() + ")", e);
        }
        int n;
        if (size == 1201L * 1201 * 2) {
            n = 1201;
        } else if (size == 3601L * 3601 * 2) {
            n = 3601;
        } else {
            throw new DemFormatException(file, "truncated or not SRTM: " + size
                    + " bytes (a 3\" tile has 2884802, a 1\" tile 25934402)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DemFormatException(file, "cannot read file (" + e.getMessage() + ")", e);
        }
        short[] raw = new short[n * n];
        ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).asShortBuffer().get(raw);
        float[] heights = new float[n * n];
        for (int i = 0; i < raw.length; i++) {
            heights[i] = raw[i];
        }
        double cell = 1.0 / (n - 1);
        GeoTransform gt = GeoTransform.northUp(lon - cell / 2, lat + 1 + cell / 2, cell, -cell);
        return DemGrid.wrap(n, n, heights, gt, 4326, VOID);
    }
}
