package org.skydas.ingest.asterix;

/** Big-endian bit extraction; callers have checked that the bits lie inside the buffer. */
final class Bits {

    private Bits() {
    }

    /** {@code count} (≤ 64) bits starting {@code startBit} bits after {@code b[0]}, as an unsigned number. */
    static long get(byte[] b, long startBit, int count) {
        long v = 0;
        long bit = startBit;
        int remaining = count;
        while (remaining > 0) {
            int index = (int) (bit >>> 3);
            int inByte = (int) (bit & 7);
            int take = Math.min(8 - inByte, remaining);
            int x = ((b[index] & 0xFF) >>> (8 - inByte - take)) & ((1 << take) - 1);
            v = (v << take) | x;
            bit += take;
            remaining -= take;
        }
        return v;
    }

    /** Two's complement of a {@code count}-bit field. */
    static long signExtend(long v, int count) {
        return count >= 64 ? v : (v << (64 - count)) >> (64 - count);
    }

    static int u8(byte[] b, int p) {
        return b[p] & 0xFF;
    }

    static int u16(byte[] b, int p) {
        return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
    }

    static int u24(byte[] b, int p) {
        return ((b[p] & 0xFF) << 16) | ((b[p + 1] & 0xFF) << 8) | (b[p + 2] & 0xFF);
    }
}
