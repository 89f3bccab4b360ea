package org.skydas.sim.encode;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes STANAG 4607 (edition 3, version "30") packets as {@code org.skydas.ingest.stanag4607.Gmti4607Decoder}
 * reads them: a 32-byte packet header, a Mission segment (its reference date is the dwell's UTC day) and one Dwell
 * segment whose target reports carry high-resolution position (D32.2/3), geodetic height (D32.6), line-of-sight
 * velocity and wrap velocity (D32.7/8), classification and its probability (D32.10/11) and the slant-range,
 * cross-range, height and radial-velocity uncertainties (D32.12–15, with the sensor position uncertainties
 * D12–D14 the standard requires for them). Big-endian; SA32/BA32 binary angles; values beyond a field's range are
 * clamped to it.
 */
public final class Gmti4607Encoder {

    /** D32.10 values (live targets). */
    public static final int CLASS_NONE = 0;
    public static final int CLASS_WHEELED_VEHICLE = 2;
    public static final int CLASS_PERSON = 9;
    public static final int CLASS_VEHICLE = 10;
    public static final int CLASS_ANIMAL = 11;

    /** Dwell mask: D2–D9, D12–D14, D24–D27 and target fields D32.1–3, D32.6–8, D32.10–15. */
    static final long MASK;

    static {
        long m = 0;
        for (int n : new int[] {2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 14, 24, 25, 26, 27}) {
            m |= 1L << (65 - n);
        }
        for (int k : new int[] {1, 2, 3, 6, 7, 8, 10, 11, 12, 13, 14, 15}) {
            m |= 1L << (34 - k);
        }
        MASK = m;
    }

    /** The radar in one dwell: position (degrees, m above the ellipsoid) and the dwell area's centre and extent. */
    public record Sensor(double latDeg, double lonDeg, double altitudeM, double centreLatDeg, double centreLonDeg,
                         double rangeHalfExtentKm, double angleHalfExtentDeg) {
    }

    /**
     * One target report: position (degrees, m above the ellipsoid), radial velocity (m/s, positive away from the
     * radar), wrap velocity (m/s), D32.10 class and its probability (%), one-sigma slant/cross-range (m), height
     * (m) and radial-velocity (m/s) uncertainties.
     */
    public record Target(double latDeg, double lonDeg, double heightM, double radialMps, double wrapMps,
                         int classification, int probabilityPct, double slantSigmaM, double crossSigmaM,
                         double heightSigmaM, double radialSigmaMps) {
    }

    private Gmti4607Encoder() {
    }

    /** One packet: header, Mission, Dwell. {@code platformId} is up to 10 ASCII characters. */
    public static byte[] packet(String platformId, long missionId, long jobId, int revisit, int dwellIndex,
                                Instant dwellTime, Sensor s, List<Target> targets) {
        LocalDate day = dwellTime.atOffset(ZoneOffset.UTC).toLocalDate();
        long ms = dwellTime.toEpochMilli() - day.toEpochDay() * 86_400_000L;
        ByteBuffer mission = ByteBuffer.allocate(5 + 39);
        segmentHeader(mission, 1);
        ascii(mission, "SKYDAS-SIM", 12);
        ascii(mission, "DEMO", 12);
        mission.put((byte) 255); // platform type: other
        ascii(mission, "GSR", 10);
        mission.putShort((short) day.getYear()).put((byte) day.getMonthValue()).put((byte) day.getDayOfMonth());

        int targetBytes = 2 + 8 + 2 + 2 + 2 + 1 + 1 + 2 + 2 + 1 + 2;
        ByteBuffer dwell = ByteBuffer.allocate(5 + 8 + 2 + 2 + 1 + 2 + 4 + 12 + 10 + 12 + targets.size() * targetBytes);
        segmentHeader(dwell, 2);
        dwell.putLong(MASK);
        dwell.putShort((short) clamp(revisit, 0, 65_535)).putShort((short) clamp(dwellIndex, 0, 65_535));
        dwell.put((byte) 1); // last dwell of revisit
        dwell.putShort((short) targets.size());
        dwell.putInt((int) ms);
        dwell.putInt(sa32(s.latDeg())).putInt(ba32(s.lonDeg())).putInt((int) clamp(Math.round(s.altitudeM() * 100),
                Integer.MIN_VALUE, Integer.MAX_VALUE));
        dwell.putInt(1_000).putInt(1_000).putShort((short) 500); // sensor uncertainties: 10 m, 10 m, 5 m
        dwell.putInt(sa32(s.centreLatDeg())).putInt(ba32(s.centreLonDeg()));
        dwell.putShort(b16(s.rangeHalfExtentKm())).putShort((short) ba16(s.angleHalfExtentDeg()));
        int index = 0;
        for (Target t : targets) {
            dwell.putShort((short) index++);
            dwell.putInt(sa32(t.latDeg())).putInt(ba32(t.lonDeg()));
            dwell.putShort((short) clamp(Math.round(t.heightM()), Short.MIN_VALUE, Short.MAX_VALUE));
            dwell.putShort((short) clamp(Math.round(t.radialMps() * 100), Short.MIN_VALUE, Short.MAX_VALUE));
            dwell.putShort((short) clamp(Math.round(t.wrapMps() * 100), 0, 65_535));
            dwell.put((byte) clamp(t.classification(), 0, 255)).put((byte) clamp(t.probabilityPct(), 0, 100));
            dwell.putShort((short) clamp(Math.round(t.slantSigmaM() * 100), 0, 65_535));
            dwell.putShort((short) clamp(Math.round(t.crossSigmaM() * 10), 0, 65_535));
            dwell.put((byte) clamp(Math.round(t.heightSigmaM()), 0, 255));
            dwell.putShort((short) clamp(Math.round(t.radialSigmaMps() * 100), 0, 65_535));
        }
        int size = 32 + mission.capacity() + dwell.capacity();
        ByteBuffer h = ByteBuffer.allocate(32);
        ascii(h, "30", 2);
        h.putInt(size);
        ascii(h, "XN", 2);
        h.put((byte) 5); // UNCLASSIFIED
        ascii(h, "XN", 2);
        h.putShort((short) 0).put((byte) 128); // no code; exercise, simulated
        ascii(h, platformId, 10);
        h.putInt((int) missionId).putInt((int) jobId);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(h.array());
        out.writeBytes(mission.array());
        out.writeBytes(dwell.array());
        return out.toByteArray();
    }

    private static void segmentHeader(ByteBuffer b, int type) {
        b.put((byte) type).putInt(b.capacity());
    }

    private static void ascii(ByteBuffer b, String s, int n) {
        byte[] text = s.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < n; i++) {
            b.put(i < text.length ? text[i] : (byte) ' ');
        }
    }

    /** SA32: signed, 180° / 2^32 per count. */
    static int sa32(double deg) {
        return (int) clamp(Math.round(deg / 180.0 * 4_294_967_296.0), Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** BA32: unsigned, 360° / 2^32 per count, 0–360° (negative longitudes wrap). */
    static int ba32(double deg) {
        double d = ((deg % 360) + 360) % 360;
        return (int) (Math.round(d / 360.0 * 4_294_967_296.0) & 0xFFFFFFFFL);
    }

    static int ba16(double deg) {
        double d = ((deg % 360) + 360) % 360;
        return (int) (Math.round(d / 360.0 * 65_536) & 0xFFFF);
    }

    /** B16: sign bit, 8 integer bits, 7 fraction bits. */
    static short b16(double v) {
        long magnitude = clamp(Math.round(Math.abs(v) * 128), 0, 0x7FFF);
        return (short) (v < 0 ? 0x8000 | magnitude : magnitude);
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
