package org.skydas.ingest.asterix;

/**
 * Reads a CAT048 record's measured position and turns it into WGS84 with {@link PolarPlotLocator}; the height
 * rule is documented there. Reads straight from the record view (no JSON, no allocation besides the result).
 */
public final class Cat048Plots {

    private static final double FT = 0.3048;

    private final int i040;
    private final int i090;
    private final int i110;

    private final AsterixCategory category;

    /** For the default edition. */
    public Cat048Plots() {
        this(AsterixEditions.cat048());
    }

    /** For the given edition of the category (item positions differ between editions). */
    public Cat048Plots(AsterixCategory c) {
        this.category = c;
        i040 = c.indexOf("040");
        i090 = c.indexOf("090");
        i110 = c.indexOf("110");
    }

    /** The plot's WGS84 position, or null when the record is not of this category edition or has no I048/040. */
    public GeoPosition locate(AsterixRecord r, PolarPlotLocator locator) {
        if (r.category() != category || !r.has(i040)) {
            return null;
        }
        byte[] b = r.buffer();
        int p = r.offset(i040);
        double rhoNm = Bits.u16(b, p) / 256.0;
        double thetaDeg = Bits.u16(b, p + 2) * (360.0 / 65536.0);
        return locator.locate(rhoNm * PolarPlotLocator.METRES_PER_NM, thetaDeg, heightM(r, locator.site()));
    }

    /** Target height above the ellipsoid in metres: I048/110, else I048/090, else the antenna's height. */
    double heightM(AsterixRecord r, RadarSite site) {
        byte[] b = r.buffer();
        if (r.has(i110)) {
            int p = r.offset(i110);
            return Bits.signExtend(Bits.u16(b, p) & 0x3FFF, 14) * 25 * FT; // 3DH: 14-bit signed, LSB 25 ft
        }
        if (r.has(i090)) {
            int p = r.offset(i090);
            boolean valid = (b[p] & 0x80) == 0; // V: 1 = code not validated
            if (valid) {
                double fl = Bits.signExtend(Bits.u16(b, p) & 0x3FFF, 14) / 4.0;
                return fl * 100 * FT;
            }
        }
        return site.altitudeM();
    }
}
