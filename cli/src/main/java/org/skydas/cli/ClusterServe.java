package org.skydas.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.skydas.cluster.ClusterLivePicture;
import org.skydas.alert.WatchSettings;
import org.skydas.cluster.ClusterTopics;
import org.skydas.cluster.IngestAlerts;
import org.skydas.cluster.SectorConsumer;
import org.skydas.cluster.SectorJournal;
import org.skydas.cluster.SectorMap;
import org.skydas.cluster.SectorPublisher;
import org.skydas.cluster.TrackerNode;
import org.skydas.model.Scenario;
import org.skydas.server.ScenarioView;
import org.skydas.server.SkydasServer;
import org.skydas.server.WatchServices;
import org.skydas.store.ScenarioStore;
import org.skydas.store.watch.WatchStore;
import org.skydas.watch.LivePipeline;
import org.skydas.watch.port.Ports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code skydas serve --kafka HOST:PORT --db postgresql://… --role …}: one node of a scaled-out WATCH
 * (docs/adr/0024-kafka-scale-out.md). Roles, alone or together ({@code ingest,api}; {@code all} = the three):
 * <ul>
 *   <li><b>ingest</b>: the listeners and the normaliser; the journal is the sector topic ({@link SectorJournal}: a
 *       detection is accepted when Kafka acknowledged every copy); nothing is tracked here, but the silence of the
 *       node's own sensors raises sensor_down into the shared store ({@link IngestAlerts});</li>
 *   <li><b>tracker</b>: a member of the tracker group ({@link SectorConsumer}) running a {@link TrackerNode} over the
 *       partitions it owns, alerts into the shared PostgreSQL store, tracks and alerts to their topics;</li>
 *   <li><b>api</b>: the HTTP API and web client over the shared PostgreSQL store (alerts, acknowledgements, audit,
 *       users), stateless; the live tracks and the WebSocket's track and alert pushes from the tracks and alerts
 *       topics ({@link ClusterLivePicture}); it escalates the shared alerts left unacknowledged (several API nodes
 *       escalate each once).</li>
 * </ul>
 */
final class ClusterServe implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterServe.class);

    /** The consumer group of the tracker nodes. */
    static final String TRACKER_GROUP = "skydas-trackers";

    enum Role {
        INGEST, TRACKER, API
    }

    /** What a cluster node needs beyond the embedded server's options. */
    record Options(String kafka, String db, Set<Role> roles, int nodeId, int partitions, double haloM,
                   String topicPrefix, short replicas, int retentionHours) {
    }

    /** {@code ingest}, {@code tracker,api}, {@code all}: the roles named. */
    static Set<Role> roles(String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : text.toLowerCase(Locale.ROOT).split(",")) {
            switch (r.trim()) {
                case "all" -> roles.addAll(EnumSet.allOf(Role.class));
                case "ingest" -> roles.add(Role.INGEST);
                case "tracker" -> roles.add(Role.TRACKER);
                case "api" -> roles.add(Role.API);
                default -> throw new UserError("--role: '" + r.trim() + "' is not ingest, tracker, api or all");
            }
        }
        if (roles.isEmpty()) {
            throw new UserError("--role: name at least one of ingest, tracker, api, all");
        }
        return roles;
    }

    private final List<AutoCloseable> open = new ArrayList<>();
    LivePipeline pipeline;
    Feeds feeds;
    SkydasServer server;
    TrackerNode tracker;
    SectorConsumer consumer;
    SectorPublisher publisher;
    ClusterLivePicture live;

    /** Starts the node's roles; on a failure closes what had started. */
    static ClusterServe start(Path file, String host, int port, Path dataDir, Options o, Feeds.Ports feedPorts,
                              double windowS, double maxClockLeadS, Security security) throws Exception {
        ClusterServe node = new ClusterServe();
        try {
            node.startRoles(file, host, port, dataDir, o, feedPorts, windowS, maxClockLeadS, security);
            return node;
        } catch (Exception | Error e) {
            node.close();
            throw e;
        }
    }

    private void startRoles(Path file, String host, int port, Path dataDir, Options o, Feeds.Ports feedPorts,
                            double windowS, double maxClockLeadS, Security security) throws Exception {
        Scenario s = ScenarioStore.read(file);
        SectorMap map;
        try {
            map = SectorMap.of(s, Math.min(o.partitions(), s.sectors().size()), o.haloM());
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
        ClusterTopics topics = ClusterTopics.withPrefix(o.topicPrefix());
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, o.kafka()));
        open.add(admin);
        try {
            topics.ensure(admin, map, o.replicas(), o.retentionHours());
        } catch (java.util.concurrent.ExecutionException e) {
            throw new UserError("--kafka " + o.kafka() + ": cannot create or check the topics: " + e.getCause().getMessage());
        } catch (IllegalStateException e) {
            throw new UserError(e.getMessage());
        }
        if (o.roles().contains(Role.TRACKER) && o.nodeId() >= 1 << 13) {
            throw new UserError("--node-id: a tracker node's id must be in 0..8191 (its global track ids, shown in the "
                    + "browser, must stay below 2^53), is " + o.nodeId());
        }
        if (o.roles().contains(Role.TRACKER)) {
            WatchStore store = WatchStore.openPostgres(o.db()).sharedWithOtherNodes();
            open.add(store);
            KafkaProducer<String, byte[]> producer = new KafkaProducer<>(SectorPublisher.producerConfig(o.kafka(),
                    "skydas-tracker-" + o.nodeId()));
            open.add(producer);
            tracker = new TrackerNode(s, map, o.nodeId(), store, producer, topics, admin, o.kafka(), TRACKER_GROUP,
                    new TrackerNode.Settings(windowS, TrackerNode.Settings.defaults().rebuildS(),
                            TrackerNode.Settings.defaults().publishStepS()));
            open.add(tracker);
            tracker.awaitTracksRead(TrackerNode.REGISTRY_CATCH_UP_MS); // before joining: no partition waits for it
            consumer = SectorConsumer.connect(o.kafka(), TRACKER_GROUP, topics.detections(), map, tracker,
                    "node-" + o.nodeId(), Map.of()).start();
            open.add(consumer);
            System.out.println("Skydas tracker node " + o.nodeId() + " in group " + TRACKER_GROUP + " on "
                    + topics.detections() + " (" + map.partitions() + " partitions, " + map.sectorIds().size()
                    + " sectors, halo " + Math.round(map.haloM()) + " m)");
        }
        if (o.roles().contains(Role.INGEST)) {
            publisher = SectorPublisher.connect(o.kafka(), topics.detections(), map, o.nodeId(), Map.of());
            open.add(publisher);
            // An ingest node tracks nothing; what it finds is the silence of its own sensors (sensor_down).
            WatchStore alertStore = WatchStore.openPostgres(o.db()).sharedWithOtherNodes();
            open.add(alertStore);
            KafkaProducer<String, byte[]> alertProducer = new KafkaProducer<>(SectorPublisher.producerConfig(o.kafka(),
                    "skydas-ingest-alerts-" + o.nodeId()));
            open.add(alertProducer);
            IngestAlerts alerts = new IngestAlerts(alertStore, alertProducer, topics.alerts(), o.nodeId());
            SectorPublisher pub = publisher;
            pipeline = new LivePipeline(s, new Ports(new SectorJournal(publisher, 30_000), alerts, points -> { }),
                    100_000, windowS).withoutTracking().withMaxClockLead(maxClockLeadS)
                    .withStats("kafka", pub::counters).withStats("ingest_alerts", alerts::counters);
            open.add(pipeline);
            Feeds.Guard guard = security.feedGuard(host);
            feeds = Feeds.start(host, feedPorts, pipeline, guard);
            open.add(feeds);
            ServeCommand.logFeedSecurity(security, guard);
        }
        if (o.roles().contains(Role.API)) {
            WatchServices watch = ServeCommand.openWatch(dataDir, o.db(), security.tokenLifetime(), true);
            open.add(watch);
            server = new SkydasServer(new ScenarioView(s), file.toString(), watch)
                    .withTls(security.tlsCert(), security.tlsKey())
                    .withExports(dataDir.resolve("exports"))
                    .withScenarioFile(file);
            if (pipeline != null) {
                server.withLive(pipeline, feeds::stats).withListenerHealth(feeds::health);
            }
            // The tracks are on the tracker nodes: every API node shows them, and pushes them and new alerts, from the
            // tracks and alerts topics (an ingest node's pipeline tracks nothing).
            live = new ClusterLivePicture(o.kafka(), topics, o.nodeId(), watch::alert,
                    ClusterLivePicture.Settings.defaults()).start();
            open.add(live);
            server.withLivePicture(live);
            try {
                server.start(host, port);
            } catch (RuntimeException e) {
                throw new UserError("cannot listen on " + host + ":" + port + ": " + e.getMessage());
            }
            open.add(server::stop);
            open.add(escalateShared(watch, WatchSettings.fromMetadata(s.metadata()).escalateAfterS()));
        }
        LOG.info("event=cluster_node_started node={} roles={} kafka={} partitions={}", o.nodeId(), o.roles(),
                o.kafka(), map.partitions());
    }

    /**
     * An API node escalates the shared alerts left unacknowledged (every {@link #ESCALATE_EVERY_S} s, as one process's
     * watch loop does): in the store, under the lock of every node's alert writes, so several API nodes escalate each
     * alert once (WatchStore.escalateShared). Returns what stops it.
     */
    private static AutoCloseable escalateShared(WatchServices watch, double afterS) {
        java.util.concurrent.ScheduledExecutorService every = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "skydas-escalation");
                    t.setDaemon(true);
                    return t;
                });
        every.scheduleWithFixedDelay(() -> {
            try {
                watch.escalate(afterS);
            } catch (Exception e) { // the next round tries again: a thrown exception would end the schedule
                LOG.warn("event=escalation_failed error=\"{}\"", e.toString());
            }
        }, ESCALATE_EVERY_S, ESCALATE_EVERY_S, java.util.concurrent.TimeUnit.SECONDS);
        return every::shutdownNow;
    }

    /** How often an API node escalates, s. */
    static final long ESCALATE_EVERY_S = 5;

    void announce(String host) {
        if (server != null) {
            String shown = host.equals("0.0.0.0") || host.equals("127.0.0.1") ? "localhost" : host;
            System.out.println("Skydas API node on " + (server.https() ? "https" : "http") + "://" + shown + ":"
                    + server.port() + "/");
        }
        if (feeds != null) {
            feeds.announce(System.out);
        }
        System.out.flush();
    }

    /** Closes in reverse order of starting: the consumer hands its partitions over and leaves the group first. */
    @Override
    public synchronized void close() {
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                System.err.println("skydas: closing: " + e.getMessage());
            }
        }
        open.clear();
    }
}
