package org.skydas.ingest.asterix;

import java.util.Map;

/**
 * Splits ASTERIX bytes (a UDP datagram, or a whole raw file) into data blocks and records.
 *
 * <p>A data block is CAT (1 byte) + LEN (2 bytes, whole block) + records; several blocks of different
 * categories may follow each other. A record's end is known only by walking all its items, so:
 * <ul>
 *   <li>a record that cannot be walked (item of unknown length, FRN outside the UAP, item running past the
 *       block) makes the rest of its block undecodable: the error is reported and decoding resumes at the next
 *       block, whose position LEN gives;</li>
 *   <li>a block of an unsupported category is reported and skipped by its LEN;</li>
 *   <li>a LEN that is below 3 or beyond the input ends decoding of this input (no way to resynchronise).</li>
 * </ul>
 * Nothing here throws on bad input and every loop advances towards the end of the input. One decoder is
 * used by one thread; it allocates nothing per record (only the error message strings).
 */
public final class AsterixDecoder {

    /** Receives the records and the errors of one {@link #decode} call. */
    public interface Listener {
        /** A record; {@code record} is reused and valid only during this call. */
        void record(AsterixRecord record);

        /** An undecodable part of the input; {@code offset} is relative to the start of the input. */
        default void error(int offset, String reason) {
        }
    }

    private final AsterixCategory[] categories = new AsterixCategory[256];
    private final AsterixRecord record;
    private long blocks;
    private long records;
    private long errors;
    private String firstError;
    private int errorOffset;

    /** A decoder for the {@link AsterixEditions#defaults() default editions}. */
    public AsterixDecoder() {
        this(AsterixEditions.defaults());
    }

    public AsterixDecoder(Map<Integer, AsterixCategory> editions) {
        int max = 1;
        for (AsterixCategory c : editions.values()) {
            categories[c.number()] = c;
            max = Math.max(max, c.uapSize());
        }
        record = new AsterixRecord(max);
    }

    /**
     * Decodes {@code b[off, off + len)}; returns the number of errors found in it (0 when everything decoded).
     */
    public int decode(byte[] b, int off, int len, Listener listener) {
        int end = off + len;
        int p = off;
        int errorsHere = 0;
        while (p < end) {
            if (end - p < 3) {
                errorsHere += fail(listener, p - off, (end - p) + " trailing bytes are too short for a data block");
                return errorsHere;
            }
            int cat = b[p] & 0xFF;
            int blockLength = Bits.u16(b, p + 1);
            if (blockLength < 3 || p + blockLength > end) {
                errorsHere += fail(listener, p - off, "CAT" + cat + " data block LEN " + blockLength
                        + " does not fit the " + (end - p) + " bytes left");
                return errorsHere;
            }
            blocks++;
            int blockEnd = p + blockLength;
            AsterixCategory category = categories[cat];
            if (category == null) {
                errorsHere += fail(listener, p - off, "unsupported category " + cat + " (data block skipped)");
            } else {
                int q = p + 3;
                while (q < blockEnd) {
                    int next = decodeRecord(category, b, q, blockEnd);
                    if (next < 0) {
                        errorsHere += fail(listener, q - off, category + " record: " + reason(next, category)
                                + " (rest of data block skipped)");
                        break;
                    }
                    records++;
                    listener.record(record);
                    q = next;
                }
            }
            p = blockEnd;
        }
        return errorsHere;
    }

    private int fail(Listener listener, int offset, String reason) {
        errors++;
        if (firstError == null) {
            firstError = reason;
            errorOffset = offset;
        }
        listener.error(offset, reason);
        return 1;
    }

    // Error codes of decodeRecord: -1 - index encodes the FRN when known.
    private static final int E_FSPEC = -1;
    private static final int E_EMPTY = -2;
    private static final int E_BASE = -1000; // E_BASE - 2*index: undefined FRN; E_BASE - 2*index - 1: item too long

    /** Walks one record at {@code pos}; returns the offset after it, or a negative error code. */
    int decodeRecord(AsterixCategory c, byte[] b, int pos, int end) {
        AsterixRecord r = record;
        r.begin(c, b, pos);
        int p = pos;
        // FSPEC: presence bits 8..2, FX in bit 1. A final all-zero octet occurs in real data and is accepted.
        do {
            if (p >= end) {
                return E_FSPEC;
            }
        } while ((b[p++] & 1) != 0);
        int fspecEnd = p;
        int[] fixed = c.fixedBytes;
        Variation[] items = c.items;
        int uap = fixed.length;
        int base = 0;
        for (int f = pos; f < fspecEnd; f++, base += 7) {
            int bits = b[f] & 0xFE;
            while (bits != 0) {
                int high = 31 - Integer.numberOfLeadingZeros(bits);
                bits &= ~(1 << high);
                int index = base + 7 - high;
                if (index >= uap) {
                    return E_BASE - 2 * index;
                }
                int length = fixed[index];
                if (length > 0) {
                    if (p + length > end) {
                        return E_BASE - 2 * index - 1;
                    }
                } else {
                    Variation v = items[index];
                    if (v == null) {
                        return E_BASE - 2 * index;
                    }
                    // Concrete final classes: direct, inlinable calls instead of one megamorphic virtual call.
                    if (v instanceof Variation.Extended e) {
                        length = e.length(b, p, end);
                    } else if (v instanceof Variation.Repetitive r2) {
                        length = r2.length(b, p, end);
                    } else if (v instanceof Variation.Compound c2) {
                        length = c2.length(b, p, end);
                    } else {
                        length = v.length(b, p, end);
                    }
                    if (length < 0) {
                        return E_BASE - 2 * index - 1;
                    }
                }
                r.put(index, p, length);
                p += length;
            }
        }
        if (r.itemCount() == 0) {
            return E_EMPTY;
        }
        r.finish(p);
        return p;
    }

    private static String reason(int code, AsterixCategory c) {
        if (code == E_FSPEC) {
            return "FSPEC runs past the end of the data block";
        }
        if (code == E_EMPTY) {
            return "FSPEC announces no item";
        }
        int k = E_BASE - code;
        int index = k / 2;
        if ((k & 1) == 0) {
            return "FRN " + (index + 1) + " is not defined in the UAP";
        }
        return "item I" + String.format("%03d", c.number()) + "/" + c.itemName(index + 1)
                + " is malformed or runs past the end of the data block";
    }

    /** Data blocks seen (decoded or skipped) since construction. */
    public long blocks() {
        return blocks;
    }

    /** Records decoded since construction. */
    public long records() {
        return records;
    }

    /** Errors reported since construction. */
    public long errors() {
        return errors;
    }

    /** The first error reported since construction, or null. */
    public String firstError() {
        return firstError;
    }

    /** Offset (relative to its input) of the first error. */
    public int firstErrorOffset() {
        return errorOffset;
    }
}
