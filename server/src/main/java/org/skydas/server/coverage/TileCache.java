package org.skydas.server.coverage;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import org.skydas.model.TargetClass;
import org.skydas.terrain.scenario.CoverageTileRenderer;

/**
 * PNG coverage tiles, rendered on demand and kept in a small least-recently-used cache (a map pan
 * asks for the same tiles again). Tiles wholly outside the grid are one shared transparent PNG and
 * cost no rendering. Thread-safe.
 */
final class TileCache {

    /** At most this many tiles are kept: a few MB, whatever the clients ask for. */
    static final int MAX_TILES = 512;

    static final byte[] TRANSPARENT = transparent();

    private record Key(TargetClass target, int z, int x, int y) {
    }

    /** The snapshot the cached tiles belong to (compared by identity: a new result empties the cache). */
    private CoverageSnapshot cachedFor;

    private final Map<Key, byte[]> tiles = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, byte[]> eldest) {
            return size() > MAX_TILES;
        }
    };

    /** The tile's PNG; z/x/y must be valid (see {@link #valid}). */
    byte[] tile(CoverageSnapshot snap, TargetClass target, int z, int x, int y) {
        if (!overlaps(snap.boundsWgs84(), z, x, y)) {
            return TRANSPARENT;
        }
        Key key = new Key(target, z, x, y);
        synchronized (tiles) {
            if (cachedFor != snap) {
                tiles.clear();
                cachedFor = snap;
            }
            byte[] hit = tiles.get(key);
            if (hit != null) {
                return hit;
            }
        }
        // Rendered outside the lock: two requests for one tile may both render, which is harmless.
        byte[] png = CoverageTileRenderer.png(snap.classes().get(target).probability(), z, x, y);
        synchronized (tiles) {
            if (cachedFor == snap) {
                tiles.put(key, png);
            }
        }
        return png;
    }

    /** XYZ tile numbers the server renders: zoom 0..22, x and y inside the zoom's grid. */
    static boolean valid(int z, int x, int y) {
        return z >= 0 && z <= 22 && x >= 0 && y >= 0 && x < (1 << z) && y < (1 << z);
    }

    /** Whether tile z/x/y meets the box {minLon, minLat, maxLon, maxLat}. */
    static boolean overlaps(double[] box, int z, int x, int y) {
        double n = 1 << z;
        double west = x / n * 360 - 180;
        double east = (x + 1) / n * 360 - 180;
        double north = Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * y / n))));
        double south = Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * (y + 1) / n))));
        return east >= box[0] && west <= box[2] && north >= box[1] && south <= box[3];
    }

    private static byte[] transparent() {
        BufferedImage img = new BufferedImage(CoverageTileRenderer.TILE, CoverageTileRenderer.TILE,
                BufferedImage.TYPE_INT_ARGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
