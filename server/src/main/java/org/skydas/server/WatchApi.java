package org.skydas.server;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import org.locationtech.jts.geom.Coordinate;
import org.skydas.alert.Alert;
import org.skydas.alert.AlertStatus;
import org.skydas.alert.AuditEvent;
import org.skydas.alert.Resolution;
import org.skydas.alert.RuleKind;
import org.skydas.alert.SectorImpact;
import org.skydas.alert.WatchSettings;
import org.skydas.geo.Lks94;
import org.skydas.server.auth.Sessions;
import org.skydas.server.auth.Text;
import org.skydas.store.watch.WatchStore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * The operator's API: login, alerts with acknowledgement and resolution, the audit log. Who may call
 * which route is checked before the handler runs ({@link AccessGate}, {@link org.skydas.server.auth.AccessMatrix}).
 */
final class WatchApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WatchServices watch;
    private final ScenarioView view;
    /** The scenario's impact window and levels, read once (the scenario does not change while serving). */
    private final WatchSettings settings;

    WatchApi(WatchServices watch, ScenarioView view) {
        this.watch = watch;
        this.view = view;
        this.settings = WatchSettings.fromMetadata(view.scenario().metadata());
    }

    void register(Javalin app) {
        app.get("/api/alerts", ctx -> {
            WatchServices.AlertPage page = watch.alertsPage(query(ctx));
            ctx.header("X-Total-Count", Long.toString(page.total()));
            if (page.more()) {
                String cursor = cursor(WatchStore.AlertPosition.of(page.alerts().get(page.alerts().size() - 1)));
                ctx.header("X-Next-Cursor", cursor);
                ctx.header("Link", "<" + nextPage(ctx, cursor) + ">; rel=\"next\"");
            }
            ctx.json(page.alerts().stream().map(WatchApi::alertJson).toList());
        });
        app.get("/api/alerts/{id}", ctx -> {
            Alert a = watch.alert(id(ctx));
            if (a == null) {
                throw new NoSuchElementException("no alert " + ctx.pathParam("id"));
            }
            ctx.json(alertJson(a));
        });
        app.post("/api/alerts/{id}/ack", ctx -> {
            Sessions.Session s = AccessGate.session(ctx);
            JsonNode body = body(ctx, false);
            ctx.json(alertJson(watch.acknowledge(id(ctx), s.username(), text(body, "note"))));
        });
        app.post("/api/alerts/{id}/resolve", ctx -> {
            Sessions.Session s = AccessGate.session(ctx);
            JsonNode body = body(ctx, true);
            String reason = text(body, "reason");
            if (reason == null) {
                throw new BadRequest("'reason' is required: confirmed, false_alarm or duplicate");
            }
            Resolution r;
            try {
                r = Resolution.valueOf(reason.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadRequest("unknown reason '" + Text.clip(reason) + "' (confirmed, false_alarm, duplicate)");
            }
            ctx.json(alertJson(watch.resolve(id(ctx), s.username(), r, text(body, "note"))));
        });
        app.get("/api/sectors/status", ctx -> {
            List<SectorStatus> status = sectorStatus(watch.alerts(x -> x.sectorId() != null), WatchServices.now());
            // Incidents not yet closed, by impact (issue 22).
            Map<String, Map<String, Integer>> incidents = IncidentsApi.openByImpact(watch.incidents(l -> l.list()));
            ctx.json(status.stream().map(st -> st.withIncidents(
                    incidents.getOrDefault(st.sector(), IncidentsApi.emptyImpacts()))).toList());
        });
        app.get("/api/audit", ctx -> {
            long after = ctx.queryParam("after") == null ? 0 : parseLong(ctx.queryParam("after"), "after");
            int limit = ctx.queryParam("limit") == null ? 1000 : (int) Math.min(10_000, parseLong(ctx.queryParam("limit"), "limit"));
            ctx.json(watch.audit(after, limit).stream().map(WatchApi::auditJson).toList());
        });
    }

    /**
     * Each sector's impact level from the alerts raised there over the impact window (weights by severity,
     * window and thresholds from the scenario's {@link WatchSettings}), and its open alerts.
     */
    /** Each sector's level and open alerts at {@code now}, from the alerts as they are (or were, for replay). */
    List<SectorStatus> sectorStatus(List<Alert> alerts, double now) {
        SectorImpact impact = settings.newImpact();
        Map<String, Integer> open = new java.util.HashMap<>();
        for (Alert a : alerts) {
            if (a.sectorId() == null) {
                continue;
            }
            if (a.raisedAt() > now - settings.impactWindowS() && a.raisedAt() <= now) {
                impact.add(a.sectorId(), a.severity(), a.raisedAt());
            }
            if (a.isOpen()) {
                open.merge(a.sectorId(), 1, Integer::sum);
            }
        }
        return view.scenario().sectors().stream().map(sec -> new SectorStatus(sec.id(), sec.neighbour().code(),
                impact.level(sec.id(), now).name().toLowerCase(Locale.ROOT), open.getOrDefault(sec.id(), 0), null))
                .toList();
    }

    /**
     * A sector's impact level and open alerts (OpenAPI schema {@code SectorStatus}); {@code incidents}, the
     * incidents not yet closed by impact, only in the live status.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SectorStatus(String sector, String neighbour, String level, int openAlerts,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Integer> incidents) {

        SectorStatus withIncidents(Map<String, Integer> byImpact) {
            return new SectorStatus(sector, neighbour, level, openAlerts, byImpact);
        }
    }

    /** One change of an alert in the audit trail, the alert before and after it (OpenAPI schema {@code AlertAuditEvent}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AuditEntry(long sequence, String time, String actor, long alertId, String action, AlertView before,
                      AlertView after) {
    }

    /** Alerts per page unless {@code limit} says otherwise, and the most a page holds. */
    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 1000;

    /**
     * {@code GET /api/alerts}'s query: {@code status} (new, acknowledged, resolved, or open = new and acknowledged;
     * several comma-separated), {@code sector}, {@code rule}, {@code since} (changed at or after), {@code limit}
     * (1…{@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}) and {@code cursor} (the X-Next-Cursor of the page before).
     */
    private static WatchStore.AlertQuery query(Context ctx) {
        java.util.Set<AlertStatus> statuses = java.util.EnumSet.noneOf(AlertStatus.class);
        String status = ctx.queryParam("status");
        if (status != null) {
            for (String one : status.split(",", -1)) {
                if (one.trim().equalsIgnoreCase("open")) {
                    statuses.add(AlertStatus.NEW);
                    statuses.add(AlertStatus.ACKNOWLEDGED);
                } else {
                    statuses.add(parseEnum(AlertStatus.class, one.trim(), "status"));
                }
            }
        }
        String rule = ctx.queryParam("rule");
        String since = ctx.queryParam("since");
        String limit = ctx.queryParam("limit");
        int n = DEFAULT_LIMIT;
        if (limit != null) {
            long v;
            try {
                v = Long.parseLong(limit.trim());
            } catch (NumberFormatException e) {
                v = -1;
            }
            if (v < 1 || v > MAX_LIMIT) {
                throw new BadRequest("'limit' must be a whole number from 1 to " + MAX_LIMIT + ", is '" + Text.clip(limit) + "'");
            }
            n = (int) v;
        }
        String cursor = ctx.queryParam("cursor");
        return new WatchStore.AlertQuery(statuses, ctx.queryParam("sector"),
                rule == null ? null : parseEnum(RuleKind.class, rule, "rule"), since == null ? Double.NaN : parseTime(since),
                cursor == null ? null : position(cursor), n);
    }

    /** An opaque page cursor: the listing position of a page's last alert. */
    static String cursor(WatchStore.AlertPosition p) {
        String raw = "1:" + (p.resolved() ? 1 : 0) + ":" + p.severity().name() + ":" + p.raisedAt() + ":" + p.id();
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static WatchStore.AlertPosition position(String cursor) {
        try {
            String[] f = new String(java.util.Base64.getUrlDecoder().decode(cursor.trim()),
                    java.nio.charset.StandardCharsets.UTF_8).split(":");
            if (f.length == 5 && f[0].equals("1") && (f[1].equals("0") || f[1].equals("1"))) {
                double raised = Double.parseDouble(f[3]);
                if (Double.isFinite(raised)) {
                    return new WatchStore.AlertPosition(f[1].equals("1"), org.skydas.alert.Severity.valueOf(f[2]), raised,
                            Long.parseLong(f[4]));
                }
            }
        } catch (IllegalArgumentException e) { // bad Base64, number or severity
            // reported below
        }
        throw new BadRequest("'cursor' is not one this server gave out, is '" + Text.clip(cursor)
                + "' (take it from the X-Next-Cursor header of the page before)");
    }

    /** This request's path and query with {@code cursor} for the next page. */
    private static String nextPage(Context ctx, String cursor) {
        StringBuilder q = new StringBuilder();
        ctx.queryParamMap().forEach((k, vs) -> {
            if (!k.equals("cursor")) {
                vs.forEach(v -> q.append(q.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
            }
        });
        return ctx.path() + "?" + q + (q.isEmpty() ? "" : "&") + "cursor=" + cursor;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String v, String what) {
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("unknown " + what + " '" + Text.clip(v) + "'");
        }
    }

    /** Seconds since the epoch, or an ISO-8601 instant. */
    private static double parseTime(String v) {
        double t;
        try {
            t = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            try {
                t = Instant.parse(v).toEpochMilli() / 1000.0;
            } catch (DateTimeParseException e2) {
                t = Double.NaN;
            }
        }
        if (!Double.isFinite(t)) {
            throw new BadRequest("'since' must be seconds since the epoch or an ISO-8601 time, is '" + Text.clip(v) + "'");
        }
        return t;
    }

    private static long id(Context ctx) {
        return parseLong(ctx.pathParam("id"), "alert id");
    }

    static long parseLong(String v, String what) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new BadRequest(what + " must be a whole number, is '" + Text.clip(v) + "'");
        }
    }

    static JsonNode body(Context ctx, boolean required) {
        String raw = ctx.body();
        if (raw.isBlank()) {
            if (required) {
                throw new BadRequest("a JSON object body is required");
            }
            return JSON.createObjectNode();
        }
        try {
            JsonNode n = JSON.readTree(raw);
            if (n == null || !n.isObject()) {
                throw new BadRequest("the body must be a JSON object");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequest("malformed JSON body: " + Text.clip(e.getOriginalMessage()));
        }
    }

    static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new BadRequest("'" + Text.clip(field) + "' must be a string");
        }
        return n.asText();
    }

    static AlertView alertJson(Alert a) {
        Double lon = null;
        Double lat = null;
        if (Double.isFinite(a.x()) && Double.isFinite(a.y())) {
            Coordinate c = Lks94.toWgs84(a.x(), a.y());
            lon = Math.round(c.x * 1e7) / 1e7;
            lat = Math.round(c.y * 1e7) / 1e7;
        }
        return new AlertView(a.id(), lower(a.rule()), lower(a.severity()), lower(a.status()),
                a.resolution() == null ? null : lower(a.resolution()), a.subject(), a.message(), a.messageKey(),
                a.messageParams(), a.sectorId(), a.zoneId(), a.coverage() == null ? null : a.coverage().wireName(),
                lon, lat, Instant.ofEpochMilli((long) (a.raisedAt() * 1000)).toString(),
                Instant.ofEpochMilli((long) (a.updatedAt() * 1000)).toString(), a.escalated(), a.occurrences(),
                a.acknowledgedBy(), a.acknowledgeNote(), a.resolvedBy(), a.resolveNote());
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /**
     * An alert as the API, the WebSocket, the replay and the exports show it (OpenAPI schema {@code Alert}): every
     * field always present (null when unknown) but {@code lon}/{@code lat}, which an alert without a place lacks.
     * {@code message} is the server's English text; {@code message_key} and {@code message_params} say the same as a
     * key of the console's catalogues and its parameters (null for alerts stored before keys existed).
     * {@code coverage} is "covered" or "gap" where it arose, null when no coverage was computed.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AlertView(long id, String rule, String severity, String status, String resolution, String subject,
                     String message, String messageKey, Map<String, Object> messageParams, String sector, String zone,
                     String coverage, @JsonInclude(JsonInclude.Include.NON_NULL) Double lon,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Double lat, String raisedAt, String updatedAt,
                     boolean escalated, int occurrences, String acknowledgedBy, String acknowledgeNote,
                     String resolvedBy, String resolveNote) {
    }

    static AuditEntry auditJson(AuditEvent e) {
        return new AuditEntry(e.sequence(), Instant.ofEpochMilli((long) (e.time() * 1000)).toString(), e.actor(),
                e.alertId(), e.action(), e.before() == null ? null : alertJson(e.before()), alertJson(e.after()));
    }

    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String m) {
            super(m);
        }
    }

}
