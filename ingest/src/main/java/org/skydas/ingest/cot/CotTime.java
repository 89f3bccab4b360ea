package org.skydas.ingest.cot;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * CoT times ({@code xs:dateTime}): parsed leniently (any number of fractional digits, {@code Z} or a
 * {@code ±hh:mm} offset, no offset read as UTC) and written strictly as UTC with milliseconds.
 * Hand-written because it runs three times per event and {@code DateTimeFormatter} is slow.
 */
public final class CotTime {

    private CotTime() {
    }

    /** Parses {@code yyyy-MM-ddTHH:mm:ss[.f…][Z|±hh:mm]}; throws IllegalArgumentException saying why. */
    public static Instant parse(CharSequence text) {
        String s = text.toString().strip();
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != 't')
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            throw new IllegalArgumentException("not an ISO-8601 date-time: '" + abbreviate(s) + "'");
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (hour > 23 || minute > 59 || second > 60) {
            throw new IllegalArgumentException("time of day out of range: '" + abbreviate(s) + "'");
        }
        int i = 19;
        long nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            int start = i;
            long scale = 100_000_000L;
            while (i < n && Character.isDigit(s.charAt(i))) {
                nanos += (s.charAt(i) - '0') * scale;
                scale /= 10; // digits beyond nanoseconds are dropped, not rounded
                i++;
            }
            if (i == start) {
                throw new IllegalArgumentException("empty fractional seconds: '" + abbreviate(s) + "'");
            }
        }
        int offsetSeconds = 0;
        if (i < n) {
            char z = s.charAt(i);
            if ((z == 'Z' || z == 'z') && i + 1 == n) {
                i++;
            } else if ((z == '+' || z == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
                int oh = digits(s, i + 1, 2);
                int om = digits(s, i + 4, 2);
                if (oh > 18 || om > 59) {
                    throw new IllegalArgumentException("zone offset out of range: '" + abbreviate(s) + "'");
                }
                offsetSeconds = (z == '-' ? -1 : 1) * (oh * 3600 + om * 60);
                i = n;
            } else {
                throw new IllegalArgumentException("bad zone designator: '" + abbreviate(s) + "'");
            }
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("invalid date: '" + abbreviate(s) + "'");
        }
        // A leap second (":60") is folded onto the next second, as java.time does.
        long epochSecond = epochDay * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC: what TAK clients emit and expect. */
    public static String format(Instant t) {
        StringBuilder sb = new StringBuilder(24);
        appendTo(sb, t);
        return sb.toString();
    }

    static void appendTo(StringBuilder sb, Instant t) {
        long sec = t.getEpochSecond();
        long day = Math.floorDiv(sec, 86_400L);
        int sod = (int) Math.floorMod(sec, 86_400L);
        LocalDate d = LocalDate.ofEpochDay(day);
        pad(sb, d.getYear(), 4).append('-');
        pad(sb, d.getMonthValue(), 2).append('-');
        pad(sb, d.getDayOfMonth(), 2).append('T');
        pad(sb, sod / 3600, 2).append(':');
        pad(sb, sod / 60 % 60, 2).append(':');
        pad(sb, sod % 60, 2).append('.');
        pad(sb, t.getNano() / 1_000_000, 3).append('Z');
    }

    private static StringBuilder pad(StringBuilder sb, int v, int width) {
        String s = Integer.toString(v);
        for (int k = s.length(); k < width; k++) {
            sb.append('0');
        }
        return sb.append(s);
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int k = from; k < from + count; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not an ISO-8601 date-time: '" + abbreviate(s) + "'");
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
