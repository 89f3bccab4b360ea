package org.skydas.ingest.cot;

/**
 * The {@code <point>} of a CoT event: WGS-84 position, height above the ellipsoid (not MSL) and
 * 1-sigma circular/linear errors in metres. Unknown values are {@link #UNKNOWN} (TAK convention) or
 * NaN (sent by some clients); use {@link #isKnown(double)} rather than comparing.
 */
public record CotPoint(double lat, double lon, double hae, double ce, double le) {

    /** TAK's "unknown" value for hae/ce/le. The ATAK proto comments say 999999; both are accepted. */
    public static final double UNKNOWN = 9_999_999.0;

    /** The position used by protocol-negotiation events, with unknown height and errors. */
    public static CotPoint unknownAt(double lat, double lon) {
        return new CotPoint(lat, lon, UNKNOWN, UNKNOWN, UNKNOWN);
    }

    /** False for NaN, infinities and both TAK sentinels (999999 and 9999999). */
    public static boolean isKnown(double v) {
        return Double.isFinite(v) && Math.abs(v) < 999_999.0;
    }

    public boolean haeKnown() {
        return isKnown(hae);
    }

    public boolean ceKnown() {
        return isKnown(ce);
    }

    public boolean leKnown() {
        return isKnown(le);
    }
}
