package org.skydas.ingest.asterix;

import java.util.List;

/**
 * The structure of an ASTERIX item or subitem (asterix-specs "Variation"): Element, Group, Extended,
 * Repetitive, Explicit or Compound. A variation knows two things: how many bytes an instance occupies at a
 * given position (without decoding values, so walking a record is cheap) and how to write an instance as JSON.
 *
 * <p>{@link #length} never reads outside {@code [pos, end)} and returns -1 for anything that does not fit or
 * is not allowed by the definition; it never throws and always terminates, because every loop advances by at
 * least one byte towards {@code end}.
 */
public abstract sealed class Variation {

    /** Length of the instance at {@code pos} in bytes, or -1 when it does not fit before {@code end}. */
    public abstract int length(byte[] b, int pos, int end);

    /** Size in bits when the size is fixed (Element, Group), else -1. */
    public int bitSize() {
        return -1;
    }

    /** Writes the instance of {@code len} bytes at {@code pos} (as measured by {@link #length}). */
    abstract void writeJson(StringBuilder out, byte[] b, int pos, int len);

    /** A named subitem or a spare ({@code name == null}) of a Group, Extended or Compound. */
    public record Field(String name, Variation variation, int bits) {

        public static Field of(String name, Variation variation) {
            return new Field(name, variation, variation.bitSize());
        }

        public static Field spare(int bits) {
            return new Field(null, null, bits);
        }

        boolean isSpare() {
            return name == null;
        }
    }

    /**
     * Content whose interpretation depends on the value of a sibling element (I062/380/IAS/IAS on IM):
     * {@code contents[k]} when the sibling's value is {@code values[k]}. The arrays are copied in and out; decoding
     * reads them through {@link #contentFor(long)}.
     */
    public record Dependency(String sibling, int[] values, Content[] contents) {

        public Dependency {
            values = values.clone();
            contents = contents.clone();
        }

        /** A copy of the sibling values. */
        @Override
        public int[] values() {
            return values.clone();
        }

        /** A copy of the contents, one per sibling value. */
        @Override
        public Content[] contents() {
            return contents.clone();
        }

        /** The content when the sibling's value is {@code value}, or null when no value matches. */
        Content contentFor(long value) {
            for (int k = 0; k < values.length; k++) {
                if (values[k] == value) {
                    return contents[k];
                }
            }
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------ Element

    /** A leaf: {@code bits} bits read as {@link Content}. */
    public static final class Element extends Variation {
        final int bits;
        final Content content;
        final Dependency dependency;

        public Element(int bits, Content content, Dependency dependency) {
            this.bits = bits;
            this.content = content;
            this.dependency = dependency;
        }

        @Override
        public int bitSize() {
            return bits;
        }

        @Override
        public int length(byte[] b, int pos, int end) {
            int bytes = bits >>> 3;
            return pos + bytes <= end ? bytes : -1;
        }

        @Override
        void writeJson(StringBuilder out, byte[] b, int pos, int len) {
            writeValue(out, b, (long) pos << 3, content);
        }

        void writeValue(StringBuilder out, byte[] b, long startBit, Content c) {
            switch (c.kind()) {
                case ICAO_STRING -> {
                    out.append('"');
                    for (int i = 0; i + 6 <= bits; i += 6) {
                        out.append(icao((int) Bits.get(b, startBit + i, 6)));
                    }
                    out.append('"');
                }
                case ASCII_STRING -> {
                    out.append('"');
                    for (int i = 0; i + 8 <= bits; i += 8) {
                        Json.appendChar(out, (char) Bits.get(b, startBit + i, 8));
                    }
                    out.append('"');
                }
                case OCTAL_STRING -> {
                    out.append('"');
                    for (int i = 0; i + 3 <= bits; i += 3) {
                        out.append((char) ('0' + Bits.get(b, startBit + i, 3)));
                    }
                    out.append('"');
                }
                default -> {
                    if (bits > 64) {
                        Json.appendHex(out, b, startBit, bits);
                        return;
                    }
                    long raw = Bits.get(b, startBit, bits);
                    switch (c.kind()) {
                        case SIGNED_INTEGER -> out.append(Bits.signExtend(raw, bits));
                        case QUANTITY -> Json.appendDouble(out, c.scale(c.signed() ? Bits.signExtend(raw, bits) : raw));
                        default -> out.append(Long.toUnsignedString(raw));
                    }
                }
            }
        }

        /**
         * ICAO Annex 10 6-bit character set: A–Z at 1–26, space at 32, digits at 48–57. Code 0 is unassigned but
         * is what an empty identification is filled with; it becomes a space, as in the reference decoders.
         */
        static char icao(int code) {
            if (code >= 1 && code <= 26) {
                return (char) ('A' + code - 1);
            }
            if (code >= 48 && code <= 57) {
                return (char) ('0' + code - 48);
            }
            return code == 32 || code == 0 ? ' ' : '?';
        }
    }

    // ------------------------------------------------------------------------------------------ Group

    /** Fixed-size concatenation of elements, nested groups and spare bits. */
    public static final class Group extends Variation {
        final Field[] fields;
        final int[] offsets;
        final int bits;

        public Group(List<Field> fields) {
            this.fields = fields.toArray(Field[]::new);
            this.offsets = new int[this.fields.length];
            int o = 0;
            for (int i = 0; i < this.fields.length; i++) {
                offsets[i] = o;
                o += this.fields[i].bits();
            }
            this.bits = o;
        }

        @Override
        public int bitSize() {
            return bits;
        }

        @Override
        public int length(byte[] b, int pos, int end) {
            int bytes = bits >>> 3;
            return pos + bytes <= end ? bytes : -1;
        }

        @Override
        void writeJson(StringBuilder out, byte[] b, int pos, int len) {
            out.append('{');
            writeFields(out, b, (long) pos << 3, true);
            out.append('}');
        }

        /** Writes {@code "name":value} pairs; returns whether nothing was written yet (for commas). */
        boolean writeFields(StringBuilder out, byte[] b, long startBit, boolean first) {
            for (int i = 0; i < fields.length; i++) {
                Field f = fields[i];
                if (f.isSpare()) {
                    continue;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                Json.appendKey(out, f.name());
                long at = startBit + offsets[i];
                if (f.variation() instanceof Group g) {
                    out.append('{');
                    g.writeFields(out, b, at, true);
                    out.append('}');
                } else {
                    Element e = (Element) f.variation();
                    e.writeValue(out, b, at, contentOf(e, b, startBit));
                }
            }
            return first;
        }

        private Content contentOf(Element e, byte[] b, long startBit) {
            Dependency d = e.dependency;
            if (d == null) {
                return e.content;
            }
            for (int i = 0; i < fields.length; i++) {
                if (d.sibling().equals(fields[i].name()) && fields[i].variation() instanceof Element s) {
                    Content c = d.contentFor(Bits.get(b, startBit + offsets[i], s.bits));
                    if (c != null) {
                        return c;
                    }
                }
            }
            return e.content;
        }
    }

    // ------------------------------------------------------------------------------------------ Extended

    /**
     * Octet groups chained by FX bits. {@code parts[i]} holds the fields of the i-th part (FX excluded);
     * {@code fx[i]} tells whether that part ends with an FX bit.
     */
    public static final class Extended extends Variation {
        final Group[] parts;
        final boolean[] fx;
        final int[] partBytes;

        public Extended(List<List<Field>> parts, boolean[] fx) {
            this.parts = parts.stream().map(Group::new).toArray(Group[]::new);
            this.fx = fx.clone();
            this.partBytes = new int[this.parts.length];
            for (int i = 0; i < partBytes.length; i++) {
                partBytes[i] = (this.parts[i].bits + (fx[i] ? 1 : 0)) >>> 3;
            }
        }

        @Override
        public int length(byte[] b, int pos, int end) {
            int p = pos;
            for (int i = 0; i < parts.length; i++) {
                p += partBytes[i];
                if (p > end) {
                    return -1;
                }
                if (!fx[i] || (b[p - 1] & 1) == 0) {
                    return p - pos;
                }
            }
            // FX still set after the last defined part: extensions of a later edition, one octet each. Skip them.
            while (true) {
                if (p >= end) {
                    return -1;
                }
                if ((b[p++] & 1) == 0) {
                    return p - pos;
                }
            }
        }

        @Override
        void writeJson(StringBuilder out, byte[] b, int pos, int len) {
            out.append('{');
            boolean first = true;
            int p = pos;
            for (int i = 0; i < parts.length && p + partBytes[i] <= pos + len; i++) {
                first = parts[i].writeFields(out, b, (long) p << 3, first);
                p += partBytes[i];
            }
            out.append('}');
        }
    }

    // ------------------------------------------------------------------------------------------ Repetitive

    /** A repetition factor ({@code repBytes} bytes, or FX bits when {@code repBytes == 0}) and fixed elements. */
    public static final class Repetitive extends Variation {
        final int repBytes;
        final Variation element;
        final int elementBytes;

        public Repetitive(int repBytes, Variation element) {
            this.repBytes = repBytes;
            this.element = element;
            this.elementBytes = (element.bitSize() + (repBytes == 0 ? 1 : 0)) >>> 3;
            if (element.bitSize() <= 0 || elementBytes <= 0) {
                // Loops over repetitions advance by elementBytes: it must be positive.
                throw new IllegalArgumentException("repetitive item needs a fixed-size element");
            }
        }

        @Override
        public int length(byte[] b, int pos, int end) {
            if (repBytes == 1) { // the usual case: int arithmetic, at most 1 + 255 × elementBytes
                if (pos >= end) {
                    return -1;
                }
                int total = 1 + (b[pos] & 0xFF) * elementBytes;
                return total <= end - pos ? total : -1;
            }
            if (repBytes == 0) {
                int p = pos;
                while (true) {
                    p += elementBytes;
                    if (p > end) {
                        return -1;
                    }
                    if ((b[p - 1] & 1) == 0) {
                        return p - pos;
                    }
                }
            }
            if (pos + repBytes > end) {
                return -1;
            }
            long count = Bits.get(b, (long) pos << 3, repBytes * 8);
            long total = repBytes + count * elementBytes;
            return pos + total <= end ? (int) total : -1;
        }

        @Override
        void writeJson(StringBuilder out, byte[] b, int pos, int len) {
            out.append('[');
            int p = pos + repBytes;
            for (int n = 0; p + elementBytes <= pos + len; n++, p += elementBytes) {
                if (n > 0) {
                    out.append(',');
                }
                if (element instanceof Group g) {
                    out.append('{');
                    g.writeFields(out, b, (long) p << 3, true);
                    out.append('}');
                } else {
                    ((Element) element).writeValue(out, b, (long) p << 3, ((Element) element).content);
                }
            }
            out.append(']');
        }
    }

    // ------------------------------------------------------------------------------------------ Explicit

    /** Explicit length (SP, RE): the first byte counts the whole item including itself. */
    public static final class Explicit extends Variation {
        final String kind;

        public Explicit(String kind) {
            this.kind = kind;
        }

        @Override
        public int length(byte[] b, int pos, int end) {
            if (pos >= end) {
                return -1;
            }
            int n = b[pos] & 0xFF;
            return n >= 1 && pos + n <= end ? n : -1;
        }

        /** Written as the hex string of the bytes after the length byte: content is not interpreted here. */
        @Override
        void writeJson(StringBuilder out, byte[] b, int pos, int len) {
            Json.appendHex(out, b, (long) (pos + 1) << 3, (len - 1) * 8);
        }
    }

    // ------------------------------------------------------------------------------------------ Compound

    /** A primary subfield of presence bits with FX (like an FSPEC), then the present subitems in order. */
    public static final class Compound extends Variation {
        final Field[] subitems; // index = bit number in the primary subfield (FX bits not counted); null = unused

        final int[] fixedBytes; // per slot: byte size when fixed, 0 when variable or unused

        public Compound(List<Field> subitems) {
            this.subitems = subitems.toArray(Field[]::new);
            this.fixedBytes = new int[this.subitems.length];
            for (int i = 0; i < fixedBytes.length; i++) {
                Field f = this.subitems[i];
                fixedBytes[i] = f != null && f.variation().bitSize() > 0 ? f.variation().bitSize() >>> 3 : 0;
            }
        }

        @Override
        public int length(byte[] b, int pos, int end) {
            int p = pos;
            int slot = 0;
            int primaryEnd;
            // Primary subfield: find its end first.
            while (true) {
                if (p >= end) {
                    return -1;
                }
                if ((b[p++] & 1) == 0) {
                    primaryEnd = p;
                    break;
                }
            }
            for (int q = pos; q < primaryEnd; q++) {
                int octet = b[q] & 0xFF;
                for (int bit = 7; bit >= 1; bit--, slot++) {
                    if ((octet & (1 << bit)) == 0) {
                        continue;
                    }
                    if (slot >= subitems.length || subitems[slot] == null) {
                        return -1; // presence bit of a subitem this edition does not define
                    }
                    int l = fixedBytes[slot];
                    if (l == 0) {
                        l = subitems[slot].variation().length(b, p, end);
                        if (l < 0) {
                            return -1;
                        }
                    } else if (p + l > end) {
                        return -1;
                    }
                    p += l;
                }
            }
            return p - pos;
        }

        @Override
        void writeJson(StringBuilder out, byte[] b, int pos, int len) {
            int end = pos + len;
            int p = pos;
            while (p < end && (b[p] & 1) != 0) {
                p++;
            }
            int primaryEnd = p + 1;
            p = primaryEnd;
            int slot = 0;
            boolean first = true;
            out.append('{');
            for (int q = pos; q < primaryEnd; q++) {
                int octet = b[q] & 0xFF;
                for (int bit = 7; bit >= 1; bit--, slot++) {
                    if ((octet & (1 << bit)) == 0 || slot >= subitems.length || subitems[slot] == null) {
                        continue;
                    }
                    Field f = subitems[slot];
                    int l = f.variation().length(b, p, end);
                    if (l < 0) {
                        break;
                    }
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    Json.appendKey(out, f.name());
                    f.variation().writeJson(out, b, p, l);
                    p += l;
                }
            }
            out.append('}');
        }
    }
}
