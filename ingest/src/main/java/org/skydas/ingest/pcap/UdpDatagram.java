package org.skydas.ingest.pcap;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A UDP payload found in a captured frame, with its addresses and ports. The payload is
 * {@code frame[payloadOffset, payloadOffset + payloadLength)}; a decoder that reads in place takes {@link #frame()}
 * (one copy of the frame) with the offset and length. The constructor takes the arrays over without copying them
 * (one record per frame: the extractor hands fresh arrays over and keeps no reference); the accessors return copies.
 *
 * @param source      4 (IPv4) or 16 (IPv6) address bytes
 * @param destination 4 or 16 address bytes
 */
public record UdpDatagram(long timestampNanos, byte[] source, int sourcePort, byte[] destination,
                          int destinationPort, byte[] frame, int payloadOffset, int payloadLength) {

    /** A copy of the source address bytes. */
    @Override
    public byte[] source() {
        return source.clone();
    }

    /** A copy of the destination address bytes. */
    @Override
    public byte[] destination() {
        return destination.clone();
    }

    /** A copy of the whole captured frame. */
    @Override
    public byte[] frame() {
        return frame.clone();
    }

    /** A copy of the payload bytes. */
    public byte[] payload() {
        return java.util.Arrays.copyOfRange(frame, payloadOffset, payloadOffset + payloadLength);
    }

    public InetAddress sourceAddress() {
        return address(source);
    }

    public InetAddress destinationAddress() {
        return address(destination);
    }

    private static InetAddress address(byte[] a) {
        try {
            return InetAddress.getByAddress(a);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of " + a.length + " bytes", e); // cannot happen: 4 or 16
        }
    }
}
