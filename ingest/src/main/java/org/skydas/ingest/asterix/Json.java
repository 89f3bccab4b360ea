package org.skydas.ingest.asterix;

/** The few JSON writing helpers the dump needs (no library: the output is small and regular). */
final class Json {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Json() {
    }

    static void appendKey(StringBuilder out, String key) {
        out.append('"').append(key).append("\":");
    }

    static void appendChar(StringBuilder out, char c) {
        if (c == '"' || c == '\\') {
            out.append('\\').append(c);
        } else if (c < 0x20 || c >= 0x7F) {
            out.append("\\u00").append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
        } else {
            out.append(c);
        }
    }

    static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            appendChar(out, s.charAt(i));
        }
        out.append('"');
    }

    /** Shortest round-trip decimal; integral values keep a ".0" so the type stays visibly a number with unit. */
    static void appendDouble(StringBuilder out, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            out.append("null");
        } else {
            out.append(v);
        }
    }

    /** Hex string of {@code bits} bits from {@code startBit} (whole bytes when aligned). */
    static void appendHex(StringBuilder out, byte[] b, long startBit, int bits) {
        out.append('"');
        for (int i = 0; i < bits; i += 4) {
            out.append(HEX[(int) Bits.get(b, startBit + i, Math.min(4, bits - i))]);
        }
        out.append('"');
    }
}
