package org.skydas.server;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.skydas.geodata.Countries;
import org.skydas.model.layer.Layer;
import org.skydas.server.http.ApiError;
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

    /** Replaced when a plan is applied ({@code server.siting.ServedScenario}); WatchApi keeps the first (same sectors). */
    private volatile ScenarioView view;
    private final String scenarioSource;
    private final WatchServices watch;
    private org.skydas.watch.LivePipeline pipeline;
    private java.util.function.Supplier<java.util.List<org.skydas.ingest.listen.ListenerStats>> listenerStats =
            java.util.List::of;
    private final StreamHub hub;
    private LiveApi liveApi;
    private org.skydas.server.coverage.CoverageService coverage;
    private org.skydas.server.corridor.CorridorService corridors;
    private final Instant started = Instant.now();
    private volatile org.skydas.server.ops.Operations operations;
    private Javalin app;
    private java.util.concurrent.ScheduledExecutorService revalidator;

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

    /**
     * Serves the ingest of {@code pipeline} ({@code POST /api/detections}, its counters, its health) and, unless
     * {@link #withLivePicture} names another, its live picture (tracks and their pushes); call before {@link #start}.
     */
    public SkydasServer withLive(org.skydas.watch.LivePipeline pipeline,
                                 java.util.function.Supplier<java.util.List<org.skydas.ingest.listen.ListenerStats>> stats) {
        this.pipeline = pipeline;
        this.listenerStats = stats;
        return this;
    }

    /**
     * Serves {@code picture} as the live picture ({@code GET /api/tracks}, track and alert pushes on {@code /api/stream})
     * instead of the pipeline's: a cluster node's API, whose tracks are on the tracks topic (ADR 0024). Call before
     * {@link #start}; needs the watch services.
     */
    public SkydasServer withLivePicture(org.skydas.watch.LivePicture picture) {
        this.picture = picture;
        return this;
    }

    private org.skydas.watch.LivePicture picture;

    private java.util.function.Supplier<Map<String, Boolean>> listenerHealth = Map::of;
    private java.nio.file.Path tlsCert;
    private java.nio.file.Path tlsKey;

    /** Whether the port serves HTTPS (and WSS) only. */
    public boolean https() {
        return tlsCert != null;
    }

    /** Serves HTTPS (and WSS) only, with this PEM certificate chain and PKCS#8 PEM key; call before {@link #start}. */
    public SkydasServer withTls(java.nio.file.Path certPem, java.nio.file.Path keyPem) {
        this.tlsCert = certPem;
        this.tlsKey = keyPem;
        return this;
    }

    /** Each listener's liveness (name to listening) for /api/health; call before {@link #start}. */
    public SkydasServer withListenerHealth(java.util.function.Supplier<Map<String, Boolean>> health) {
        this.listenerHealth = health;
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

    /**
     * Runs {@code POST /api/siting/plan} jobs on {@code jobs} (with the server's DEMs); without it a service on the bare
     * ellipsoid serves them. The server stops a running job on {@link #stop}. Call before {@link #start}.
     */
    public SkydasServer withSiting(org.skydas.server.siting.SitingJobs jobs) {
        this.siting = jobs;
        return this;
    }

    private org.skydas.server.siting.SitingJobs siting;

    /** The GeoPackage the scenario was read from: a finished plan can then be applied to it. Call before {@link #start}. */
    public SkydasServer withScenarioFile(java.nio.file.Path file) {
        this.scenarioFile = file;
        return this;
    }

    private java.nio.file.Path scenarioFile;

    /** Serves the approach corridors that {@code service} computes; the server stops it in {@link #stop}. */
    public SkydasServer withCorridors(org.skydas.server.corridor.CorridorService service) {
        this.corridors = service;
        return this;
    }

    /**
     * SAPIENT nodes for the operators: {@code feed}'s node view and task book, and {@code link} to send an operator's
     * task on a node's connection. Without it the node list is empty and tasks are refused. Call before {@link #start}.
     */
    public SkydasServer withSapient(org.skydas.watch.feed.SapientFeed feed, org.skydas.ingest.sapient.SapientLink link) {
        this.sapientFeed = feed;
        this.sapientLink = link;
        return this;
    }

    private org.skydas.watch.feed.SapientFeed sapientFeed;
    private org.skydas.ingest.sapient.SapientLink sapientLink;
    private SapientApi sapientApi;

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
        BodyLimit bodyLimit = new BodyLimit(BodyLimit.DEFAULT_BYTES, Map.of("/api/detections", 8L << 20));
        java.security.KeyStore keyStore;
        String ksPassword = org.skydas.server.auth.PasswordHasher.randomPassword();
        try {
            keyStore = tlsCert == null ? null : Https.keyStore(tlsCert, tlsKey, ksPassword.toCharArray());
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use --tls-cert/--tls-key: " + e.getMessage(), e);
        }
        app = Javalin.create(config -> {
            if (keyStore != null) {
                // The only connector: HTTPS on host:port, no plain HTTP anywhere.
                config.jetty.addConnector((server, http) -> Https.connector(server, http, host, port, keyStore, ksPassword));
            }
            config.showJavalinBanner = false;
            // What is registered, for the test that every route is in the OpenAPI document.
            config.events.handlerAdded(h -> {
                if (h.getHttpMethod().isHttpMethod()) {
                    routes.add(h.getHttpMethod().name() + " " + h.getPath());
                }
            });
            config.events.wsHandlerAdded(h -> {
                if (h.getHandlerType() == io.javalin.websocket.WsHandlerType.WEBSOCKET) {
                    routes.add("GET " + h.getPath());
                }
            });
            // BodyLimit is the real gate (per route, chunked bodies too); Javalin's own check only backs it up.
            config.http.maxRequestSize = 64L << 20;
            config.jetty.modifyServletContextHandler(h -> h.addFilter(new org.eclipse.jetty.servlet.FilterHolder(bodyLimit),
                    "/*", java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST)));
            config.useVirtualThreads = false;
            config.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/org/skydas/web/public";
                s.location = io.javalin.http.staticfiles.Location.CLASSPATH;
                // API paths never name a file; a very long or odd one made the file lookup fail with a bare 500.
                s.skipFileFunction = req -> req.getRequestURI().startsWith("/api/") || req.getRequestURI().length() > 512
                        || req.getRequestURI().contains("//");
            });
        });
        Utf8Responses.install(app);
        app.get("/api/health", this::health);
        app.get("/api/layers", ctx -> ctx.json(Arrays.stream(Layer.values()).map(Layer::tableName).toList()));
        app.get("/api/layers/{name}", this::layer);
        app.get("/api/programme", ctx -> ctx.json(view.programme()));
        app.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi()));
        AccessGate gate = new AccessGate(watch == null ? null : watch.sessions());
        app.beforeMatched(gate::check);
        app.exception(AccessGate.Unauthorized.class, (e, ctx) -> ctx.status(HttpStatus.UNAUTHORIZED)
                .header("WWW-Authenticate", "Bearer").json(error(e.getMessage())));
        app.exception(AccessGate.Forbidden.class, (e, ctx) -> ctx.status(HttpStatus.FORBIDDEN).json(error(e.getMessage())));
        app.exception(BodyLimit.TooLarge.class, (e, ctx) -> {
            try {
                BodyLimit.refuse(ctx.req(), ctx.res(), e.getMessage());
            } catch (java.io.IOException gone) {
                // the client went first
            }
        });
        app.exception(WatchApi.BadRequest.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST).json(error(e.getMessage())));
        app.exception(WatchServices.Invalid.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST).json(error(e.getMessage())));
        app.exception(java.util.NoSuchElementException.class, (e, ctx) -> ctx.status(HttpStatus.NOT_FOUND)
                .json(error(e.getMessage())));
        // Only a conflict with the current state is a 409 (not every IllegalStateException).
        app.exception(WatchServices.Conflict.class, (e, ctx) -> ctx.status(HttpStatus.CONFLICT).json(error(e.getMessage())));
        app.exception(WatchServices.Throttled.class, (e, ctx) -> ctx.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(e.retryAfterSeconds())).json(error(e.getMessage())));
        if (watch != null) {
            new AccountsApi(watch).register(app);
            // Account changes made by another process (skydas users …) reach this server's sessions within 5 s.
            revalidator = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "skydas-sessions");
                t.setDaemon(true);
                return t;
            });
            revalidator.scheduleWithFixedDelay(() -> {
                try {
                    int n = watch.revalidateSessions();
                    if (n > 0) {
                        LOG.info("event=sessions_revoked reason=account_changed count={}", n);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("event=session_revalidation_failed error=\"{}\"", e.toString());
                }
            }, 5, 5, java.util.concurrent.TimeUnit.SECONDS);
            WatchApi api = new WatchApi(watch, view);
            api.register(app);
            new ReplayApi(watch, api).register(app);
            new IncidentsApi(watch).register(app);
            new ObstacleApi(watch, view, AccessGate::session).register(app);
            new AdminApi(watch, exportDir).register(app);
            sapientApi = new SapientApi(watch, sapientFeed, sapientLink);
            sapientApi.register(app);
            watch.onAlertCommitted(hub::alertCommitted);
            // Browsers cannot set headers on a WebSocket: the token comes in Sec-WebSocket-Protocol (or ?token=).
            app.wsBeforeUpgrade("/api/stream", gate::checkUpgrade);
            app.ws("/api/stream", ws -> {
                ws.onConnect(ctx -> {
                    String token = AccessGate.streamToken(ctx.header(AccessGate.PROTOCOL_HEADER), ctx.queryParam("token"));
                    if (!gate.valid(token)) {
                        ctx.closeSession(1008, "log in first");
                        return;
                    }
                    hub.subscribe(ctx, () -> gate.valid(token));
                });
                ws.onClose(hub::unsubscribe);
                ws.onError(hub::unsubscribe);
            });
            org.skydas.watch.LivePicture shown = picture != null ? picture : pipeline;
            if (shown != null) {
                shown.onTrackChange(hub::trackUpdated, hub::trackDeleted);
                shown.onAlertCommitted(c -> {
                    if (c.receivedAtMillis() > 0) {
                        watch.alertLatency().record(AlertLatency.Stage.COMMITTED,
                                c.committedAtMillis() - c.receivedAtMillis());
                    }
                    hub.alertCommitted(new WatchServices.AlertChange(c.alert(), c.receivedAtMillis(),
                            c.committedAtMillis()));
                });
                liveApi = new LiveApi(shown, pipeline, listenerStats).withHistory(watch).withOperations(() -> {
                    org.skydas.server.ops.Operations ops = operations;
                    return ops == null ? java.util.List.of() : ops.metrics();
                });
                liveApi.register(app);
            }
        }
        new org.skydas.server.coverage.CoverageApi(coverage).register(app);
        if (siting == null) {
            siting = new org.skydas.server.siting.SitingJobs(view.scenario(), java.util.List.of(), null);
        }
        new org.skydas.server.siting.SitingApi(siting, planApplier(), ctx -> AccessGate.session(ctx).username())
                .register(app);
        new org.skydas.server.corridor.CorridorApi(corridors).register(app);
        app.error(HttpStatus.NOT_FOUND, ctx -> {
            String type = ctx.res().getContentType();
            if (type == null || !type.startsWith("application/json")) {
                ctx.json(error("not found: " + ctx.method() + " " + org.skydas.server.auth.Text.clip(ctx.path())));
            }
        });
        app.exception(Exception.class, (e, ctx) -> {
            // The reason goes to the log only: no stack trace, file path or SQL in a response.
            String id = Long.toString(System.nanoTime() & 0xffffffL, 36);
            LOG.error("event=request_failed id={} method={} path=\"{}\" error=\"{}\"", id, ctx.method(),
                    org.skydas.server.auth.Text.clip(ctx.path()), e.toString(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(error("internal error (logged as " + id + ")"));
        });
        if (keyStore != null) {
            app.start();
        } else {
            app.start(host, port);
        }
        LOG.info("event=server_started url={}://{}:{}/ scenario=\"{}\"", keyStore != null ? "https" : "http", host,
                app.port(), scenarioSource);
        return this;
    }

    /** Applying a plan reloads the PLAN views: layers and programme, coverage, corridors, new plans. */
    private org.skydas.server.siting.PlanApplier planApplier() {
        org.skydas.server.siting.ServedScenario served;
        try {
            served = new org.skydas.server.siting.ServedScenario(view.scenario(), scenarioFile);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot read the scenario file " + scenarioFile + ": " + e.getMessage(), e);
        }
        siting.reload(served.basis());
        served.onReplace(b -> view = new ScenarioView(b.scenario()));
        served.onReplace(siting::reload);
        if (coverage != null) {
            served.onReplace(b -> coverage.recompute(b.scenario()));
        }
        if (corridors != null) {
            served.onReplace(b -> corridors.reload(b.scenario()));
        }
        return new org.skydas.server.siting.PlanApplier(siting, served,
                watch == null ? null : watch::logAdminAction);
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

    private final java.util.List<String> routes = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Every route registered, as {@code "METHOD /path"} with the path as registered; a WebSocket counts as GET. */
    public java.util.List<String> routes() {
        return java.util.List.copyOf(routes);
    }

    /**
     * Health that tells the truth: the store answers a real query, the pipeline thread is alive and turning,
     * every listener still listens. Any of them down: 503, and {@code down} names which.
     */
    private void health(Context ctx) {
        java.util.List<String> down = new java.util.ArrayList<>();
        Health.Store store = null;
        if (watch != null) {
            long t0 = System.nanoTime();
            Integer schema = null;
            String error = null;
            try {
                schema = watch.ping();
            } catch (Exception e) {
                // The class only: no SQL, path or host in an open route's answer (the log has the message).
                LOG.warn("event=health_store_failed error=\"{}\"", e.toString());
                error = e.getClass().getSimpleName();
                down.add("store");
            }
            store = new Health.Store(schema, error == null, error, Math.round((System.nanoTime() - t0) / 1e5) / 10.0);
        }
        Map<String, Object> p = pipeline == null ? null : pipeline.health();
        if (p != null && !Boolean.TRUE.equals(p.get("ok"))) {
            down.add("pipeline");
        }
        // Nothing is being accepted until the detections journal can be written again.
        String journal = pipeline == null ? null : pipeline.journalFailure();
        if (journal != null) {
            down.add("journal");
        }
        Map<String, Health.Listener> listeners = new LinkedHashMap<>();
        listenerHealth.get().forEach((name, ok) -> {
            listeners.put(name, new Health.Listener(ok));
            if (!ok) {
                down.add("listener " + name);
            }
        });
        org.skydas.server.ops.Operations ops = operations;
        Map<String, Object> opsHealth = ops == null ? Map.of() : ops.health();
        Health body = new Health(!down.isEmpty() ? "down" : ops != null && ops.degraded() ? "degraded" : "ok", down,
                new Health.Checks(store, p, listeners), "skydas", view.scenario().name(), scenarioSource,
                view.scenario().metadata().getOrDefault("terrain", "bare ellipsoid (no DEM loaded)"),
                Duration.between(started, Instant.now()).toSeconds(), Countries.ATTRIBUTION, journal,
                opsHealth.get("storage"), opsHealth.get("retention"));
        ctx.status(down.isEmpty() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(body);
    }

    private void layer(Context ctx) {
        Layer layer;
        try {
            layer = Layer.fromName(ctx.pathParam("name"));
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.NOT_FOUND).json(error(org.skydas.server.auth.Text.clip(e.getMessage())));
            return;
        }
        ctx.contentType("application/geo+json").result(view.layerGeoJson(layer));
    }

    static ApiError error(String message) {
        return new ApiError(message);
    }

    @Override
    public void close() {
        stop();
    }

    public void stop() {
        hub.close();
        if (revalidator != null) {
            revalidator.shutdownNow();
        }
        if (sapientApi != null) {
            sapientApi.close();
        }
        if (corridors != null) {
            corridors.close();
        }
        if (coverage != null) {
            coverage.close();
        }
        if (siting != null) {
            siting.close();
        }
        if (app != null) {
            app.stop();
            LOG.info("event=server_stopped");
            app = null;
        }
    }
}
