package org.skydas.ingest.cot;

/** Lenient number parsing for CoT attributes (surrounding blanks, "NaN", "9999999.0"). */
final class CotNumbers {

    private CotNumbers() {
    }

    /** The value, or NaN when absent or not a number. */
    static double parseOrNaN(String s) {
        if (s == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** True when {@code s} is an xs:decimal (what the MITRE schema wants): no NaN, INF or exponent. */
    static boolean isXsDecimal(String s) {
        String t = s.strip();
        int i = 0;
        int n = t.length();
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        boolean dot = false;
        for (; i < n; i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        return digits > 0;
    }

    /** Shortest text that reads back as the same double; integers without exponent. */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v) + ".0";
        }
        return Double.toString(v);
    }
}
