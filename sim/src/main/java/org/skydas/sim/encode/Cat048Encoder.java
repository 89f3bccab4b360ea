package org.skydas.sim.encode;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes CAT048 monoradar target reports: I048/010 SAC/SIC, I048/140 time of day, I048/020 descriptor
 * (TYP = 1, single PSR detection: the ground surveillance radars simulated here have no SSR), I048/040 rho/theta,
 * I048/161 track number, and I048/110 measured height when known (drones). Plots are packed into data blocks of at
 * most {@link #MAX_DATAGRAM} bytes, one per UDP datagram, as radar front ends do to avoid IP fragmentation.
 */
public final class Cat048Encoder {

    public static final int MAX_DATAGRAM = 1400;
    static final double NM = 1852.0;
    private static final double FT = 0.3048;

    private final int sac;
    private final int sic;

    public Cat048Encoder(int sac, int sic) {
        this.sac = checkByte("SAC", sac);
        this.sic = checkByte("SIC", sic);
    }

    /** Data blocks (each a whole datagram) holding all {@code plots} in order; empty when there are none. */
    public List<byte[]> encode(List<RadarPlot> plots) {
        List<byte[]> out = new ArrayList<>();
        ByteArrayOutputStream block = new ByteArrayOutputStream(MAX_DATAGRAM);
        for (RadarPlot p : plots) {
            byte[] rec = record(p);
            if (block.size() > 0 && 3 + block.size() + rec.length > MAX_DATAGRAM) {
                out.add(wrap(48, block.toByteArray()));
                block.reset();
            }
            block.writeBytes(rec);
        }
        if (block.size() > 0) {
            out.add(wrap(48, block.toByteArray()));
        }
        return out;
    }

    byte[] record(RadarPlot p) {
        boolean height = !Double.isNaN(p.heightM());
        ByteArrayOutputStream r = new ByteArrayOutputStream(24);
        // FSPEC: FRN 1-4 (010, 140, 020, 040) + FX; FRN 11 (161) [+ FX; FRN 19 (110)].
        r.write(0xF1);
        r.write(height ? 0x11 : 0x10);
        if (height) {
            r.write(0x08);
        }
        r.write(sac);
        r.write(sic);
        u24(r, Math.floorMod(Math.round(p.timeOfDayS() * 128), 86_400L * 128));
        r.write(1 << 5); // TYP=001 single PSR detection, SIM=0, RDP=0, SPI=0, RAB=0, FX=0
        long rho = Math.round(p.slantRangeM() / NM * 256);
        if (rho < 0 || rho > 0xFFFF) {
            throw new IllegalArgumentException("slant range " + p.slantRangeM() + " m outside I048/040 (0..256 NM)");
        }
        u16(r, rho);
        u16(r, Math.floorMod(Math.round(p.azimuthDeg() / 360.0 * 65536), 65536L));
        if (p.trackNumber() < 0 || p.trackNumber() > 4095) {
            throw new IllegalArgumentException("track number " + p.trackNumber() + " outside 0..4095");
        }
        u16(r, p.trackNumber());
        if (height) {
            long h = Math.round(p.heightM() / FT / 25);
            h = Math.max(-8192, Math.min(8191, h));
            u16(r, h & 0x3FFF);
        }
        return r.toByteArray();
    }

    static byte[] wrap(int category, byte[] records) {
        int len = 3 + records.length;
        byte[] b = new byte[len];
        b[0] = (byte) category;
        b[1] = (byte) (len >>> 8);
        b[2] = (byte) len;
        System.arraycopy(records, 0, b, 3, records.length);
        return b;
    }

    static void u16(ByteArrayOutputStream o, long v) {
        o.write((int) (v >>> 8) & 0xFF);
        o.write((int) v & 0xFF);
    }

    static void u24(ByteArrayOutputStream o, long v) {
        o.write((int) (v >>> 16) & 0xFF);
        u16(o, v);
    }

    static int checkByte(String name, int v) {
        if (v < 0 || v > 255) {
            throw new IllegalArgumentException(name + " must be in 0..255, is " + v);
        }
        return v;
    }
}
