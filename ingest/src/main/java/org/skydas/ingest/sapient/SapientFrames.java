package org.skydas.ingest.sapient;

import java.util.function.Consumer;

/**
 * Splits a SAPIENT TCP stream into messages: each is a 4-byte little-endian unsigned length and that many bytes of
 * one serialized {@code SapientMessage} (as Dstl's Apex middleware and test harness frame them). Bytes arrive in any
 * pieces; a message is handed on once whole. A length of zero is skipped (the harness ignores it too); a length
 * above {@code maxBytes} cannot be resynchronised, so the splitter stops and reports it: the caller counts it and
 * closes the connection.
 */
public final class SapientFrames {

    private final int maxBytes;
    private byte[] buf = new byte[256];
    private int len;
    private long oversized = -1;
    private long emptyFrames;

    public SapientFrames(int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be >= 1, is " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * Appends bytes and hands each complete message to {@code frame}. Returns false once a frame longer than the
     * maximum was announced (then {@link #oversizedLength()} says how long); later calls do nothing.
     */
    public boolean feed(byte[] b, int off, int n, Consumer<byte[]> frame) {
        if (oversized >= 0) {
            return false;
        }
        ensure(len + n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        int pos = 0;
        while (len - pos >= 4) {
            long size = (buf[pos] & 0xFFL) | (buf[pos + 1] & 0xFFL) << 8 | (buf[pos + 2] & 0xFFL) << 16
                    | (buf[pos + 3] & 0xFFL) << 24;
            if (size > maxBytes) {
                oversized = size;
                len = 0;
                return false;
            }
            if (len - pos - 4 < size) {
                break;
            }
            if (size == 0) {
                emptyFrames++;
            } else {
                byte[] msg = new byte[(int) size];
                System.arraycopy(buf, pos + 4, msg, 0, (int) size);
                frame.accept(msg);
            }
            pos += 4 + (int) size;
        }
        System.arraycopy(buf, pos, buf, 0, len - pos);
        len -= pos;
        return true;
    }

    private void ensure(int capacity) {
        if (capacity > buf.length) {
            byte[] bigger = new byte[Math.max(capacity, buf.length * 2)];
            System.arraycopy(buf, 0, bigger, 0, len);
            buf = bigger;
        }
    }

    /** The announced length that stopped the stream, or -1. */
    public long oversizedLength() {
        return oversized;
    }

    /** Zero-length frames skipped. */
    public long emptyFrames() {
        return emptyFrames;
    }

    /** Bytes waiting for the rest of their message. */
    public int buffered() {
        return len;
    }

    /** One message framed for the wire: its length, little-endian, then the bytes. */
    public static byte[] frame(byte[] message) {
        byte[] out = new byte[message.length + 4];
        int n = message.length;
        out[0] = (byte) n;
        out[1] = (byte) (n >>> 8);
        out[2] = (byte) (n >>> 16);
        out[3] = (byte) (n >>> 24);
        System.arraycopy(message, 0, out, 4, n);
        return out;
    }
}
