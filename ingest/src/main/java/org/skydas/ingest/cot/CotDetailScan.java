package org.skydas.ingest.cot;

import java.io.StringReader;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads one attribute of the first matching top-level element of an xmlDetail fragment, on demand. */
final class CotDetailScan {

    private CotDetailScan() {
    }

    static String attribute(String xmlDetail, String element, String attribute) {
        if (xmlDetail == null || xmlDetail.indexOf("<" + element) < 0) {
            return null;
        }
        XMLStreamReader r = null;
        try {
            r = CotXml.FACTORY.createXMLStreamReader(new StringReader("<detail>" + xmlDetail + "</detail>"));
            int depth = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD) {
                    return null;
                }
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 2 && element.equals(r.getLocalName())) {
                        return r.getAttributeValue(null, attribute);
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            return null; // a fragment we cannot read simply has no such attribute
        } finally {
            CotXml.closeQuietly(r);
        }
    }
}
