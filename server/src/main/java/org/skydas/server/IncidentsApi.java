package org.skydas.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.skydas.alert.Alert;
import org.skydas.geo.Lks94;
import org.skydas.store.watch.IncidentLog;
import org.skydas.watch.port.TrackPoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Incident reports made from alerts (issue 22), with the fields an EUROSUR event report carries: type,
 * description, originator and owner, confidence (credibility of the information 1–6, reliability of the source
 * A–F, validation status) and impact (low, medium, high, very high), the linked alerts and tracks, the actions
 * taken. States open → reported → closed; the report is due 24 hours after the incident was opened; an open or
 * reported incident can be edited (against the version the editor saw). Every change
 * is audited (append-only); exports as GeoJSON or PDF. Who may call what is the access matrix's.
 */
final class IncidentsApi {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> TYPES = List.of("unauthorised_crossing", "crossing_attempt", "smuggling", "drone_incursion",
            "instrumentalised_migration", "infrastructure_damage", "other");
    static final List<String> IMPACTS = List.of("low", "medium", "high", "very_high");
    static final List<String> VALIDATION = List.of("unvalidated", "validated", "refuted");
    static final List<String> RELIABILITY = List.of("A", "B", "C", "D", "E", "F");
    /** EUROSUR: an event is reported within 24 hours. */
    static final double REPORT_WITHIN_S = 24 * 3600;
    static final int MAX_TEXT = 4000;
    static final int MAX_LINKS = 200;

    /** The allowed steps: from → to. */
    static final Map<String, Set<String>> NEXT = Map.of("open", Set.of("reported"), "reported", Set.of("closed"),
            "closed", Set.of());

    private final WatchServices watch;

    IncidentsApi(WatchServices watch) {
        this.watch = watch;
    }

    void register(Javalin app) {
        app.get("/api/incidents", ctx -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (IncidentLog.Stored s : watch.incidents(IncidentLog::list)) {
                out.add(view(s, null));
            }
            ctx.json(out);
        });
        app.post("/api/incidents", this::create);
        app.get("/api/incidents/{id}", ctx -> {
            long id = id(ctx);
            IncidentLog.Stored s = find(id);
            ctx.json(view(s, watch.incidents(log -> log.audit(id))));
        });
        app.put("/api/incidents/{id}", this::edit);
        app.post("/api/incidents/{id}/transition", this::transition);
        app.get("/api/incidents/{id}/export", ctx -> {
            IncidentLog.Stored s = find(id(ctx));
            String format = ctx.queryParam("format") == null ? "geojson" : ctx.queryParam("format");
            switch (format) {
                case "geojson" -> ctx.contentType("application/geo+json; charset=utf-8").result(JSON.writeValueAsBytes(geojson(s)));
                case "pdf" -> ctx.contentType("application/pdf")
                        .header("Content-Disposition", "attachment; filename=\"incident-" + s.id() + ".pdf\"")
                        .result(IncidentPdf.render(view(s, watch.incidents(log -> log.audit(s.id())))));
                default -> throw new WatchApi.BadRequest("format must be geojson or pdf");
            }
        });
    }

    private IncidentLog.Stored find(long id) throws Exception {
        return watch.incidents(log -> log.get(id)).orElseThrow(() -> new NoSuchElementException("no incident " + id));
    }

    private static long id(Context ctx) {
        return WatchApi.parseLong(ctx.pathParam("id"), "incident id");
    }

    private void create(Context ctx) throws Exception {
        JsonNode body = WatchApi.body(ctx, true);
        String actor = AccessGate.session(ctx).username();
        ObjectNode r = JSON.createObjectNode();
        fields(body, r, actor);
        r.put("created_by", actor);
        String record = JSON.writeValueAsString(r);
        IncidentLog.Stored s = watch.incidents(log -> log.create(record, WatchServices.now(), actor));
        ctx.status(HttpStatus.CREATED).header("Location", "/api/incidents/" + s.id()).json(view(s, null));
    }

    /**
     * The report's own fields from a request body into {@code r}, each checked; the place and sector come from the
     * first linked alert that has them. Shared by create and edit, so an edit is held to the same rules.
     */
    private void fields(JsonNode body, ObjectNode r, String actor) throws Exception {
        r.put("type", oneOf(body, "type", TYPES));
        r.put("description", text(body, "description", true));
        String originator = text(body, "originator", false);
        r.put("originator", originator == null ? actor : originator);
        r.put("owner", text(body, "owner", true));
        JsonNode conf = body.path("confidence");
        if (!conf.isObject()) {
            throw new WatchApi.BadRequest("'confidence' is required: {credibility 1-6, reliability A-F, validation}");
        }
        ObjectNode c = r.putObject("confidence");
        int credibility = conf.path("credibility").asInt(0);
        if (!conf.path("credibility").isIntegralNumber() || credibility < 1 || credibility > 6) {
            throw new WatchApi.BadRequest("'confidence.credibility' must be 1 (confirmed) to 6 (cannot be judged)");
        }
        c.put("credibility", credibility);
        c.put("reliability", oneOf(conf, "reliability", RELIABILITY));
        c.put("validation", conf.has("validation") ? oneOf(conf, "validation", VALIDATION) : "unvalidated");
        r.put("impact", oneOf(body, "impact", IMPACTS));
        String actions = text(body, "actions_taken", false);
        r.put("actions_taken", actions == null ? "" : actions);
        ArrayNode alerts = r.putArray("alerts");
        String sector = null;
        Double lon = null;
        Double lat = null;
        for (long a : ids(body, "alerts")) {
            Alert alert = watch.alert(a);
            if (alert == null) {
                throw new WatchApi.BadRequest("no alert " + a);
            }
            alerts.add(a);
            if (sector == null) {
                sector = alert.sectorId();
            }
            if (lon == null && Double.isFinite(alert.x()) && Double.isFinite(alert.y())) {
                Coordinate p = Lks94.toWgs84(alert.x(), alert.y());
                lon = Math.round(p.x * 1e7) / 1e7;
                lat = Math.round(p.y * 1e7) / 1e7;
            }
        }
        ArrayNode tracks = r.putArray("tracks");
        ids(body, "tracks").forEach(tracks::add);
        r.put("sector", sector);
        r.remove("location");
        if (lon != null) {
            r.putObject("location").put("lon", lon).put("lat", lat);
        }
    }

    /**
     * An edit of an open or reported incident: the whole set of fields again (as in create), checked by the same
     * rules, against the version the editor saw (409 when someone changed it meanwhile); a closed incident is not
     * edited, and creation, state and time stamps stay as they were (fields() writes none of them). The audit names
     * the fields that changed; a request that changes nothing is answered and not audited.
     */
    private void edit(Context ctx) throws Exception {
        long id = id(ctx);
        JsonNode body = WatchApi.body(ctx, true);
        String actor = AccessGate.session(ctx).username();
        if (!body.path("version").isIntegralNumber()) {
            throw new WatchApi.BadRequest("'version' is required: the version of the incident being edited");
        }
        int version = body.path("version").asInt();
        IncidentLog.Stored before = find(id);
        if (before.status().equals("closed")) {
            throw new WatchServices.Conflict("incident " + id + " is closed: a closed report is not edited");
        }
        ObjectNode old = (ObjectNode) JSON.readTree(before.record());
        ObjectNode r = old.deepCopy();
        fields(body, r, old.path("originator").asText(actor));
        String record = JSON.writeValueAsString(r);
        JsonNode edited = JSON.readTree(record); // compared as stored: 7 is an int node there, not a long
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        old.fieldNames().forEachRemaining(names::add);
        edited.fieldNames().forEachRemaining(names::add);
        List<String> changed = new ArrayList<>();
        for (String f : names) {
            if (!java.util.Objects.equals(old.get(f), edited.get(f))) {
                changed.add(f);
            }
        }
        if (changed.isEmpty()) {
            if (version != before.version()) {
                throw new WatchServices.Conflict("incident " + id + " is at version " + before.version()
                        + ", not " + version);
            }
            ctx.json(view(before, null));
            return;
        }
        String note = text(body, "note", false);
        String audit = "changed " + String.join(", ", changed) + (note == null ? "" : ": " + note);
        try {
            IncidentLog.Stored after = watch.incidents(
                    log -> log.update(id, version, before.status(), record, WatchServices.now(), actor, "edited", audit));
            ctx.json(view(after, null));
        } catch (IncidentLog.VersionConflict e) {
            throw new WatchServices.Conflict(e.getMessage());
        }
    }

    private void transition(Context ctx) throws Exception {
        long id = id(ctx);
        JsonNode body = WatchApi.body(ctx, true);
        String to = WatchApi.text(body, "to");
        String note = text(body, "note", false);
        String actor = AccessGate.session(ctx).username();
        IncidentLog.Stored before = find(id);
        if (to == null || !NEXT.containsKey(to)) {
            throw new WatchApi.BadRequest("'to' must be reported or closed");
        }
        if (!NEXT.get(before.status()).contains(to)) {
            throw new WatchServices.Conflict("incident " + id + " is " + before.status() + ": it cannot become " + to
                    + " (open → reported → closed)");
        }
        int version = body.path("version").isIntegralNumber() ? body.path("version").asInt() : before.version();
        ObjectNode r = (ObjectNode) JSON.readTree(before.record());
        double now = WatchServices.now();
        r.put(to + "_at", iso(now));
        r.put(to + "_by", actor);
        try {
            String record = JSON.writeValueAsString(r);
            IncidentLog.Stored after = watch.incidents(log -> log.update(id, version, to, record, now, actor, to, note));
            ctx.json(view(after, null));
        } catch (IncidentLog.VersionConflict e) {
            throw new WatchServices.Conflict(e.getMessage());
        }
    }

    /** The incident as the API shows it: the record, its id, status, version, times and deadline, its history. */
    static Map<String, Object> view(IncidentLog.Stored s, List<IncidentLog.AuditEntry> history) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = new LinkedHashMap<>(JSON.readValue(s.record(), Map.class));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("status", s.status());
        out.put("version", s.version());
        out.putAll(m);
        out.put("created_at", iso(s.createdAt()));
        out.put("updated_at", iso(s.updatedAt()));
        double deadline = s.createdAt() + REPORT_WITHIN_S;
        out.put("report_deadline", iso(deadline));
        out.put("overdue", s.status().equals("open") && WatchServices.now() > deadline);
        if (history != null) {
            List<Map<String, Object>> h = new ArrayList<>();
            for (IncidentLog.AuditEntry e : history) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("time", iso(e.time()));
                x.put("actor", e.actor());
                x.put("action", e.action());
                x.put("version", e.version());
                x.put("note", e.note());
                h.add(x);
            }
            out.put("history", h);
        }
        return out;
    }

    /**
     * A FeatureCollection: the incident at its place (the first linked alert's), its linked alerts as points and
     * its linked tracks' stored history as lines; every feature says which it is in {@code role}.
     */
    private Map<String, Object> geojson(IncidentLog.Stored s) throws Exception {
        Map<String, Object> incident = view(s, watch.incidents(log -> log.audit(s.id())));
        List<Map<String, Object>> features = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> loc = (Map<String, Object>) incident.get("location");
        Map<String, Object> props = new LinkedHashMap<>(incident);
        props.put("role", "incident");
        features.add(feature("incident-" + s.id(), loc == null ? null
                : Map.of("type", "Point", "coordinates", List.of(loc.get("lon"), loc.get("lat"))), props));
        for (Object a : (List<?>) incident.get("alerts")) {
            Alert alert = watch.alert(((Number) a).longValue());
            if (alert == null) {
                continue; // purged by an admin since: the incident keeps its id
            }
            Map<String, Object> p = JSON.convertValue(WatchApi.alertJson(alert),
                    new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() { });
            p.put("role", "alert");
            Object lon = p.remove("lon");
            Object lat = p.remove("lat");
            features.add(feature("alert-" + alert.id(), lon == null ? null
                    : Map.of("type", "Point", "coordinates", List.of(lon, lat)), p));
        }
        for (Object tr : (List<?>) incident.get("tracks")) {
            long id = ((Number) tr).longValue();
            List<TrackPoint> pts = watch.trackHistory(id, 10_000);
            if (pts.isEmpty()) {
                continue;
            }
            List<List<Double>> line = new ArrayList<>();
            for (TrackPoint p : pts) {
                Coordinate c = Lks94.toWgs84(p.x(), p.y());
                line.add(List.of(Math.round(c.x * 1e7) / 1e7, Math.round(c.y * 1e7) / 1e7));
            }
            Map<String, Object> geometry = line.size() == 1 ? Map.of("type", "Point", "coordinates", line.get(0))
                    : Map.of("type", "LineString", "coordinates", line);
            features.add(feature("track-" + id, geometry, Map.of("role", "track", "track", id,
                    "from", iso(pts.get(0).t()), "to", iso(pts.get(pts.size() - 1).t()))));
        }
        return Map.of("type", "FeatureCollection", "features", features);
    }

    private static Map<String, Object> feature(String id, Map<String, Object> geometry, Map<String, Object> props) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("id", id);
        f.put("geometry", geometry);
        f.put("properties", props);
        return f;
    }

    /** For the sector status: each sector's incidents not yet closed, counted by impact. */
    static Map<String, Map<String, Integer>> openByImpact(List<IncidentLog.Stored> incidents) throws Exception {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (IncidentLog.Stored s : incidents) {
            if (s.status().equals("closed")) {
                continue;
            }
            JsonNode r = JSON.readTree(s.record());
            String sector = r.path("sector").asText(null);
            if (sector == null) {
                continue;
            }
            out.computeIfAbsent(sector, k -> emptyImpacts()).merge(r.path("impact").asText(), 1, Integer::sum);
        }
        return out;
    }

    private static String oneOf(JsonNode body, String field, List<String> allowed) {
        String v = WatchApi.text(body, field);
        if (v == null || !allowed.contains(v)) {
            throw new WatchApi.BadRequest("'" + field + "' must be one of " + String.join(", ", allowed));
        }
        return v;
    }

    private static String text(JsonNode body, String field, boolean required) {
        String v = WatchApi.text(body, field);
        if (v == null || v.isBlank()) {
            if (required) {
                throw new WatchApi.BadRequest("'" + field + "' is required");
            }
            return null;
        }
        if (v.length() > MAX_TEXT) {
            throw new WatchApi.BadRequest("'" + field + "' is longer than " + MAX_TEXT + " characters");
        }
        return v.strip();
    }

    private static List<Long> ids(JsonNode body, String field) {
        JsonNode a = body.path(field);
        if (a.isMissingNode() || a.isNull()) {
            return List.of();
        }
        if (!a.isArray() || a.size() > MAX_LINKS) {
            throw new WatchApi.BadRequest("'" + field + "' must be an array of at most " + MAX_LINKS + " ids");
        }
        List<Long> out = new ArrayList<>();
        for (JsonNode n : a) {
            if (!n.isIntegralNumber()) {
                throw new WatchApi.BadRequest("'" + field + "' must hold whole numbers");
            }
            out.add(n.asLong());
        }
        return out;
    }

    static String iso(double t) {
        return Instant.ofEpochMilli(Math.round(t * 1000)).toString();
    }

    static String label(String wire) {
        return wire.replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    static Map<String, Integer> emptyImpacts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        IMPACTS.forEach(i -> m.put(i, 0));
        return m;
    }
}
