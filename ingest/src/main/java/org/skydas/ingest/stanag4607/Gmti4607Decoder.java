package org.skydas.ingest.stanag4607;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.skydas.ingest.DecodeException;

/**
 * STANAG 4607 (AEDP-7 edition 3, "30"/"31"; edition 2 "20"/"21" has the same layout for these segments) packet
 * decoder: packet header, Mission, Dwell with its target reports, Job Definition and Platform Location segments;
 * every other segment (HRR, free text, test and status, ...) is skipped by its size and reported as
 * {@link Gmti.Skipped}. Multi-byte values are big-endian; binary angles, sign-magnitude binary decimals and the
 * dwell existence mask are decoded as the notes in the shared data describe. Stateless and thread-safe; a stream
 * keeps the reference date of its last Mission segment in {@link Gmti4607Stream}.
 */
public final class Gmti4607Decoder {

    public static final int HEADER_BYTES = 32;
    static final int SEGMENT_HEADER_BYTES = 5;

    /** Reads one packet at {@code off}; its P2 size must fit in {@code len}. */
    public Gmti.Packet decode(byte[] b, int off, int len, LocalDate referenceDate) throws DecodeException {
        if (len < HEADER_BYTES) {
            throw new DecodeException("truncated packet header: " + len + " bytes");
        }
        Cursor c = new Cursor(b, off, off + len);
        String version = c.ascii(2);
        if (!(version.equals("20") || version.equals("21") || version.equals("30") || version.equals("31"))) {
            throw new DecodeException("unsupported version id: '" + printable(version) + "'");
        }
        long size = c.u32();
        if (size < HEADER_BYTES || size > len) {
            throw new DecodeException("bad packet size: " + size + " (" + len + " bytes available)");
        }
        c.end = off + (int) size;
        Gmti.Header h = new Gmti.Header(version, size, c.ascii(2), c.u8(), c.ascii(2), c.u16(), c.u8(), c.ascii(10),
                c.u32(), c.u32());
        List<Gmti.Segment> segments = new ArrayList<>();
        LocalDate ref = referenceDate;
        while (c.pos < c.end) {
            int type = c.u8();
            long segSize = c.u32();
            if (segSize < SEGMENT_HEADER_BYTES || c.pos - SEGMENT_HEADER_BYTES + segSize > c.end) {
                throw new DecodeException("bad segment size: " + segSize + " for segment type " + type);
            }
            int segEnd = c.pos - SEGMENT_HEADER_BYTES + (int) segSize;
            Cursor s = new Cursor(b, c.pos, segEnd);
            Gmti.Segment seg = switch (type) {
                case 1 -> mission(s);
                case 2 -> dwell(s);
                case 5 -> jobDefinition(s);
                case 13 -> platformLocation(s);
                default -> new Gmti.Skipped(type, Gmti.segmentName(type), segSize);
            };
            if (seg instanceof Gmti.Mission m) {
                try {
                    ref = LocalDate.of(m.year(), m.month(), m.day());
                } catch (DateTimeException e) {
                    throw new DecodeException("bad mission reference date: " + m.year() + "-" + m.month() + "-" + m.day());
                }
            }
            segments.add(seg);
            c.pos = segEnd;
        }
        return new Gmti.Packet(h, List.copyOf(segments), ref);
    }

    private static Gmti.Mission mission(Cursor s) throws DecodeException {
        return new Gmti.Mission(s.ascii(12), s.ascii(12), s.u8(), s.ascii(10), s.u16(), s.u8(), s.u8());
    }

    private static Gmti.PlatformLocation platformLocation(Cursor s) throws DecodeException {
        return new Gmti.PlatformLocation(s.u32(), s.sa32(), s.ba32(), s.s32() / 100.0, s.ba16(), s.u32() / 1000.0,
                s.s8() / 10.0);
    }

    private static Gmti.JobDefinition jobDefinition(Cursor s) throws DecodeException {
        long jobId = s.u32();
        int sensorType = s.u8();
        String model = s.ascii(6);
        int filtering = s.u8();
        int priority = s.u8();
        double[] area = new double[8];
        for (int i = 0; i < 8; i += 2) {
            area[i] = s.sa32();
            area[i + 1] = s.ba32();
        }
        return new Gmti.JobDefinition(jobId, sensorType, model, filtering, priority, area, s.u8(), s.u16(), s.u16(),
                s.u16(), s.u16(), s.u8(), s.u16(), s.u16(), s.ba16(), s.u16(), s.u8(), s.u8(), s.u8(), s.u8(), s.u8());
    }

    /** Whether field Dn (n = 2..31) is present. */
    private static boolean has(long mask, int n) {
        return (mask >>> (65 - n) & 1) != 0;
    }

    /** Whether target field D32.k (k = 1..18) is present. */
    private static boolean hasTarget(long mask, int k) {
        return (mask >>> (34 - k) & 1) != 0;
    }

    private static Gmti.Dwell dwell(Cursor s) throws DecodeException {
        long mask = s.s64();
        for (int n : new int[] {2, 3, 4, 5, 6, 7, 8, 9, 24, 25, 26, 27}) {
            if (!has(mask, n)) {
                throw new DecodeException("dwell without mandatory field: D" + n);
            }
        }
        if ((mask & 0xFFFF) != 0) {
            throw new DecodeException("dwell existence mask has spare bits set: " + Long.toHexString(mask));
        }
        int revisit = s.u16();
        int dwellIndex = s.u16();
        int last = s.u8();
        int count = s.u16();
        long time = s.u32();
        double sLat = s.sa32();
        double sLon = s.ba32();
        double sAlt = s.s32() / 100.0;
        Long latScaleRaw = has(mask, 10) ? s.s32L() : null;
        Long lonScaleRaw = has(mask, 11) ? s.u32() : null;
        Double alongU = has(mask, 12) ? s.u32() / 100.0 : null;
        Double crossU = has(mask, 13) ? s.u32() / 100.0 : null;
        Double altU = has(mask, 14) ? s.u16() / 100.0 : null;
        Double track = has(mask, 15) ? s.ba16() : null;
        Double speed = has(mask, 16) ? s.u32() / 1000.0 : null;
        Double vVel = has(mask, 17) ? s.s8() / 10.0 : null;
        Integer trackU = has(mask, 18) ? s.u8() : null;
        Double speedU = has(mask, 19) ? s.u16() / 1000.0 : null;
        Double vVelU = has(mask, 20) ? s.u16() / 100.0 : null;
        Double heading = has(mask, 21) ? s.ba16() : null;
        Double pitch = has(mask, 22) ? s.sa16() : null;
        Double roll = has(mask, 23) ? s.sa16() : null;
        long centreLatRaw = s.s32L();
        long centreLonRaw = s.u32();
        double rangeHalf = s.b16();
        double angleHalf = s.ba16();
        Double sHeading = has(mask, 28) ? s.ba16() : null;
        Double sPitch = has(mask, 29) ? s.sa16() : null;
        Double sRoll = has(mask, 30) ? s.sa16() : null;
        Double mdv = has(mask, 31) ? s.u8() / 10.0 : null;
        List<Gmti.Target> targets = new ArrayList<>(Math.min(count, 4096));
        for (int i = 0; i < count; i++) {
            targets.add(target(s, mask, centreLatRaw, centreLonRaw, latScaleRaw, lonScaleRaw));
        }
        return new Gmti.Dwell(mask, revisit, dwellIndex, last, count, time, sLat, sLon, sAlt,
                latScaleRaw == null ? null : Cursor.SA32 * latScaleRaw, lonScaleRaw == null ? null : Cursor.BA32 * lonScaleRaw,
                alongU, crossU, altU, track, speed, vVel, trackU, speedU, vVelU, heading, pitch, roll,
                Cursor.SA32 * centreLatRaw, Cursor.BA32 * centreLonRaw, rangeHalf, angleHalf, sHeading, sPitch, sRoll, mdv,
                List.copyOf(targets));
    }

    private static Gmti.Target target(Cursor s, long mask, long centreLatRaw, long centreLonRaw, Long latScale,
                                      Long lonScale) throws DecodeException {
        Integer index = hasTarget(mask, 1) ? s.u16() : null;
        Double lat = hasTarget(mask, 2) ? s.sa32() : null;
        Double lon = hasTarget(mask, 3) ? s.ba32() : null;
        Integer dLat = hasTarget(mask, 4) ? s.s16() : null;
        Integer dLon = hasTarget(mask, 5) ? s.s16() : null;
        if ((lat == null) != (lon == null)) {
            lat = null;
            lon = null;
        }
        if (lat == null && dLat != null && dLon != null && latScale != null && lonScale != null) {
            // In raw units, the longitude wrapping modulo 2^32 (a binary angle).
            lat = Cursor.SA32 * (centreLatRaw + (long) dLat * latScale);
            lon = Cursor.BA32 * ((centreLonRaw + (long) dLon * lonScale) & 0xFFFFFFFFL);
        }
        return new Gmti.Target(index, lat, lon, dLat, dLon,
                hasTarget(mask, 6) ? s.s16() : null,
                hasTarget(mask, 7) ? s.s16() / 100.0 : null,
                hasTarget(mask, 8) ? s.u16() / 100.0 : null,
                hasTarget(mask, 9) ? s.s8() : null,
                hasTarget(mask, 10) ? s.u8() : null,
                hasTarget(mask, 11) ? s.u8() : null,
                hasTarget(mask, 12) ? s.u16() / 100.0 : null,
                hasTarget(mask, 13) ? s.u16() / 10.0 : null,
                hasTarget(mask, 14) ? s.u8() : null,
                hasTarget(mask, 15) ? s.u16() / 100.0 : null,
                hasTarget(mask, 16) ? s.u8() : null,
                hasTarget(mask, 17) ? s.u32() : null,
                hasTarget(mask, 18) ? s.s8() : null);
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            b.append(ch >= 0x20 && ch < 0x7F ? ch : '?');
        }
        return b.toString();
    }

    /** Big-endian reads within [pos, end), each failing with a DecodeException past the end. */
    static final class Cursor {
        static final double SA32 = 180.0 / (1L << 32);
        static final double BA32 = 360.0 / (1L << 32);
        final byte[] b;
        int pos;
        int end;

        Cursor(byte[] b, int pos, int end) {
            this.b = b;
            this.pos = pos;
            this.end = end;
        }

        private int need(int n) throws DecodeException {
            if (end - pos < n) {
                throw new DecodeException("truncated: needs " + n + " bytes at offset " + pos + ", has " + (end - pos));
            }
            int at = pos;
            pos += n;
            return at;
        }

        int u8() throws DecodeException {
            return b[need(1)] & 0xFF;
        }

        int s8() throws DecodeException {
            return b[need(1)];
        }

        int u16() throws DecodeException {
            int at = need(2);
            return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
        }

        int s16() throws DecodeException {
            return (short) u16();
        }

        long u32() throws DecodeException {
            int at = need(4);
            return ((long) (b[at] & 0xFF) << 24) | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
        }

        int s32() throws DecodeException {
            return (int) u32();
        }

        long s32L() throws DecodeException {
            return (int) u32();
        }

        long s64() throws DecodeException {
            return u32() << 32 | u32();
        }

        double sa32() throws DecodeException {
            return s32L() * SA32;
        }

        double ba32() throws DecodeException {
            return u32() * BA32;
        }

        double sa16() throws DecodeException {
            return s16() * (180.0 / 65536);
        }

        double ba16() throws DecodeException {
            return u16() * (360.0 / 65536);
        }

        /** B16: sign bit, 8 integer bits, 7 fraction bits (sign-magnitude). */
        double b16() throws DecodeException {
            int raw = u16();
            double magnitude = (raw & 0x7FFF) / 128.0;
            return (raw & 0x8000) != 0 ? -magnitude : magnitude;
        }

        String ascii(int n) throws DecodeException {
            int at = need(n);
            return new String(b, at, n, StandardCharsets.ISO_8859_1);
        }
    }
}
