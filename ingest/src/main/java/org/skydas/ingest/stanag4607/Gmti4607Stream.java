package org.skydas.ingest.stanag4607;

import java.time.LocalDate;

import org.skydas.ingest.DecodeException;

/**
 * A STANAG 4607 byte stream (a .4607 file, a TCP connection, the datagrams of one UDP sender): concatenated packets,
 * each as long as its header's P2 says, so bytes may arrive in any pieces. Keeps the reference date of the last
 * Mission segment for the dwells that follow. A packet that does not decode is reported and skipped by its size; a
 * size below the 32-byte header or above the maximum cannot be resynchronised: the stream stops ({@link #stopped()}).
 */
public final class Gmti4607Stream {

    /** What becomes of each packet. */
    public interface Handler {
        void packet(Gmti.Packet p);

        void malformed(String reason);
    }

    private final Gmti4607Decoder decoder = new Gmti4607Decoder();
    private final int maxPacketBytes;
    private byte[] buf = new byte[1024];
    private int len;
    private LocalDate referenceDate;
    private String stopped;

    public Gmti4607Stream(int maxPacketBytes) {
        this(maxPacketBytes, null);
    }

    /** A stream that already knows its reference date (from an earlier stream of the same sender). */
    public Gmti4607Stream(int maxPacketBytes, LocalDate referenceDate) {
        this.maxPacketBytes = maxPacketBytes;
        this.referenceDate = referenceDate;
    }

    /** The reference date of the last Mission segment, or null. */
    public LocalDate referenceDate() {
        return referenceDate;
    }

    /** Appends bytes and handles each whole packet. */
    public void feed(byte[] b, int off, int n, Handler h) {
        if (stopped != null) {
            return;
        }
        if (len + n > buf.length) {
            byte[] bigger = new byte[Math.max(len + n, buf.length * 2)];
            System.arraycopy(buf, 0, bigger, 0, len);
            buf = bigger;
        }
        System.arraycopy(b, off, buf, len, n);
        len += n;
        int pos = 0;
        while (len - pos >= 6) {
            long size = (buf[pos + 2] & 0xFFL) << 24 | (buf[pos + 3] & 0xFFL) << 16 | (buf[pos + 4] & 0xFFL) << 8
                    | (buf[pos + 5] & 0xFFL);
            if (size < Gmti4607Decoder.HEADER_BYTES || size > maxPacketBytes) {
                stopped = "bad packet size: " + size;
                h.malformed(stopped);
                len = 0;
                return;
            }
            if (len - pos < size) {
                break;
            }
            try {
                Gmti.Packet p = decoder.decode(buf, pos, (int) size, referenceDate);
                referenceDate = p.referenceDate();
                h.packet(p);
            } catch (DecodeException e) {
                h.malformed(e.getMessage());
            }
            pos += (int) size;
        }
        System.arraycopy(buf, pos, buf, 0, len - pos);
        len -= pos;
    }

    /** Why the stream stopped, or null while it goes on. */
    public String stopped() {
        return stopped;
    }

    /** Bytes of an incomplete packet at the end. */
    public int buffered() {
        return len;
    }
}
