package org.skydas.sim.encode;

import java.io.ByteArrayOutputStream;

/**
 * Writes the CAT034 north marker a radar sends once per antenna turn: I034/010 SAC/SIC, I034/000 message type 1
 * (north marker), I034/030 time of day, I034/041 antenna rotation period and I034/120 the antenna's 3D position,
 * which lets a receiver locate the radar's plots without configuration.
 */
public final class Cat034Encoder {

    private final int sac;
    private final int sic;

    public Cat034Encoder(int sac, int sic) {
        this.sac = Cat048Encoder.checkByte("SAC", sac);
        this.sic = Cat048Encoder.checkByte("SIC", sic);
    }

    /**
     * @param rotationPeriodS antenna scan period
     * @param heightM         antenna height above the ellipsoid (I034/120 HGT, whole metres)
     */
    public byte[] northMarker(double timeOfDayS, double rotationPeriodS, double latDeg, double lonDeg, double heightM) {
        ByteArrayOutputStream r = new ByteArrayOutputStream(24);
        r.write(0xE9); // FRN 1 (010), 2 (000), 3 (030), 5 (041), FX
        r.write(0x10); // FRN 11 (120)
        r.write(sac);
        r.write(sic);
        r.write(1); // north marker
        Cat048Encoder.u24(r, Math.floorMod(Math.round(timeOfDayS * 128), 86_400L * 128));
        Cat048Encoder.u16(r, Math.max(0, Math.min(0xFFFF, Math.round(rotationPeriodS * 128))));
        Cat048Encoder.u16(r, Math.round(heightM) & 0xFFFF);
        Cat048Encoder.u24(r, Math.round(latDeg / 180.0 * 8_388_608) & 0xFFFFFF);
        Cat048Encoder.u24(r, Math.round(lonDeg / 180.0 * 8_388_608) & 0xFFFFFF);
        return Cat048Encoder.wrap(34, r.toByteArray());
    }
}
