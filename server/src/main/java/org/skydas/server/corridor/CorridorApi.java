package org.skydas.server.corridor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.skydas.geo.GeoJsonFeature;
import org.skydas.geo.GeoJsonWriter;
import org.skydas.model.Neighbour;
import org.skydas.server.auth.Text;
import org.skydas.terrain.corridor.CorridorAnalysis;
import org.skydas.terrain.corridor.CorridorOutputs;
import org.skydas.terrain.corridor.Mover;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
        ObjectNode fc = header(key, st, "FeatureCollection");
        fc.set("legend", JSON.valueToTree(CorridorOutputs.legend()));
        ArrayNode features = fc.putArray("features");
        if (st.outcome() != null) {
            for (CorridorAnalysis.Corridor c : st.outcome().corridors()) {
                GeoJsonFeature f = CorridorOutputs.feature(c);
                ObjectNode n = features.addObject();
                n.put("type", "Feature");
                n.put("id", f.id());
                n.set("geometry", JSON.readTree(GeoJsonWriter.geometryJson(f.geometry(), 6)));
                n.set("properties", JSON.valueToTree(f.properties()));
            }
        }
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
        ObjectNode out = header(key, st, null);
        ArrayNode rows = out.putArray("sectors");
        if (st.outcome() != null) {
            for (CorridorAnalysis.SectorWarning sw : st.outcome().sectors()) {
                rows.add(JSON.valueToTree(CorridorOutputs.sectorRow(sw)));
            }
        }
        ctx.json(out);
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
        ctx.status(HttpStatus.ACCEPTED).json(Map.of("status", "running", "analyses", keys.stream()
                .map(k -> Map.of("from", k.from().code(), "mover", k.mover().slug())).toList()));
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

    private ObjectNode header(CorridorService.Key key, CorridorService.State st, String type) {
        ObjectNode n = JSON.createObjectNode();
        if (type != null) {
            n.put("type", type);
        }
        n.put("from", key.from().code());
        n.put("mover", key.mover().slug());
        n.put("status", st.status().name().toLowerCase(Locale.ROOT));
        n.put("progress", Math.round(st.progress() * 1000) / 1000.0);
        CorridorService.Outcome o = st.outcome();
        n.put("computedAt", o == null ? null : o.computedAt().toString());
        n.put("terrain", o == null ? null : o.terrainNote());
        if (o == null) {
            n.putNull("resolution_m");
        } else {
            n.put("resolution_m", o.resolutionM());
        }
        n.put("error", st.error());
        return n;
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

    private static Map<String, Object> error(String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        return m;
    }
}
