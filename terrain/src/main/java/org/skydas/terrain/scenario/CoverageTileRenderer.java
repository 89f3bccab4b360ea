package org.skydas.terrain.scenario;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.locationtech.proj4j.ProjCoordinate;
import org.skydas.terrain.GeoTransform;
import org.skydas.terrain.coverage.CoverageResult;
import org.skydas.terrain.warp.CrsTransform;

/**
 * Web-map tiles (XYZ, web mercator, 256 px) of a coverage result's P(at least one), for
 * {@code GET /api/tiles/coverage/{class}/{z}/{x}/{y}.png}. Each pixel takes the cell under its
 * centre (nearest neighbour); cells below the palette's first class and everything outside the grid
 * are transparent. Thread-safe: a renderer holds no state.
 */
public final class CoverageTileRenderer {

    public static final int TILE = 256;
    private static final double ORIGIN = 20037508.342789244;
    private static final int ALPHA = 0xB4;

    private CoverageTileRenderer() {
    }

    /** The tile as ARGB pixels (row-major, 256 x 256). */
    public static int[] pixels(CoverageResult r, int z, int x, int y) {
        if (z < 0 || z > 24 || x < 0 || y < 0 || x >= (1 << z) || y >= (1 << z)) {
            throw new IllegalArgumentException("no tile " + z + "/" + x + "/" + y);
        }
        int[] px = new int[TILE * TILE];
        double size = 2 * ORIGIN / (1 << z);
        double left = -ORIGIN + x * size;
        double top = ORIGIN - y * size;
        double per = size / TILE;
        CrsTransform t = CrsTransform.between(4326, r.epsg());
        ProjCoordinate out = new ProjCoordinate();
        GeoTransform gt = r.transform();
        for (int j = 0; j < TILE; j++) {
            double my = top - (j + 0.5) * per;
            double lat = Math.toDegrees(Math.atan(Math.sinh(my / 6378137.0)));
            for (int i = 0; i < TILE; i++) {
                double lon = Math.toDegrees((left + (i + 0.5) * per) / 6378137.0);
                t.apply(lon, lat, out);
                int c = (int) Math.floor(gt.col(out.x, out.y));
                int rr = (int) Math.floor(gt.row(out.x, out.y));
                if (c < 0 || rr < 0 || c >= r.width() || rr >= r.height()) {
                    continue;
                }
                px[j * TILE + i] = CoveragePalette.argb(r.probability(c, rr), ALPHA);
            }
        }
        return px;
    }

    /** The tile as PNG bytes. */
    public static byte[] png(CoverageResult r, int z, int x, int y) {
        BufferedImage img = new BufferedImage(TILE, TILE, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, TILE, TILE, pixels(r, z, x, y), 0, TILE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
