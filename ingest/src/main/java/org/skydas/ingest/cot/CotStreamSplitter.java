package org.skydas.ingest.cot;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Splits a TAK XML stream ("protocol version 0" over TCP) into events: the stream is one
 * {@code <event>} after another with no length prefix, and TAK's rule is to break immediately after
 * each {@code </event>}. Bytes are buffered up to {@link #maxEventBytes}; a longer event is discarded
 * and counted, so a peer that never closes its event cannot exhaust memory.
 */
public final class CotStreamSplitter {

    private static final byte[] END = "</event>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final int maxEventBytes;
    private byte[] buf = new byte[4096];
    private int len;
    private int scanFrom;
    private boolean discarding;
    private long oversized;

    public CotStreamSplitter(int maxEventBytes) {
        if (maxEventBytes < END.length) {
            throw new IllegalArgumentException("maxEventBytes too small: " + maxEventBytes);
        }
        this.maxEventBytes = maxEventBytes;
    }

    /** Appends received bytes and hands every completed event (declaration included) to {@code sink}. */
    public void feed(byte[] data, int offset, int length, Consumer<byte[]> sink) {
        int pos = offset;
        int end = offset + length;
        while (pos < end) {
            int take = Math.min(end - pos, maxEventBytes + END.length - len);
            ensure(len + take);
            System.arraycopy(data, pos, buf, len, take);
            len += take;
            pos += take;
            drain(sink);
            if (len >= maxEventBytes + END.length - 1) {
                // No </event> within the limit: drop all but a tail that may hold the start of "</event>".
                oversized += discarding ? 0 : 1;
                discarding = true;
                int keep = END.length - 1;
                System.arraycopy(buf, len - keep, buf, 0, keep);
                len = keep;
                scanFrom = 0;
            }
        }
    }

    private void drain(Consumer<byte[]> sink) {
        int start = 0;
        int i = Math.max(scanFrom, 0);
        while (i <= len - END.length) {
            if (buf[i] == '<' && matchesEnd(i)) {
                int stop = i + END.length;
                if (discarding) {
                    discarding = false; // the tail of the oversized event: drop it, resume after
                } else {
                    sink.accept(Arrays.copyOfRange(buf, skipBlanks(start, stop), stop));
                }
                start = stop;
                i = stop;
            } else {
                i++;
            }
        }
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, len - start);
            len -= start;
        }
        scanFrom = Math.max(0, len - END.length + 1);
    }

    private int skipBlanks(int from, int to) {
        while (from < to && (buf[from] == ' ' || buf[from] == '\n' || buf[from] == '\r' || buf[from] == '\t')) {
            from++;
        }
        return from;
    }

    private boolean matchesEnd(int at) {
        for (int k = 0; k < END.length; k++) {
            if (buf[at + k] != END[k]) {
                return false;
            }
        }
        return true;
    }

    private void ensure(int capacity) {
        if (capacity > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(capacity, Math.min(buf.length * 2, maxEventBytes + END.length)));
        }
    }

    /** Bytes held after the last complete event (non-blank ones mean a truncated event at end of input). */
    public int pendingBytes() {
        int from = skipBlanks(0, len);
        return len - from;
    }

    /** Events dropped because they exceeded the size limit. */
    public long oversizedEvents() {
        return oversized;
    }
}
