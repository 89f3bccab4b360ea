package org.skydas.ingest.asterix;

import java.util.Arrays;

/**
 * A reusable view of one decoded record: where each present item starts and how long it is, inside the
 * caller's buffer. The decoder fills the same instance for every record, so decoding allocates nothing; values
 * are read from the bytes only when asked for (typed accessors, or {@link #appendJson} for dumps).
 *
 * <p>A view is valid only inside the {@link AsterixDecoder.Listener#record} call that received it.
 */
public final class AsterixRecord {

    private AsterixCategory category;
    private byte[] buffer;
    private int start;
    private int end;
    private final int[] offsets;
    private final int[] lengths;
    private final int[] present;
    private int presentCount;

    AsterixRecord(int maxUapSize) {
        offsets = new int[maxUapSize];
        lengths = new int[maxUapSize];
        present = new int[maxUapSize];
        Arrays.fill(offsets, -1);
    }

    // ------------------------------------------------------------------ filled by the decoder

    void begin(AsterixCategory c, byte[] b, int at) {
        for (int i = 0; i < presentCount; i++) {
            offsets[present[i]] = -1;
        }
        presentCount = 0;
        category = c;
        buffer = b;
        start = at;
    }

    void put(int index, int offset, int length) {
        offsets[index] = offset;
        lengths[index] = length;
        present[presentCount++] = index;
    }

    void finish(int at) {
        end = at;
    }

    // ------------------------------------------------------------------ reading

    public AsterixCategory category() {
        return category;
    }

    public byte[] buffer() {
        return buffer;
    }

    /** Offset of the record's first FSPEC byte in {@link #buffer()}. */
    public int start() {
        return start;
    }

    /** Record length in bytes (FSPEC included). */
    public int length() {
        return end - start;
    }

    /** Whether the item at UAP index {@code index} (FRN - 1) is present. */
    public boolean has(int index) {
        return index >= 0 && index < offsets.length && offsets[index] >= 0;
    }

    /** Offset of the item's first byte in {@link #buffer()}, or -1 when absent. */
    public int offset(int index) {
        return index >= 0 && index < offsets.length ? offsets[index] : -1;
    }

    /** The item's length in bytes (valid only when present). */
    public int itemLength(int index) {
        return lengths[index];
    }

    /** Number of items present. */
    public int itemCount() {
        return presentCount;
    }

    /**
     * Appends {@code {"category":48,"edition":"1.31","items":{"I048/010":{...},...}}} with items in UAP order.
     * Items that are a single element with no named fields are bare values; quantities are in the units of
     * the specification (NM, degrees, FL, seconds...); tables and raw fields are integers.
     */
    public StringBuilder appendJson(StringBuilder out) {
        out.append("{\"category\":").append(category.number()).append(",\"edition\":\"")
                .append(category.edition()).append("\",\"items\":{");
        for (int i = 0; i < presentCount; i++) {
            int index = present[i];
            if (i > 0) {
                out.append(',');
            }
            Json.appendKey(out, category.key(index));
            category.item(index).writeJson(out, buffer, offsets[index], lengths[index]);
        }
        return out.append("}}");
    }

    public String toJson() {
        return appendJson(new StringBuilder(256)).toString();
    }

    @Override
    public String toString() {
        return category + " record of " + length() + " bytes with " + presentCount + " items";
    }
}
