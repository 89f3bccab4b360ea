package org.skydas.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.locationtech.jts.geom.Coordinate;
import org.skydas.cluster.ClusterRecords;
import org.skydas.cluster.ClusterTopics;
import org.skydas.cluster.DetectionCodec;
import org.skydas.cluster.DevBroker;
import org.skydas.cluster.MalformedRecordException;
import org.skydas.cluster.SectorMap;
import org.skydas.geo.Lks94;
import org.skydas.ingest.cot.CotDetail;
import org.skydas.ingest.cot.CotEvent;
import org.skydas.ingest.cot.CotPoint;
import org.skydas.ingest.cot.CotXmlWriter;
import org.skydas.model.Scenario;
import org.skydas.store.ScenarioStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skydas cluster-demo}: a scaled-out WATCH on this machine (docs/adr/0024-kafka-scale-out.md). A one-node KRaft
 * broker in this process ({@link DevBroker}), a new database on the machine's PostgreSQL (or {@code --db}), one
 * ingest+API node and N tracker nodes as separate {@code skydas serve --kafka} processes; a load of vehicles driving
 * across the border reported over CoT (TCP) to the ingest node at {@code --rate} detections/s; one tracker node killed
 * with SIGKILL at half time and started again under its node id at two thirds. The figures come from what the system
 * wrote, not from the nodes' own counters: accepted =
 * owner copies on the sector topic, tracked = ids the tracker nodes reported handling (topic {@code tracked}, written
 * before their commit), alerts = the PostgreSQL store, duplicates = a second alert of one rule for one vehicle (CoT
 * uid), failover = from the kill to the first track update another node published in the dead node's sectors,
 * detection→alert = receipt at the ingest node to the alert's commit (on the alerts topic); also after a warm-up, and
 * per stage: receipt → on the sector topic (the record's time) and receipt → reported tracked.
 */
@Command(name = "cluster-demo", mixinStandardHelpOptions = true,
        description = "Run a scaled-out WATCH on this machine (Kafka in-process, PostgreSQL, one ingest+API node and "
                + "N tracker nodes as processes), drive vehicles across the border, SIGKILL one tracker node at half "
                + "time, and print what was lost, duplicated and how fast it failed over.")
public final class ClusterDemoCommand implements Callable<Integer> {

    @Option(names = "--nodes", defaultValue = "3", description = "Tracker nodes (default ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--rate", defaultValue = "5000", description = "Detections per second (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--duration", defaultValue = "120", description = "Seconds of load (default ${DEFAULT-VALUE}).")
    int duration;

    @Option(names = "--headless", description = "Print only the result lines (no progress, no console URL).")
    boolean headless;

    @Option(names = "--db", paramLabel = "URL", defaultValue = "postgresql://postgres@127.0.0.1:5432",
            description = "PostgreSQL + PostGIS server (a database skydas_demo_… is made there and dropped after; "
                    + "default ${DEFAULT-VALUE}).")
    String db;

    @Option(names = "--partitions", defaultValue = "12", description = "Sector partitions (default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--session-timeout", defaultValue = "6", paramLabel = "SECONDS",
            description = "The broker's consumer-group session timeout: how long a killed node's sectors wait "
                    + "(default ${DEFAULT-VALUE} s).")
    int sessionTimeoutS;

    @Option(names = "--report-hz", defaultValue = "2", description = "Reports per vehicle per second (default ${DEFAULT-VALUE}).")
    double reportHz;

    @Option(names = "--no-kill", description = "Do not kill a tracker node.")
    boolean noKill;

    @Option(names = "--no-restart", description = "Do not start the killed tracker node again (at two thirds of the "
            + "load).")
    boolean noRestart;

    @Option(names = "--warmup", defaultValue = "15", paramLabel = "SECONDS",
            description = "Seconds at the start of the load whose alerts are also reported apart: the nodes' JVMs "
                    + "warming up, and every vehicle appearing at once near the border (default ${DEFAULT-VALUE}).")
    int warmupS;

    @Option(names = "--latency-windows", description = "Also print the latencies per 5 s of load (where they come from).")
    boolean latencyWindows;

    @Option(names = "--keep", description = "Keep the database and the nodes' logs (their folder is printed).")
    boolean keep;

    @Option(names = "--seed", defaultValue = "17", description = "Random seed of the vehicles (default ${DEFAULT-VALUE}).")
    long seed;

    private final List<Process> children = new ArrayList<>();
    private Path keptIn;
    /** Starts the killed tracker node (node 2) again. */
    private java.util.concurrent.Callable<Process> startVictimAgain;

    @Override
    public Integer call() throws Exception {
        if (nodes < 1 || rate < 1 || duration < 4 || !(reportHz > 0)) {
            throw new UserError("--nodes, --rate >= 1, --duration >= 4 s and --report-hz > 0, please");
        }
        Path work = Files.createTempDirectory("skydas-cluster-demo");
        keptIn = work;
        Path scenarioFile = work.resolve("demo.gpkg");
        ScenarioCommand.writeDemo(scenarioFile, 10_000);
        Scenario scenario = ScenarioStore.read(scenarioFile);
        SectorMap map = SectorMap.of(scenario, Math.min(partitions, scenario.sectors().size()), 1000);
        String database = "skydas_demo_" + Long.toHexString(System.nanoTime());
        String server = db.endsWith("/") ? db.substring(0, db.length() - 1) : db;
        ClusterProcesses.createDatabase(server, database, "cluster-demo");
        String dbUrl = server + "/" + database;
        ClusterTopics topics = ClusterTopics.DEFAULT;
        try (DevBroker broker = new DevBroker(sessionTimeoutS * 1000); Admin admin = broker.admin()) {
            topics.ensure(admin, map, (short) 1, 24);
            int cotPort = ClusterProcesses.freePort();
            int httpPort = ClusterProcesses.freePort();
            children.add(ClusterProcesses.startNode(work, broker.bootstrap(), dbUrl, scenarioFile, map, "ingest,api",
                    1, List.of("--cot-port", Integer.toString(cotPort), "--port", Integer.toString(httpPort))));
            for (int k = 0; k < nodes; k++) {
                children.add(ClusterProcesses.startNode(work, broker.bootstrap(), dbUrl, scenarioFile, map, "tracker",
                        2 + k, List.of()));
            }
            startVictimAgain = () -> ClusterProcesses.startNode(work, broker.bootstrap(), dbUrl, scenarioFile, map,
                    "tracker", 2, List.of());
            Readers readers = new Readers(broker.bootstrap(), topics);
            readers.start();
            try {
                awaitReady(admin, cotPort);
                if (!headless) {
                    System.out.println("cluster: broker " + broker.bootstrap() + ", database " + dbUrl + ", console "
                            + "http://localhost:" + httpPort + "/ (user admin, password in " + work.resolve("node-1")
                            .resolve(ServeCommand.ADMIN_PASSWORD_FILE) + "), logs in " + work);
                }
                long sent = drive(scenario, cotPort, readers, map);
                drain(readers, sent);
                report(readers, sent, dbUrl);
            } finally {
                readers.close();
                stopChildren(); // while the broker still runs: the nodes leave the group and close cleanly
            }
        } finally {
            stopChildren();
            if (!keep) {
                ClusterProcesses.dropDatabase(server, database, "cluster-demo");
                ClusterProcesses.deleteTree(work);
            } else {
                System.err.println("cluster-demo: kept database " + dbUrl + " and logs in " + work);
            }
        }
        return 0;
    }

    // ---- the nodes --------------------------------------------------------------------------------------------------

    /** Waits until the ingest node's CoT port answers and every tracker node is in the group. */
    private void awaitReady(Admin admin, int cotPort) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            for (Process p : children) {
                if (!p.isAlive()) {
                    throw new UserError("cluster-demo: a node stopped at start (exit " + p.exitValue()
                            + "); run with --keep and read its node.log");
                }
            }
            boolean cot = false;
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", cotPort), 200);
                cot = true;
            } catch (java.io.IOException e) {
                // not yet
            }
            int members = 0;
            try {
                var d = admin.describeConsumerGroups(List.of(ClusterServe.TRACKER_GROUP)).all().get(5, TimeUnit.SECONDS)
                        .get(ClusterServe.TRACKER_GROUP);
                members = d == null ? 0 : (int) d.members().stream().filter(m -> !m.assignment().topicPartitions()
                        .isEmpty()).count();
            } catch (Exception e) {
                // the group does not exist yet
            }
            if (cot && members >= Math.min(nodes, partitions)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new UserError("cluster-demo: the nodes did not come up within 120 s (CoT port " + (cot ? "up" : "down")
                        + ", " + members + " of " + nodes + " tracker nodes in the group)");
            }
            Thread.sleep(250);
        }
    }

    private void stopChildren() {
        ClusterProcesses.stop(children);
    }

    // ---- the load ---------------------------------------------------------------------------------------------------

    /** Sends CoT reports at {@code rate} per second for {@code duration} s; kills a tracker node at half time. */
    private long drive(Scenario scenario, int cotPort, Readers readers, SectorMap map) throws Exception {
        int n = Math.max(1, (int) Math.round(rate / reportHz));
        List<BorderFleet.Mover> fleet = BorderFleet.crossing(scenario, n, seed);
        if (fleet.isEmpty()) {
            throw new UserError("cluster-demo: the scenario has no land border with national territory to cross");
        }
        CotXmlWriter writer = new CotXmlWriter();
        long sent = 0;
        long start = System.nanoTime();
        long t0 = System.currentTimeMillis();
        boolean killed = noKill;
        boolean restarted = noKill || noRestart;
        readers.loadStarted(t0);
        long nextProgress = 5;
        int next = 0;
        try (Socket socket = new Socket("127.0.0.1", cotPort)) {
            socket.setTcpNoDelay(true);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            while (true) {
                double elapsed = (System.nanoTime() - start) / 1e9;
                if (elapsed >= duration) {
                    break;
                }
                if (!killed && elapsed >= duration / 2.0) {
                    killed = true;
                    kill(readers);
                }
                if (!restarted && elapsed >= duration * 2 / 3.0) {
                    restarted = true;
                    restart(readers);
                }
                long due = (long) (elapsed * rate);
                long now = System.currentTimeMillis();
                Instant time = Instant.ofEpochMilli(now);
                double s = (now - t0) / 1000.0;
                while (sent < due) {
                    BorderFleet.Mover v = fleet.get(next);
                    next = (next + 1) % fleet.size();
                    Coordinate ll = Lks94.toWgs84(v.x0() + v.vx() * s, v.y0() + v.vy() * s);
                    CotEvent e = CotEvent.of(v.uid(), "a-u-G-E-V", "m-g", time, time, time.plusSeconds(30),
                            new CotPoint(ll.y, ll.x, CotPoint.UNKNOWN, 10, CotPoint.UNKNOWN), CotDetail.EMPTY);
                    out.write(writer.write(e).getBytes(StandardCharsets.UTF_8));
                    sent++;
                }
                out.flush();
                if (!headless && elapsed >= nextProgress) {
                    nextProgress += 5;
                    System.out.printf("t=%3.0f s sent %d accepted %d tracked %d alerts %d%n", elapsed, sent,
                            readers.accepted(), readers.tracked(), readers.alerts());
                }
                Thread.sleep(10);
            }
        }
        return sent;
    }

    private void kill(Readers readers) {
        Process victim = children.get(1); // tracker node 2
        Set<String> sectors = readers.sectorsOf(2, 10_000);
        long at = System.currentTimeMillis();
        victim.destroyForcibly(); // SIGKILL on Unix: no hand-over, no commit, no goodbye to the group
        readers.killed(2, sectors, at);
        if (!headless) {
            System.out.println("killed tracker node 2 (SIGKILL), its sectors " + sectors);
        }
    }

    /** Starts the killed tracker node again under its node id: a static member of the group, it takes sectors back. */
    private void restart(Readers readers) throws Exception {
        long at = System.currentTimeMillis();
        children.add(startVictimAgain.call());
        readers.restarted(at);
        if (!headless) {
            System.out.println("started tracker node 2 again");
        }
    }

    /**
     * After the load: waits until the ingest node has accepted what was sent and the trackers have tracked what was
     * accepted, or until neither count moved for 15 s plus the session timeout (at most 5 minutes).
     */
    private void drain(Readers readers, long sent) throws InterruptedException {
        long lastAccepted = -1;
        long lastTracked = -1;
        long still = System.nanoTime();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            long accepted = readers.accepted();
            long tracked = readers.tracked();
            if (accepted >= sent && tracked >= accepted && readers.lost() == 0) {
                Thread.sleep(3_000); // the last alerts of the last batches
                return;
            }
            if (tracked != lastTracked || accepted != lastAccepted) {
                lastTracked = tracked;
                lastAccepted = accepted;
                still = System.nanoTime();
            } else if (System.nanoTime() - still > TimeUnit.SECONDS.toNanos(15 + sessionTimeoutS)) {
                return;
            }
            Thread.sleep(500);
        }
    }

    // ---- the figures ------------------------------------------------------------------------------------------------

    private void report(Readers readers, long sent, String dbUrl) throws Exception {
        Map<String, Long> byRule = new TreeMap<>();
        long duplicates = 0;
        try (Connection c = ClusterProcesses.connect(dbUrl); Statement st = c.createStatement()) {
            Map<String, List<String>> perTarget = new TreeMap<>();
            try (ResultSet rs = st.executeQuery("SELECT rule, subject, id, raised_at, sector_id FROM alerts ORDER BY id")) {
                while (rs.next()) {
                    String rule = rs.getString(1).toLowerCase(java.util.Locale.ROOT);
                    byRule.merge(rule, 1L, Long::sum);
                    String target = readers.targetOf(rs.getString(2));
                    List<String> same = perTarget.computeIfAbsent(rule + " " + target, k -> new ArrayList<>());
                    same.add("alert " + rs.getLong(3) + " " + rs.getString(2) + " t=" + rs.getDouble(4) + " sector "
                            + rs.getString(5) + " node " + readers.nodeOf(rs.getLong(3)));
                    if (same.size() > 1) {
                        duplicates++;
                    }
                }
            }
            if (keep && duplicates > 0) {
                List<String> lines = new ArrayList<>();
                perTarget.forEach((key, alerts) -> {
                    if (alerts.size() > 1) {
                        lines.add(key + ": " + String.join("; ", alerts));
                    }
                });
                Files.write(keptIn.resolve("duplicates.txt"), lines);
            }
        }
        System.out.println("detections sent " + sent);
        System.out.println("detections accepted " + readers.accepted());
        System.out.println("detections tracked " + readers.tracked());
        System.out.println("lost " + readers.lost());
        System.out.println("duplicate alerts " + duplicates);
        double failover = readers.failoverS();
        System.out.println("failover_s " + (noKill ? "none" : Double.isNaN(failover) ? "not seen"
                : String.format(java.util.Locale.ROOT, "%.1f", failover)));
        byRule.forEach((rule, count) -> System.out.println("alerts " + rule + " " + count));
        System.out.println("p99 detection_to_alert_ms " + readers.alertPercentile(0.99, Long.MIN_VALUE, r -> false));
        if (!noKill) {
            System.out.println("p99 detection_to_alert_ms_outside_failover " + readers.alertPercentile(0.99,
                    Long.MIN_VALUE, readers::failoverWindow));
            double back = readers.restartS();
            if (!noRestart) {
                System.out.println("restart_s " + (Double.isNaN(back) ? "not seen"
                        : String.format(java.util.Locale.ROOT, "%.1f", back)));
            }
        }
        long warm = readers.loadStart() + warmupS * 1000L;
        System.out.println("p50 detection_to_alert_ms_after_warmup " + readers.alertPercentile(0.50, warm,
                readers::failoverWindow));
        System.out.println("p99 detection_to_alert_ms_after_warmup " + readers.alertPercentile(0.99, warm,
                readers::failoverWindow));
        System.out.println("p99 detection_to_alert_ms_steady " + readers.alertPercentile(0.99, warm, readers::unsteady));
        System.out.println("p99 detection_to_kafka_ms_after_warmup " + Readers.percentile(readers.stages(true), 0.99,
                warm));
        System.out.println("p99 detection_to_tracked_ms_after_warmup " + Readers.percentile(readers.stages(false), 0.99,
                warm));
        if (latencyWindows) {
            readers.printWindows();
        }
        System.out.flush();
    }

    /**
     * Reads the four topics from their start into what the figures need: one consumer and thread per topic, so that
     * the large detections topic does not hold the others back.
     */
    private static final class Readers implements AutoCloseable {
        private final List<KafkaConsumer<String, byte[]>> consumers = new ArrayList<>();
        private final List<Thread> threads = new ArrayList<>();
        private final ClusterTopics topics;
        private final String bootstrap;
        private volatile boolean running = true;
        private final Set<Long> accepted = new HashSet<>();
        private final Set<Long> tracked = new HashSet<>();
        private final Map<Long, String> trackTarget = new HashMap<>();
        private final Map<String, String> alertTarget = new HashMap<>();
        /** Per new alert: receipt of its detection and its latency (ms). */
        private final List<long[]> alertLatencies = new ArrayList<>();
        private final Map<Integer, Map<String, Long>> lastPublished = new HashMap<>();
        private int victim = -1;
        private Set<String> victimSectors = Set.of();
        private long killedAt;
        private long takeoverAt;

        Readers(String bootstrap, ClusterTopics topics) {
            this.bootstrap = bootstrap;
            this.topics = topics;
        }

        void start() throws InterruptedException {
            for (String topic : List.of(topics.detections(), topics.tracked(), topics.tracks(), topics.alerts())) {
                Map<String, Object> c = new HashMap<>();
                c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                c.put(ConsumerConfig.CLIENT_ID_CONFIG, "skydas-cluster-demo-" + topic);
                c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
                c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
                c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
                c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
                KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c);
                List<TopicPartition> all = ClusterTopics.partitionsOf(consumer, topic);
                consumer.assign(all);
                consumer.seekToBeginning(all);
                consumers.add(consumer);
                Thread t = new Thread(() -> run(consumer), "skydas-demo-reader-" + topic);
                t.setDaemon(true);
                threads.add(t);
            }
            threads.forEach(Thread::start);
        }

        private void run(KafkaConsumer<String, byte[]> consumer) {
            try {
                while (running) {
                    var records = consumer.poll(Duration.ofMillis(200));
                    synchronized (this) {
                        for (ConsumerRecord<String, byte[]> r : records) {
                            take(r);
                        }
                    }
                }
            } catch (WakeupException e) {
                // closing
            } finally {
                consumer.close();
            }
        }

        private void take(ConsumerRecord<String, byte[]> r) {
            String t = r.topic();
            if (t.equals(topics.detections())) {
                try {
                    DetectionCodec.Head d = DetectionCodec.head(r.value()); // the head alone: this reader is load too
                    if (!d.halo()) {
                        accepted.add(d.id());
                        receivedAt.put(d.id(), d.receivedAtMillis());
                        toKafka.add(new long[] {d.receivedAtMillis(), r.timestamp() - d.receivedAtMillis()});
                    }
                } catch (MalformedRecordException e) {
                    // none are written by the ingest node; nothing to count as accepted
                }
            } else if (t.equals(topics.tracked())) {
                ByteBuffer b = ByteBuffer.wrap(r.value());
                while (b.remaining() >= 8) {
                    long id = b.getLong();
                    tracked.add(id);
                    Long at = receivedAt.get(id);
                    if (at != null) {
                        toTracked.add(new long[] {at, r.timestamp() - at}); // the record's time: when it was sent
                    }
                }
            } else if (t.equals(topics.tracks())) {
                ClusterRecords.TrackRecord tr = ClusterRecords.decode(r.value(), ClusterRecords.TrackRecord.class);
                if (tr == null) {
                    return;
                }
                if (tr.externalId() != null) {
                    trackTarget.put(tr.id(), tr.externalId());
                }
                lastPublished.computeIfAbsent(tr.node(), k -> new HashMap<>()).put(tr.sector(), tr.publishedMs());
                if (victim >= 0 && takeoverAt == 0 && tr.node() != victim && victimSectors.contains(tr.sector())
                        && tr.publishedMs() >= killedAt) {
                    takeoverAt = tr.publishedMs();
                }
                if (restartedAt > 0 && backAt == 0 && tr.node() == victim && tr.publishedMs() >= restartedAt) {
                    backAt = tr.publishedMs();
                }
            } else if (t.equals(topics.alerts())) {
                ClusterRecords.AlertRecord a = ClusterRecords.decode(r.value(), ClusterRecords.AlertRecord.class);
                if (a == null) {
                    return;
                }
                if (a.externalId() != null) {
                    alertTarget.put(a.subject(), a.externalId());
                }
                alertNode.put(a.id(), a.node());
                if (a.receivedMs() > 0) {
                    alertLatencies.add(new long[] {a.receivedMs(), a.committedMs() - a.receivedMs()});
                }
            }
        }

        synchronized long accepted() {
            return accepted.size();
        }

        synchronized long tracked() {
            return tracked.size();
        }

        synchronized long alerts() {
            return alertLatencies.size();
        }

        synchronized long lost() {
            long lost = 0;
            for (Long id : accepted) {
                if (!tracked.contains(id)) {
                    lost++;
                }
            }
            return lost;
        }

        /** The sectors node {@code node} published tracks in within the last {@code withinMs}. */
        synchronized Set<String> sectorsOf(int node, long withinMs) {
            Set<String> s = new java.util.TreeSet<>();
            long since = System.currentTimeMillis() - withinMs;
            lastPublished.getOrDefault(node, Map.of()).forEach((sector, at) -> {
                if (at >= since) {
                    s.add(sector);
                }
            });
            return s;
        }

        synchronized void killed(int node, Set<String> sectors, long at) {
            victim = node;
            victimSectors = sectors;
            killedAt = at;
        }

        synchronized double failoverS() {
            return takeoverAt == 0 ? Double.NaN : (takeoverAt - killedAt) / 1000.0;
        }

        /** The vehicle (CoT uid) an alert subject is about, else the subject itself. */
        synchronized String targetOf(String subject) {
            String ext = alertTarget.get(subject);
            if (ext == null && subject.startsWith("track:")) {
                ext = trackTarget.get(Long.parseLong(subject.substring(6)));
            }
            return ext != null ? ext : subject;
        }

        /** Receipt time of each accepted detection (by id), and per detection its receipt and delay to a stage. */
        private final Map<Long, Long> receivedAt = new HashMap<>();
        private final List<long[]> toKafka = new ArrayList<>();
        private final List<long[]> toTracked = new ArrayList<>();
        private long loadStart;
        private final Map<Long, Integer> alertNode = new HashMap<>();
        private long restartedAt;
        private long backAt;

        /** The tracker node that announced alert {@code id}, -1 when not seen on the alerts topic. */
        synchronized int nodeOf(long id) {
            return alertNode.getOrDefault(id, -1);
        }

        synchronized void loadStarted(long at) {
            loadStart = at;
        }

        synchronized long loadStart() {
            return loadStart;
        }

        synchronized void restarted(long at) {
            restartedAt = at;
        }

        /** From the restart of the killed node to its first track update, s; NaN when not seen. */
        synchronized double restartS() {
            return backAt == 0 ? Double.NaN : (backAt - restartedAt) / 1000.0;
        }

        /** Receipt → on the sector topic ({@code kafka}) or → reported tracked, per accepted detection. */
        synchronized List<long[]> stages(boolean kafka) {
            return new ArrayList<>(kafka ? toKafka : toTracked);
        }

        /** A receipt from 2 s before the kill to {@code afterMs} after the take-over (or later, before it). */
        private boolean aroundFailover(long receivedMs, long afterMs) {
            return killedAt > 0 && receivedMs >= killedAt - 2_000
                    && receivedMs <= (takeoverAt > 0 ? takeoverAt + afterMs : Long.MAX_VALUE);
        }

        /** A receipt from the restart to 12 s after the restarted node's first track (or later, before it). */
        private boolean aroundRestart(long receivedMs) {
            return restartedAt > 0 && receivedMs >= restartedAt
                    && receivedMs <= (backAt > 0 ? backAt + 12_000 : Long.MAX_VALUE);
        }

        /**
         * The q-quantile of detection→alert of the new alerts whose detection came at or after {@code fromMs}, leaving
         * out those {@code leftOut} names by their receipt.
         */
        synchronized String alertPercentile(double q, long fromMs, java.util.function.LongPredicate leftOut) {
            List<long[]> kept = new ArrayList<>();
            for (long[] a : alertLatencies) {
                if (!leftOut.test(a[0])) {
                    kept.add(a);
                }
            }
            return percentile(kept, q, fromMs);
        }

        /** Outside the failover: leaving out the receipts from 2 s before the kill to 2 s after the take-over. */
        boolean failoverWindow(long receivedMs) {
            return aroundFailover(receivedMs, 2_000);
        }

        /**
         * Outside the steady state: the receipts from 2 s before the kill to 12 s after the take-over (the failover and
         * the 10 s replay that rebuilds the dead node's tracks) and from the restart to 12 s after the restarted node's
         * first track (the group moving partitions back to it, and its replay).
         */
        boolean unsteady(long receivedMs) {
            return aroundFailover(receivedMs, 12_000) || aroundRestart(receivedMs);
        }

        /** The q-quantile of the delays (index 1) of the entries received (index 0) at or after {@code from}. */
        static String percentile(List<long[]> entries, double q, long from) {
            List<Long> s = new ArrayList<>();
            for (long[] e : entries) {
                if (e[0] >= from) {
                    s.add(e[1]);
                }
            }
            if (s.isEmpty()) {
                return "none";
            }
            java.util.Collections.sort(s);
            return Long.toString(s.get((int) Math.floor(q * (s.size() - 1))));
        }

        /** Per 5 s of load: count, p50, p99 and max of each stage's delay and of detection→alert. */
        synchronized void printWindows() {
            window("detection_to_kafka_ms", toKafka);
            window("detection_to_tracked_ms", toTracked);
            window("detection_to_alert_ms", alertLatencies);
        }

        private void window(String name, List<long[]> entries) {
            TreeMap<Long, List<Long>> w = new TreeMap<>();
            for (long[] e : entries) {
                w.computeIfAbsent(Math.max(0, e[0] - loadStart) / 5_000, k -> new ArrayList<>()).add(e[1]);
            }
            w.forEach((k, v) -> {
                java.util.Collections.sort(v);
                System.out.println("window " + name + " t=" + k * 5 + "s n " + v.size() + " p50 " + v.get(v.size() / 2)
                        + " p99 " + v.get((int) Math.floor(0.99 * (v.size() - 1))) + " max " + v.get(v.size() - 1));
            });
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            consumers.forEach(KafkaConsumer::wakeup);
            for (Thread t : threads) {
                t.join(5_000);
            }
        }
    }
}
