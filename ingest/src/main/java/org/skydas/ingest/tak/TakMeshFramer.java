package org.skydas.ingest.tak;

import org.skydas.ingest.DecodeException;

/**
 * TAK protocol mesh framing, used for UDP datagrams (SA multicast, 239.2.3.1:6969 by default) and
 * one-shot TCP messages: {@code 0xBF <version varint> 0xBF <payload>}, one message per datagram. Only
 * version 1 payloads are decoded; another version is reported, so that the caller can count it.
 * Chosen by transport, never by sniffing (see {@link TakStreamFramer}). Stateless and thread-safe.
 */
public final class TakMeshFramer {

    /** Where the payload of a mesh datagram is. */
    public record Frame(long version, int payloadOffset, int payloadLength) {
    }

    private final TakMessageCodec codec = new TakMessageCodec();

    /** Parses the mesh header of {@code datagram[offset, offset+length)}. */
    public static Frame parseHeader(byte[] datagram, int offset, int length) throws DecodeException {
        int end = offset + length;
        if (length < 3 || (datagram[offset] & 0xFF) != TakStreamFramer.MAGIC) {
            throw new DecodeException("not a TAK mesh message: no 0xbf magic byte");
        }
        int[] size = new int[1];
        long version = Varint.read(datagram, offset + 1, end, size);
        if (version < 0) {
            throw new DecodeException("TAK mesh header: " + (version == Varint.INCOMPLETE ? "truncated" : "invalid") + " version varint");
        }
        int second = offset + 1 + size[0];
        if (second >= end || (datagram[second] & 0xFF) != TakStreamFramer.MAGIC) {
            throw new DecodeException("TAK mesh header: no 0xbf after version " + version);
        }
        return new Frame(version, second + 1, end - second - 1);
    }

    /** Decodes a version-1 mesh datagram. */
    public TakMessage decode(byte[] datagram, int offset, int length) throws DecodeException {
        Frame f = parseHeader(datagram, offset, length);
        if (f.version() != 1) {
            throw new DecodeException("unsupported TAK protocol version " + f.version());
        }
        return codec.decode(datagram, f.payloadOffset(), f.payloadLength());
    }

    public TakMessage decode(byte[] datagram) throws DecodeException {
        return decode(datagram, 0, datagram.length);
    }

    /** Wraps one payload in a mesh header of the given version. */
    public static byte[] frame(long version, byte[] payload) {
        byte[] out = new byte[2 + Varint.size(version) + payload.length];
        out[0] = (byte) TakStreamFramer.MAGIC;
        int p = Varint.write(version, out, 1);
        out[p++] = (byte) TakStreamFramer.MAGIC;
        System.arraycopy(payload, 0, out, p, payload.length);
        return out;
    }

    public byte[] encode(TakMessage m) {
        return frame(1, codec.encode(m));
    }
}
