package org.skydas.server;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.skydas.geodata.Countries;
import org.skydas.model.layer.Layer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * The Skydas HTTP API over one scenario. Errors are JSON {@code {"error": "..."}} with the right
 * status. Start with {@link #start}; {@link #stop} (also run on SIGTERM by the CLI) closes it cleanly.
 */
public final class SkydasServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SkydasServer.class);

    private final ScenarioView view;
    private final String scenarioSource;
    private final WatchServices watch;
    private org.skydas.server.pipeline.LivePipeline pipeline;
    private java.util.function.Supplier<java.util.List<org.skydas.ingest.listen.ListenerStats>> listenerStats =
            java.util.List::of;
    private final StreamHub hub;
    private LiveApi liveApi;
    private org.skydas.server.coverage.CoverageService coverage;
    private final Instant started = Instant.now();
    private volatile org.skydas.server.ops.Operations operations;
    private Javalin app;

    public SkydasServer(ScenarioView view, String scenarioSource) {
        this(view, scenarioSource, null);
    }

    /** With {@code watch}, the operator API (login, alerts, audit) is served too. */
    public SkydasServer(ScenarioView view, String scenarioSource, WatchServices watch) {
        this.view = view;
        this.scenarioSource = scenarioSource;
        this.watch = watch;
        this.hub = watch == null ? new StreamHub() : new StreamHub(watch.alertLatency());
    }

    /** Serves the live picture of {@code pipeline} (tracks, ingest counters); call before {@link #start}. */
    public SkydasServer withLive(org.skydas.server.pipeline.LivePipeline pipeline,
                                 java.util.function.Supplier<java.util.List<org.skydas.ingest.listen.ListenerStats>> stats) {
        this.pipeline = pipeline;
        this.listenerStats = stats;
        return this;
    }

    /**
     * Serves the coverage that {@code service} computes (status, tiles, gaps); call before {@link #start}.
     * The server owns it from then on: {@link #stop} stops a running job.
     */
    public SkydasServer withCoverage(org.skydas.server.coverage.CoverageService service) {
        this.coverage = service;
        return this;
    }

    /** Where an admin purge of resolved alerts writes its export first (the data directory's {@code exports}). */
    public SkydasServer withExports(java.nio.file.Path dir) {
        this.exportDir = dir;
        return this;
    }

    private java.nio.file.Path exportDir;

    /** Retention, disk-space guard and process metrics in {@code /api/health} and {@code /api/metrics} (any time). */
    public SkydasServer withOperations(org.skydas.server.ops.Operations ops) {
        this.operations = ops;
        return this;
    }

    /** Starts listening; port 0 picks a free port (see {@link #port()}). */
    public SkydasServer start(String host, int port) {
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.useVirtualThreads = false;
            config.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/org/skydas/web/public";
                s.location = io.javalin.http.staticfiles.Location.CLASSPATH;
            });
        });
        app.get("/api/health", this::health);
        app.get("/api/layers", ctx -> ctx.json(Arrays.stream(Layer.values()).map(Layer::tableName).toList()));
        app.get("/api/layers/{name}", this::layer);
        app.get("/api/programme", ctx -> ctx.json(view.programme()));
        app.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi()));
        org.skydas.server.coverage.CoverageApi.Guard mayRecompute = ctx -> {
            throw new io.javalin.http.ForbiddenResponse("this server has no users: nobody may recompute the coverage");
        };
        if (watch != null) {
            WatchApi api = new WatchApi(watch, view);
            api.register(app);
            new AdminApi(watch, api, exportDir).register(app);
            mayRecompute = ctx -> api.requireOneOf(ctx, java.util.EnumSet.of(org.skydas.server.auth.Role.PLANNER,
                    org.skydas.server.auth.Role.ADMIN));
            watch.onAlertCommitted(hub::alertCommitted);
            // Browsers cannot set headers on a WebSocket: the token comes as ?token=.
            app.ws("/api/stream", ws -> {
                ws.onConnect(ctx -> {
                    if (watch.sessions().find(ctx.queryParam("token")).isEmpty()) {
                        ctx.closeSession(1008, "log in first: /api/stream?token=TOKEN");
                        return;
                    }
                    hub.subscribe(ctx);
                });
                ws.onClose(hub::unsubscribe);
                ws.onError(hub::unsubscribe);
            });
            if (pipeline != null) {
                pipeline.onTrackChange(hub::trackUpdated, hub::trackDeleted);
            }
            if (pipeline != null) {
                liveApi = new LiveApi(pipeline, listenerStats).withHistory(watch).withOperations(() -> {
                    org.skydas.server.ops.Operations ops = operations;
                    return ops == null ? java.util.List.of() : ops.metrics();
                });
                liveApi.register(app, api::requireAnyone);
            }
        }
        new org.skydas.server.coverage.CoverageApi(coverage, mayRecompute).register(app);
        app.error(HttpStatus.NOT_FOUND, ctx -> {
            String type = ctx.res().getContentType();
            if (type == null || !type.startsWith("application/json")) {
                ctx.json(error("not found: " + ctx.method() + " " + ctx.path()));
            }
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("event=request_failed method={} path={} error=\"{}\"", ctx.method(), ctx.path(), e.toString(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(error("internal error: " + e.getMessage()));
        });
        app.start(host, port);
        LOG.info("event=server_started url=http://{}:{}/ scenario=\"{}\"", host, app.port(), scenarioSource);
        return this;
    }

    private static byte[] openApi() throws java.io.IOException {
        try (var in = SkydasServer.class.getResourceAsStream("openapi.json")) {
            return in.readAllBytes();
        }
    }

    /** Counters of the server's own ingest (HTTP): listener name to decoded detections. */
    public Map<String, Object> liveStats() {
        return liveApi == null ? Map.of() : Map.of("json-http", liveApi.httpDecoded());
    }

    public int port() {
        return app.port();
    }

    private void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        org.skydas.server.ops.Operations ops = operations;
        body.put("status", ops != null && ops.degraded() ? "degraded" : "ok");
        body.put("service", "skydas");
        body.put("scenario", view.scenario().name());
        body.put("scenario_source", scenarioSource);
        body.put("terrain", view.scenario().metadata().getOrDefault("terrain", "bare ellipsoid (no DEM loaded)"));
        body.put("uptime_s", Duration.between(started, Instant.now()).toSeconds());
        body.put("attribution", Countries.ATTRIBUTION);
        if (ops != null) {
            body.putAll(ops.health());
        }
        ctx.json(body);
    }

    private void layer(Context ctx) {
        Layer layer;
        try {
            layer = Layer.fromName(ctx.pathParam("name"));
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.NOT_FOUND).json(error(e.getMessage()));
            return;
        }
        ctx.contentType("application/geo+json").result(view.layerGeoJson(layer));
    }

    static Map<String, Object> error(String message) {
        return Map.of("error", message);
    }

    @Override
    public void close() {
        stop();
    }

    public void stop() {
        hub.close();
        if (coverage != null) {
            coverage.close();
        }
        if (app != null) {
            app.stop();
            LOG.info("event=server_stopped");
            app = null;
        }
    }
}
