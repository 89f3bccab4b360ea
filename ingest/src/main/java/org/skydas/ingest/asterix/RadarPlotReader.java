package org.skydas.ingest.asterix;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Turns decoded ASTERIX records of a radar feed into {@link PlotReport}s: CAT034 service messages teach
 * {@link RadarSites} where an unconfigured radar stands (I034/120); CAT048 target reports with a measured
 * position (I048/040) become located plots. Reads straight from the record view. Not thread-safe: one per
 * listener thread. The outcome of the last call says why nothing came out, for the listener's counters.
 */
public final class RadarPlotReader {

    /** What happened to the last record. */
    public enum Outcome { PLOT, SERVICE, NO_SITE, NO_POSITION, OTHER_CATEGORY }

    private final RadarSites sites;
    private final Map<AsterixCategory, Cat048Reader> cat048 = new IdentityHashMap<>();
    private final Map<AsterixCategory, int[]> cat034 = new IdentityHashMap<>();
    private Outcome last;

    public RadarPlotReader(RadarSites sites) {
        this.sites = sites;
    }

    public Outcome lastOutcome() {
        return last;
    }

    /** The record as a located plot, or null (see {@link #lastOutcome()} for why). */
    public PlotReport read(AsterixRecord r) {
        int cat = r.category().number();
        if (cat == 34) {
            learnSite(r);
            last = Outcome.SERVICE;
            return null;
        }
        if (cat != 48) {
            last = Outcome.OTHER_CATEGORY;
            return null;
        }
        return cat048.computeIfAbsent(r.category(), Cat048Reader::new).read(r);
    }

    private void learnSite(AsterixRecord r) {
        int[] idx = cat034.computeIfAbsent(r.category(), c -> new int[] {c.indexOf("010"), c.indexOf("120")});
        if (!r.has(idx[0]) || !r.has(idx[1])) {
            return;
        }
        byte[] b = r.buffer();
        int p = r.offset(idx[0]);
        int sac = Bits.u8(b, p);
        int sic = Bits.u8(b, p + 1);
        int q = r.offset(idx[1]);
        // I034/120: HGT 16-bit signed metres, LAT and LON 24-bit signed, LSB 180/2^23 degrees.
        double height = Bits.signExtend(Bits.u16(b, q), 16);
        double lat = Bits.signExtend(Bits.u24(b, q + 2), 24) * (180.0 / 8_388_608);
        double lon = Bits.signExtend(Bits.u24(b, q + 5), 24) * (180.0 / 8_388_608);
        if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
            sites.learn(sac, sic, new RadarSite(lat, lon, height));
        }
    }

    private final class Cat048Reader {
        private final Cat048Plots plots;
        private final int i010;
        private final int i040;
        private final int i140;
        private final int i161;

        Cat048Reader(AsterixCategory c) {
            plots = new Cat048Plots(c);
            i010 = c.indexOf("010");
            i040 = c.indexOf("040");
            i140 = c.indexOf("140");
            i161 = c.indexOf("161");
        }

        PlotReport read(AsterixRecord r) {
            if (!r.has(i010) || !r.has(i040)) {
                last = Outcome.NO_POSITION;
                return null;
            }
            byte[] b = r.buffer();
            int p = r.offset(i010);
            int sac = Bits.u8(b, p);
            int sic = Bits.u8(b, p + 1);
            PolarPlotLocator locator = sites.locator(sac, sic);
            if (locator == null) {
                last = Outcome.NO_SITE;
                return null;
            }
            double tod = r.has(i140) ? Bits.u24(b, r.offset(i140)) / 128.0 : Double.NaN;
            int track = r.has(i161) ? Bits.u16(b, r.offset(i161)) & 0x0FFF : -1;
            last = Outcome.PLOT;
            return new PlotReport(sac, sic, tod, plots.locate(r, locator), plots.slantRangeM(r), plots.azimuthDeg(r),
                    plots.heightSource(r), track);
        }
    }
}
