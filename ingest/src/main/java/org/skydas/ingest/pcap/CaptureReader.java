package org.skydas.ingest.pcap;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.skydas.ingest.DecodeException;
import org.skydas.ingest.pcap.CaptureFormat.PcapMagic;

/**
 * Reads the frames of a classic pcap or a pcapng file, one at a time.
 *
 * <p>pcapng: Section Header, Interface Description (link type and {@code if_tsresol}/{@code if_tsoffset} per
 * interface), Enhanced, Simple and the obsolete Packet blocks; every other block is skipped by its length.
 * A new Section Header starts a new set of interfaces and may switch byte order.
 *
 * <p>Robustness: lengths read from the file are checked before use and the bytes are read with
 * {@link InputStream#readNBytes(int)}, which grows its buffer only as data actually arrives, so a lying length
 * field costs at most the size of the input, never a huge allocation. A malformed file ends with a
 * {@link DecodeException} naming the byte offset; a file cut short inside a frame ends the same way.
 */
public final class CaptureReader implements AutoCloseable {

    /** Upper bound on one frame or block; real captures stay far below (jumbo frames are 9 kB). */
    static final int MAX_BLOCK = 16 * 1024 * 1024;

    private static final int EPB = 6;
    private static final int SPB = 3;
    private static final int OBSOLETE_PB = 2;
    private static final int IDB = 1;

    private final InputStream in;
    private final CaptureFormat format;
    private long offset;
    private boolean bigEndian;

    // classic pcap
    private int classicLinkType;
    private boolean classicNanos;
    private int classicExtraHeader;

    // pcapng
    private final List<Interface> interfaces = new ArrayList<>();

    private record Interface(int linkType, int snapLength, boolean decimal, int exponent, long offsetSeconds) {
    }

    private CaptureReader(InputStream in) throws IOException, DecodeException {
        this.in = in.markSupported() ? in : new BufferedInputStream(in, 65536);
        this.in.mark(4);
        byte[] head = this.in.readNBytes(4);
        this.in.reset();
        this.format = CaptureFormat.detect(head, head.length);
        switch (format) {
            case PCAP -> readClassicHeader();
            case PCAPNG -> { } // the first block is the Section Header; next() handles it
            default -> throw new DecodeException("not a pcap or pcapng file (magic number unknown)");
        }
    }

    /** Opens a capture file; fails with {@link DecodeException} when its magic number is neither format. */
    public static CaptureReader open(Path file) throws IOException, DecodeException {
        InputStream s = Files.newInputStream(file);
        try {
            return new CaptureReader(s);
        } catch (IOException | DecodeException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Reads a capture from a stream (closed by {@link #close()}). */
    public static CaptureReader open(InputStream stream) throws IOException, DecodeException {
        return new CaptureReader(stream);
    }

    /** Tells whether the file starts like a pcap or pcapng capture. */
    public static CaptureFormat formatOf(Path file) throws IOException {
        try (InputStream s = Files.newInputStream(file)) {
            byte[] head = s.readNBytes(4);
            return CaptureFormat.detect(head, head.length);
        }
    }

    public CaptureFormat format() {
        return format;
    }

    /** The next frame, or {@code null} at the clean end of the file. */
    public CapturedPacket next() throws IOException, DecodeException {
        return format == CaptureFormat.PCAP ? nextClassic() : nextPcapng();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    // ---------------------------------------------------------------- classic pcap

    private void readClassicHeader() throws IOException, DecodeException {
        byte[] h = readFully(24, "pcap file header");
        int magicBe = getInt(h, 0, true);
        int magic;
        if (PcapMagic.isClassic(magicBe)) {
            bigEndian = true;
            magic = magicBe;
        } else {
            bigEndian = false;
            magic = Integer.reverseBytes(magicBe);
        }
        classicNanos = magic == PcapMagic.NANO;
        classicExtraHeader = magic == PcapMagic.MODIFIED ? 8 : 0;
        // The upper bits of the link-type field carry FCS information (pcap spec, LinkType field).
        classicLinkType = getInt(h, 20, bigEndian) & 0x0FFFFFFF;
    }

    private CapturedPacket nextClassic() throws IOException, DecodeException {
        long at = offset;
        byte[] h = in.readNBytes(16 + classicExtraHeader);
        offset += h.length;
        if (h.length == 0) {
            return null;
        }
        if (h.length < 16 + classicExtraHeader) {
            throw new DecodeException("pcap truncated in record header at offset " + at);
        }
        long seconds = getInt(h, 0, bigEndian) & 0xFFFFFFFFL;
        long fraction = getInt(h, 4, bigEndian) & 0xFFFFFFFFL;
        int captured = getInt(h, 8, bigEndian);
        int original = getInt(h, 12, bigEndian);
        if (captured < 0 || captured > MAX_BLOCK) {
            throw new DecodeException("pcap record at offset " + at + " claims " + Integer.toUnsignedString(captured)
                    + " captured bytes");
        }
        byte[] data = readFully(captured, "pcap record at offset " + at);
        long nanos = seconds * 1_000_000_000L + (classicNanos ? fraction : fraction * 1000L);
        return new CapturedPacket(0, classicLinkType, nanos, Math.max(original, captured), data);
    }

    // ---------------------------------------------------------------- pcapng

    private CapturedPacket nextPcapng() throws IOException, DecodeException {
        while (true) {
            long at = offset;
            byte[] h = in.readNBytes(8);
            offset += h.length;
            if (h.length == 0) {
                return null;
            }
            if (h.length < 8) {
                throw new DecodeException("pcapng truncated in block header at offset " + at);
            }
            int type = getInt(h, 0, bigEndian);
            if (getInt(h, 0, true) == PcapMagic.SHB_TYPE) {
                readSectionHeader(h, at);
                continue;
            }
            int total = getInt(h, 4, bigEndian);
            if (total < 12 || (total & 3) != 0 || total > MAX_BLOCK) {
                throw new DecodeException("pcapng block at offset " + at + " has invalid length "
                        + Integer.toUnsignedString(total));
            }
            byte[] body = readFully(total - 8, "pcapng block at offset " + at);
            int bodyLength = total - 12; // without the trailing copy of the length
            if (getInt(body, bodyLength, bigEndian) != total) {
                throw new DecodeException("pcapng block at offset " + at + ": trailing length differs from leading");
            }
            switch (type) {
                case IDB -> readInterface(body, bodyLength, at);
                case EPB -> {
                    return enhancedPacket(body, bodyLength, at);
                }
                case SPB -> {
                    return simplePacket(body, bodyLength, at);
                }
                case OBSOLETE_PB -> {
                    return obsoletePacket(body, bodyLength, at);
                }
                default -> { } // statistics, name resolution, custom...: not needed for replay
            }
        }
    }

    private void readSectionHeader(byte[] h, long at) throws IOException, DecodeException {
        byte[] bom = readFully(4, "pcapng section header at offset " + at);
        int bomBe = getInt(bom, 0, true);
        if (bomBe == PcapMagic.BYTE_ORDER_MAGIC) {
            bigEndian = true;
        } else if (Integer.reverseBytes(bomBe) == PcapMagic.BYTE_ORDER_MAGIC) {
            bigEndian = false;
        } else {
            throw new DecodeException("pcapng section header at offset " + at + " has no byte-order magic");
        }
        int total = getInt(h, 4, bigEndian);
        if (total < 28 || (total & 3) != 0 || total > MAX_BLOCK) {
            throw new DecodeException("pcapng section header at offset " + at + " has invalid length "
                    + Integer.toUnsignedString(total));
        }
        readFully(total - 12, "pcapng section header at offset " + at);
        interfaces.clear();
    }

    private void readInterface(byte[] b, int bodyLength, long at) throws DecodeException {
        if (bodyLength < 8) {
            throw new DecodeException("pcapng interface block at offset " + at + " too short");
        }
        int linkType = getShort(b, 0, bigEndian);
        int snap = getInt(b, 4, bigEndian);
        boolean decimal = true;
        int exponent = 6;
        long tsOffset = 0;
        int p = 8;
        while (p + 4 <= bodyLength) {
            int code = getShort(b, p, bigEndian);
            int len = getShort(b, p + 2, bigEndian);
            p += 4;
            if (code == 0 || p + len > bodyLength) {
                break;
            }
            if (code == 9 && len >= 1) { // if_tsresol
                int v = b[p] & 0xFF;
                decimal = (v & 0x80) == 0;
                exponent = v & 0x7F;
            } else if (code == 14 && len >= 8) { // if_tsoffset, seconds
                tsOffset = ((long) getInt(b, bigEndian ? p : p + 4, bigEndian) << 32)
                        | (getInt(b, bigEndian ? p + 4 : p, bigEndian) & 0xFFFFFFFFL);
            }
            p += (len + 3) & ~3;
        }
        interfaces.add(new Interface(linkType, snap, decimal, exponent, tsOffset));
    }

    private CapturedPacket enhancedPacket(byte[] b, int bodyLength, long at) throws DecodeException {
        if (bodyLength < 20) {
            throw new DecodeException("pcapng packet block at offset " + at + " too short");
        }
        int id = getInt(b, 0, bigEndian);
        Interface itf = iface(id, at);
        long ts = ((long) getInt(b, 4, bigEndian) << 32) | (getInt(b, 8, bigEndian) & 0xFFFFFFFFL);
        int captured = getInt(b, 12, bigEndian);
        int original = getInt(b, 16, bigEndian);
        if (captured < 0 || captured > bodyLength - 20) {
            throw new DecodeException("pcapng packet block at offset " + at + " claims "
                    + Integer.toUnsignedString(captured) + " bytes in a block of " + bodyLength);
        }
        byte[] data = java.util.Arrays.copyOfRange(b, 20, 20 + captured);
        return new CapturedPacket(id, itf.linkType(), toNanos(ts, itf), Math.max(original, captured), data);
    }

    private CapturedPacket obsoletePacket(byte[] b, int bodyLength, long at) throws DecodeException {
        if (bodyLength < 20) {
            throw new DecodeException("pcapng packet block at offset " + at + " too short");
        }
        int id = getShort(b, 0, bigEndian);
        Interface itf = iface(id, at);
        long ts = ((long) getInt(b, 4, bigEndian) << 32) | (getInt(b, 8, bigEndian) & 0xFFFFFFFFL);
        int captured = getInt(b, 12, bigEndian);
        int original = getInt(b, 16, bigEndian);
        if (captured < 0 || captured > bodyLength - 20) {
            throw new DecodeException("pcapng packet block at offset " + at + " claims "
                    + Integer.toUnsignedString(captured) + " bytes in a block of " + bodyLength);
        }
        byte[] data = java.util.Arrays.copyOfRange(b, 20, 20 + captured);
        return new CapturedPacket(id, itf.linkType(), toNanos(ts, itf), Math.max(original, captured), data);
    }

    private CapturedPacket simplePacket(byte[] b, int bodyLength, long at) throws DecodeException {
        if (bodyLength < 4) {
            throw new DecodeException("pcapng simple packet block at offset " + at + " too short");
        }
        Interface itf = iface(0, at);
        int original = getInt(b, 0, bigEndian);
        // The captured length is implied: the original length, cut by the snap length and by the block.
        long captured = original & 0xFFFFFFFFL;
        if (itf.snapLength() > 0) {
            captured = Math.min(captured, itf.snapLength() & 0xFFFFFFFFL);
        }
        captured = Math.min(captured, bodyLength - 4);
        byte[] data = java.util.Arrays.copyOfRange(b, 4, 4 + (int) captured);
        return new CapturedPacket(0, itf.linkType(), CapturedPacket.NO_TIMESTAMP,
                (int) Math.min(Integer.MAX_VALUE, Math.max(original & 0xFFFFFFFFL, captured)), data);
    }

    private Interface iface(int id, long at) throws DecodeException {
        if (id < 0 || id >= interfaces.size()) {
            throw new DecodeException("pcapng packet block at offset " + at + " names undefined interface "
                    + Integer.toUnsignedString(id));
        }
        return interfaces.get(id);
    }

    /** Timestamp units of an interface to nanoseconds since the epoch. */
    static long toNanos(long ts, boolean decimal, int exponent, long offsetSeconds) {
        long nanos;
        if (decimal) {
            if (exponent <= 9) {
                nanos = ts * POW10[9 - exponent];
            } else {
                nanos = exponent - 9 < POW10.length ? Long.divideUnsigned(ts, POW10[exponent - 9]) : 0;
            }
        } else {
            int k = Math.min(exponent, 63);
            long seconds = ts >>> k;
            long fraction = k == 0 ? 0 : ts & ((1L << k) - 1);
            // Keep the fraction below 2^30 before multiplying so it cannot overflow.
            int drop = Math.max(0, k - 30);
            long frac = ((fraction >>> drop) * 1_000_000_000L) >>> (k - drop);
            nanos = seconds * 1_000_000_000L + frac;
        }
        return nanos + offsetSeconds * 1_000_000_000L;
    }

    private static long toNanos(long ts, Interface itf) {
        return toNanos(ts, itf.decimal(), itf.exponent(), itf.offsetSeconds());
    }

    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L,
        10_000_000_000_000L, 100_000_000_000_000L, 1_000_000_000_000_000L, 1_000_000_000_000_000_000L};

    // ---------------------------------------------------------------- bytes

    private byte[] readFully(int n, String what) throws IOException, DecodeException {
        byte[] b = in.readNBytes(n);
        offset += b.length;
        if (b.length < n) {
            throw new DecodeException(what + " truncated: " + b.length + " of " + n + " bytes");
        }
        return b;
    }

    static int getInt(byte[] b, int p, boolean bigEndian) {
        int v = ((b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
        return bigEndian ? v : Integer.reverseBytes(v);
    }

    static int getShort(byte[] b, int p, boolean bigEndian) {
        return bigEndian ? ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF) : ((b[p + 1] & 0xFF) << 8) | (b[p] & 0xFF);
    }

}
