package org.skydas.ingest.remoteid;

import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON form of one Remote ID message: SI units with the unit in the name, null for unknown. */
public final class OdidJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private OdidJson() {
    }

    /**
     * @param received receive time used to resolve the Location timestamp (tenths past the hour); may be null
     */
    public static ObjectNode toJson(OdidMessage m, Instant received) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("type", m.typeName());
        o.put("message_type", m.messageType());
        o.put("protocol_version", m.protocolVersion());
        switch (m) {
            case OdidBasicId b -> {
                o.put("id_type", b.idType());
                o.put("ua_type", b.uaType());
                o.put("uas_id", b.uasId());
            }
            case OdidLocation l -> {
                o.put("status", l.status());
                o.put("height_type", l.heightType() == 0 ? "above_takeoff" : "above_ground");
                num(o, "direction_deg", l.directionDeg());
                num(o, "speed_horizontal_mps", l.speedHorizontalMps());
                num(o, "speed_vertical_mps", l.speedVerticalMps());
                num(o, "lat_deg", l.latDeg());
                num(o, "lon_deg", l.lonDeg());
                num(o, "altitude_baro_m", l.altitudeBaroM());
                num(o, "altitude_geo_m", l.altitudeGeoM());
                num(o, "height_m", l.heightM());
                num(o, "horizontal_accuracy_m", l.horizontalAccuracyM());
                num(o, "vertical_accuracy_m", l.verticalAccuracyM());
                num(o, "baro_accuracy_m", l.baroAccuracyM());
                num(o, "speed_accuracy_mps", l.speedAccuracyMps());
                num(o, "timestamp_s_past_hour", l.secondsPastHour());
                num(o, "timestamp_accuracy_s", l.timestampAccuracyS());
                Instant t = received == null ? null : l.resolveTime(received);
                o.put("time", t == null ? null : t.toString());
            }
            case OdidAuthentication a -> {
                o.put("auth_type", a.authType());
                o.put("page", a.page());
                if (a.page() == 0) {
                    o.put("last_page_index", a.lastPageIndex());
                    o.put("length", a.length());
                    o.put("time", a.timestamp() == null ? null : a.timestamp().toString());
                }
                o.put("data_hex", a.dataHex());
            }
            case OdidSelfId s -> {
                o.put("description_type", s.descriptionType());
                o.put("description", s.description());
            }
            case OdidSystem s -> {
                o.put("classification_type", s.classificationType());
                o.put("operator_location_type", s.operatorLocationType());
                num(o, "operator_lat_deg", s.operatorLatDeg());
                num(o, "operator_lon_deg", s.operatorLonDeg());
                o.put("area_count", s.areaCount());
                num(o, "area_radius_m", s.areaRadiusM());
                num(o, "area_ceiling_m", s.areaCeilingM());
                num(o, "area_floor_m", s.areaFloorM());
                o.put("ua_category", s.uaCategory());
                o.put("ua_class", s.uaClass());
                num(o, "operator_altitude_geo_m", s.operatorAltitudeGeoM());
                o.put("time", s.timestamp() == null ? null : s.timestamp().toString());
            }
            case OdidOperatorId op -> {
                o.put("operator_id_type", op.operatorIdType());
                o.put("operator_id", op.operatorId());
            }
            case OdidUnknown u -> o.put("hex", u.hex());
            case OdidMessagePack p -> o.put("message_count", p.messages().size());
        }
        return o;
    }

    private static void num(ObjectNode o, String name, double v) {
        if (Double.isNaN(v)) {
            o.putNull(name);
        } else {
            o.put(name, v);
        }
    }
}
