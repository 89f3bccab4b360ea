package org.skydas.ingest.tak;

/** Unsigned protobuf varints in TAK framing headers: 7-bit groups, least significant first, ≤ 10 bytes. */
final class Varint {

    /** Marks "not enough bytes yet" in {@link #read}. */
    static final long INCOMPLETE = -1;
    /** Marks "more than 10 bytes or beyond 2^63 - 1" in {@link #read}. */
    static final long INVALID = -2;

    private Varint() {
    }

    /**
     * Reads a varint at {@code buf[pos]} from at most {@code end - pos} bytes. Returns the value
     * (≥ 0) with its byte count in {@code consumed[0]}, or {@link #INCOMPLETE} or {@link #INVALID}.
     */
    static long read(byte[] buf, int pos, int end, int[] consumed) {
        long v = 0;
        for (int i = 0; i < 10; i++) {
            if (pos + i >= end) {
                return INCOMPLETE;
            }
            byte b = buf[pos + i];
            v |= (long) (b & 0x7F) << (7 * i);
            if (b >= 0) {
                if (v < 0) {
                    return INVALID; // TAK limits varints to [0, 2^63 - 1]
                }
                consumed[0] = i + 1;
                return v;
            }
        }
        return INVALID;
    }

    static int size(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    static int write(long v, byte[] buf, int pos) {
        while ((v & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
        return pos;
    }
}
