package org.skydas.ingest.stanag4607;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * STANAG 4607 as JSON: one object per segment, with its packet header ({@code packet}), the segment type name and
 * number, and the segment's fields as decoded (absent optional fields are null).
 */
public final class Gmti4607Json {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Gmti4607Json() {
    }

    public static List<ObjectNode> segments(Gmti.Packet p) {
        List<ObjectNode> out = new ArrayList<>(p.segments().size());
        for (Gmti.Segment s : p.segments()) {
            ObjectNode o = JSON.createObjectNode();
            o.set("packet", JSON.valueToTree(p.header()));
            o.put("segment", Gmti.segmentName(s.type()));
            o.put("segment_type", s.type());
            if (p.referenceDate() != null) {
                o.put("reference_date", p.referenceDate().toString());
            }
            ObjectNode fields = JSON.valueToTree(s);
            fields.remove("type");
            o.setAll(fields);
            out.add(o);
        }
        return out;
    }

    /** The whole packet as one JSON object (for the journal): header and segments. */
    public static String packet(Gmti.Packet p) {
        ObjectNode o = JSON.createObjectNode();
        o.set("packet", JSON.valueToTree(p.header()));
        if (p.referenceDate() != null) {
            o.put("reference_date", p.referenceDate().toString());
        }
        var arr = o.putArray("segments");
        for (ObjectNode s : segments(p)) {
            s.remove("packet");
            s.remove("reference_date");
            arr.add(s);
        }
        return o.toString();
    }
}
