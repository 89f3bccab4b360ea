package org.skydas.ingest.pcap;

import java.io.IOException;
import java.nio.file.Path;

import org.skydas.ingest.DecodeException;

/**
 * Finds the UDP payload in a captured frame (IPv4 or IPv6 over Ethernet, Linux cooked v1/v2, loopback or raw
 * IP). Frames that are not UDP, IP fragments other than a complete datagram, and frames whose headers are cut
 * or inconsistent yield {@code null}: a replay skips them, it does not fail.
 */
public final class UdpExtractor {

    private UdpExtractor() {
    }

    /** Receives the UDP datagrams of a capture in file order. */
    @FunctionalInterface
    public interface DatagramSink {
        void accept(UdpDatagram datagram) throws DecodeException;
    }

    /** Counts of what a capture contained, for the caller's report. */
    public record Summary(long frames, long datagrams) {
    }

    /** The UDP datagram carried by {@code packet}, or {@code null}. */
    public static UdpDatagram extract(CapturedPacket packet) {
        byte[] d = packet.data();
        long net = LinkLayer.networkLayer(packet.linkType(), d);
        if (net < 0) {
            return null;
        }
        int etherType = (int) (net >>> 32);
        int p = (int) net;
        if (etherType == LinkLayer.ETHERTYPE_IPV4) {
            return ipv4(packet.timestampNanos(), d, p);
        }
        if (etherType == LinkLayer.ETHERTYPE_IPV6) {
            return ipv6(packet.timestampNanos(), d, p);
        }
        return null;
    }

    /** Reads every frame of {@code file} and passes its UDP datagrams to {@code sink}. */
    public static Summary forEachDatagram(Path file, DatagramSink sink) throws IOException, DecodeException {
        long frames = 0;
        long datagrams = 0;
        try (CaptureReader reader = CaptureReader.open(file)) {
            CapturedPacket packet;
            while ((packet = reader.next()) != null) {
                frames++;
                UdpDatagram datagram = extract(packet);
                if (datagram != null) {
                    datagrams++;
                    sink.accept(datagram);
                }
            }
        }
        return new Summary(frames, datagrams);
    }

    private static UdpDatagram ipv4(long ts, byte[] d, int p) {
        int n = d.length;
        if (p + 20 > n || (d[p] & 0xF0) != 0x40) {
            return null;
        }
        int headerLength = (d[p] & 0x0F) * 4;
        int totalLength = LinkLayer.u16(d, p + 2);
        int flagsFragment = LinkLayer.u16(d, p + 6);
        if (headerLength < 20 || totalLength < headerLength + 8 || d[p + 9] != 17) {
            return null;
        }
        if ((flagsFragment & 0x3FFF) != 0) {
            return null; // a fragment (MF set or offset > 0): the datagram is not whole in this frame
        }
        int end = Math.min(n, p + totalLength); // Ethernet pads short frames: trust the IP length, not the frame
        byte[] src = java.util.Arrays.copyOfRange(d, p + 12, p + 16);
        byte[] dst = java.util.Arrays.copyOfRange(d, p + 16, p + 20);
        return udp(ts, d, p + headerLength, end, src, dst);
    }

    private static UdpDatagram ipv6(long ts, byte[] d, int p) {
        int n = d.length;
        if (p + 40 > n || (d[p] & 0xF0) != 0x60 || d[p + 6] != 17) {
            return null; // extension headers are not followed: UDP over IPv6 on a LAN has none
        }
        int end = Math.min(n, p + 40 + LinkLayer.u16(d, p + 4));
        byte[] src = java.util.Arrays.copyOfRange(d, p + 8, p + 24);
        byte[] dst = java.util.Arrays.copyOfRange(d, p + 24, p + 40);
        return udp(ts, d, p + 40, end, src, dst);
    }

    private static UdpDatagram udp(long ts, byte[] d, int p, int end, byte[] src, byte[] dst) {
        if (p + 8 > end) {
            return null;
        }
        int udpLength = LinkLayer.u16(d, p + 4);
        if (udpLength < 8) {
            return null;
        }
        int payloadEnd = Math.min(end, p + udpLength);
        return new UdpDatagram(ts, src, LinkLayer.u16(d, p), dst, LinkLayer.u16(d, p + 2), d, p + 8,
                payloadEnd - (p + 8));
    }
}
