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
        return locator.locate(slantRangeM(r), azimuthDeg(r), heightM(r, locator.site()));
    }

    /** I048/040 RHO in metres; the record must have I048/040. */
    public double slantRangeM(AsterixRecord r) {
        return Bits.u16(r.buffer(), r.offset(i040)) / 256.0 * PolarPlotLocator.METRES_PER_NM;
    }

    /** I048/040 THETA in degrees clockwise from north; the record must have I048/040. */
    public double azimuthDeg(AsterixRecord r) {
        return Bits.u16(r.buffer(), r.offset(i040) + 2) * (360.0 / 65536.0);
    }

    /** Which item the height comes from (I048/110 first, as {@link #heightM} takes it). */
    public PlotHeight heightSource(AsterixRecord r) {
        return r.has(i110) ? PlotHeight.MEASURED_MSL : hasValidFlightLevel(r) ? PlotHeight.FLIGHT_LEVEL : PlotHeight.NONE;
    }

    private boolean hasValidFlightLevel(AsterixRecord r) {
        return r.has(i090) && (r.buffer()[r.offset(i090)] & 0x80) == 0; // V: 1 = code not validated
    }

    /**
     * Target height in metres: I048/110 (above mean sea level), else a validated I048/090 (flight level × 100 ft),
     * else the antenna's height. Close enough to a height above the ellipsoid for locating the plot (the slant
     * range geometry); {@link #heightSource} says which it is for anything that needs the reference.
     */
    double heightM(AsterixRecord r, RadarSite site) {
        byte[] b = r.buffer();
        if (r.has(i110)) {
            int p = r.offset(i110);
            return Bits.signExtend(Bits.u16(b, p) & 0x3FFF, 14) * 25 * FT; // 3DH: 14-bit signed, LSB 25 ft
        }
        if (hasValidFlightLevel(r)) {
            double fl = Bits.signExtend(Bits.u16(b, r.offset(i090)) & 0x3FFF, 14) / 4.0;
            return fl * 100 * FT;
        }
        return site.altitudeM();
    }
}
