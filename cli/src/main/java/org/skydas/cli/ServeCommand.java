package org.skydas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.skydas.model.Scenario;
import org.skydas.server.ScenarioView;
import org.skydas.server.SkydasServer;
import org.skydas.server.CotOut;
import org.skydas.server.WatchServices;
import org.skydas.server.WatchWiring;
import org.skydas.ingest.listen.CotListener;
import org.skydas.store.watch.WatchStore;
import org.skydas.store.ScenarioStore;
import org.skydas.watch.LivePipeline;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skydas serve}: the HTTP API over a scenario, until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a scenario over HTTP (API at /api). Stops cleanly on SIGTERM or Ctrl-C.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Scenario GeoPackage (default: the demo scenario in the data directory, created if missing).")
    Path scenario;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE}; 0 = any free).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for all interfaces).")
    String host;

    @Option(names = "--data-dir", defaultValue = "skydas-data", paramLabel = "DIR",
            description = "Where Skydas keeps its files (default ./${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--db", paramLabel = "URL",
            description = "PostgreSQL + PostGIS for the watch store (postgresql://user[:password]@host:port/db); "
                    + "default: SQLite in the data directory.")
    String db;

    @Option(names = "--cot-port", defaultValue = "8087",
            description = "Cursor-on-Target in, TCP and UDP (default ${DEFAULT-VALUE}, as TAK; 0 = any free, -1 = off).")
    int cotPort;

    @Option(names = "--tak-port", defaultValue = "8088",
            description = "TAK protocol version 1 streams in, TCP (default ${DEFAULT-VALUE}; 0 = any free, -1 = off).")
    int takInPort;

    @Option(names = "--asterix-port", defaultValue = "8600",
            description = "ASTERIX radar data in, UDP (default ${DEFAULT-VALUE}; 0 = any free, -1 = off). Radars are "
                    + "located by the scenario's radar assets with asterix_sac/asterix_sic, or by their CAT034 I034/120.")
    int asterixPort;

    @Option(names = "--asterix-group", paramLabel = "ADDRESS",
            description = "Join this multicast group for ASTERIX (e.g. 239.0.0.1) instead of unicast.")
    String asterixGroup;

    @Option(names = "--asterix-interface", paramLabel = "NAME",
            description = "Network interface for the ASTERIX multicast group (default: the one of --host).")
    String asterixInterface;

    @Option(names = "--remoteid-port", defaultValue = "8620",
            description = "Remote ID in: F3411 messages or message packs forwarded by receivers, one per UDP datagram "
                    + "(default ${DEFAULT-VALUE}; 0 = any free, -1 = off).")
    int remoteIdPort;

    @Option(names = "--sapient-port", defaultValue = "-1", paramLabel = "PORT",
            description = "TCP port for SAPIENT (BSI Flex 335 v2.0, or v1.0 by the registration's ICD version) sensor nodes; Skydas is their fusion node (-1 = off, the default; 0 = any free).")
    int sapientPort;

    @Option(names = "--gmti-port", defaultValue = "-1", paramLabel = "PORT",
            description = "TCP and UDP port for STANAG 4607 GMTI radars (-1 = off, the default; 0 = any free).")
    int gmtiPort;

    @Option(names = "--onvif-port", defaultValue = "-1", paramLabel = "PORT",
            description = "HTTP port where ONVIF cameras push events (POST /onvif/<camera asset id>; -1 = off, the default; 0 = any free).")
    int onvifPort;

    @Option(names = "--onvif-rtsp", paramLabel = "CAMERA=URL",
            description = "Pull a camera's ONVIF metadata stream over RTSP (RTP interleaved in TCP; Digest or Basic "
                    + "credentials from the URL), as <camera asset id>=rtsp://[user:password@]host[:port]/path; "
                    + "repeatable. Reconnects with back-off.")
    List<String> onvifRtsp = new ArrayList<>();

    @Option(names = "--mqtt", paramLabel = "URL",
            description = "Subscribe to JSON detections at this MQTT broker (e.g. tcp://127.0.0.1:1883).")
    String mqttUrl;

    @Option(names = "--mqtt-topic", defaultValue = "skydas/detections/#",
            description = "MQTT topic filter for JSON detections (default ${DEFAULT-VALUE}).")
    String mqttTopic;

    @Option(names = "--tak-out-port", defaultValue = "8089",
            description = "Tracks and alerts out to TAK clients as CoT over TCP (default ${DEFAULT-VALUE}; 0 = any free, "
                    + "-1 = off).")
    int takOutPort;

    @Option(names = "--reorder-window", defaultValue = "0.5", paramLabel = "SECONDS",
            description = "How long a report waits for older ones before tracking (default ${DEFAULT-VALUE} s): "
                    + "shorter is faster, longer drops fewer late reports.")
    double reorderWindow;

    @Option(names = "--max-clock-lead", defaultValue = "43200", paramLabel = "SECONDS",
            description = "Reports stamped more than this after their receipt (a sensor clock running ahead) are "
                    + "journalled but not tracked, so that one bad clock cannot make every other sensor late "
                    + "(default ${DEFAULT-VALUE} s = 12 h; a simulator at --speed S leads by (S-1) x its run time).")
    double maxClockLead;

    @Option(names = "--retain-detections", paramLabel = "DURATION",
            description = "Keep journalled detections this long (90s, 5m, 12h, 7d or off; default: the scenario's "
                    + "retention.detections, else 7d). Purged in the background in small batches.")
    String retainDetections;

    @Option(names = "--retain-track-history", paramLabel = "DURATION",
            description = "Keep track history this long (default: the scenario's retention.track_history, else 30d). "
                    + "Alerts, acknowledgements and the audit are never purged automatically.")
    String retainTrackHistory;

    @Option(names = "--storage-low", defaultValue = "2G", paramLabel = "SIZE",
            description = "Free disk space below which a storage_low alert is raised (default ${DEFAULT-VALUE}; K, M, G).")
    String storageLow;

    @Option(names = "--storage-floor", defaultValue = "512M", paramLabel = "SIZE",
            description = "Free disk space below which new data is refused, with the reason, while the server keeps "
                    + "serving (default ${DEFAULT-VALUE}).")
    String storageFloor;

    @Option(names = "--dem", paramLabel = "FILE", arity = "1..*",
            description = "DEM(s), GeoTIFF or SRTM .hgt, any CRS with an EPSG code: the coverage map, and heights "
                    + "above ground for radar class hints (default: the bare ellipsoid, the map says so, and no class "
                    + "hint from height).")
    java.util.List<Path> dems = new java.util.ArrayList<>();

    @Option(names = "--landcover", paramLabel = "FILE",
            description = "CORINE level-1 land-cover class raster (GeoTIFF) for the coverage map.")
    Path landcover;

    @Option(names = "--token-lifetime", defaultValue = "8h", paramLabel = "DURATION",
            description = "How long a login token is valid (default ${DEFAULT-VALUE}; e.g. 12h, 30m).")
    String tokenLifetime;

    @Option(names = "--tls-cert", paramLabel = "PEM",
            description = "Serve HTTPS and WSS only, with this certificate (chain, PEM); needs --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "The certificate's private key (PKCS#8 PEM).")
    Path tlsKey;

    @Option(names = "--client-ca", paramLabel = "PEM",
            description = "Require TLS with a client certificate signed by this CA on the CoT TCP, TAK stream and "
                    + "TAK-out ports (as TAK Server's streaming port); UDP feeds then bind to 127.0.0.1 or "
                    + "--udp-interface only, unless --insecure-feeds.")
    Path clientCa;

    @Option(names = "--insecure-feeds",
            description = "With --client-ca: keep the plaintext UDP feeds (CoT UDP, ASTERIX, Remote ID) on --host.")
    boolean insecureFeeds;

    @Option(names = "--udp-interface", paramLabel = "NAME",
            description = "Bind the UDP feeds to this network interface's IPv4 address (e.g. a sensor VLAN).")
    String udpInterface;

    @Option(names = "--mqtt-user", paramLabel = "NAME", description = "MQTT user name (with --mqtt-password-file).")
    String mqttUser;

    @Option(names = "--mqtt-password-file", paramLabel = "FILE", description = "MQTT password, first line of FILE.")
    Path mqttPasswordFile;

    @Option(names = "--mqtt-ca", paramLabel = "PEM",
            description = "Trust only this CA for an ssl:// MQTT broker (default: the JDK's trusted CAs).")
    Path mqttCa;

    @Option(names = "--kafka", paramLabel = "HOST:PORT[,HOST:PORT…]",
            description = "Run as one node of a scaled-out WATCH on this Kafka cluster (needs --db; see --role and the "
                    + "README, 'Running on several machines'). Default: the embedded single process.")
    String kafka;

    @Option(names = "--role", paramLabel = "ROLES",
            description = "With --kafka: ingest (listeners → the sector topic), tracker (tracker group member: tracks, "
                    + "rules, alerts), api (HTTP API and web client over PostgreSQL), a comma list of them, or all "
                    + "(default).")
    String role;

    @Option(names = "--node-id", defaultValue = "1", paramLabel = "N",
            description = "With --kafka: this node's number, unique in the cluster (0..65535; default ${DEFAULT-VALUE}): "
                    + "the tracker group member's name and the prefix of the ids it gives.")
    int nodeId;

    @Option(names = "--partitions", defaultValue = "12", paramLabel = "P",
            description = "With --kafka: partitions of the sector topic (default ${DEFAULT-VALUE}, at most the "
                    + "scenario's sector count); the same on every node, and fixed once the topic exists.")
    int partitions;

    @Option(names = "--halo", defaultValue = "1000", paramLabel = "METRES",
            description = "With --kafka: a detection within this distance of another sector also goes to that "
                    + "sector's owner (default ${DEFAULT-VALUE} m); the same on every node.")
    double haloM;

    @Option(names = "--topic-prefix", defaultValue = "skydas.", paramLabel = "PREFIX",
            description = "With --kafka: the topics are PREFIX detections, tracks, alerts, tracked (default ${DEFAULT-VALUE}).")
    String topicPrefix;

    @Option(names = "--replicas", defaultValue = "3", paramLabel = "R",
            description = "With --kafka: replicas of topics this node creates (default ${DEFAULT-VALUE}; "
                    + "min.insync.replicas 2 from 3 replicas; 1 for a one-broker test cluster).")
    short replicas;

    Security security() {
        return new Security(Security.parseDuration(tokenLifetime, "--token-lifetime"), tlsCert, tlsKey, clientCa,
                insecureFeeds, udpInterface, mqttUser, mqttPasswordFile, mqttCa);
    }

    @Override
    public Integer call() throws Exception {
        Path file = scenario != null ? scenario : ensureDemo(dataDir);
        if (!(reorderWindow >= 0 && reorderWindow <= 60)) {
            throw new UserError("--reorder-window must be between 0 and 60 s, is " + reorderWindow);
        }
        if (!(maxClockLead > 0)) {
            throw new UserError("--max-clock-lead must be > 0 s, is " + maxClockLead);
        }
        Operating operating;
        try {
            operating = new Operating(retainDetections, retainTrackHistory, bytes("--storage-low", storageLow),
                    bytes("--storage-floor", storageFloor));
            operating.retention(java.util.Map.of());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        if (operating.floorBytes() > operating.lowBytes()) {
            throw new UserError("--storage-floor (" + storageFloor + ") must not be above --storage-low (" + storageLow + ")");
        }
        Feeds.Ports feedPorts = new Feeds.Ports(cotPort, takInPort, asterixPort, asterixGroup,
                asterixInterface, remoteIdPort, mqttUrl, mqttTopic).withSensorStandards(sapientPort, gmtiPort, onvifPort);
        if (kafka != null || role != null) {
            serveCluster(file, feedPorts);
            return 0;
        }
        serve(file, host, port, dataDir, db, new Feeds.Ports(cotPort, takInPort, asterixPort, asterixGroup,
                asterixInterface, remoteIdPort, mqttUrl, mqttTopic).withSensorStandards(sapientPort, gmtiPort, onvifPort)
                .withOnvifRtsp(onvifRtsp), takOutPort, reorderWindow,
                new TerrainFiles(dems, landcover), maxClockLead, security(), operating);
        return 0;
    }

    /** {@code --kafka}: one node of a scaled-out WATCH until SIGTERM or Ctrl-C (ClusterServe). */
    private void serveCluster(Path file, Feeds.Ports feedPorts) throws Exception {
        if (kafka == null) {
            throw new UserError("--role needs --kafka HOST:PORT (without it Skydas runs embedded, every role in one process)");
        }
        if (db == null) {
            throw new UserError("--kafka needs --db postgresql://…: the nodes share their alerts, audit and users there");
        }
        if (nodeId < 0 || nodeId > 65_535) {
            throw new UserError("--node-id must be in 0..65535, is " + nodeId);
        }
        if (partitions < 1) {
            throw new UserError("--partitions must be >= 1, is " + partitions);
        }
        if (!(haloM >= 0)) {
            throw new UserError("--halo must be >= 0 m, is " + haloM);
        }
        if (replicas < 1) {
            throw new UserError("--replicas must be >= 1, is " + replicas);
        }
        ClusterServe.Options o = new ClusterServe.Options(kafka, db, ClusterServe.roles(role == null ? "all" : role),
                nodeId, partitions, haloM, topicPrefix, replicas, 72);
        ClusterServe node = ClusterServe.start(file, host, port, dataDir, o, feedPorts, reorderWindow, maxClockLead,
                security());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "skydas-shutdown"));
        node.announce(host);
        stopped.await();
    }

    /**
     * How a long-running server keeps its disk bounded: retention overrides ({@code null}: the scenario's, else the
     * defaults) and the free-space thresholds of the storage guard.
     */
    record Operating(String retainDetections, String retainTrackHistory, long lowBytes, long floorBytes) {

        static final Operating DEFAULTS = new Operating(null, null, 2L << 30, 512L << 20);

        org.skydas.server.ops.RetentionSettings retention(java.util.Map<String, String> metadata) {
            return org.skydas.server.ops.RetentionSettings.fromMetadata(metadata).with(retainDetections,
                    "--retain-detections", retainTrackHistory, "--retain-track-history");
        }
    }

    /** {@code 512M}, {@code 2G}, {@code 1048576}: bytes. */
    static long bytes(String option, String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*([KMGT]?)I?B?").matcher(value.trim().toUpperCase(
                java.util.Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(option + ": '" + value + "' is not a size such as 512M or 2G");
        }
        int shift = switch (m.group(2)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            case "T" -> 40;
            default -> 0;
        };
        return Long.parseLong(m.group(1)) << shift;
    }

    /** The demo scenario in {@code dataDir}, built on first use. */
    static Path ensureDemo(Path dataDir) throws Exception {
        Path file = dataDir.resolve("demo.gpkg");
        if (!Files.exists(file)) {
            ScenarioCommand.writeDemo(file, 10_000);
        }
        return file;
    }

    /** Opens the watch store (PostgreSQL when {@code db} is given, else SQLite in {@code dataDir}). */
    static WatchServices openWatch(Path dataDir, String db) throws Exception {
        return openWatch(dataDir, db, org.skydas.server.auth.Sessions.DEFAULT_TTL);
    }

    /**
     * Opens the watch store with tokens living {@code tokenLifetime}. On first start the user {@code admin}
     * is created with SKYDAS_ADMIN_PASSWORD (it must follow the password rules) or a generated password,
     * which goes to {@link #ADMIN_PASSWORD_FILE} in {@code dataDir}, readable by its owner only; the log and
     * the console say where, never what.
     */
    static WatchServices openWatch(Path dataDir, String db, java.time.Duration tokenLifetime) throws Exception {
        return openWatch(dataDir, db, tokenLifetime, false);
    }

    /** As above; {@code shared}: several nodes write this PostgreSQL store (cluster mode, ADR 0024). */
    static WatchServices openWatch(Path dataDir, String db, java.time.Duration tokenLifetime, boolean shared)
            throws Exception {
        WatchStore store = db != null ? WatchStore.openPostgres(db) : WatchStore.openSqlite(dataDir);
        if (shared) {
            store.sharedWithOtherNodes();
        }
        WatchServices watch = new WatchServices(store, tokenLifetime);
        String fromEnv = System.getenv("SKYDAS_ADMIN_PASSWORD");
        java.util.Optional<String> created;
        try {
            created = watch.ensureAdmin(fromEnv);
        } catch (IllegalArgumentException e) {
            watch.close();
            throw new UserError("SKYDAS_ADMIN_PASSWORD: " + e.getMessage());
        }
        if (created.isPresent() && (fromEnv == null || fromEnv.isEmpty())) {
            Path file = writeOwnerOnly(dataDir.resolve(ADMIN_PASSWORD_FILE), created.get());
            org.slf4j.LoggerFactory.getLogger(ServeCommand.class).info("event=admin_password_written file=\"{}\"",
                    file.toAbsolutePath());
            System.out.println("First start: created user 'admin'; its password is in " + file.toAbsolutePath()
                    + " (readable by this OS user only; change it with 'skydas users passwd admin' and delete the file)");
        }
        return watch;
    }

    static final String ADMIN_PASSWORD_FILE = "admin-password.txt";

    /** Writes {@code text} to {@code file} created with permissions rw------- (owner only), replacing it. */
    static Path writeOwnerOnly(Path file, String text) throws java.io.IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        java.util.Set<java.nio.file.attribute.PosixFilePermission> ownerOnly =
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------");
        try {
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(ownerOnly));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not POSIX: the directory's own protection applies
        }
        Files.writeString(file, text + System.lineSeparator(), java.nio.charset.StandardCharsets.UTF_8);
        return file;
    }

    /** A running Skydas: what {@link #start} opened, and one idempotent way to close it all. */
    record Running(Scenario scenario, WatchServices watch, LivePipeline pipeline, Feeds feeds, CotOut takOut,
                   SkydasServer server, org.skydas.server.ops.Operations operations) implements AutoCloseable {

        CotListener cot() {
            return feeds.cot();
        }

        int cotPort() {
            return feeds.cotPort();
        }

        @Override
        public synchronized void close() {
            operations.close();
            server.stop();
            feeds.close();
            if (takOut != null) {
                takOut.close();
            }
            try {
                pipeline.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                watch.close();
            } catch (java.sql.SQLException e) {
                System.err.println("skydas: closing the watch store: " + e.getMessage());
            }
        }
    }

    /** Opens the stores, the pipeline, the listeners and the HTTP server. */
    static Running start(Path file, String host, int port, Path dataDir, String db, Feeds.Ports feedPorts,
                         int takOutPort, double windowS, TerrainFiles terrain) throws Exception {
        return start(file, host, port, dataDir, db, feedPorts, takOutPort, windowS, terrain, Security.DEFAULTS,
                Operating.DEFAULTS);
    }

    /** Opens the stores, the pipeline, the listeners and the HTTP server, protected as {@code security} says. */
    static Running start(Path file, String host, int port, Path dataDir, String db, Feeds.Ports feedPorts,
                         int takOutPort, double windowS, TerrainFiles terrain, Security security) throws Exception {
        return start(file, host, port, dataDir, db, feedPorts, takOutPort, windowS, terrain, security, Operating.DEFAULTS);
    }

    /** Opens the stores, the pipeline, the listeners and the HTTP server with {@code operating}'s retention and guard. */
    static Running start(Path file, String host, int port, Path dataDir, String db, Feeds.Ports feedPorts,
                         int takOutPort, double windowS, TerrainFiles terrain, Operating operating) throws Exception {
        return start(file, host, port, dataDir, db, feedPorts, takOutPort, windowS, terrain, Security.DEFAULTS, operating);
    }

    static Running start(Path file, String host, int port, Path dataDir, String db, Feeds.Ports feedPorts,
                         int takOutPort, double windowS, TerrainFiles terrain, Security security, Operating operating)
            throws Exception {
        Scenario s = ScenarioStore.read(file);
        org.skydas.server.ops.RetentionSettings retention;
        try {
            org.skydas.alert.WatchSettings.fromMetadata(s.metadata());
            org.skydas.watch.normalise.FeedSensorModels.fromMetadata(s.metadata());
            retention = operating.retention(s.metadata());
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
        // Ground below targets for class hints from a measured height (none without a DEM).
        org.skydas.terrain.HeightAboveGround ground;
        try {
            ground = org.skydas.terrain.HeightAboveGround.read(terrain.dems());
        } catch (org.skydas.terrain.DemFormatException | IllegalArgumentException e) {
            throw new UserError("--dem: " + e.getMessage());
        }
        WatchServices watch = openWatch(dataDir, db, security.tokenLifetime());
        // An empty obstacle register starts from the scenario's obstacle_fields layer (the demo's examples).
        watch.seedObstacles(org.skydas.store.ObstacleLayer.read(file), file.toString());
        LivePipeline pipeline = WatchWiring.pipeline(s, watch, 100_000, windowS).withGround(WatchWiring.ground(ground));
        Feeds.Guard guard = security.feedGuard(host);
        Feeds feeds;
        try {
            feeds = Feeds.start(host, feedPorts, pipeline, guard);
            logFeedSecurity(security, guard);
        } catch (RuntimeException e) {
            pipeline.close();
            watch.close();
            throw e;
        }
        CotOut takOut = null;
        if (takOutPort >= 0) {
            try {
                takOut = CotOut.start(host, takOutPort, new org.skydas.ingest.listen.TcpOptions(64, 0, guard.tcp().tls()))
                        .withLatency(watch.alertLatency());
            } catch (Exception e) {
                throw new UserError("cannot listen for TAK clients on " + host + ":" + takOutPort + ": " + e.getMessage());
            }
            pipeline.onTrackChange(takOut::track, t -> { });
            pipeline.withStats("tak_out", takOut::stats);
            watch.onAlertCommitted(takOut::alertCommitted);
        }
        // In the background at low priority: the server answers at once, the map fills in, and alerts say
        // whether they arose in covered ground or in a gap once the coverage is ready.
        org.skydas.server.coverage.CoverageService coverage = org.skydas.server.coverage.CoverageService.start(s,
                terrain.dems(), terrain.landcover(), org.skydas.server.coverage.CoverageSettings.defaults());
        pipeline.withCoverage(new org.skydas.server.coverage.CoverageAtPoint(coverage));
        CotOut out = takOut;
        SkydasServer server = new SkydasServer(new ScenarioView(s), file.toString(), watch)
                .withTls(security.tlsCert(), security.tlsKey())
                .withLive(pipeline, feeds::stats)
                .withSapient(feeds.sapientFeed(), feeds.sapientLink())
                .withListenerHealth(() -> {
                    java.util.Map<String, Boolean> m = feeds.health();
                    if (out != null) {
                        m.put("tak-out", out.isOpen());
                    }
                    return m;
                })
                .withCoverage(coverage)
                .withSiting(new org.skydas.server.siting.SitingJobs(s, terrain.dems(), terrain.landcover()))
                .withCorridors(new org.skydas.server.corridor.CorridorService(s, terrain.dems(), terrain.landcover(),
                        new org.skydas.server.corridor.CoverageDetection(coverage),
                        org.skydas.server.corridor.CorridorService.Settings.defaults()))
                .withExports(dataDir.resolve("exports"))
                .withScenarioFile(file);
        try {
            server.start(host, port);
        } catch (RuntimeException e) {
            throw new UserError("cannot listen on " + host + ":" + port + ": " + rootMessage(e));
        }
        // Bounded disk for a server that runs for months: retention in the background, and a guard that refuses new
        // data (keeping everything else served) before the disk is full.
        org.skydas.server.ops.Operations ops = new org.skydas.server.ops.Operations(
                org.skydas.server.ops.RetentionPurger.start(watch, retention, RETENTION_PERIOD_MS, WatchServices::now),
                new org.skydas.server.ops.StorageGuard(dataDir, operating.lowBytes(), operating.floorBytes(),
                        org.skydas.server.ops.StorageGuard.fileSystemOf(dataDir), watch, pipeline::refuseNewData)
                        .start(STORAGE_PERIOD_MS));
        server.withOperations(ops);
        return new Running(s, watch, pipeline, feeds, takOut, server, ops);
    }

    /** Says in the log how the feeds are protected, and loudly when they are not. */
    static void logFeedSecurity(Security security, Feeds.Guard guard) {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ServeCommand.class);
        if (security.mutualTlsFeeds()) {
            log.info("event=feeds_secured tcp=tls_client_certificates client_ca=\"{}\" udp_bind={}",
                    security.clientCa(), guard.udpHost());
        } else {
            log.warn("event=feeds_unauthenticated detail=\"anyone who reaches the CoT, TAK, ASTERIX and Remote ID "
                    + "ports can inject tracks, and the TAK-out port gives every track and alert: use --client-ca, "
                    + "or keep these ports on a closed sensor network\" udp_bind={}", guard.udpHost());
        }
    }

    /** Retention runs this often; the disk is looked at this often, ms. */
    static final long RETENTION_PERIOD_MS = 10_000;
    static final long STORAGE_PERIOD_MS = 5_000;

    static void serve(Path file, String host, int port, Path dataDir, String db, Feeds.Ports feedPorts, int takOutPort,
                      double windowS, TerrainFiles terrain, double maxClockLeadS, Security security, Operating operating)
            throws Exception {
        Running r = start(file, host, port, dataDir, db, feedPorts, takOutPort, windowS, terrain, security, operating);
        r.pipeline().withMaxClockLead(maxClockLeadS);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            r.close();
            stopped.countDown();
        }, "skydas-shutdown"));
        announce(r, host);
        stopped.await();
    }

    static void announce(Running r, String host) {
        String shown = host.equals("0.0.0.0") ? "localhost" : host.equals("127.0.0.1") ? "localhost" : host;
        System.out.println("Skydas is serving " + r.scenario().name() + " on " + (r.server().https() ? "https" : "http")
                + "://" + shown + ":" + r.server().port() + "/");
        r.feeds().announce(System.out);
        if (r.takOut() != null) {
            System.out.println("TAK clients (CoT out) on tcp port " + r.takOut().port());
        }
        System.out.println("Borders: © OpenStreetMap contributors, ODbL. Stop with Ctrl-C.");
        System.out.flush();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
