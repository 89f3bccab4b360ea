package org.skydas.ingest.asterix;

/** Reads CAT062 records (edition {@link AsterixEditions#cat062()}) into {@link ExternalTrack}s. */
public final class Cat062Tracks {

    private final int i010;
    private final int i040;
    private final int i060;
    private final int i070;
    private final int i105;
    private final int i130;
    private final int i136;
    private final int i185;
    private final int i380;

    private final AsterixCategory category;

    /** For the default edition. */
    public Cat062Tracks() {
        this(AsterixEditions.cat062());
    }

    /** For the given edition of the category (item positions differ between editions). */
    public Cat062Tracks(AsterixCategory c) {
        this.category = c;
        i010 = c.indexOf("010");
        i040 = c.indexOf("040");
        i060 = c.indexOf("060");
        i070 = c.indexOf("070");
        i105 = c.indexOf("105");
        i130 = c.indexOf("130");
        i136 = c.indexOf("136");
        i185 = c.indexOf("185");
        i380 = c.indexOf("380");
    }

    /**
     * The track, or null when the record is not of this category edition or lacks the data source, track
     * number, time or position.
     */
    public ExternalTrack read(AsterixRecord r) {
        if (r.category() != category || !r.has(i010) || !r.has(i040) || !r.has(i070)
                || !r.has(i105)) {
            return null;
        }
        byte[] b = r.buffer();
        int p010 = r.offset(i010);
        int p105 = r.offset(i105);
        double lat = Bits.signExtend(Bits.get(b, (long) p105 << 3, 32), 32) * (180.0 / (1 << 25));
        double lon = Bits.signExtend(Bits.get(b, (long) (p105 + 4) << 3, 32), 32) * (180.0 / (1 << 25));
        double vx = Double.NaN;
        double vy = Double.NaN;
        if (r.has(i185)) {
            int p = r.offset(i185);
            vx = (short) Bits.u16(b, p) * 0.25;
            vy = (short) Bits.u16(b, p + 2) * 0.25;
        }
        double alt = r.has(i130) ? (short) Bits.u16(b, r.offset(i130)) * 6.25 * 0.3048 : Double.NaN;
        double fl = r.has(i136) ? (short) Bits.u16(b, r.offset(i136)) / 4.0 : Double.NaN;
        String mode3a = null;
        if (r.has(i060)) {
            int code = Bits.u16(b, r.offset(i060)) & 0x0FFF;
            mode3a = String.format("%04o", code);
        }
        int address = -1;
        String callsign = null;
        if (r.has(i380)) {
            // Compound: ADR (3 bytes) and ID (6 bytes) are the first two subitems, so they come first.
            int p = r.offset(i380);
            int primary = b[p] & 0xFF;
            int q = p;
            while ((b[q] & 1) != 0) {
                q++;
            }
            q++;
            if ((primary & 0x80) != 0) {
                address = Bits.u24(b, q);
                q += 3;
            }
            if ((primary & 0x40) != 0) {
                StringBuilder sb = new StringBuilder(8);
                for (int i = 0; i < 8; i++) {
                    sb.append(Variation.Element.icao((int) Bits.get(b, ((long) q << 3) + 6L * i, 6)));
                }
                callsign = sb.toString().stripTrailing();
            }
        }
        return new ExternalTrack(Bits.u8(b, p010), Bits.u8(b, p010 + 1), Bits.u16(b, r.offset(i040)),
                Bits.u24(b, r.offset(i070)) / 128.0, lat, lon, vx, vy, alt, fl, mode3a, address, callsign);
    }
}
