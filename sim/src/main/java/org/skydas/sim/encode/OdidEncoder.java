package org.skydas.sim.encode;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes ASTM F3411 (Open Drone ID) messages, protocol version 2 (F3411-22), 25 bytes little-endian each,
 * and the message pack (type 0xF) that Wi-Fi and Bluetooth 5 broadcasts carry.
 */
public final class OdidEncoder {

    public static final int SIZE = 25;
    private static final int VERSION = 2;

    /** Basic ID with a serial number (ID type 1) of a helicopter/multirotor (UA type 2). */
    public byte[] basicId(String serial) {
        byte[] b = new byte[SIZE];
        b[0] = (byte) (VERSION);
        b[1] = (byte) (1 << 4 | 2);
        ascii(b, 2, 20, serial);
        return b;
    }

    /** Operator ID of type 0 (CAA-issued registration). */
    public byte[] operatorId(String operatorId) {
        byte[] b = new byte[SIZE];
        b[0] = (byte) (5 << 4 | VERSION);
        b[1] = 0;
        ascii(b, 2, 20, operatorId);
        return b;
    }

    /**
     * Location/Vector, airborne, height above take-off; accuracies: horizontal < 10 m, vertical < 3 m, speed
     * < 1 m/s, time 0.1 s.
     *
     * @param directionDeg      track direction clockwise from true north
     * @param altitudeM         geodetic altitude (and barometric altitude) above the ellipsoid
     * @param tenthsPastHour    timestamp in tenths of a second since the start of the UTC hour
     */
    public byte[] location(double latDeg, double lonDeg, double altitudeM, double heightM, double directionDeg,
                           double speedMps, double verticalSpeedMps, int tenthsPastHour) {
        byte[] b = new byte[SIZE];
        b[0] = (byte) (1 << 4 | VERSION);
        int dir = (int) Math.round(((directionDeg % 360) + 360) % 360) % 360;
        boolean west = dir >= 180;
        boolean mult = speedMps > 63.75;
        int speedRaw = mult ? (int) Math.min(254, Math.round((speedMps - 63.75) / 0.75))
                : (int) Math.round(Math.max(0, speedMps) / 0.25);
        b[1] = (byte) (2 << 4 | 0 << 2 | (west ? 2 : 0) | (mult ? 1 : 0));
        b[2] = (byte) (west ? dir - 180 : dir);
        b[3] = (byte) speedRaw;
        b[4] = (byte) Math.max(-125, Math.min(125, Math.round(verticalSpeedMps / 0.5)));
        i32(b, 5, (int) Math.round(latDeg * 1e7));
        i32(b, 9, (int) Math.round(lonDeg * 1e7));
        u16(b, 13, altitudeRaw(altitudeM));
        u16(b, 15, altitudeRaw(altitudeM));
        u16(b, 17, altitudeRaw(heightM));
        b[19] = (byte) (5 << 4 | 10); // vertical < 3 m, horizontal < 10 m
        b[20] = (byte) (5 << 4 | 3);  // baro < 3 m, speed < 1 m/s
        u16(b, 21, Math.floorMod(tenthsPastHour, 36_000));
        b[23] = 1; // timestamp accuracy 0.1 s
        return b;
    }

    /** A message pack of 1..9 messages. */
    public byte[] pack(List<byte[]> messages) {
        if (messages.isEmpty() || messages.size() > 9) {
            throw new IllegalArgumentException("a message pack holds 1..9 messages, not " + messages.size());
        }
        byte[] b = new byte[3 + SIZE * messages.size()];
        b[0] = (byte) (0xF << 4 | VERSION);
        b[1] = SIZE;
        b[2] = (byte) messages.size();
        for (int i = 0; i < messages.size(); i++) {
            System.arraycopy(messages.get(i), 0, b, 3 + i * SIZE, SIZE);
        }
        return b;
    }

    /** Altitude coding: (m + 1000) / 0.5; 0 means unknown, so it is never produced for a real value. */
    private static int altitudeRaw(double m) {
        if (Double.isNaN(m)) {
            return 0;
        }
        return (int) Math.max(1, Math.min(0xFFFE, Math.round((m + 1000) / 0.5)));
    }

    private static void ascii(byte[] b, int at, int len, String s) {
        byte[] a = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(a, 0, b, at, Math.min(len, a.length));
    }

    private static void u16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    private static void i32(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
