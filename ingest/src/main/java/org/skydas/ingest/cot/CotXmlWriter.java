package org.skydas.ingest.cot;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link CotEvent} as CoT XML for TAK clients and servers. Strict in what it emits: the XML
 * declaration then a newline then the event, double-quoted attributes, times in UTC with
 * milliseconds, plain decimals (never NaN or exponents: an unknown hae/ce/le is written as
 * 9999999.0), {@code version="2.0"}, and no trailing newline (TAK servers split after
 * {@code </event>} and want the next declaration to follow immediately). The one schema rule it cannot
 * always meet is {@code how}: when the source had none it stays absent rather than invented.
 *
 * <p>{@code xmlDetail} is copied verbatim: it is either our own re-serialisation or what a TAK peer
 * sent as its xmlDetail, which is already XML.
 */
public final class CotXmlWriter {

    public static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    public String write(CotEvent e) {
        StringBuilder sb = new StringBuilder(512 + e.detail().xmlDetail().length());
        sb.append(DECLARATION);
        appendEvent(sb, e);
        return sb.toString();
    }

    public byte[] writeUtf8(CotEvent e) {
        return write(e).getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code <event>} element alone, without declaration. */
    public void appendEvent(StringBuilder sb, CotEvent e) {
        sb.append("<event version=\"2.0\"");
        attr(sb, "uid", e.uid());
        attr(sb, "type", e.type());
        if (e.how() != null) {
            attr(sb, "how", e.how());
        }
        sb.append(" time=\"");
        CotTime.appendTo(sb, e.time());
        sb.append("\" start=\"");
        CotTime.appendTo(sb, e.start());
        sb.append("\" stale=\"");
        CotTime.appendTo(sb, e.stale());
        sb.append('"');
        if (e.access() != null) {
            attr(sb, "access", e.access());
        }
        if (e.qos() != null) {
            attr(sb, "qos", e.qos());
        }
        if (e.opex() != null) {
            attr(sb, "opex", e.opex());
        }
        sb.append('>');
        CotPoint p = e.point();
        sb.append("<point lat=\"").append(decimal(p.lat()))
                .append("\" lon=\"").append(decimal(p.lon()))
                .append("\" hae=\"").append(orUnknown(p.hae()))
                .append("\" ce=\"").append(orUnknown(p.ce()))
                .append("\" le=\"").append(orUnknown(p.le())).append("\"/>");
        CotDetail d = e.detail();
        if (!d.isEmpty()) {
            sb.append("<detail>");
            if (d.contact() != null) {
                sb.append("<contact");
                optionalAttr(sb, "callsign", d.contact().callsign());
                optionalAttr(sb, "endpoint", d.contact().endpoint());
                sb.append("/>");
            }
            if (d.group() != null) {
                sb.append("<__group");
                optionalAttr(sb, "name", d.group().name());
                optionalAttr(sb, "role", d.group().role());
                sb.append("/>");
            }
            if (d.precisionLocation() != null) {
                sb.append("<precisionlocation");
                optionalAttr(sb, "geopointsrc", d.precisionLocation().geopointsrc());
                optionalAttr(sb, "altsrc", d.precisionLocation().altsrc());
                sb.append("/>");
            }
            if (d.status() != null) {
                sb.append("<status battery=\"").append(Integer.toUnsignedString(d.status().battery())).append("\"/>");
            }
            if (d.takv() != null) {
                sb.append("<takv");
                optionalAttr(sb, "device", d.takv().device());
                optionalAttr(sb, "platform", d.takv().platform());
                optionalAttr(sb, "os", d.takv().os());
                optionalAttr(sb, "version", d.takv().version());
                sb.append("/>");
            }
            if (d.track() != null) {
                sb.append("<track");
                if (Double.isFinite(d.track().speed())) {
                    sb.append(" speed=\"").append(decimal(d.track().speed())).append('"');
                }
                if (Double.isFinite(d.track().course())) {
                    sb.append(" course=\"").append(decimal(d.track().course())).append('"');
                }
                sb.append("/>");
            }
            sb.append(d.xmlDetail());
            sb.append("</detail>");
        }
        sb.append("</event>");
    }

    private static String orUnknown(double v) {
        return Double.isFinite(v) ? decimal(v) : "9999999.0";
    }

    /** xs:decimal text (no exponent) that reads back as the same double. */
    static String decimal(double v) {
        if (!Double.isFinite(v)) {
            return "0.0"; // never reached for lat/lon (the parser refuses non-finite ones)
        }
        double a = Math.abs(v);
        if (a == 0 || (a >= 1e-3 && a < 1e7)) {
            return Double.toString(v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static void attr(StringBuilder sb, String name, String value) {
        sb.append(' ').append(name).append("=\"");
        escapeAttribute(sb, value);
        sb.append('"');
    }

    private static void optionalAttr(StringBuilder sb, String name, String value) {
        if (value != null) {
            attr(sb, name, value);
        }
    }

    static void escapeAttribute(StringBuilder sb, String s) {
        if (isPlain(s, true)) {
            sb.append(s); // the common case, appended in one copy
            return;
        }
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\n' -> sb.append("&#10;"); // keep newlines: attribute normalisation would turn them into blanks
                case '\r' -> sb.append("&#13;");
                case '\t' -> sb.append("&#9;");
                default -> appendXmlChar(sb, c);
            }
        }
    }

    static void escapeText(StringBuilder sb, String s) {
        if (isPlain(s, false)) {
            sb.append(s);
            return;
        }
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\r' -> sb.append("&#13;");
                default -> appendXmlChar(sb, c);
            }
        }
    }

    /** True when {@code s} needs no escaping: printable, no markup characters (no quote or line break in attributes). */
    private static boolean isPlain(String s, boolean attribute) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '&' || c == '<' || c == '>' || c >= 0xFFFE) {
                if (!attribute && (c == '\n' || c == '\t')) {
                    continue;
                }
                return false;
            }
            if (attribute && c == '"') {
                return false;
            }
        }
        return true;
    }

    /** Drops characters XML 1.0 cannot carry at all (control characters other than tab/LF/CR). */
    private static void appendXmlChar(StringBuilder sb, char c) {
        if (c >= 0x20 || c == '\n' || c == '\t') {
            if (c != 0xFFFE && c != 0xFFFF) {
                sb.append(c);
            }
        }
    }
}
