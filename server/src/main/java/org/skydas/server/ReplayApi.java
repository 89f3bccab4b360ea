package org.skydas.server;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.skydas.alert.Alert;
import org.skydas.alert.AuditEvent;
import org.skydas.watch.port.TrackPoint;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * The last hours replayed from the watch store ({@code GET /api/replay?from=&to=}): the picture as it was at
 * {@code from} (tracks from their stored history, alerts from the audit trail, sector status worked out from
 * those alerts as the live status is) and every change up to {@code to}. What retention purged is simply not
 * there; the alerts and their audit are never purged by retention. Who may call it is the access matrix's.
 */
final class ReplayApi {

    /** One request covers at most this span; a client replaying hours asks chunk after chunk. */
    static final double MAX_SPAN_S = 3_600;
    /**
     * A track whose last stored point is older than this before {@code from} was no longer on the picture (the
     * history keeps a point every 5 s per track, so this is six missed points).
     */
    static final double TRACK_STALE_S = 30;
    static final int MAX_TRACK_POINTS = 200_000;
    static final int MAX_ALERT_CHANGES = 50_000;

    private final WatchServices watch;
    private final WatchApi alerts;

    ReplayApi(WatchServices watch, WatchApi alerts) {
        this.watch = watch;
        this.alerts = alerts;
    }

    void register(Javalin app) {
        app.get("/api/replay", this::replay);
    }

    private void replay(Context ctx) throws Exception {
        double now = WatchServices.now();
        double from = time(ctx.queryParam("from"), "from");
        double to = ctx.queryParam("to") == null ? Math.min(now, from + 600) : time(ctx.queryParam("to"), "to");
        if (!(to > from)) {
            throw new WatchApi.BadRequest("'to' must be after 'from'");
        }
        if (to - from > MAX_SPAN_S) {
            throw new WatchApi.BadRequest("one replay request covers at most " + (int) MAX_SPAN_S + " s; ask again from 'to'");
        }
        if (from > now) {
            throw new WatchApi.BadRequest("'from' is in the future");
        }
        List<TrackPoint> before = watch.trackPointsBetween(from - TRACK_STALE_S, from, MAX_TRACK_POINTS);
        Map<Long, TrackPoint> last = new LinkedHashMap<>();
        for (TrackPoint p : before) {
            last.put(p.trackId(), p); // oldest first: the last one kept is the newest
        }
        List<TrackPoint> during = watch.trackPointsBetween(from, to, MAX_TRACK_POINTS);
        List<Alert> asOf = watch.alertsAsOf(from);
        List<AuditEvent> changes = watch.auditBetween(from, to, MAX_ALERT_CHANGES);

        List<TrackFeature> tracks = new ArrayList<>();
        for (TrackPoint p : last.values()) {
            tracks.add(trackFeature(p));
        }
        State state = new State(iso(from), new TrackFeature.Collection(tracks),
                asOf.stream().filter(Alert::isOpen).map(WatchApi::alertJson).toList(), alerts.sectorStatus(asOf, from));
        List<TrackFeature> trackChanges = new ArrayList<>(during.size());
        for (TrackPoint p : during) {
            trackChanges.add(trackFeature(p));
        }
        List<AlertChange> alertChanges = new ArrayList<>(changes.size());
        for (AuditEvent e : changes) {
            alertChanges.add(new AlertChange(iso(e.time()), e.action(), e.actor(), WatchApi.alertJson(e.after())));
        }
        ctx.json(new Replay(iso(from), iso(to), state, new Changes(trackChanges, alertChanges),
                before.size() == MAX_TRACK_POINTS || during.size() == MAX_TRACK_POINTS
                        || changes.size() == MAX_ALERT_CHANGES));
    }

    /** {@code GET /api/replay} (OpenAPI schema {@code Replay}). */
    record Replay(String from, String to, State state, Changes changes, boolean truncated) {
    }

    /** The picture at {@code from}: tracks, open alerts, sector status. */
    record State(String time, TrackFeature.Collection tracks, List<WatchApi.AlertView> alerts,
                 List<WatchApi.SectorStatus> sectors) {
    }

    /** What changed until {@code to}: track points as features, alert changes from the audit trail. */
    record Changes(List<TrackFeature> tracks, List<AlertChange> alerts) {
    }

    record AlertChange(String time, String action, String actor, WatchApi.AlertView alert) {
    }

    /** A stored track point as the live picture's GeoJSON feature (speed and heading from its velocity). */
    static TrackFeature trackFeature(TrackPoint p) {
        return new TrackFeature(p.trackId(), p.x(), p.y(), new TrackFeature.Properties(p.trackId(),
                p.targetClass() == null ? "unknown" : p.targetClass(), null, "confirmed",
                Math.round(Math.hypot(p.vx(), p.vy()) * 10) / 10.0,
                Math.round((Math.toDegrees(Math.atan2(p.vx(), p.vy())) + 360) % 360), null, null, iso(p.t())));
    }

    static String iso(double t) {
        return Instant.ofEpochMilli(Math.round(t * 1000)).toString();
    }

    /** An ISO-8601 instant ("2026-12-07T02:14:00Z") or seconds since the epoch. */
    static double time(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            throw new WatchApi.BadRequest("'" + name + "' is required (an ISO-8601 time such as 2026-12-07T02:14:00Z)");
        }
        try {
            return Instant.parse(raw.trim()).toEpochMilli() / 1000.0;
        } catch (DateTimeParseException e) {
            try {
                double s = Double.parseDouble(raw.trim());
                if (Double.isFinite(s) && s > 0) {
                    return s;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the error below
            }
            throw new WatchApi.BadRequest("'" + name + "' is not a time: '" + org.skydas.server.auth.Text.clip(raw)
                    + "' (an ISO-8601 time such as 2026-12-07T02:14:00Z, or seconds since 1970)");
        }
    }
}
