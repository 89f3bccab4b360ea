package org.skydas.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.skydas.ingest.listen.ListenerStats;
import org.skydas.model.TargetKind;
import org.skydas.server.http.ApiError;
import org.skydas.track.TrackState;
import org.skydas.watch.LivePicture;
import org.skydas.watch.LivePipeline;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.javalin.Javalin;

/**
 * The live picture: current tracks as GeoJSON (WGS84) and their stored history, from a {@link LivePicture}; and, where
 * this process runs a pipeline, its ingest ({@code POST /api/detections}) and counters.
 */
final class LiveApi {

    /** How long POST /api/detections waits for the journal commit of what it accepts, s. */
    static final long JOURNAL_WAIT_S = 30;

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final LivePicture picture;
    /** Null on a cluster API node without the ingest role: no ingest routes then. */
    private final LivePipeline pipeline;
    private WatchServices watch;
    private final Supplier<List<ListenerStats>> listeners;
    private final ListenerStats http = new ListenerStats("json-http");
    private final org.skydas.ingest.json.DetectionParser parser = new org.skydas.ingest.json.DetectionParser();

    LiveApi(LivePicture picture, LivePipeline pipeline, Supplier<List<ListenerStats>> listeners) {
        this.picture = picture;
        this.pipeline = pipeline;
        this.listeners = listeners;
    }

    /** Retention, storage and process metrics for {@code /api/metrics}. */
    LiveApi withOperations(Supplier<List<org.skydas.server.ops.Metric>> metrics) {
        this.operations = metrics;
        return this;
    }

    private Supplier<List<org.skydas.server.ops.Metric>> operations = List::of;

    LiveApi withHistory(WatchServices w) {
        this.watch = w;
        return this;
    }

    /** Who may call these routes is checked before they run ({@link AccessGate}). */
    void register(Javalin app) {
        app.get("/api/tracks/{id}/history", ctx -> {
            long id;
            try {
                id = Long.parseLong(ctx.pathParam("id"));
            } catch (NumberFormatException e) {
                ctx.status(400).json(new ApiError("track id must be a whole number, is '"
                        + org.skydas.server.auth.Text.clip(ctx.pathParam("id")) + "'"));
                return;
            }
            List<org.skydas.watch.port.TrackPoint> points = watch.trackHistory(id, 10_000);
            if (points.isEmpty()) {
                ctx.status(404).json(new ApiError("no history for track " + id));
                return;
            }
            List<List<Double>> line = new ArrayList<>();
            List<HistoryPoint> times = new ArrayList<>();
            for (var p : points) {
                line.add(TrackFeature.Geometry.lonLat(p.x(), p.y()));
                times.add(new HistoryPoint(java.time.Instant.ofEpochMilli((long) (p.t() * 1000)).toString(),
                        p.targetClass() == null ? "unknown" : p.targetClass()));
            }
            // json() sets application/json: the GeoJSON type goes on after it.
            ctx.json(new TrackHistory("Feature", id, points.size() == 1
                    ? new TrackFeature.Geometry("Point", line.get(0)) : TrackFeature.Geometry.lineString(line),
                    new TrackHistory.Points(times))).contentType("application/geo+json");
        });
        app.get("/api/tracks", ctx -> {
            List<TrackState> tracks = new ArrayList<>(picture.tracks());
            tracks.sort(Comparator.comparingLong(TrackState::id));
            ctx.json(new TrackFeature.Collection(tracks.stream().map(LiveApi::feature).toList()))
                    .contentType("application/geo+json");
        });
        if (pipeline != null) {
            registerIngest(app);
        }
    }

    private void registerIngest(Javalin app) {
        app.post("/api/detections", ctx -> {
            String refusal = pipeline.refusal();
            if (refusal != null) {
                // 507 Insufficient Storage: nothing of this request was accepted; the sender should retry later.
                ctx.status(507).json(new ApiError(refusal));
                return;
            }
            com.fasterxml.jackson.databind.JsonNode root;
            try {
                root = JSON.readTree(ctx.body());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                http.received();
                http.malformed("malformed JSON");
                ctx.status(400).json(new ApiError("malformed JSON body: "
                        + org.skydas.server.auth.Text.clip(e.getOriginalMessage())));
                return;
            }
            if (root == null || !(root.isObject() || root.isArray())) {
                http.received();
                http.malformed("not an object or array");
                ctx.status(400).json(new ApiError("the body must be one detection object or an array of them"));
                return;
            }
            List<com.fasterxml.jackson.databind.JsonNode> items = new ArrayList<>();
            if (root.isArray()) {
                root.forEach(items::add);
            } else {
                items.add(root);
            }
            List<Rejected> rejected = new ArrayList<>();
            Map<Integer, java.util.concurrent.CompletableFuture<Void>> journalled = new java.util.LinkedHashMap<>();
            long now = System.currentTimeMillis();
            for (int i = 0; i < items.size(); i++) {
                http.received();
                try {
                    var d = parser.parse(items.get(i));
                    http.decoded();
                    journalled.put(i, pipeline.offerJsonJournalled(
                            new org.skydas.ingest.listen.Received<>(d, http.name(), null, now)));
                } catch (org.skydas.ingest.json.DetectionFormatException e) {
                    http.malformed(e.getMessage().length() > 60 ? e.getMessage().substring(0, 60) : e.getMessage());
                    rejected.add(new Rejected(i, org.skydas.server.auth.Text.clip(e.getMessage())));
                }
            }
            // Accepted means journalled: the answer waits for the journal commit of every item it accepts.
            int accepted = 0;
            List<Rejected> notJournalled = new ArrayList<>();
            for (var e : journalled.entrySet()) {
                try {
                    e.getValue().get(JOURNAL_WAIT_S, java.util.concurrent.TimeUnit.SECONDS);
                    accepted++;
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
                    http.dropped();
                    String why = ex instanceof java.util.concurrent.TimeoutException
                            ? "not confirmed journalled within " + JOURNAL_WAIT_S + " s" : ex.getCause().getMessage();
                    notJournalled.add(new Rejected(e.getKey(), why));
                }
            }
            if (!notJournalled.isEmpty()) {
                String failure = pipeline.journalFailure();
                ctx.status(503).json(new NotJournalled(failure != null ? "journal unavailable: " + failure
                        : "detections not accepted: " + notJournalled.get(0).error(), accepted, rejected, notJournalled));
                return;
            }
            ctx.status(accepted > 0 || items.isEmpty() ? 202 : 400)
                    .json(new Accepted(accepted, rejected));
        });
        app.get("/api/ingest/stats", ctx -> {
            List<Map<String, Object>> all = new ArrayList<>();
            listeners.get().forEach(l -> all.add(l.snapshot()));
            all.add(http.snapshot());
            ctx.json(new IngestStats(all, pipeline.stats()));
        });
        app.get("/api/metrics", ctx -> {
            List<ListenerStats> all = new ArrayList<>(listeners.get());
            all.add(http);
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(PrometheusText.render(all, pipeline.stats(),
                    operations.get()));
        });
    }

    /** Detections decoded from HTTP POSTs so far. */
    long httpDecoded() {
        return http.decodedCount();
    }

    /** The track as the console reads it; an unknown existence (NaN: a cluster track record without it): null quality. */
    static TrackFeature feature(TrackState t) {
        Map<String, Double> probs = new LinkedHashMap<>();
        for (TargetKind k : TargetKind.values()) {
            probs.put(k.name().toLowerCase(Locale.ROOT), Math.round(t.classProbability(k) * 1000) / 1000.0);
        }
        // Heading clockwise from grid north (LKS-94's grid north is within 3° of true north).
        return new TrackFeature(t.id(), t.x(), t.y(), new TrackFeature.Properties(t.id(),
                t.mostLikelyClass().name().toLowerCase(Locale.ROOT), probs, t.status().name().toLowerCase(Locale.ROOT),
                Math.round(Math.hypot(t.vx(), t.vy()) * 10) / 10.0,
                Math.round((Math.toDegrees(Math.atan2(t.vx(), t.vy())) + 360) % 360),
                Double.isNaN(t.existence()) ? null : Math.round(t.existence() * 1000) / 1000.0, t.externalId(),
                java.time.Instant.ofEpochMilli((long) (t.t() * 1000)).toString()));
    }

    /** A detection of a POST refused or not confirmed journalled: its index in the body and why. */
    record Rejected(int index, String error) {
    }

    /** {@code POST /api/detections}: how many were accepted (journalled), which were rejected (OpenAPI {@code DetectionsAccepted}). */
    record Accepted(int accepted, List<Rejected> rejected) {
    }

    /** {@code POST /api/detections} answered 503: the journal did not confirm (OpenAPI {@code DetectionsNotJournalled}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record NotJournalled(String error, int accepted, List<Rejected> rejected, List<Rejected> notAccepted) {
    }

    /** {@code GET /api/ingest/stats}: each listener's counters and the pipeline's (OpenAPI {@code IngestStats}). */
    record IngestStats(List<Map<String, Object>> listeners, Map<String, Object> pipeline) {
    }

    /** A time and class of a track's stored history. */
    record HistoryPoint(String time, @JsonProperty("class") String targetClass) {
    }

    /** {@code GET /api/tracks/{id}/history} (OpenAPI {@code TrackHistory}). */
    record TrackHistory(String type, long id, TrackFeature.Geometry geometry, Points properties) {

        record Points(List<HistoryPoint> points) {
        }
    }
}
