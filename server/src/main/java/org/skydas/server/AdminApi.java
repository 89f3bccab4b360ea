package org.skydas.server;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * The legal record (alerts, acknowledgements, audit) is never purged automatically; an admin may purge alerts resolved
 * before a date, with a reason, through {@code POST /api/admin/purge-alerts}: the export is written and synced first,
 * the deletion and who asked for it go into the append-only admin log ({@code GET /api/admin/log}).
 */
final class AdminApi {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final WatchServices watch;
    private final Path exportDir;

    /** Who may call these routes is the {@link org.skydas.server.auth.AccessMatrix}'s to say (admin; auditors read the log). */
    AdminApi(WatchServices watch, Path exportDir) {
        this.watch = watch;
        this.exportDir = exportDir;
    }

    void register(Javalin app) {
        app.post("/api/admin/purge-alerts", this::purge);
        app.get("/api/admin/log", ctx -> ctx.json(logJson(watch.adminLog())));
    }

    private void purge(Context ctx) throws Exception {
        String actor = AccessGate.session(ctx).username();
        com.fasterxml.jackson.databind.JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ctx.status(400).json(SkydasServer.error("the body must be a JSON object {\"resolved_before\", \"reason\"}"));
            return;
        }
        if (body == null || !body.isObject()) {
            ctx.status(400).json(SkydasServer.error("the body must be a JSON object {\"resolved_before\", \"reason\"}"));
            return;
        }
        Instant before;
        try {
            before = Instant.parse(body.path("resolved_before").asText());
        } catch (DateTimeParseException e) {
            ctx.status(400).json(SkydasServer.error("resolved_before must be an ISO-8601 instant such as "
                    + "2026-01-01T00:00:00Z"));
            return;
        }
        if (before.isAfter(Instant.now())) {
            ctx.status(400).json(SkydasServer.error("resolved_before is in the future"));
            return;
        }
        String reason = body.path("reason").asText("");
        if (reason.isBlank()) {
            ctx.status(400).json(SkydasServer.error("a purge of the legal record needs a reason"));
            return;
        }
        if (exportDir == null) {
            ctx.status(503).json(SkydasServer.error("this server has no data directory to export to: nothing purged"));
            return;
        }
        WatchServices.Purge p = watch.purgeResolvedAlerts(before.toEpochMilli() / 1000.0, actor, reason, exportDir);
        ctx.json(new Purged(p.export().toString(), p.sha256(), p.alerts(), p.auditEvents()));
    }

    /** What a purge exported and deleted (OpenAPI schema {@code Purge}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Purged(String export, String sha256, long alerts, long auditEvents) {
    }

    /** One entry of the admin log; {@code detail} is the JSON it was written with (its text if it is not JSON). */
    record LogEntry(String time, String actor, String action, Object detail) {
    }

    static List<LogEntry> logJson(List<String[]> rows) {
        return rows.stream().map(r -> {
            Object detail;
            try {
                detail = JSON.readTree(r[3]);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                detail = r[3];
            }
            return new LogEntry(Instant.ofEpochMilli((long) (Double.parseDouble(r[0]) * 1000)).toString(), r[1], r[2],
                    detail);
        }).toList();
    }
}
