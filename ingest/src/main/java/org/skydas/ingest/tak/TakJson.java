package org.skydas.ingest.tak;

import org.skydas.ingest.cot.CotJson;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON line of one TAK v1 message, for the dumpers. */
final class TakJson {

    private TakJson() {
    }

    static ObjectNode toJson(long index, TakMessage m) {
        ObjectNode o = CotJson.MAPPER.createObjectNode();
        o.put("message", index);
        if (m.takControl() != null) {
            ObjectNode c = o.putObject("tak_control");
            c.put("min_proto_version", Integer.toUnsignedLong(m.takControl().minProtoVersion()));
            c.put("max_proto_version", Integer.toUnsignedLong(m.takControl().maxProtoVersion()));
            if (m.takControl().contactUid() != null) {
                c.put("contact_uid", m.takControl().contactUid());
            }
        }
        if (m.cotEvent() != null) {
            o.set("cot_event", CotJson.toJson(m.cotEvent()));
        }
        return o;
    }
}
