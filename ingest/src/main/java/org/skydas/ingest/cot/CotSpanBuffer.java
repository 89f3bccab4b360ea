package org.skydas.ingest.cot;

import java.util.Arrays;

/**
 * Text assembled from spans of a source text and literals, for the fast scanner's xmlDetail. Most of
 * a detail is already in the form we write, so a span that continues the previous one only extends
 * it, and each run is copied in one go when something else has to be written.
 */
final class CotSpanBuffer {

    private final char[] source;
    private char[] buf;
    private int length;
    private int runFrom;
    private int runTo;

    CotSpanBuffer(char[] source, int capacity) {
        this.source = source;
        this.buf = new char[Math.max(16, capacity)];
    }

    /** Appends {@code source[from, to)}. */
    void span(int from, int to) {
        if (from != runTo) {
            flush();
            runFrom = from;
        }
        runTo = to;
    }

    void literal(String text) {
        flush();
        int n = text.length();
        ensure(n);
        text.getChars(0, n, buf, length);
        length += n;
    }

    void literal(char c) {
        flush();
        ensure(1);
        buf[length++] = c;
    }

    /** The current length, for {@link #truncate(int)}. */
    int mark() {
        flush();
        return length;
    }

    /** Drops what was written after {@code mark}. */
    void truncate(int mark) {
        flush();
        length = mark;
    }

    boolean isEmpty() {
        return length == 0 && runTo == runFrom;
    }

    @Override
    public String toString() {
        flush();
        return new String(buf, 0, length);
    }

    private void flush() {
        int n = runTo - runFrom;
        if (n > 0) {
            ensure(n);
            System.arraycopy(source, runFrom, buf, length, n);
            length += n;
        }
        runFrom = runTo;
    }

    private void ensure(int n) {
        if (length + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + n));
        }
    }
}
