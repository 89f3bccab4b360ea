package org.skydas.terrain.scenario;

/**
 * Colours for P(at least one detects): five classes from the viridis scale, readable with every
 * common colour-vision deficiency and in grey scale (lightness rises with P). Uncovered cells are
 * transparent on tiles and neutral grey inside the border strip on the map.
 */
public final class CoveragePalette {

    /** Lower bounds of the classes. */
    public static final double[] BOUNDS = {0.01, 0.25, 0.5, 0.75, 0.9};
    /** Opaque RGB of the classes (viridis at 0.0, 0.25, 0.5, 0.75, 1.0). */
    public static final int[] RGB = {0x440154, 0x3B528B, 0x21918C, 0x5EC962, 0xFDE725};
    /** Uncovered part of the border strip on the map. */
    public static final int UNCOVERED_STRIP_RGB = 0xBBBBBB;

    private CoveragePalette() {
    }

    /** ARGB of a probability; fully transparent below the first class. */
    public static int argb(double p, int alpha) {
        for (int k = BOUNDS.length - 1; k >= 0; k--) {
            if (p >= BOUNDS[k]) {
                return (alpha << 24) | RGB[k];
            }
        }
        return 0;
    }

    /** Legend text of class {@code k}, e.g. "0.50 - 0.75". */
    public static String label(int k) {
        String hi = k + 1 < BOUNDS.length ? String.format(java.util.Locale.ROOT, "%.2f", BOUNDS[k + 1]) : "1";
        return String.format(java.util.Locale.ROOT, "%.2f - %s", BOUNDS[k], hi);
    }
}
