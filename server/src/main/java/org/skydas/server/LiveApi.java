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
import org.skydas.server.pipeline.LivePipeline;
import org.skydas.track.TargetClass;
import org.skydas.track.TrackState;

import io.javalin.Javalin;

/** The live picture: current tracks as GeoJSON (WGS84) and the ingest counters. */
final class LiveApi {

    private final LivePipeline pipeline;
    private final Supplier<List<ListenerStats>> listeners;

    LiveApi(LivePipeline pipeline, Supplier<List<ListenerStats>> listeners) {
        this.pipeline = pipeline;
        this.listeners = listeners;
    }

    void register(Javalin app, java.util.function.Consumer<io.javalin.http.Context> requireLogin) {
        app.get("/api/tracks", ctx -> {
            requireLogin.accept(ctx);
            List<TrackState> tracks = new ArrayList<>(pipeline.tracks());
            tracks.sort(Comparator.comparingLong(TrackState::id));
            Map<String, Object> fc = new LinkedHashMap<>();
            fc.put("type", "FeatureCollection");
            fc.put("features", tracks.stream().map(LiveApi::feature).toList());
            ctx.contentType("application/geo+json").json(fc);
        });
        app.get("/api/ingest/stats", ctx -> {
            requireLogin.accept(ctx);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("listeners", listeners.get().stream().map(ListenerStats::snapshot).toList());
            body.put("pipeline", pipeline.stats());
            ctx.json(body);
        });
    }

    static Map<String, Object> feature(TrackState t) {
        Coordinate c = Lks94.toWgs84(t.x(), t.y());
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("id", t.id());
        props.put("class", t.mostLikelyClass().name().toLowerCase(Locale.ROOT));
        Map<String, Double> probs = new LinkedHashMap<>();
        for (TargetClass k : TargetClass.values()) {
            probs.put(k.name().toLowerCase(Locale.ROOT), Math.round(t.classProbabilities()[k.ordinal()] * 1000) / 1000.0);
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
