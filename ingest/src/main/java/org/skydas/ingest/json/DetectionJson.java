package org.skydas.ingest.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes a {@link Detection} back in its schema form (absent optionals omitted). */
public final class DetectionJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DetectionJson() {
    }

    public static ObjectNode toJson(Detection d) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("sensor_id", d.sensorId());
        o.put("time", d.time().toString());
        o.put("kind", d.kind().wire());
        if (d.position() != null) {
            ObjectNode p = o.putObject("position");
            p.put("lat", d.position().lat());
            p.put("lon", d.position().lon());
            if (!Double.isNaN(d.position().altM())) {
                p.put("alt_m", d.position().altM());
            }
        }
        if (d.line() != null) {
            ObjectNode l = o.putObject("line");
            l.put("line_id", d.line().lineId());
            l.put("distance_m", d.line().distanceM());
        }
        optional(o, "bearing_deg", d.bearingDeg());
        optional(o, "bearing_error_deg", d.bearingErrorDeg());
        if (d.classHint() != null) {
            o.put("class_hint", d.classHint().wire());
        }
        optional(o, "confidence", d.confidence());
        optional(o, "position_error_m", d.positionErrorM());
        if (d.covariance() != null) {
            ObjectNode c = o.putObject("covariance_en_m2");
            c.put("ee", d.covariance().ee());
            c.put("en", d.covariance().en());
            c.put("nn", d.covariance().nn());
        }
        if (d.externalId() != null) {
            o.put("external_id", d.externalId());
        }
        return o;
    }

    private static void optional(ObjectNode o, String name, double v) {
        if (!Double.isNaN(v)) {
            o.put(name, v);
        }
    }
}
