package org.skydas.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.ingest.listen.ListenerStats;
import org.skydas.model.TargetKind;
import org.skydas.track.TrackState;
import org.skydas.watch.LivePipeline;

import io.javalin.Javalin;

/** The live picture: current tracks as GeoJSON (WGS84) and the ingest counters. */
final class LiveApi {

    /** How long POST /api/detections waits for the journal commit of what it accepts, s. */
    static final long JOURNAL_WAIT_S = 30;

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final LivePipeline pipeline;
    private WatchServices watch;
    private final Supplier<List<ListenerStats>> listeners;
    private final ListenerStats http = new ListenerStats("json-http");
    private final org.skydas.ingest.json.DetectionParser parser = new org.skydas.ingest.json.DetectionParser();

    LiveApi(LivePipeline pipeline, Supplier<List<ListenerStats>> listeners) {
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
                ctx.status(400).json(Map.of("error", "track id must be a whole number, is '" + org.skydas.server.auth.Text.clip(ctx.pathParam("id")) + "'"));
                return;
            }
            List<org.skydas.watch.port.TrackPoint> points = watch.trackHistory(id, 10_000);
            if (points.isEmpty()) {
                ctx.status(404).json(Map.of("error", "no history for track " + id));
                return;
            }
            List<List<Double>> line = new ArrayList<>();
            List<Map<String, Object>> times = new ArrayList<>();
            for (var p : points) {
                Coordinate c = Lks94.toWgs84(p.x(), p.y());
                line.add(List.of(Math.round(c.x * 1e7) / 1e7, Math.round(c.y * 1e7) / 1e7));
                times.add(Map.of("time", java.time.Instant.ofEpochMilli((long) (p.t() * 1000)).toString(),
                        "class", p.targetClass() == null ? "unknown" : p.targetClass()));
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("type", "Feature");
            f.put("id", id);
            f.put("geometry", points.size() == 1 ? Map.of("type", "Point", "coordinates", line.get(0))
                    : Map.of("type", "LineString", "coordinates", line));
            f.put("properties", Map.of("points", times));
            ctx.contentType("application/geo+json").json(f);
        });
        app.get("/api/tracks", ctx -> {
            List<TrackState> tracks = new ArrayList<>(pipeline.tracks());
            tracks.sort(Comparator.comparingLong(TrackState::id));
            Map<String, Object> fc = new LinkedHashMap<>();
            fc.put("type", "FeatureCollection");
            fc.put("features", tracks.stream().map(LiveApi::feature).toList());
            ctx.contentType("application/geo+json").json(fc);
        });
        app.post("/api/detections", ctx -> {
            String refusal = pipeline.refusal();
            if (refusal != null) {
                // 507 Insufficient Storage: nothing of this request was accepted; the sender should retry later.
                ctx.status(507).json(Map.of("error", refusal));
                return;
            }
            com.fasterxml.jackson.databind.JsonNode root;
            try {
                root = JSON.readTree(ctx.body());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                http.received();
                http.malformed("malformed JSON");
                ctx.status(400).json(Map.of("error", "malformed JSON body: " + org.skydas.server.auth.Text.clip(e.getOriginalMessage())));
                return;
            }
            if (root == null || !(root.isObject() || root.isArray())) {
                http.received();
                http.malformed("not an object or array");
                ctx.status(400).json(Map.of("error", "the body must be one detection object or an array of them"));
                return;
            }
            List<com.fasterxml.jackson.databind.JsonNode> items = new ArrayList<>();
            if (root.isArray()) {
                root.forEach(items::add);
            } else {
                items.add(root);
            }
            List<Map<String, Object>> rejected = new ArrayList<>();
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
                    rejected.add(Map.of("index", i, "error", org.skydas.server.auth.Text.clip(e.getMessage())));
                }
            }
            // Accepted means journalled: the answer waits for the journal commit of every item it accepts.
            int accepted = 0;
            List<Map<String, Object>> notJournalled = new ArrayList<>();
            for (var e : journalled.entrySet()) {
                try {
                    e.getValue().get(JOURNAL_WAIT_S, java.util.concurrent.TimeUnit.SECONDS);
                    accepted++;
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
                    http.dropped();
                    String why = ex instanceof java.util.concurrent.TimeoutException
                            ? "not confirmed journalled within " + JOURNAL_WAIT_S + " s" : ex.getCause().getMessage();
                    notJournalled.add(Map.of("index", e.getKey(), "error", why));
                }
            }
            if (!notJournalled.isEmpty()) {
                String failure = pipeline.journalFailure();
                ctx.status(503).json(Map.of("error", failure != null ? "journal unavailable: " + failure
                                : "detections not accepted: " + notJournalled.get(0).get("error"),
                        "accepted", accepted, "rejected", rejected, "not_accepted", notJournalled));
                return;
            }
            ctx.status(accepted > 0 || items.isEmpty() ? 202 : 400)
                    .json(Map.of("accepted", accepted, "rejected", rejected));
        });
        app.get("/api/ingest/stats", ctx -> {
            Map<String, Object> body = new LinkedHashMap<>();
            List<Map<String, Object>> all = new ArrayList<>();
            listeners.get().forEach(l -> all.add(l.snapshot()));
            all.add(http.snapshot());
            body.put("listeners", all);
            body.put("pipeline", pipeline.stats());
            ctx.json(body);
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

    static Map<String, Object> feature(TrackState t) {
        Coordinate c = Lks94.toWgs84(t.x(), t.y());
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("id", t.id());
        props.put("class", t.mostLikelyClass().name().toLowerCase(Locale.ROOT));
        Map<String, Double> probs = new LinkedHashMap<>();
        for (TargetKind k : TargetKind.values()) {
            probs.put(k.name().toLowerCase(Locale.ROOT), Math.round(t.classProbability(k) * 1000) / 1000.0);
        }
        props.put("class_probabilities", probs);
        props.put("status", t.status().name().toLowerCase(Locale.ROOT));
        props.put("speed_mps", Math.round(Math.hypot(t.vx(), t.vy()) * 10) / 10.0);
        // Heading clockwise from grid north (LKS-94's grid north is within 3° of true north).
        props.put("heading_deg", Math.round((Math.toDegrees(Math.atan2(t.vx(), t.vy())) + 360) % 360));
        props.put("quality", Math.round(t.existence() * 1000) / 1000.0);
        props.put("external_id", t.externalId());
        props.put("time", java.time.Instant.ofEpochMilli((long) (t.t() * 1000)).toString());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("id", t.id());
        f.put("geometry", Map.of("type", "Point", "coordinates",
                List.of(Math.round(c.x * 1e7) / 1e7, Math.round(c.y * 1e7) / 1e7)));
        f.put("properties", props);
        return f;
    }
}
