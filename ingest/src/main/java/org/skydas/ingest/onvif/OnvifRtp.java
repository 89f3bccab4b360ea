package org.skydas.ingest.onvif;

import java.io.ByteArrayOutputStream;

import org.skydas.ingest.DecodeException;

/**
 * Reassembles ONVIF metadata documents from RTP packets (Streaming specification): the payloads of one RTP timestamp
 * are concatenated up to the packet with the marker bit, which closes the document. A packet of another timestamp
 * before the marker, or a sequence gap, discards the partial document ({@link #discarded()} counts them); a document
 * over the maximum is refused. One instance per RTP stream (SSRC).
 */
public final class OnvifRtp {

    private final int maxDocumentBytes;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private long timestamp = -1;
    private int nextSequence = -1;
    private long discarded;

    public OnvifRtp(int maxDocumentBytes) {
        this.maxDocumentBytes = maxDocumentBytes;
    }

    /**
     * Adds one RTP packet; returns the document it completes, or null while more is to come.
     *
     * @throws DecodeException for a packet that is no RTP version 2, or a document over the maximum
     */
    public byte[] add(byte[] p, int off, int len) throws DecodeException {
        if (len < 12 || (p[off] & 0xC0) != 0x80) {
            throw new DecodeException("not an RTP version 2 packet");
        }
        boolean padding = (p[off] & 0x20) != 0;
        boolean extension = (p[off] & 0x10) != 0;
        int csrc = p[off] & 0x0F;
        boolean marker = (p[off + 1] & 0x80) != 0;
        int seq = (p[off + 2] & 0xFF) << 8 | (p[off + 3] & 0xFF);
        long ts = (p[off + 4] & 0xFFL) << 24 | (p[off + 5] & 0xFFL) << 16 | (p[off + 6] & 0xFFL) << 8 | (p[off + 7] & 0xFFL);
        int start = off + 12 + 4 * csrc;
        int end = off + len;
        if (extension) {
            if (start + 4 > end) {
                throw new DecodeException("truncated RTP header extension");
            }
            start += 4 + 4 * ((p[start + 2] & 0xFF) << 8 | (p[start + 3] & 0xFF));
        }
        if (padding && end > start) {
            end -= p[end - 1] & 0xFF;
        }
        if (start > end) {
            throw new DecodeException("truncated RTP packet");
        }
        if (partial.size() > 0 && (ts != timestamp || seq != nextSequence)) {
            discarded++;
            partial.reset();
        }
        timestamp = ts;
        nextSequence = (seq + 1) & 0xFFFF;
        if (partial.size() + (end - start) > maxDocumentBytes) {
            partial.reset();
            throw new DecodeException("document longer than " + maxDocumentBytes + " bytes");
        }
        partial.write(p, start, end - start);
        if (!marker) {
            return null;
        }
        byte[] doc = partial.toByteArray();
        partial.reset();
        return doc;
    }

    /** Partial documents discarded (a lost packet, or a new timestamp before the marker). */
    public long discarded() {
        return discarded;
    }
}
