package org.skydas.server.coverage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.skydas.geo.GeoJsonFeature;
import org.skydas.geo.GeoJsonWriter;
import org.skydas.model.TargetClass;
import org.skydas.server.http.ApiError;
import org.skydas.terrain.scenario.CoveragePalette;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * The coverage routes: status, map tiles per target class, gap polygons and figures per sector, and
 * a recomputation for planners. Who may call them (a login for all: the gaps say where the border is
 * not watched) is checked before they run, by the server's access gate.
 */
public final class CoverageApi {

    private final CoverageService service;
    private final TileCache tiles = new TileCache();

    /** @param service null when this server computes no coverage: the status says "none" */
    public CoverageApi(CoverageService service) {
        this.service = service;
    }

    public void register(Javalin app) {
        app.get("/api/coverage", this::status);
        app.get("/api/coverage/gaps", this::gaps);
        app.get("/api/coverage/sectors", this::sectors);
        app.post("/api/coverage/recompute", this::recompute);
        app.get("/api/tiles/coverage/{class}/{z}/{x}/{file}", this::tile);
    }

    private void status(Context ctx) {
        CoverageService.State st = service == null ? null : service.state();
        CoverageSnapshot snap = st == null ? null : st.snapshot();
        List<String> classes = new ArrayList<>();
        if (snap != null) {
            snap.classes().keySet().forEach(t -> classes.add(CoverageSnapshot.wireName(t)));
        } else if (service != null) {
            Arrays.stream(TargetClass.values()).forEach(t -> classes.add(CoverageSnapshot.wireName(t)));
        }
        Double threshold = snap != null ? Double.valueOf(snap.threshold())
                : service != null ? Double.valueOf(service.settings().threshold()) : null;
        ctx.json(new Status(st == null ? "none" : st.status().name().toLowerCase(Locale.ROOT),
                st == null ? 0.0 : Math.round(st.progress() * 1000) / 1000.0, classes, threshold,
                snap != null ? snap.terrainNote() : service != null ? "terrain: " + service.terrainPlan() : null,
                snap == null ? null : Double.valueOf(snap.resolutionM()),
                snap == null ? null : snap.computedAt().toString(), legend(),
                snap == null ? null : Arrays.stream(snap.boundsWgs84()).map(v -> Math.round(v * 1e6) / 1e6).boxed().toList(),
                st == null ? "this server computes no coverage" : st.error()));
    }

    /** {@code GET /api/coverage} (OpenAPI schema {@code CoverageStatus}); {@code bounds} are west, south, east, north. */
    record Status(String status, double progress, List<String> classes, Double threshold, String terrain,
                  @JsonProperty("resolution_m") Double resolutionM, String computedAt, List<LegendEntry> legend,
                  List<Double> bounds, String error) {
    }

    /** A colour class of the tiles. */
    record LegendEntry(String label, String color) {
    }

    /** A sector's figures per target class (OpenAPI schema {@code SectorCoverage}). */
    record SectorFigures(String sector, String neighbour, Map<String, ClassFigures> classes) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ClassFigures(double coveredPct, long longestGapM, long gapAreaM2) {
    }

    /** {@code POST /api/coverage/recompute}: accepted, running. */
    record Recomputing(String status) {
    }

    /** The tiles' colour classes, lowest first; below the first class a tile is transparent. */
    static List<LegendEntry> legend() {
        List<LegendEntry> out = new ArrayList<>();
        for (int k = 0; k < CoveragePalette.RGB.length; k++) {
            out.add(new LegendEntry("P " + CoveragePalette.label(k).replace(" - ", "–"),
                    String.format(Locale.ROOT, "#%06x", CoveragePalette.RGB[k])));
        }
        return out;
    }

    private void tile(Context ctx) {
        String file = ctx.pathParam("file");
        TargetClass target = CoverageSnapshot.parseClass(ctx.pathParam("class"));
        if (target == null) {
            ctx.status(HttpStatus.NOT_FOUND).json(error("unknown target class '" + org.skydas.server.auth.Text.clip(ctx.pathParam("class"))
                    + "' (person, vehicle, drone_50m, drone_120m)"));
            return;
        }
        int z;
        int x;
        int y;
        try {
            if (!file.endsWith(".png")) {
                throw new NumberFormatException();
            }
            z = Integer.parseInt(ctx.pathParam("z"));
            x = Integer.parseInt(ctx.pathParam("x"));
            y = Integer.parseInt(file.substring(0, file.length() - 4));
        } catch (NumberFormatException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(error("a tile is /api/tiles/coverage/CLASS/Z/X/Y.png with whole numbers"));
            return;
        }
        if (!TileCache.valid(z, x, y)) {
            ctx.status(HttpStatus.BAD_REQUEST).json(error("no tile " + z + "/" + x + "/" + y
                    + ": zoom 0..22, x and y in 0..2^zoom-1"));
            return;
        }
        CoverageSnapshot snap = ready(ctx);
        if (snap == null) {
            return;
        }
        if (!snap.classes().containsKey(target)) {
            ctx.status(HttpStatus.NOT_FOUND).json(error("no coverage for class " + CoverageSnapshot.wireName(target)));
            return;
        }
        ctx.header("Cache-Control", "max-age=60");
        ctx.contentType("image/png").result(tiles.tile(snap, target, z, x, y));
    }

    private void gaps(Context ctx) throws IOException {
        String wanted = ctx.queryParam("class");
        TargetClass only = null;
        if (wanted != null && !wanted.isEmpty()) {
            only = CoverageSnapshot.parseClass(wanted);
            if (only == null) {
                ctx.status(HttpStatus.BAD_REQUEST).json(error("unknown target class '" + org.skydas.server.auth.Text.clip(wanted)
                        + "' (person, vehicle, drone_50m, drone_120m)"));
                return;
            }
        }
        CoverageSnapshot snap = ready(ctx);
        if (snap == null) {
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GeoJsonWriter w = new GeoJsonWriter(out, 6)) {
            for (CoverageSnapshot.ClassLayer layer : snap.classes().values()) {
                if (only == null || layer.target() == only) {
                    for (GeoJsonFeature f : layer.gaps()) {
                        w.write(f);
                    }
                }
            }
        }
        ctx.contentType("application/geo+json").result(out.toByteArray());
    }

    private void sectors(Context ctx) {
        CoverageSnapshot snap = ready(ctx);
        if (snap == null) {
            return;
        }
        Map<String, SectorFigures> bySector = new LinkedHashMap<>();
        for (CoverageSnapshot.ClassLayer layer : snap.classes().values()) {
            for (CoverageSnapshot.SectorFigures f : layer.sectors()) {
                SectorFigures row = bySector.computeIfAbsent(f.sectorId(),
                        id -> new SectorFigures(id, f.neighbour(), new LinkedHashMap<>()));
                row.classes().put(CoverageSnapshot.wireName(layer.target()), new ClassFigures(
                        Math.round(f.coveredPct() * 10) / 10.0, Math.round(f.longestGapM()), Math.round(f.gapAreaM2())));
            }
        }
        ctx.json(new ArrayList<>(bySector.values()));
    }

    private void recompute(Context ctx) {
        if (service == null) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(error("this server computes no coverage"));
            return;
        }
        service.recompute();
        ctx.status(HttpStatus.ACCEPTED).json(new Recomputing("running"));
    }

    /** The latest result, or null after answering 503 (nothing computed yet) for the caller. */
    private CoverageSnapshot ready(Context ctx) {
        if (service == null) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(error("this server computes no coverage"));
            return null;
        }
        CoverageService.State st = service.state();
        if (st.snapshot() != null) {
            return st.snapshot();
        }
        String why = switch (st.status()) {
            case RUNNING -> String.format(Locale.ROOT, "coverage is being computed (%.0f %%): try again shortly",
                    st.progress() * 100);
            case FAILED -> "coverage failed: " + st.error();
            default -> "coverage is not computed";
        };
        ctx.header("Retry-After", "5");
        ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(error(why));
        return null;
    }

    private static ApiError error(String message) {
        return new ApiError(message);
    }
}
