package org.skydas.ingest.tak;

import java.nio.charset.StandardCharsets;

import org.skydas.ingest.DecodeException;

/**
 * Reads the protobuf wire format from a byte array, bounds-checked at every step: a varint longer
 * than 10 bytes, a length that runs past the enclosing message, or a group wire type is refused with
 * the offset. Nothing is allocated beyond the strings read, so allocation is bounded by input size.
 * Not thread-safe; cheap to create per message.
 */
final class ProtoReader {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final byte[] buf;
    private final int base;
    private int pos;
    private int limit;

    ProtoReader(byte[] buf, int offset, int length) {
        this.buf = buf;
        this.base = offset;
        this.pos = offset;
        this.limit = offset + length;
    }

    /** Next tag (field number << 3 | wire type), or 0 at the end of the current message. */
    int readTag() throws DecodeException {
        if (pos >= limit) {
            return 0;
        }
        long tag = readVarint();
        if (tag >>> 3 == 0 || tag > 0xFFFF_FFFFL) {
            throw error("invalid field tag " + tag);
        }
        return (int) tag;
    }

    long readVarint() throws DecodeException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= limit) {
                throw error("truncated varint");
            }
            byte b = buf[pos++];
            result |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw error("varint longer than 10 bytes");
    }

    double readDouble() throws DecodeException {
        return Double.longBitsToDouble(readFixed64());
    }

    long readFixed64() throws DecodeException {
        if (limit - pos < 8) {
            throw error("truncated fixed64");
        }
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (buf[pos + i] & 0xFF);
        }
        pos += 8;
        return v;
    }

    String readString() throws DecodeException {
        int len = readLength();
        String s = new String(buf, pos, len, StandardCharsets.UTF_8);
        pos += len;
        return s;
    }

    /** Reads a length prefix and checks that many bytes remain in the current message. */
    int readLength() throws DecodeException {
        long len = readVarint();
        if (len < 0 || len > limit - pos) {
            throw error("length " + Long.toUnsignedString(len) + " exceeds the " + (limit - pos) + " bytes left");
        }
        return (int) len;
    }

    /** Narrows reading to the next {@code length} bytes; returns the old limit for {@link #popLimit}. */
    int pushLimit(int length) {
        int old = limit;
        limit = pos + length;
        return old;
    }

    void popLimit(int oldLimit) throws DecodeException {
        if (pos != limit) {
            throw error("sub-message not fully read");
        }
        limit = oldLimit;
    }

    /** Skips the value of an unknown field (forward compatibility: unknown fields are ignored). */
    void skip(int tag) throws DecodeException {
        switch (tag & 7) {
            case VARINT -> readVarint();
            case FIXED64 -> {
                if (limit - pos < 8) {
                    throw error("truncated fixed64");
                }
                pos += 8;
            }
            case LENGTH_DELIMITED -> pos += readLength();
            case FIXED32 -> {
                if (limit - pos < 4) {
                    throw error("truncated fixed32");
                }
                pos += 4;
            }
            default -> throw error("unsupported wire type " + (tag & 7) + " for field " + (tag >>> 3));
        }
    }

    /** Checks the wire type of a known field; a mismatch means corrupt data or an incompatible schema. */
    void expect(int tag, int wireType) throws DecodeException {
        if ((tag & 7) != wireType) {
            throw error("field " + (tag >>> 3) + " has wire type " + (tag & 7) + ", expected " + wireType);
        }
    }

    DecodeException error(String what) {
        return new DecodeException("protobuf: " + what + " at payload offset " + (pos - base));
    }
}
