package org.skydas.ingest.cot;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.skydas.ingest.DecodeException;

/**
 * Parses one CoT XML {@code <event>} with StAX into a {@link CotEvent}.
 *
 * <p>Liberal in what it accepts, because real clients break the MITRE schema in harmless ways: child
 * elements in any order, {@code version="2"}, no {@code how}, NaN numbers, text inside
 * {@code <point>}, single or double quotes, with or without the XML declaration. Each tolerated
 * departure is recorded in {@link CotEvent#deviations()}. What makes an event useless for tracking is
 * refused with a one-line reason: no uid/type/times/point, an unparsable time or position, malformed
 * XML, and any DOCTYPE (DTDs and entities are never processed).
 *
 * <p>Stateless and thread-safe.
 */
public final class CotXmlParser {

    /** Bound on {@code <detail>} nesting: deeper input is refused instead of being walked. */
    static final int MAX_DEPTH = 64;

    public CotEvent parse(String xml) throws DecodeException {
        XMLStreamReader r;
        try {
            r = CotXml.FACTORY.createXMLStreamReader(new StringReader(xml));
        } catch (XMLStreamException e) {
            throw new DecodeException("malformed XML: " + oneLine(e.getMessage()));
        }
        return parse(r);
    }

    public CotEvent parse(byte[] bytes) throws DecodeException {
        return parse(bytes, 0, bytes.length);
    }

    /** Parses one event from {@code bytes[offset, offset+length)}; the encoding comes from the XML declaration (UTF-8 by default). */
    public CotEvent parse(byte[] bytes, int offset, int length) throws DecodeException {
        XMLStreamReader r;
        try {
            r = CotXml.FACTORY.createXMLStreamReader(new ByteArrayInputStream(bytes, offset, length));
        } catch (XMLStreamException | RuntimeException e) {
            throw new DecodeException("malformed XML: " + oneLine(e.getMessage()));
        }
        return parse(r);
    }

    private CotEvent parse(XMLStreamReader r) throws DecodeException {
        try {
            return readDocument(r);
        } catch (XMLStreamException e) {
            throw new DecodeException("malformed XML: " + oneLine(e.getMessage()));
        } catch (DecodeException e) {
            throw e;
        } catch (RuntimeException e) {
            // The JDK's StAX implementation reports some malformed input with unchecked exceptions.
            throw new DecodeException("malformed XML: " + oneLine(String.valueOf(e.getMessage())));
        } finally {
            CotXml.closeQuietly(r);
        }
    }

    private CotEvent readDocument(XMLStreamReader r) throws XMLStreamException, DecodeException {
        int ev = r.getEventType();
        while (ev != XMLStreamConstants.START_ELEMENT) {
            if (ev == XMLStreamConstants.DTD) {
                throw new DecodeException("DOCTYPE refused: DTDs and entities are not processed in CoT");
            }
            if (ev == XMLStreamConstants.END_DOCUMENT || !r.hasNext()) {
                throw new DecodeException("no <event> element");
            }
            ev = r.next();
        }
        if (!"event".equals(r.getLocalName())) {
            throw new DecodeException("root element is <" + r.getLocalName() + ">, not <event>");
        }
        Builder b = new Builder();
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            String v = r.getAttributeValue(i);
            switch (r.getAttributeLocalName(i)) {
                case "version" -> b.version = v;
                case "uid" -> b.uid = v;
                case "type" -> b.type = v;
                case "how" -> b.how = v;
                case "time" -> b.time = v;
                case "start" -> b.start = v;
                case "stale" -> b.stale = v;
                case "access" -> b.access = v;
                case "qos" -> b.qos = v;
                case "opex" -> b.opex = v;
                default -> {
                    // other attributes are allowed by the schema and carry nothing we use
                }
            }
        }
        while (r.hasNext()) {
            ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                if ("point".equals(name)) {
                    if (b.pointSeen) {
                        b.deviations.add("second <point> ignored");
                        skipElement(r);
                    } else {
                        readPoint(r, b);
                    }
                } else if ("detail".equals(name)) {
                    if (b.detail != null) {
                        b.deviations.add("second <detail> ignored");
                        skipElement(r);
                    } else {
                        b.detail = readDetail(r);
                    }
                } else {
                    b.deviations.add("unexpected element <" + name + "> in <event> ignored");
                    skipElement(r);
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                break; // </event>: whatever follows is not ours
            } else if (ev == XMLStreamConstants.CHARACTERS && !r.isWhiteSpace()) {
                b.deviations.add("text inside <event> ignored");
            }
        }
        return b.build();
    }

    private static void readPoint(XMLStreamReader r, Builder b) throws XMLStreamException {
        b.pointSeen = true;
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            String v = r.getAttributeValue(i);
            switch (r.getAttributeLocalName(i)) {
                case "lat" -> b.lat = v;
                case "lon" -> b.lon = v;
                case "hae" -> b.hae = v;
                case "ce" -> b.ce = v;
                case "le" -> b.le = v;
                default -> {
                }
            }
        }
        int depth = 1;
        boolean text = false;
        boolean children = false;
        while (depth > 0 && r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
                children = true;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                text = true; // the schema wants <point> empty; even blanks break it (UAS tool sends them)
            }
        }
        if (children) {
            b.deviations.add("child elements inside <point> ignored");
        }
        if (text) {
            b.deviations.add("character content inside <point>");
        }
    }

    private static CotDetail readDetail(XMLStreamReader r) throws XMLStreamException, DecodeException {
        CotContact contact = null;
        CotGroup group = null;
        CotPrecisionLocation precision = null;
        CotStatus status = null;
        CotTakv takv = null;
        CotTrack track = null;
        StringBuilder xml = null;
        StringBuilder element = new StringBuilder(1024);
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                continue; // text directly inside <detail> carries nothing
            }
            String name = r.getLocalName();
            element.setLength(0);
            if (!isTypedName(name)) {
                // Not a typed TAK element: copy it straight through, without collecting its attributes.
                startTag(r, element);
                copyElement(r, name, element);
                if (xml == null) {
                    xml = new StringBuilder(element.length() + 64);
                }
                xml.append(element);
                continue;
            }
            int attrCount = r.getAttributeCount();
            String[] attrNames = new String[attrCount];
            String[] attrValues = new String[attrCount];
            for (int i = 0; i < attrCount; i++) {
                attrNames[i] = r.getAttributeLocalName(i);
                attrValues[i] = r.getAttributeValue(i);
            }
            element.append('<').append(name);
            for (int i = 0; i < attrCount; i++) {
                element.append(' ').append(attrNames[i]).append("=\"");
                CotXmlWriter.escapeAttribute(element, attrValues[i]);
                element.append('"');
            }
            boolean simple = copyElement(r, name, element);
            boolean mapped = false;
            if (simple) {
                switch (name) {
                    case "contact" -> {
                        if (contact == null && only(attrNames, "callsign", "endpoint")) {
                            contact = new CotContact(get(attrNames, attrValues, "callsign"), get(attrNames, attrValues, "endpoint"));
                            mapped = true;
                        }
                    }
                    case "__group" -> {
                        if (group == null && only(attrNames, "name", "role")) {
                            group = new CotGroup(get(attrNames, attrValues, "name"), get(attrNames, attrValues, "role"));
                            mapped = true;
                        }
                    }
                    case "precisionlocation" -> {
                        if (precision == null && only(attrNames, "geopointsrc", "altsrc")) {
                            precision = new CotPrecisionLocation(get(attrNames, attrValues, "geopointsrc"),
                                    get(attrNames, attrValues, "altsrc"));
                            mapped = true;
                        }
                    }
                    case "status" -> {
                        String battery = get(attrNames, attrValues, "battery");
                        if (status == null && only(attrNames, "battery") && battery != null && isSmallUnsigned(battery)) {
                            status = new CotStatus(Integer.parseInt(battery.strip()));
                            mapped = true;
                        }
                    }
                    case "takv" -> {
                        if (takv == null && only(attrNames, "device", "platform", "os", "version")) {
                            takv = new CotTakv(get(attrNames, attrValues, "device"), get(attrNames, attrValues, "platform"),
                                    get(attrNames, attrValues, "os"), get(attrNames, attrValues, "version"));
                            mapped = true;
                        }
                    }
                    case "track" -> {
                        String speed = get(attrNames, attrValues, "speed");
                        String course = get(attrNames, attrValues, "course");
                        double s = CotNumbers.parseOrNaN(speed);
                        double c = CotNumbers.parseOrNaN(course);
                        if (track == null && only(attrNames, "speed", "course") && (speed == null || Double.isFinite(s))
                                && (course == null || Double.isFinite(c))) {
                            track = new CotTrack(s, c);
                            mapped = true;
                        }
                    }
                    default -> {
                    }
                }
            }
            if (!mapped) {
                if (xml == null) {
                    xml = new StringBuilder(element.length() + 64);
                }
                xml.append(element);
            }
        }
        return new CotDetail(contact, group, precision, status, takv, track, xml == null ? "" : xml.toString());
    }

    /**
     * Re-serialises the element whose start tag {@code r} is on, consuming it to its end tag.
     *
     * @return true when it has no child elements and no non-blank text (so a typed form may hold it)
     */
    private static boolean isTypedName(String name) {
        return switch (name) {
            case "contact", "__group", "precisionlocation", "status", "takv", "track" -> true;
            default -> false;
        };
    }

    /**
     * Re-serialises the element whose start tag {@code r} is on (its {@code <name attrs} already written
     * to {@code out}, unclosed), consuming it to its end tag.
     *
     * @return true when it has no child elements and no non-blank text (so a typed form may hold it)
     */
    private static boolean copyElement(XMLStreamReader r, String name, StringBuilder out)
            throws XMLStreamException, DecodeException {
        boolean simple = true;
        int depth = 1;
        boolean open = true; // the last start tag is not yet closed with '>' or '/>'
        while (r.hasNext()) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> {
                    simple = false;
                    if (++depth > MAX_DEPTH) {
                        throw new DecodeException("<detail> nested deeper than " + MAX_DEPTH + " levels");
                    }
                    if (open) {
                        out.append('>');
                    }
                    startTag(r, out);
                    open = true;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (open) {
                        out.append("/>");
                        open = false;
                    } else {
                        out.append("</").append(r.getLocalName()).append('>');
                    }
                    if (--depth == 0) {
                        return simple;
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (r.isWhiteSpace()) {
                        continue; // indentation between elements
                    }
                    simple = false;
                    if (open) {
                        out.append('>');
                        open = false;
                    }
                    CotXmlWriter.escapeText(out, r.getText());
                }
                default -> {
                    // comments and processing instructions are dropped
                }
            }
        }
        throw new DecodeException("unterminated <" + name + "> in <detail>");
    }

    /** Writes {@code <name a="v"...} (unclosed) for the start tag {@code r} is on. */
    private static void startTag(XMLStreamReader r, StringBuilder out) {
        out.append('<').append(r.getLocalName());
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            out.append(' ').append(r.getAttributeLocalName(i)).append("=\"");
            CotXmlWriter.escapeAttribute(out, r.getAttributeValue(i));
            out.append('"');
        }
    }

    private static void skipElement(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static boolean only(String[] names, String... allowed) {
        outer:
        for (String n : names) {
            for (String a : allowed) {
                if (a.equals(n)) {
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }

    private static String get(String[] names, String[] values, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        return null;
    }

    private static boolean isSmallUnsigned(String s) {
        String t = s.strip();
        if (t.isEmpty() || t.length() > 9) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            if (!Character.isDigit(t.charAt(i)) || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
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

    /** Attributes collected while streaming; turned into an event once {@code </event>} is reached. */
    private static final class Builder {
        String version;
        String uid;
        String type;
        String how;
        String time;
        String start;
        String stale;
        String access;
        String qos;
        String opex;
        boolean pointSeen;
        String lat;
        String lon;
        String hae;
        String ce;
        String le;
        CotDetail detail;
        final List<String> deviations = new ArrayList<>(0);

        CotEvent build() throws DecodeException {
            if (uid == null || uid.isBlank()) {
                throw new DecodeException("event has no uid");
            }
            if (type == null || type.isBlank()) {
                throw new DecodeException("event " + uid + " has no type");
            }
            if (version == null) {
                deviations.add("attribute version missing");
            } else if (!CotNumbers.isXsDecimal(version) || Double.parseDouble(version.strip()) < 2) {
                deviations.add("version '" + version + "' is not a decimal >= 2");
            }
            if (how == null) {
                deviations.add("attribute how missing");
            }
            Instant t = time(time, "time");
            Instant s;
            if (start == null) {
                deviations.add("attribute start missing, taken as time");
                s = t;
            } else {
                s = time(start, "start");
            }
            Instant st = time(stale, "stale");
            if (!pointSeen) {
                throw new DecodeException("event " + uid + " has no <point>");
            }
            double la = coordinate(lat, "lat", 90);
            double lo = coordinate(lon, "lon", 180);
            CotPoint p = new CotPoint(la, lo, optional(hae, "hae"), optional(ce, "ce"), optional(le, "le"));
            return new CotEvent(version, uid, type, how, t, s, st, access, qos, opex, p,
                    detail == null ? CotDetail.EMPTY : detail, deviations);
        }

        private Instant time(String value, String name) throws DecodeException {
            if (value == null) {
                throw new DecodeException("event " + uid + " has no " + name + " attribute");
            }
            try {
                return CotTime.parse(value);
            } catch (IllegalArgumentException e) {
                throw new DecodeException("event " + uid + " attribute " + name + ": " + e.getMessage());
            }
        }

        private double coordinate(String value, String name, double limit) throws DecodeException {
            if (value == null) {
                throw new DecodeException("event " + uid + " <point> has no " + name);
            }
            double v = CotNumbers.parseOrNaN(value);
            if (!(Math.abs(v) <= limit)) {
                throw new DecodeException("event " + uid + " <point> " + name + " '" + value + "' is not in [-" + limit + ", " + limit + "]");
            }
            if (!CotNumbers.isXsDecimal(value)) {
                deviations.add("point " + name + " '" + value + "' is not an xs:decimal");
            }
            return v;
        }

        private double optional(String value, String name) {
            if (value == null) {
                deviations.add("point attribute " + name + " missing, taken as unknown");
                return CotPoint.UNKNOWN;
            }
            if (!CotNumbers.isXsDecimal(value)) {
                deviations.add("point " + name + " '" + value + "' is not an xs:decimal");
            }
            return CotNumbers.parseOrNaN(value);
        }
    }
}
