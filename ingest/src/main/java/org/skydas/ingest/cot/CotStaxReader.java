package org.skydas.ingest.cot;

import java.io.ByteArrayInputStream;
import java.io.StringReader;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.skydas.ingest.DecodeException;

/**
 * The complete, tolerant parse of one CoT {@code <event>} with StAX (Woodstox): any encoding, comments,
 * CDATA, character references, and the exact refusal reasons for malformed XML and DOCTYPEs.
 * {@link CotXmlParser} sends here whatever its fast scanner does not take. Stateless and thread-safe.
 */
final class CotStaxReader {

    CotEvent parse(String xml) throws DecodeException {
        XMLStreamReader r;
        try {
            r = CotXml.FACTORY.createXMLStreamReader(new StringReader(xml));
        } catch (XMLStreamException e) {
            throw new DecodeException("malformed XML: " + CotXmlParser.oneLine(e.getMessage()));
        }
        return parse(r);
    }

    /** Parses one event from {@code bytes[offset, offset+length)}; the encoding comes from the XML declaration (UTF-8 by default). */
    CotEvent parse(byte[] bytes, int offset, int length) throws DecodeException {
        XMLStreamReader r;
        try {
            r = CotXml.FACTORY.createXMLStreamReader(new ByteArrayInputStream(bytes, offset, length));
        } catch (XMLStreamException | RuntimeException e) {
            throw new DecodeException("malformed XML: " + CotXmlParser.oneLine(e.getMessage()));
        }
        return parse(r);
    }

    private CotEvent parse(XMLStreamReader r) throws DecodeException {
        try {
            return readDocument(r);
        } catch (XMLStreamException e) {
            throw new DecodeException("malformed XML: " + CotXmlParser.oneLine(e.getMessage()));
        } catch (DecodeException e) {
            throw e;
        } catch (RuntimeException e) {
            // The JDK's StAX implementation reports some malformed input with unchecked exceptions.
            throw new DecodeException("malformed XML: " + CotXmlParser.oneLine(String.valueOf(e.getMessage())));
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
        CotEventBuilder b = new CotEventBuilder();
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            b.eventAttribute(r.getAttributeLocalName(i), r.getAttributeValue(i));
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

    private static void readPoint(XMLStreamReader r, CotEventBuilder b) throws XMLStreamException {
        b.pointSeen = true;
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            b.pointAttribute(r.getAttributeLocalName(i), r.getAttributeValue(i));
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
        CotTypedDetail typed = new CotTypedDetail();
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
            if (!CotTypedDetail.isTypedName(name)) {
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
            if (!(simple && typed.offer(name, attrNames, attrValues))) {
                if (xml == null) {
                    xml = new StringBuilder(element.length() + 64);
                }
                xml.append(element);
            }
        }
        return typed.build(xml == null ? "" : xml.toString());
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
                    if (++depth > CotXmlParser.MAX_DEPTH) {
                        throw new DecodeException("<detail> nested deeper than " + CotXmlParser.MAX_DEPTH + " levels");
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
}
