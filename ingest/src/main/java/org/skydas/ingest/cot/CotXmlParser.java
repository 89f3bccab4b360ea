package org.skydas.ingest.cot;

import org.skydas.ingest.DecodeException;

/**
 * Parses one CoT XML {@code <event>} into a {@link CotEvent}.
 *
 * <p>Liberal in what it accepts, because real clients break the MITRE schema in harmless ways: child
 * elements in any order, {@code version="2"}, no {@code how}, NaN numbers, text inside
 * {@code <point>}, single or double quotes, with or without the XML declaration. Each tolerated
 * departure is recorded in {@link CotEvent#deviations()}. What makes an event useless for tracking is
 * refused with a one-line reason: no uid/type/times/point, an unparsable time or position, malformed
 * XML, and any DOCTYPE (DTDs and entities are never processed).
 *
 * <p>Two paths give the same result: {@link CotFastScanner} reads the common well-formed UTF-8 event
 * in one pass, and hands anything unusual (comments, CDATA, other encodings, DOCTYPE, malformed
 * markup) to {@link CotStaxReader}, the complete StAX parse that also words every refusal.
 *
 * <p>Stateless and thread-safe.
 */
public final class CotXmlParser {

    /** Bound on {@code <detail>} nesting: deeper input is refused instead of being walked. */
    static final int MAX_DEPTH = 64;

    private final CotStaxReader stax = new CotStaxReader();

    public CotEvent parse(String xml) throws DecodeException {
        CotEvent e = CotFastScanner.parse(xml);
        return e != null ? e : stax.parse(xml);
    }

    public CotEvent parse(byte[] bytes) throws DecodeException {
        return parse(bytes, 0, bytes.length);
    }

    /** Parses one event from {@code bytes[offset, offset+length)}; the encoding comes from the XML declaration (UTF-8 by default). */
    public CotEvent parse(byte[] bytes, int offset, int length) throws DecodeException {
        CotEvent e = CotFastScanner.parse(bytes, offset, length);
        return e != null ? e : stax.parse(bytes, offset, length);
    }

    static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String m = message.replaceAll("\\s+", " ").strip();
        int at = m.indexOf("Message: ");
        if (at >= 0) {
            m = m.substring(0, at).replace("ParseError at ", "") + "- " + m.substring(at + 9);
        }
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }
}
