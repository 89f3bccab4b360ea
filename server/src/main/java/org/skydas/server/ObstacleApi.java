package org.skydas.server;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

import org.skydas.model.Wire;
import org.skydas.obstacles.Access;
import org.skydas.obstacles.CivilianProximity;
import org.skydas.obstacles.FieldStatus;
import org.skydas.obstacles.HandOver;
import org.skydas.obstacles.LifeCycle;
import org.skydas.obstacles.MarkingPlan;
import org.skydas.obstacles.ObstacleException;
import org.skydas.obstacles.ObstacleField;
import org.skydas.obstacles.ObstacleJson;
import org.skydas.obstacles.ObstacleRollup;
import org.skydas.obstacles.ObstacleValidator;
import org.skydas.obstacles.Records.Clearance;
import org.skydas.obstacles.SectorAssignment;
import org.skydas.server.auth.Sessions;
import org.skydas.store.watch.ObstacleRegister;
import org.skydas.server.auth.Text;
import org.skydas.server.http.ApiError;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * The obstacle register over HTTP: records, versions, life-cycle transitions, marking plans, the
 * hand-over export and the programme roll-up. Explosive-field records are need-to-know (read:
 * engineer, planner, admin; write and transitions: engineer, admin; operators 403; auditors read the
 * register's audit log only); non-explosive obstacles are readable by every role. Every change is one
 * transaction with its version, status step and audit entry. Records, marking and clearance only:
 * nothing here arms, fires, triggers or controls anything.
 */
final class ObstacleApi {

    private final WatchServices watch;
    private final ObstacleValidator validator;
    private final CivilianProximity proximity;
    private final ScenarioView view;
    private final Function<Context, Sessions.Session> session;

    ObstacleApi(WatchServices watch, ScenarioView view, Function<Context, Sessions.Session> session) {
        this.watch = watch;
        this.view = view;
        this.session = session;
        this.validator = ObstacleValidator.forScenario(view.scenario());
        // The scenario carries no road layer yet: settlements and the border line only.
        this.proximity = CivilianProximity.of(view.scenario(), List.of(), CivilianProximity.DEFAULT_DISTANCE_M);
    }

    @FunctionalInterface
    private interface Handler {
        void handle(Context ctx, Sessions.Session s) throws Exception;
    }

    /** Logged in, then the handler; the register's refusals become their HTTP statuses. */
    private io.javalin.http.Handler route(Handler h) {
        return ctx -> {
            Sessions.Session s = session.apply(ctx);
            try {
                h.handle(ctx, s);
            } catch (LifeCycle.IllegalTransition | ObstacleRegister.VersionConflict e) {
                ctx.status(HttpStatus.CONFLICT).json(SkydasServer.error(e.getMessage()));
            } catch (ObstacleException e) {
                ctx.status(HttpStatus.BAD_REQUEST).json(new ApiError(e.getMessage(), e.field()));
            } catch (LifeCycle.NotAllowed e) {
                ctx.status(HttpStatus.FORBIDDEN).json(SkydasServer.error(e.getMessage()));
            }
        };
    }

    void register(Javalin app) {
        app.get("/api/obstacle-fields", route(this::list));
        app.post("/api/obstacle-fields", route(this::create));
        // fixed paths before /{id}
        app.get("/api/obstacle-fields/export", route(this::export));
        app.get("/api/obstacle-fields/audit", route(this::audit));
        app.get("/api/obstacle-fields/rollup", route(this::rollup));
        app.get("/api/obstacle-fields/{id}", route((ctx, s) -> ctx.json(full(readable(ctx, s)))));
        app.put("/api/obstacle-fields/{id}", route(this::update));
        app.post("/api/obstacle-fields/{id}/transition", route(this::transition));
        app.get("/api/obstacle-fields/{id}/marking-plan", route(this::markingPlan));
        app.get("/api/obstacle-fields/{id}/versions", route(this::versions));
    }

    // ---- reading --------------------------------------------------------------------------------

    private void list(Context ctx, Sessions.Session s) throws SQLException {
        String kind = ctx.queryParam("kind");
        String status = ctx.queryParam("status");
        List<ObjectNode> out = watch.obstacles(ObstacleRegister::list).stream()
                .filter(f -> Access.canRead(role(s), f.kind()))
                .filter(f -> kind == null || f.kind().wire().equals(kind))
                .filter(f -> status == null || f.status().wire().equals(status))
                .map(this::full).toList();
        ctx.json(out);
    }

    private ObstacleField readable(Context ctx, Sessions.Session s) throws SQLException {
        String id = ctx.pathParam("id");
        ObstacleField f = watch.obstacles(r -> r.get(id)).orElseThrow(
                () -> new NoSuchElementException("no obstacle field " + Text.clip(id)));
        if (!Access.canRead(role(s), f.kind())) {
            forbidden(s, "read " + f.kind().wire() + " records (need to know: engineer, planner, admin)");
        }
        return f;
    }

    /** The record with what the register derives: allowed next states and civilian-proximity warnings. */
    private ObjectNode full(ObstacleField f) {
        ObjectNode n = ObstacleJson.write(f);
        ArrayNode next = n.putArray("next");
        LifeCycle.next(f.status()).forEach(x -> next.add(x.wire()));
        ArrayNode w = n.putArray("warnings");
        for (CivilianProximity.Warning x : proximity.warnings(f.geometry())) {
            w.addObject().put("kind", x.kind()).put("subject", x.subject()).put("distance_m", x.distanceM())
                    .put("message", x.message());
        }
        n.put("proximity_m", proximity.distanceM());
        return n;
    }

    private void markingPlan(Context ctx, Sessions.Session s) throws SQLException {
        ObstacleField f = readable(ctx, s);
        double spacing = MarkingPlan.DEFAULT_SPACING_M;
        if (ctx.queryParam("spacing") != null) {
            try {
                spacing = Double.parseDouble(ctx.queryParam("spacing"));
            } catch (NumberFormatException e) {
                throw new ObstacleException("spacing", "not a number: " + Text.clip(ctx.queryParam("spacing")));
            }
        }
        if ("png".equals(ctx.queryParam("format"))) {
            ctx.contentType("image/png").result(org.skydas.obstacles.MarkingPlanMap.png(f, spacing, 1600));
            return;
        }
        ctx.contentType("application/geo+json").result(MarkingPlan.geojson(f, spacing).toString());
    }

    private void versions(Context ctx, Sessions.Session s) throws SQLException {
        ObstacleField f = readable(ctx, s);
        ctx.json(watch.obstacles(r -> r.versions(f.id())).stream().map(v -> new Version(v.version(),
                v.writtenAt().toString(), v.writtenBy(), ObstacleJson.write(v.record()))).toList());
    }

    private void export(Context ctx, Sessions.Session s) throws Exception {
        String format = ctx.queryParam("format") == null ? "geojson" : ctx.queryParam("format");
        String id = ctx.queryParam("id");
        List<ObstacleField> fields = watch.obstacles(ObstacleRegister::list).stream()
                .filter(f -> Access.canRead(role(s), f.kind()))
                .filter(f -> id == null || f.id().equals(id)).toList();
        if (id != null && fields.isEmpty()) {
            throw new NoSuchElementException("no obstacle field " + Text.clip(id) + " you may read");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String name = "obstacle-fields" + (id == null ? "" : "-" + id);
        switch (format) {
            case "geojson" -> {
                HandOver.geojson(fields, out);
                ctx.contentType("application/geo+json");
                ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".geojson\"");
            }
            case "csv" -> {
                try (OutputStreamWriter w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                    HandOver.csv(fields, w);
                }
                ctx.contentType("text/csv; charset=utf-8");
                ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
            }
            default -> throw new ObstacleException("format", "unknown '" + Text.clip(format) + "' (geojson or csv)");
        }
        ctx.result(out.toByteArray());
    }

    private void audit(Context ctx, Sessions.Session s) throws SQLException {
        if (!role(s).equals("auditor") && !role(s).equals("admin")) {
            forbidden(s, "read the obstacle register's audit log (auditor, admin)");
        }
        long after = ctx.queryParam("after") == null ? 0 : number(ctx.queryParam("after"), "after");
        int limit = ctx.queryParam("limit") == null ? 1000 : (int) Math.min(10_000, number(ctx.queryParam("limit"), "limit"));
        String field = ctx.queryParam("field");
        ctx.json(watch.obstacles(r -> r.audit(after, field, limit)).stream().map(e -> new AuditEntry(e.sequence(),
                e.time().toString(), e.actor(), e.role(), e.fieldId(), e.explosive(), e.action(), e.version(),
                e.before() == null ? null : tree(e.before()), tree(e.after()))).toList());
    }

    private void rollup(Context ctx, Sessions.Session s) throws SQLException {
        if (!Access.canReadExplosive(role(s))) {
            forbidden(s, "read the register's roll-up (engineer, planner, admin)");
        }
        ObstacleRollup r = ObstacleRollup.counterMobility(watch.obstacles(ObstacleRegister::list));
        ctx.json(rollupJson(r));
    }

    static Rollup rollupJson(ObstacleRollup r) {
        return new Rollup(Wire.name(r.category()), r.rows().stream().map(ObstacleApi::rollupRow).toList(),
                rollupRow(r.total()), Map.of("planned", "every field of the line", "laid",
                "in the ground: laid, marked, inspected or breached", "cleared", "cleared or handed over",
                "year", "the record's programme year, else the year laid; 0 = unscheduled"));
    }

    private static RollupRow rollupRow(ObstacleRollup.Row row) {
        return new RollupRow(row.year() != 0 || row.planned().fields() > 0 ? row.year() : null, tally(row.planned()),
                tally(row.laid()), tally(row.cleared()));
    }

    private static Tally tally(ObstacleRollup.Tally t) {
        return new Tally(t.fields(), Math.round(t.lengthM()), Math.round(t.areaM2()), t.costEur());
    }

    /** A stored version of a record, who wrote it and when (OpenAPI schema {@code ObstacleVersion}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Version(long version, String writtenAt, String writtenBy, JsonNode record) {
    }

    /** One entry of the register's audit log, the record before and after (OpenAPI schema {@code ObstacleAuditEvent}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AuditEntry(long sequence, String time, String actor, String role, String fieldId, boolean explosive,
                      String action, long version, JsonNode before, JsonNode after) {
    }

    /** The counter-mobility roll-up (OpenAPI schema {@code ObstacleRollup}). */
    record Rollup(String category, List<RollupRow> rows, RollupRow total, Map<String, String> definitions) {
    }

    /** A year's line of the roll-up; {@code year} absent on the total and on empty unscheduled rows. */
    record RollupRow(@JsonInclude(JsonInclude.Include.NON_NULL) Integer year, Tally planned, Tally laid, Tally cleared) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Tally(long fields, long lengthM, long areaM2, double costEur) {
    }

    // ---- writing --------------------------------------------------------------------------------

    private void create(Context ctx, Sessions.Session s) throws SQLException {
        JsonNode body = body(ctx);
        if (body.hasNonNull("status") && !"planned".equals(body.get("status").asText())) {
            throw new ObstacleException("status", "a new record starts as planned; move it on with "
                    + "POST /api/obstacle-fields/{id}/transition");
        }
        if (body.has("history") || body.has("version")) {
            throw new ObstacleException(body.has("history") ? "history" : "version", "kept by the register, not set");
        }
        ObstacleField f = ObstacleJson.read(body);
        if (!Access.canWrite(role(s), f.kind())) {
            forbidden(s, "record " + f.kind().wire() + " fields");
        }
        if (f.id() != null && !f.id().matches("[A-Za-z0-9._-]{1,64}")) {
            throw new ObstacleException("id", "letters, digits, '.', '_' and '-' only (at most 64)");
        }
        f = SectorAssignment.fill(validator.validate(f), view.scenario().sectors());
        Instant now = Instant.now();
        ObstacleField recorded = LifeCycle.recorded(f, s.username(), role(s), now, text(body, "note"));
        ObstacleField stored = watch.obstacles(r -> r.create(recorded, s.username(), role(s), now));
        ctx.status(HttpStatus.CREATED).header("Location", "/api/obstacle-fields/" + stored.id()).json(full(stored));
    }

    private void update(Context ctx, Sessions.Session s) throws SQLException {
        ObstacleField before = readable(ctx, s);
        if (!Access.canWrite(role(s), before.kind())) {
            forbidden(s, "change " + before.kind().wire() + " records");
        }
        JsonNode body = body(ctx);
        if (body.hasNonNull("status") && !before.status().wire().equals(body.get("status").asText())) {
            throw new ObstacleException("status", "changes only by POST /api/obstacle-fields/" + before.id()
                    + "/transition");
        }
        Integer expected = body.hasNonNull("version") ? body.get("version").asInt() : null;
        ObjectNode content = ((ObjectNode) body).deepCopy();
        content.remove(List.of("history", "version", "id"));
        content.put("status", before.status().wire());
        if (before.explosive() != null && before.explosive().laidAt() != null && !content.hasNonNull("laid_at")) {
            content.put("laid_at", before.explosive().laidAt().toString());
        }
        ObstacleField f = ObstacleJson.read(content);
        if (!Access.canWrite(role(s), f.kind())) {
            forbidden(s, "record " + f.kind().wire() + " fields");
        }
        ObstacleField valid = SectorAssignment.fill(validator.validate(f), view.scenario().sectors());
        ObstacleField stored = watch.obstacles(r -> r.update(before.id(), valid, expected, s.username(), role(s),
                Instant.now()));
        ctx.json(full(stored));
    }

    private void transition(Context ctx, Sessions.Session s) throws SQLException {
        ObstacleField before = readable(ctx, s);
        JsonNode body = body(ctx);
        String to = text(body, "to");
        if (to == null) {
            throw new ObstacleException("to", "required (one of " + Wire.choices(FieldStatus.class) + ")");
        }
        FieldStatus target = FieldStatus.parse("to", to);
        Instant at = Instant.now();
        if (body.hasNonNull("at")) {
            try {
                at = Instant.parse(body.get("at").asText());
            } catch (DateTimeParseException e) {
                throw new ObstacleException("at", "not an ISO-8601 UTC time like 2026-05-04T10:00:00Z");
            }
            if (at.isAfter(Instant.now().plusSeconds(300))) {
                throw new ObstacleException("at", "in the future: record what happened, when it happened");
            }
        }
        Clearance clearance = body.hasNonNull("clearance") ? ObstacleJson.clearance(body.get("clearance"), "clearance")
                : null;
        Integer expected = body.hasNonNull("version") ? body.get("version").asInt() : null;
        ObstacleField after = LifeCycle.transition(before, target, s.username(), role(s), at, text(body, "note"),
                clearance);
        ObstacleField stored = watch.obstacles(r -> r.transition(before, after, expected, s.username(), role(s),
                Instant.now()));
        ctx.json(full(stored));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static String role(Sessions.Session s) {
        return s.role().wireName();
    }

    private static void forbidden(Sessions.Session s, String what) {
        throw new AccessGate.Forbidden("role " + role(s) + " may not " + what);
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode n = ObstacleJson.MAPPER.readTree(ctx.body());
            if (n == null || !n.isObject()) {
                throw new ObstacleException("body", "a JSON object is required");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ObstacleException("body", "not valid JSON (" + Text.clip(e.getOriginalMessage()) + ")");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static long number(String v, String what) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ObstacleException(what, "not a whole number: " + org.skydas.server.auth.Text.clip(v));
        }
    }

    private static JsonNode tree(String json) {
        try {
            return ObstacleJson.MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return ObstacleJson.MAPPER.getNodeFactory().textNode(json);
        }
    }
}
