package org.skydas.sim.journal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.skydas.sim.Channel;
import org.skydas.sim.MessageSink;
import org.skydas.sim.SimMessage;

/**
 * Writes a run's messages as a classic (libpcap, microsecond) capture of UDP/IPv4/Ethernet frames, so that the
 * simulator's traffic opens in Wireshark/tshark or replays like a recorded feed. Only {@linkplain #route routed}
 * channels are written (one datagram per message, as the loopback transport sends them); others are counted as
 * skipped.
 *
 * <p>Each sending asset gets its own source address, {@code 10.0.0.1} upwards in order of first message (and
 * source port 49152 upwards), so captures can be filtered per sensor; every datagram goes to {@link #receiver()}.
 * IPv4 header and UDP checksums are computed; frames carry the message's simulated time. tshark decodes the ASTERIX in
 * such a capture ({@code -d udp.port==PORT,asterix}) field for field as Skydas does: see the sim module's
 * {@code TsharkCrossCheckTest}.
 */
public final class PcapWriter implements MessageSink, AutoCloseable {

    private static final byte[] RECEIVER = {10, (byte) 255, (byte) 255, (byte) 254};
    /** Largest UDP payload one IPv4 datagram can hold. */
    public static final int MAX_PAYLOAD = 65_535 - 20 - 8;

    private static final int ETHERNET = 1;
    private static final int SNAPLEN = 262_144;
    // Locally administered unicast MACs: the capture claims no real vendor's address.
    private static final byte[] RECEIVER_MAC = {0x02, 0, 0, 0, 0, (byte) 0xFE};

    private final OutputStream out;
    private final Map<Channel, Integer> ports = new EnumMap<>(Channel.class);
    private final Map<String, Integer> sources = new HashMap<>();
    private long frames;
    private long skipped;

    /** Writes the pcap file header to {@code out} at once. */
    public PcapWriter(OutputStream out) {
        this.out = Objects.requireNonNull(out);
        byte[] h = new byte[24];
        putIntLe(h, 0, 0xA1B2C3D4);
        putShortLe(h, 4, 2);
        putShortLe(h, 6, 4);
        // bytes 8..15: time zone offset and accuracy, both 0 by convention
        putIntLe(h, 16, SNAPLEN);
        putIntLe(h, 20, ETHERNET);
        write(h);
    }

    public static PcapWriter open(Path file) throws IOException {
        return new PcapWriter(new BufferedOutputStream(Files.newOutputStream(file)));
    }

    /** Writes messages of {@code channel} as datagrams to UDP port {@code port}; returns this. */
    public PcapWriter route(Channel channel, int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("UDP port must be in 1..65535, is " + port);
        }
        ports.put(Objects.requireNonNull(channel), port);
        return this;
    }

    @Override
    public void accept(SimMessage m) {
        Integer port = ports.get(m.channel());
        if (port == null) {
            skipped++;
            return;
        }
        byte[] payload = m.payload();
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException(m + " does not fit one UDP/IPv4 datagram (" + MAX_PAYLOAD + " bytes)");
        }
        int source = sources.computeIfAbsent(m.sourceId(), id -> sources.size() + 1);
        if (source > 0xFF_FFFD) {
            throw new IllegalStateException("more senders than 10.0.0.0/8 has addresses");
        }
        byte[] frame = frame(source, port, payload, (int) (frames & 0xFFFF));
        byte[] record = new byte[16];
        Instant t = m.time();
        long seconds = t.getEpochSecond();
        if (seconds < 0 || seconds > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("time " + t + " outside what a classic pcap can store (1970..2106)");
        }
        putIntLe(record, 0, (int) seconds);
        putIntLe(record, 4, t.getNano() / 1000);
        putIntLe(record, 8, frame.length);
        putIntLe(record, 12, frame.length);
        write(record);
        write(frame);
        frames++;
    }

    /** Destination address of every datagram: 10.255.255.254. */
    public static byte[] receiver() {
        return RECEIVER.clone();
    }

    /** Frames written so far. */
    public long frames() {
        return frames;
    }

    /** Messages of channels that are not routed. */
    public long skipped() {
        return skipped;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private static byte[] frame(int source, int port, byte[] payload, int identification) {
        int udpLength = 8 + payload.length;
        int ipLength = 20 + udpLength;
        byte[] f = new byte[14 + ipLength];
        byte[] srcIp = {10, (byte) (source >>> 16), (byte) (source >>> 8), (byte) source};
        // Ethernet II
        System.arraycopy(RECEIVER_MAC, 0, f, 0, 6);
        byte[] srcMac = {0x02, 0, 0, srcIp[1], srcIp[2], srcIp[3]};
        System.arraycopy(srcMac, 0, f, 6, 6);
        putShortBe(f, 12, 0x0800);
        // IPv4 header, no options
        int ip = 14;
        f[ip] = 0x45;
        putShortBe(f, ip + 2, ipLength);
        putShortBe(f, ip + 4, identification);
        putShortBe(f, ip + 6, 0x4000); // don't fragment
        f[ip + 8] = 64; // TTL
        f[ip + 9] = 17; // UDP
        System.arraycopy(srcIp, 0, f, ip + 12, 4);
        System.arraycopy(RECEIVER, 0, f, ip + 16, 4);
        putShortBe(f, ip + 10, ~onesComplementSum(f, ip, 20, 0) & 0xFFFF);
        // UDP
        int udp = ip + 20;
        putShortBe(f, udp, 49_152 + (source - 1) % 16_384);
        putShortBe(f, udp + 2, port);
        putShortBe(f, udp + 4, udpLength);
        System.arraycopy(payload, 0, f, udp + 8, payload.length);
        // Pseudo header: source and destination address, protocol, UDP length.
        int pseudo = onesComplementSum(f, ip + 12, 8, 17 + udpLength);
        int checksum = ~onesComplementSum(f, udp, udpLength, pseudo) & 0xFFFF;
        putShortBe(f, udp + 6, checksum == 0 ? 0xFFFF : checksum); // 0 would mean "no checksum" (RFC 768)
        return f;
    }

    /** RFC 1071 sum of 16-bit big-endian words (an odd last byte padded with zero), folded to 16 bits. */
    static int onesComplementSum(byte[] b, int offset, int length, int initial) {
        long sum = initial;
        int end = offset + length;
        for (int i = offset; i < end; i += 2) {
            int hi = b[i] & 0xFF;
            int lo = i + 1 < end ? b[i + 1] & 0xFF : 0;
            sum += (hi << 8) | lo;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) sum;
    }

    private void write(byte[] b) {
        try {
            out.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException("pcap write failed", e);
        }
    }

    private static void putShortBe(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    private static void putShortLe(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    private static void putIntLe(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
