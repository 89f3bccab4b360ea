package org.skydas.ingest.tak;

import java.util.Arrays;

import org.skydas.ingest.DecodeException;

/**
 * TAK protocol streaming framing, used on TCP/TLS connections to a TAK server once version 1 has
 * been negotiated: {@code 0xBF <payload length varint> <payload>}, no version byte. Which framing a
 * connection uses is known from the transport and the negotiation, never guessed from the bytes
 * ({@code bf 01} starts both a mesh header and a 1-byte stream frame); mesh datagrams go to
 * {@link TakMeshFramer}.
 *
 * <p>Incremental: feed it whatever the socket returned; it buffers at most one frame
 * ({@code maxPayloadBytes} plus an 11-byte header), so a peer announcing a huge length cannot
 * exhaust memory. A stream has no resynchronisation marker: after a {@link DecodeException} the
 * framer refuses further input and the connection must be closed. Not thread-safe (one per connection).
 */
public final class TakStreamFramer {

    public static final int MAGIC = 0xBF;
    private static final int MAX_HEADER = 11;

    /** Receives one complete payload; the array is only valid during the call. */
    @FunctionalInterface
    public interface PayloadSink {
        void accept(byte[] buffer, int offset, int length) throws DecodeException;
    }

    private final int maxPayloadBytes;
    private byte[] buf = new byte[1024];
    private int len;
    private long consumedTotal;
    private long frames;
    private String failure;
    private final int[] varintSize = new int[1];

    public TakStreamFramer(int maxPayloadBytes) {
        if (maxPayloadBytes < 1) {
            throw new IllegalArgumentException("maxPayloadBytes must be positive");
        }
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** Wraps one payload in a stream header. */
    public static byte[] frame(byte[] payload) {
        byte[] out = new byte[1 + Varint.size(payload.length) + payload.length];
        out[0] = (byte) MAGIC;
        int p = Varint.write(payload.length, out, 1);
        System.arraycopy(payload, 0, out, p, payload.length);
        return out;
    }

    /** Consumes received bytes, calling {@code sink} for every payload completed by them. */
    public void feed(byte[] data, int offset, int length, PayloadSink sink) throws DecodeException {
        if (failure != null) {
            throw new DecodeException("stream already failed: " + failure);
        }
        int pos = offset;
        int end = offset + length;
        int room = maxPayloadBytes + MAX_HEADER;
        while (pos < end) {
            int take = Math.min(end - pos, room - len);
            if (len + take > buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min(room, Math.max((long) buf.length * 2, len + take)));
            }
            System.arraycopy(data, pos, buf, len, take);
            len += take;
            pos += take;
            drain(sink);
        }
    }

    private void drain(PayloadSink sink) throws DecodeException {
        int p = 0;
        while (p < len) {
            if ((buf[p] & 0xFF) != MAGIC) {
                throw fail(String.format("expected 0xbf at stream offset %d, found 0x%02x", consumedTotal + p, buf[p] & 0xFF));
            }
            long size = Varint.read(buf, p + 1, len, varintSize);
            if (size == Varint.INCOMPLETE) {
                break;
            }
            if (size == Varint.INVALID) {
                throw fail("invalid length varint at stream offset " + (consumedTotal + p + 1));
            }
            if (size > maxPayloadBytes) {
                throw fail("frame at stream offset " + (consumedTotal + p) + " announces " + size
                        + " bytes, more than the limit of " + maxPayloadBytes);
            }
            int start = p + 1 + varintSize[0];
            if (len - start < size) {
                break;
            }
            frames++;
            sink.accept(buf, start, (int) size);
            p = start + (int) size;
        }
        if (p > 0) {
            System.arraycopy(buf, p, buf, 0, len - p);
            len -= p;
            consumedTotal += p;
        }
    }

    private DecodeException fail(String reason) {
        failure = reason;
        return new DecodeException(reason);
    }

    /** Bytes of an incomplete frame held back; non-zero at end of input means a truncated frame. */
    public int pendingBytes() {
        return len;
    }

    public long framesDecoded() {
        return frames;
    }
}
