package org.skydas.server.corridor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.skydas.geo.GeoJsonFeature;
import org.skydas.geo.GeoJsonWriter;
import org.skydas.model.Neighbour;
import org.skydas.server.http.ApiError;
import org.skydas.server.auth.Text;
import org.skydas.terrain.corridor.CorridorAnalysis;
import org.skydas.terrain.corridor.CorridorOutputs;
import org.skydas.terrain.corridor.Mover;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * The corridor routes: {@code GET /api/corridors?from=&mover=} (a GeoJSON FeatureCollection of the
 * corridors with the properties {@code skydas corridors} writes, plus the analysis's status),
 * {@code GET /api/corridors/sectors?from=&mover=} (each sector's least warning time) and a
 * recomputation for planners. Who may call them is checked before, by the server's access gate.
 */
public final class CorridorApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CorridorService service;

    /** @param service null when this server computes no corridors: the routes answer 503 */
    public CorridorApi(CorridorService service) {
        this.service = service;
    }

    public void register(Javalin app) {
        app.get("/api/corridors", this::corridors);
        app.get("/api/corridors/sectors", this::sectors);
        app.post("/api/corridors/recompute", this::recompute);
    }

    private void corridors(Context ctx) throws Exception {
        CorridorService.Key key = key(ctx);
        if (key == null) {
            return;
        }
        CorridorService.State st = state(ctx, key);
        if (st == null) {
            return;
        }
        List<Feature> features = new ArrayList<>();
        if (st.outcome() != null) {
            for (CorridorAnalysis.Corridor c : st.outcome().corridors()) {
                GeoJsonFeature f = CorridorOutputs.feature(c);
                features.add(new Feature("Feature", f.id(), JSON.readTree(GeoJsonWriter.geometryJson(f.geometry(), 6)),
                        f.properties()));
            }
        }
        State h = header(key, st);
        Corridors fc = new Corridors("FeatureCollection", h.from(), h.mover(), h.status(), h.progress(), h.computedAt(),
                h.terrain(), h.resolutionM(), h.error(), CorridorOutputs.legend(), features);
        ctx.contentType("application/geo+json").result(JSON.writeValueAsBytes(fc));
    }

    private void sectors(Context ctx) {
        CorridorService.Key key = key(ctx);
        if (key == null) {
            return;
        }
        CorridorService.State st = state(ctx, key);
        if (st == null) {
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        if (st.outcome() != null) {
            for (CorridorAnalysis.SectorWarning sw : st.outcome().sectors()) {
                rows.add(CorridorOutputs.sectorRow(sw));
            }
        }
        State h = header(key, st);
        ctx.json(new Sectors(h.from(), h.mover(), h.status(), h.progress(), h.computedAt(), h.terrain(), h.resolutionM(),
                h.error(), rows));
    }

    private void recompute(Context ctx) {
        if (service == null) {
            unavailable(ctx);
            return;
        }
        CorridorService.Key only = null;
        if (ctx.queryParam("from") != null || ctx.queryParam("mover") != null) {
            only = key(ctx);
            if (only == null) {
                return;
            }
        }
        List<CorridorService.Key> keys;
        try {
            keys = service.recompute(only);
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(error(e.getMessage()));
            return;
        }
        ctx.status(HttpStatus.ACCEPTED).json(new Recomputing("running", keys.stream()
                .map(k -> new Analysis(k.from().code(), k.mover().slug())).toList()));
    }

    /** The state for a key, starting its job when new; null after answering 400 (no such border) or 503. */
    private CorridorService.State state(Context ctx, CorridorService.Key key) {
        if (service == null) {
            unavailable(ctx);
            return null;
        }
        try {
            return service.state(key);
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(error(e.getMessage()));
            return null;
        } catch (IllegalStateException e) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(error(e.getMessage()));
            return null;
        }
    }

    private static State header(CorridorService.Key key, CorridorService.State st) {
        CorridorService.Outcome o = st.outcome();
        return new State(key.from().code(), key.mover().slug(), st.status().name().toLowerCase(Locale.ROOT),
                Math.round(st.progress() * 1000) / 1000.0, o == null ? null : o.computedAt().toString(),
                o == null ? null : o.terrainNote(), o == null ? null : Double.valueOf(o.resolutionM()), st.error());
    }

    /** The analysis's state, which travels with its results (OpenAPI schema {@code CorridorState}). */
    record State(String from, String mover, String status, double progress, String computedAt, String terrain,
                 @JsonProperty("resolution_m") Double resolutionM, String error) {
    }

    /** {@code GET /api/corridors}: the state, the legend and the corridors (OpenAPI schema {@code Corridors}). */
    record Corridors(String type, String from, String mover, String status, double progress, String computedAt,
                     String terrain, @JsonProperty("resolution_m") Double resolutionM, String error,
                     List<Map<String, Object>> legend, List<Feature> features) {
    }

    /** A corridor as a GeoJSON feature, its properties as {@code skydas corridors} writes them. */
    record Feature(String type, String id, JsonNode geometry, Map<String, Object> properties) {
    }

    /** {@code GET /api/corridors/sectors} (OpenAPI schema {@code CorridorSectors}). */
    record Sectors(String from, String mover, String status, double progress, String computedAt, String terrain,
                   @JsonProperty("resolution_m") Double resolutionM, String error, List<Map<String, Object>> sectors) {
    }

    /** {@code POST /api/corridors/recompute}: the analyses started (OpenAPI schema {@code CorridorsRecomputing}). */
    record Recomputing(String status, List<Analysis> analyses) {
    }

    record Analysis(String from, String mover) {
    }

    /** The key of {@code ?from=&mover=} (mover defaults to foot), or null after answering 400. */
    private static CorridorService.Key key(Context ctx) {
        String from = ctx.queryParam("from");
        String mover = ctx.queryParam("mover");
        try {
            if (from == null || from.isBlank()) {
                throw new IllegalArgumentException("from is required: the neighbour, one of BY, RU, PL, LV");
            }
            Neighbour n = Neighbour.fromCode(Text.clip(from));
            Mover m = mover == null || mover.isBlank() ? Mover.FOOT : Mover.parse(Text.clip(mover));
            return new CorridorService.Key(n, m);
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(error(e.getMessage()));
            return null;
        }
    }

    private static void unavailable(Context ctx) {
        ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(error("this server computes no corridors"));
    }

    private static ApiError error(String message) {
        return new ApiError(message);
    }
}
