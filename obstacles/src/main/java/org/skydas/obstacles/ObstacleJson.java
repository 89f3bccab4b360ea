package org.skydas.obstacles;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.skydas.geo.GeoJsonException;
import org.skydas.geo.GeoJsonReader;
import org.skydas.geo.GeoJsonWriter;
import org.skydas.geo.Lks94;
import org.skydas.model.Wire;
import org.skydas.obstacles.Records.Barrier;
import org.skydas.obstacles.Records.Clearance;
import org.skydas.obstacles.Records.Device;
import org.skydas.obstacles.Records.Effect;
import org.skydas.obstacles.Records.Emplacement;
import org.skydas.obstacles.Records.Explosive;
import org.skydas.obstacles.Records.MineRow;
import org.skydas.obstacles.Records.QualityCheck;
import org.skydas.obstacles.Records.ReferencePoint;
import org.skydas.obstacles.Records.StatusChange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A register entry as the API's JSON (WGS84 GeoJSON geometry, snake_case names) and back. Reading
 * refuses a missing or malformed field with an {@link ObstacleException} that names it; the checks that
 * need the map (inside Lithuania, reference points near the perimeter) are {@link ObstacleValidator}'s.
 */
public final class ObstacleJson {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private ObstacleJson() {
    }

    // ---- reading --------------------------------------------------------------------------------

    /** A record from the API or a file; {@code status}, {@code version} and {@code history} are kept if present. */
    public static ObstacleField read(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new ObstacleException("body", "a JSON object is required");
        }
        ObstacleKind kind = ObstacleKind.parse(text(n, "kind", true));
        String name = text(n, "name", true);
        Geometry geometry = geometry(n.get("geometry"));
        FieldStatus status = n.hasNonNull("status") ? FieldStatus.parse("status", n.get("status").asText())
                : FieldStatus.PLANNED;
        String budgetLine = text(n, "budget_line", true);
        ObstacleField.category(budgetLine);
        double cost = number(n, "cost_eur", true);
        Integer year = n.hasNonNull("year") ? (int) number(n, "year", true) : null;
        List<String> sectors = new ArrayList<>();
        if (n.hasNonNull("sectors")) {
            for (JsonNode s : array(n, "sectors")) {
                sectors.add(s.asText());
            }
        }
        Explosive explosive = kind.explosive() ? explosive(n, kind, status) : null;
        Barrier barrier = kind.explosive() ? null : barrier(n, kind);
        List<StatusChange> history = new ArrayList<>();
        if (n.hasNonNull("history")) {
            int i = 0;
            for (JsonNode h : array(n, "history")) {
                history.add(statusChange(h, "history[" + i++ + "]"));
            }
        }
        int version = n.hasNonNull("version") ? (int) number(n, "version", true) : 1;
        return new ObstacleField(text(n, "id", false), kind, name, geometry, sectors, budgetLine, cost, year, status,
                version, explosive, barrier, history, text(n, "notes", false), n.path("example").asBoolean(false));
    }

    public static ObstacleField read(String json) {
        try {
            return read(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new ObstacleException("body", "not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static Geometry geometry(JsonNode g) {
        if (g == null || g.isNull()) {
            throw new ObstacleException("geometry", "required (a GeoJSON Polygon or LineString in WGS84)");
        }
        try {
            return Lks94.toGrid(new GeoJsonReader().geometry(g));
        } catch (GeoJsonException e) {
            throw new ObstacleException("geometry", e.getMessage());
        }
    }

    private static Explosive explosive(JsonNode n, ObstacleKind kind, FieldStatus status) {
        List<ReferencePoint> refs = new ArrayList<>();
        JsonNode rp = n.get("reference_points");
        if (rp == null || rp.isNull() || !rp.isArray() || rp.size() < 2) {
            throw new ObstacleException("reference_points", "at least 2 required");
        }
        for (int i = 0; i < rp.size(); i++) {
            JsonNode p = rp.get(i);
            String f = "reference_points[" + i + "]";
            refs.add(new ReferencePoint(lon(p, f + ".lon"), lat(p, f + ".lat"), text(p, "description", true, f),
                    bool(p, "ground_marked", f)));
        }
        JsonNode dv = n.get("devices");
        if (dv == null || !dv.isArray() || dv.isEmpty()) {
            throw new ObstacleException("devices", "at least 1 required (type, count, fuze, self-destruct, "
                    + "active life, anti-handling)");
        }
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < dv.size(); i++) {
            devices.add(device(dv.get(i), "devices[" + i + "]"));
        }
        List<MineRow> rows = new ArrayList<>();
        if (n.hasNonNull("rows")) {
            int i = 0;
            for (JsonNode r : array(n, "rows")) {
                String f = "rows[" + i++ + "]";
                rows.add(new MineRow(text(r, "id", true, f), lon(r.path("start"), f + ".start.lon"),
                        lat(r.path("start"), f + ".start.lat"), lon(r.path("end"), f + ".end.lon"),
                        lat(r.path("end"), f + ".end.lat"), (int) number(r, "count", true, f),
                        text(r, "device_type", false, f)));
            }
        }
        Emplacement emplacement = parseEnum(Emplacement.class, "emplacement", text(n, "emplacement", true));
        Instant laidAt = instant(n, "laid_at", "");
        if (laidAt == null && status != FieldStatus.PLANNED) {
            throw new ObstacleException("laid_at", "required once the field is laid (status " + status.wire() + ")");
        }
        return new Explosive(refs, devices, rows, emplacement, laidAt, text(n, "laying_unit", true),
                text(n, "order_ref", true), text(n, "custody", true));
    }

    private static Device device(JsonNode d, String f) {
        boolean selfDestruct = bool(d, "self_destruct", f);
        boolean antiHandling = bool(d, "anti_handling", f);
        Integer life = d.hasNonNull("active_life_days") ? (int) number(d, "active_life_days", true, f) : null;
        Boolean selfDeactivation = d.hasNonNull("self_deactivation") ? bool(d, "self_deactivation", f) : null;
        return new Device(text(d, "type", true, f), text(d, "category", false, f),
                (int) number(d, "count", true, f), text(d, "fuze", true, f), selfDestruct, selfDeactivation, life,
                antiHandling, text(d, "anti_handling_type", false, f));
    }

    private static Barrier barrier(JsonNode n, ObstacleKind kind) {
        Double depth = n.hasNonNull("depth_m") ? number(n, "depth_m", true) : null;
        if (depth == null && kind == ObstacleKind.DITCH) {
            throw new ObstacleException("depth_m", "required for a ditch");
        }
        Effect effect = parseEnum(Effect.class, "effect", text(n, "effect", true));
        JsonNode delay = n.get("delay_s");
        if (delay == null || !delay.isObject() || delay.isEmpty()) {
            throw new ObstacleException("delay_s", "required: crossing delay in seconds per mover, e.g. "
                    + "{\"person\": 60, \"vehicle\": 1800}");
        }
        Map<String, Double> delays = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = delay.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNumber()) {
                throw new ObstacleException("delay_s." + e.getKey(), "must be a number of seconds");
            }
            delays.put(e.getKey(), e.getValue().asDouble());
        }
        return new Barrier(number(n, "length_m", true), number(n, "width_m", true), depth, effect, delays);
    }

    /** A clearance record, as the transition to {@code cleared} carries it. */
    public static Clearance clearance(JsonNode c, String f) {
        if (c == null || c.isNull() || !c.isObject()) {
            throw new ObstacleException(f, "required: organisation, method, started_at, completed_at, "
                    + "area_cleared_m2, devices_found, qm_check");
        }
        JsonNode qm = c.get("qm_check");
        if (qm == null || !qm.isObject()) {
            throw new ObstacleException(f + ".qm_check", "required (by, at, passed)");
        }
        String q = f + ".qm_check";
        QualityCheck check = new QualityCheck(text(qm, "by", true, q), instant(qm, "at", q + "."),
                bool(qm, "passed", q), text(qm, "reference", false, q));
        if (check.at() == null) {
            throw new ObstacleException(q + ".at", "required");
        }
        Instant started = instant(c, "started_at", f + ".");
        Instant completed = instant(c, "completed_at", f + ".");
        if (started == null) {
            throw new ObstacleException(f + ".started_at", "required");
        }
        if (completed == null) {
            throw new ObstacleException(f + ".completed_at", "required");
        }
        return new Clearance(text(c, "organisation", true, f), text(c, "method", true, f), started, completed,
                number(c, "area_cleared_m2", true, f), (int) number(c, "devices_found", true, f), check);
    }

    private static StatusChange statusChange(JsonNode h, String f) {
        Clearance cl = h.hasNonNull("clearance") ? clearance(h.get("clearance"), f + ".clearance") : null;
        FieldStatus from = h.hasNonNull("from") ? FieldStatus.parse(f + ".from", h.get("from").asText()) : null;
        return new StatusChange(from, FieldStatus.parse(f + ".to", text(h, "to", true, f)), instant(h, "at", f + "."),
                text(h, "actor", true, f), text(h, "role", false, f), text(h, "note", false, f), cl);
    }

    // ---- field helpers: every error names the field ---------------------------------------------

    private static String text(JsonNode n, String name, boolean required) {
        return text(n, name, required, "");
    }

    private static String text(JsonNode n, String name, boolean required, String prefix) {
        JsonNode v = n.get(name);
        String f = prefix.isEmpty() ? name : prefix + "." + name;
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            if (required) {
                throw new ObstacleException(f, "required");
            }
            return null;
        }
        if (!v.isValueNode()) {
            throw new ObstacleException(f, "must be text");
        }
        return v.asText().trim();
    }

    private static double number(JsonNode n, String name, boolean required) {
        return number(n, name, required, "");
    }

    private static double number(JsonNode n, String name, boolean required, String prefix) {
        JsonNode v = n.get(name);
        String f = prefix.isEmpty() ? name : prefix + "." + name;
        if (v == null || v.isNull()) {
            if (required) {
                throw new ObstacleException(f, "required");
            }
            return Double.NaN;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new ObstacleException(f, "must be a number");
        }
        return v.asDouble();
    }

    private static boolean bool(JsonNode n, String name, String prefix) {
        JsonNode v = n.get(name);
        String f = prefix.isEmpty() ? name : prefix + "." + name;
        if (v == null || v.isNull()) {
            throw new ObstacleException(f, "required (true or false)");
        }
        if (!v.isBoolean()) {
            throw new ObstacleException(f, "must be true or false");
        }
        return v.asBoolean();
    }

    private static double lon(JsonNode p, String f) {
        return degrees(p, "lon", f, 180, "longitude");
    }

    private static double lat(JsonNode p, String f) {
        return degrees(p, "lat", f, 90, "latitude");
    }

    private static double degrees(JsonNode p, String key, String f, double limit, String what) {
        JsonNode v = p.get(key);
        if (v == null || !v.isNumber()) {
            throw new ObstacleException(f, "required (WGS84 " + what + ", degrees)");
        }
        if (Math.abs(v.asDouble()) > limit) {
            throw new ObstacleException(f, "out of range");
        }
        return v.asDouble();
    }

    private static Instant instant(JsonNode n, String name, String prefix) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return Instant.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw new ObstacleException(prefix + name, "not an ISO-8601 UTC time like 2026-05-04T10:00:00Z");
        }
    }

    private static ArrayNode array(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (!(v instanceof ArrayNode a)) {
            throw new ObstacleException(name, "must be an array");
        }
        return a;
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ObstacleException(field, "required (one of " + Wire.choices(type) + ")");
        }
        try {
            return Wire.parse(type, field, value);
        } catch (IllegalArgumentException e) {
            throw new ObstacleException(field, "unknown '" + value + "' (one of " + Wire.choices(type) + ")");
        }
    }

    // ---- writing --------------------------------------------------------------------------------

    /** The record as the API shows it (WGS84 geometry, 7 decimals). */
    public static ObjectNode write(ObstacleField f) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", f.id());
        o.put("kind", f.kind().wire());
        o.put("explosive", f.kind().explosive());
        o.put("name", f.name());
        o.set("geometry", geometryNode(f.geometry()));
        o.put("status", f.status().wire());
        o.put("version", f.version());
        ArrayNode sectors = o.putArray("sectors");
        f.sectors().forEach(sectors::add);
        o.put("budget_line", f.budgetLine());
        o.put("cost_eur", f.costEur());
        if (f.year() != null) {
            o.put("year", f.year());
        }
        o.put("area_m2", Math.round(f.areaM2()));
        o.put("length_m", Math.round(f.lengthM() * 10) / 10.0);
        if (f.explosive() != null) {
            writeExplosive(o, f.explosive());
        } else {
            writeBarrier(o, f.barrier());
        }
        ArrayNode h = o.putArray("history");
        for (StatusChange c : f.history()) {
            h.add(write(c));
        }
        if (f.notes() != null) {
            o.put("notes", f.notes());
        }
        o.put("example", f.example());
        return o;
    }

    public static ObjectNode geometryNode(Geometry grid) {
        try {
            return (ObjectNode) MAPPER.readTree(GeoJsonWriter.geometryJson(Lks94.toWgs84(grid), 7));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeExplosive(ObjectNode o, Explosive e) {
        ArrayNode refs = o.putArray("reference_points");
        for (ReferencePoint p : e.referencePoints()) {
            ObjectNode r = refs.addObject();
            r.put("lon", p.lon());
            r.put("lat", p.lat());
            r.put("description", p.description());
            r.put("ground_marked", p.groundMarked());
        }
        ArrayNode devices = o.putArray("devices");
        for (Device d : e.devices()) {
            ObjectNode x = devices.addObject();
            x.put("type", d.type());
            if (d.category() != null) {
                x.put("category", d.category());
            }
            x.put("count", d.count());
            x.put("fuze", d.fuze());
            x.put("self_destruct", d.selfDestruct());
            if (d.selfDeactivation() != null) {
                x.put("self_deactivation", d.selfDeactivation());
            }
            if (d.activeLifeDays() != null) {
                x.put("active_life_days", d.activeLifeDays());
            }
            x.put("anti_handling", d.antiHandling());
            if (d.antiHandlingType() != null) {
                x.put("anti_handling_type", d.antiHandlingType());
            }
        }
        if (!e.rows().isEmpty()) {
            ArrayNode rows = o.putArray("rows");
            for (MineRow r : e.rows()) {
                ObjectNode x = rows.addObject();
                x.put("id", r.id());
                x.putObject("start").put("lon", r.startLon()).put("lat", r.startLat());
                x.putObject("end").put("lon", r.endLon()).put("lat", r.endLat());
                x.put("count", r.count());
                if (r.deviceType() != null) {
                    x.put("device_type", r.deviceType());
                }
            }
        }
        o.put("emplacement", e.emplacement().wire());
        if (e.laidAt() != null) {
            o.put("laid_at", e.laidAt().toString());
        }
        o.put("laying_unit", e.layingUnit());
        o.put("order_ref", e.orderRef());
        o.put("custody", e.custody());
    }

    private static void writeBarrier(ObjectNode o, Barrier b) {
        o.put("length_m", b.lengthM());
        o.put("width_m", b.widthM());
        if (b.depthM() != null) {
            o.put("depth_m", b.depthM());
        }
        o.put("effect", b.effect().wire());
        ObjectNode d = o.putObject("delay_s");
        b.delayS().forEach(d::put);
    }

    public static ObjectNode write(StatusChange c) {
        ObjectNode x = MAPPER.createObjectNode();
        if (c.from() != null) {
            x.put("from", c.from().wire());
        }
        x.put("to", c.to().wire());
        if (c.at() != null) {
            x.put("at", c.at().toString());
        }
        x.put("actor", c.actor());
        if (c.role() != null) {
            x.put("role", c.role());
        }
        if (c.note() != null) {
            x.put("note", c.note());
        }
        if (c.clearance() != null) {
            Clearance cl = c.clearance();
            ObjectNode y = x.putObject("clearance");
            y.put("organisation", cl.organisation());
            y.put("method", cl.method());
            y.put("started_at", cl.startedAt().toString());
            y.put("completed_at", cl.completedAt().toString());
            y.put("area_cleared_m2", cl.areaClearedM2());
            y.put("devices_found", cl.devicesFound());
            ObjectNode q = y.putObject("qm_check");
            q.put("by", cl.qualityCheck().by());
            q.put("at", cl.qualityCheck().at().toString());
            q.put("passed", cl.qualityCheck().passed());
            if (cl.qualityCheck().reference() != null) {
                q.put("reference", cl.qualityCheck().reference());
            }
        }
        return x;
    }
}
