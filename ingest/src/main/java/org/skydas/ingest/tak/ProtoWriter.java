package org.skydas.ingest.tak;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the protobuf wire format. Proto3 rules: fields equal to their default (0, empty string) are
 * not written. Sub-messages are written into their own writer first, because their length prefix
 * comes before them.
 */
final class ProtoWriter {

    private byte[] buf;
    private int len;

    ProtoWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    void writeTag(int field, int wireType) {
        writeVarint(((long) field << 3) | wireType);
    }

    void writeVarint(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[len++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[len++] = (byte) v;
    }

    void uint64(int field, long v) {
        if (v != 0) {
            writeTag(field, ProtoReader.VARINT);
            writeVarint(v);
        }
    }

    void doubleField(int field, double v) {
        // proto3 drops 0.0 but keeps -0.0 and NaN (their bit patterns are not zero)
        long bits = Double.doubleToRawLongBits(v);
        if (bits != 0) {
            writeTag(field, ProtoReader.FIXED64);
            ensure(8);
            for (int i = 0; i < 8; i++) {
                buf[len++] = (byte) (bits >>> (8 * i));
            }
        }
    }

    void string(int field, String s) {
        if (s != null && !s.isEmpty()) {
            bytes(field, s.getBytes(StandardCharsets.UTF_8));
        }
    }

    void bytes(int field, byte[] b) {
        writeTag(field, ProtoReader.LENGTH_DELIMITED);
        writeVarint(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
    }

    /** A sub-message; written even when empty, since presence matters (an empty {@code track {}}). */
    void message(int field, ProtoWriter sub) {
        writeTag(field, ProtoReader.LENGTH_DELIMITED);
        writeVarint(sub.len);
        ensure(sub.len);
        System.arraycopy(sub.buf, 0, buf, len, sub.len);
        len += sub.len;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    int size() {
        return len;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
