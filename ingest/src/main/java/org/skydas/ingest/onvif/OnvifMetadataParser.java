package org.skydas.ingest.onvif;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.skydas.ingest.DecodeException;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;

/**
 * Reads an ONVIF {@code tt:MetadataStream} document (metadatastream.xsd): {@code tt:Event} notifications (topic,
 * UtcTime, PropertyOperation, Source/Key/Data SimpleItems) and {@code tt:VideoAnalytics} frames (objects with
 * bounding box, classes from {@code tt:Class/tt:Type} and the deprecated {@code tt:ClassCandidate}, geolocation).
 * A SOAP {@code wsnt:Notify} (what the event service pushes) is read the same way: every
 * {@code wsnt:NotificationMessage} anywhere in the document counts. Namespace-aware; no DTDs or external entities;
 * bounded depth and sizes. Thread-safe.
 */
public final class OnvifMetadataParser {

    static final String TT = "http://www.onvif.org/ver10/schema";
    static final String WSNT = "http://docs.oasis-open.org/wsn/b-2";
    static final String TNS1 = "http://www.onvif.org/ver10/topics";
    static final String TNSAXIS = "http://www.axis.com/2009/event/topics";

    private static final XMLInputFactory FACTORY = factory();

    private static XMLInputFactory factory() {
        XMLInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, 64);
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 256);
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, 256 * 1024);
        f.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, 1024 * 1024);
        return f;
    }

    public Onvif.Document parse(byte[] xml) throws DecodeException {
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            List<Onvif.Event> events = new ArrayList<>();
            List<Onvif.Frame> frames = new ArrayList<>();
            boolean root = true;
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (root) {
                    root = false;
                    String local = r.getLocalName();
                    if (!(TT.equals(r.getNamespaceURI()) && local.equals("MetadataStream")) && !local.equals("Envelope")
                            && !local.equals("Notify")) {
                        throw new DecodeException("not an ONVIF metadata stream: root element " + local);
                    }
                }
                if (WSNT.equals(r.getNamespaceURI()) && r.getLocalName().equals("NotificationMessage")) {
                    events.add(notification(r));
                } else if (TT.equals(r.getNamespaceURI()) && r.getLocalName().equals("Frame")) {
                    frames.add(frame(r));
                }
            }
            if (root) {
                throw new DecodeException("empty document");
            }
            return new Onvif.Document(List.copyOf(events), List.copyOf(frames));
        } catch (XMLStreamException e) {
            String m = e.getMessage() == null ? "unknown" : e.getMessage().replace('\n', ' ');
            throw new DecodeException("malformed XML: " + (m.length() > 160 ? m.substring(0, 160) : m));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException e) {
                    // nothing to release that matters
                }
            }
        }
    }

    /** At a wsnt:NotificationMessage start; returns at its end. */
    private static Onvif.Event notification(XMLStreamReader r) throws XMLStreamException, DecodeException {
        String topic = null;
        Instant time = null;
        String op = null;
        Map<String, String> source = new LinkedHashMap<>();
        Map<String, String> key = new LinkedHashMap<>();
        Map<String, String> data = new LinkedHashMap<>();
        Map<String, String> items = null;
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            String ns = r.getNamespaceURI();
            String local = r.getLocalName();
            if (WSNT.equals(ns) && local.equals("Topic")) {
                topic = canonicalTopic(r.getElementText(), r);
                depth--;
            } else if (TT.equals(ns) && local.equals("Message")) {
                time = time(r.getAttributeValue(null, "UtcTime"));
                op = r.getAttributeValue(null, "PropertyOperation");
            } else if (TT.equals(ns) && local.equals("Source")) {
                items = source;
            } else if (TT.equals(ns) && local.equals("Key")) {
                items = key;
            } else if (TT.equals(ns) && local.equals("Data")) {
                items = data;
            } else if (TT.equals(ns) && local.equals("SimpleItem") && items != null && items.size() < 64) {
                String name = r.getAttributeValue(null, "Name");
                String value = r.getAttributeValue(null, "Value");
                if (name != null) {
                    items.put(name, value == null ? "" : value);
                }
            }
        }
        if (topic == null) {
            throw new DecodeException("notification without topic");
        }
        return new Onvif.Event(topic, time, op, Map.copyOf(source), Map.copyOf(key), Map.copyOf(data));
    }

    /** Replaces each segment's prefix with the fixed one of its namespace. */
    static String canonicalTopic(String text, XMLStreamReader r) {
        StringBuilder b = new StringBuilder();
        for (String seg : text.strip().split("/")) {
            if (b.length() > 0) {
                b.append('/');
            }
            int colon = seg.indexOf(':');
            if (colon < 0) {
                b.append(seg);
                continue;
            }
            String uri = r.getNamespaceContext().getNamespaceURI(seg.substring(0, colon));
            String prefix = TNS1.equals(uri) ? "tns1" : TNSAXIS.equals(uri) ? "tnsaxis"
                    : uri == null || uri.isEmpty() ? seg.substring(0, colon) : "{" + uri + "}";
            b.append(prefix).append(':').append(seg.substring(colon + 1));
        }
        return b.toString();
    }

    /** At a tt:Frame start; returns at its end. */
    private static Onvif.Frame frame(XMLStreamReader r) throws XMLStreamException, DecodeException {
        Instant time = time(r.getAttributeValue(null, "UtcTime"));
        String source = r.getAttributeValue(null, "Source");
        double[] frameT = {1, 1, 0, 0}; // scale x, y, translate x, y
        List<Onvif.Object> objects = new ArrayList<>();
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            if (!TT.equals(r.getNamespaceURI())) {
                continue;
            }
            if (r.getLocalName().equals("Transformation") && depth == 2) {
                transformation(r, frameT);
                depth--;
            } else if (r.getLocalName().equals("Object") && objects.size() < 1024) {
                objects.add(object(r, frameT));
                depth--;
            }
        }
        return new Onvif.Frame(time, source, List.copyOf(objects));
    }

    /** At a tt:Transformation start: composes it inside {@code t} (child coordinates → parent); returns at its end. */
    private static void transformation(XMLStreamReader r, double[] t) throws XMLStreamException {
        double sx = 1;
        double sy = 1;
        double tx = 0;
        double ty = 0;
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (r.getLocalName().equals("Translate")) {
                    tx = number(r, "x", 0);
                    ty = number(r, "y", 0);
                } else if (r.getLocalName().equals("Scale")) {
                    sx = number(r, "x", 1);
                    sy = number(r, "y", 1);
                }
            }
        }
        // parent(p) = S_outer * (S * p + T) + T_outer
        t[2] = t[0] * tx + t[2];
        t[3] = t[1] * ty + t[3];
        t[0] = t[0] * sx;
        t[1] = t[1] * sy;
    }

    /** At a tt:Object start; returns at its end. */
    private static Onvif.Object object(XMLStreamReader r, double[] frameT) throws XMLStreamException {
        String id = r.getAttributeValue(null, "ObjectId");
        double[] t = frameT.clone();
        double[] box = null;
        Double lon = null;
        Double lat = null;
        List<Onvif.ClassLikelihood> classes = new ArrayList<>();
        String candidateType = null;
        Double candidateLikelihood = null;
        boolean inClass = false;
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (r.getLocalName().equals("Class")) {
                    inClass = false;
                }
                if (TT.equals(r.getNamespaceURI()) && r.getLocalName().equals("ClassCandidate") && candidateType != null) {
                    classes.add(new Onvif.ClassLikelihood(candidateType, candidateLikelihood));
                    candidateType = null;
                    candidateLikelihood = null;
                }
                continue;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            String local = r.getLocalName();
            switch (local) {
                case "Transformation" -> {
                    transformation(r, t);
                    depth--;
                }
                case "BoundingBox" -> box = new double[] {number(r, "left", Double.NaN), number(r, "top", Double.NaN),
                        number(r, "right", Double.NaN), number(r, "bottom", Double.NaN)};
                case "GeoLocation" -> {
                    double x = number(r, "lon", Double.NaN);
                    double y = number(r, "lat", Double.NaN);
                    if (Double.isFinite(x) && Double.isFinite(y)) {
                        lon = x;
                        lat = y;
                    }
                }
                case "Class" -> inClass = true;
                case "Type" -> {
                    if (!inClass) {
                        break;
                    }
                    Double likelihood = finite(number(r, "Likelihood", Double.NaN));
                    String type = r.getElementText().strip();
                    depth--;
                    if (candidateType == null && classes.size() < 16 && !type.isEmpty()) {
                        classes.add(new Onvif.ClassLikelihood(type, likelihood));
                    } else if (candidateType != null) {
                        candidateType = type;
                    }
                }
                case "ClassCandidate" -> candidateType = "";
                case "Likelihood" -> {
                    String text = r.getElementText().strip();
                    depth--;
                    try {
                        candidateLikelihood = finite(Double.parseDouble(text));
                    } catch (NumberFormatException e) {
                        candidateLikelihood = null;
                    }
                }
                default -> {
                }
            }
        }
        Double left = null;
        Double top = null;
        Double right = null;
        Double bottom = null;
        if (box != null) {
            left = finite(t[0] * box[0] + t[2]);
            right = finite(t[0] * box[2] + t[2]);
            top = finite(t[1] * box[1] + t[3]);
            bottom = finite(t[1] * box[3] + t[3]);
        }
        return new Onvif.Object(id, left, top, right, bottom, List.copyOf(classes), lon, lat);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static double number(XMLStreamReader r, String attribute, double absent) {
        String v = r.getAttributeValue(null, attribute);
        if (v == null) {
            return absent;
        }
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            return absent;
        }
    }

    /** xs:dateTime; without a zone it is taken as UTC (the spec's own examples omit it). */
    static Instant time(String s) throws DecodeException {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s.strip()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new DecodeException("bad UtcTime: " + (s.length() > 40 ? s.substring(0, 40) : s));
            }
        }
    }
}
