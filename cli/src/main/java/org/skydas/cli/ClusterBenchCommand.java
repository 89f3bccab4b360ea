package org.skydas.cli;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.skydas.cluster.ClusterRecords;
import org.skydas.cluster.ClusterTopics;
import org.skydas.cluster.DevBroker;
import org.skydas.cluster.SectorMap;
import org.skydas.cluster.SectorPublisher;
import org.skydas.model.Scenario;
import org.skydas.model.TargetKind;
import org.skydas.store.ScenarioStore;
import org.skydas.store.watch.WatchStore;
import org.skydas.track.Detection;
import org.skydas.track.Dimension;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skydas cluster-bench}: how the tracker side of a scaled-out WATCH (docs/adr/0024-kafka-scale-out.md) grows
 * with tracker nodes. Ingest is taken out of the measurement: the sector topic of a one-node KRaft broker in this
 * process ({@link DevBroker}) is filled once, through {@link SectorPublisher} (so routing and halo copies are the real
 * ones), with the reports of many simultaneous targets along the whole border in data-time order. Then, for each node
 * count k and each run, k {@code skydas serve --kafka … --role tracker} processes start as a fresh consumer group (the
 * group, the tracks/alerts/tracked topics and the database are new each run) on the filled topic, and the run is timed
 * until the {@code tracked} topic — per handled batch, the owner ids a node gave its tracker, acknowledged before its
 * commit — holds every accepted detection. The rate is taken over the <em>steady</em> window, from the moment all k
 * nodes hold partitions to the last detection tracked (start-up and the first node's head start left out), with the
 * CPU the node processes used in that window ({@link ProcessHandle.Info#totalCpuDuration}).
 */
@Command(name = "cluster-bench", mixinStandardHelpOptions = true,
        description = "Measure tracker-node throughput in the Kafka cluster mode at 1, 2, 3… tracker nodes on a topic "
                + "filled beforehand with many simultaneous targets along the border (Kafka in-process, PostgreSQL).")
public final class ClusterBenchCommand implements Callable<Integer> {

    @Option(names = "--nodes", split = ",", defaultValue = "1,2,3",
            description = "Tracker node counts to measure (default ${DEFAULT-VALUE}).")
    List<Integer> nodes;

    @Option(names = "--detections", defaultValue = "200000",
            description = "Detections on the topic (rounded up to whole report rounds; default ${DEFAULT-VALUE}).")
    int detections;

    @Option(names = "--targets", defaultValue = "5000",
            description = "Simultaneous targets, each reporting at --report-hz (default ${DEFAULT-VALUE}).")
    int targets;

    @Option(names = "--report-hz", defaultValue = "1", description = "Reports per target per second of data time "
            + "(default ${DEFAULT-VALUE}).")
    double reportHz;

    @Option(names = "--partitions", defaultValue = "12", description = "Sector partitions (default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--halo", defaultValue = "1000", paramLabel = "METRES", description = "Halo width (default "
            + "${DEFAULT-VALUE} m).")
    double haloM;

    @Option(names = "--runs", defaultValue = "3", description = "Runs per node count; the median is reported "
            + "(default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--crossing-share", defaultValue = "0.2", description = "Share of targets that cross the border; "
            + "the others patrol along it inside (default ${DEFAULT-VALUE}).")
    double crossingShare;

    @Option(names = "--radar-share", defaultValue = "0.5", description = "Share of targets seen as radar plots (no "
            + "identity, 30 m noise); the others report CoT positions with their uid (default ${DEFAULT-VALUE}).")
    double radarShare;

    @Option(names = "--db", paramLabel = "URL", defaultValue = "postgresql://postgres@127.0.0.1:5432",
            description = "PostgreSQL + PostGIS server (a database skydas_bench_… per run, dropped after; "
                    + "default ${DEFAULT-VALUE}).")
    String db;

    @Option(names = "--scenario", paramLabel = "FILE.gpkg", description = "Scenario (default: the demo scenario).")
    Path scenarioPath;

    @Option(names = "--session-timeout", defaultValue = "10", paramLabel = "SECONDS",
            description = "The broker's consumer-group session timeout (default ${DEFAULT-VALUE} s; long enough that "
                    + "busy nodes on a small machine are not taken for dead).")
    int sessionTimeoutS;

    @Option(names = "--run-timeout", defaultValue = "600", paramLabel = "SECONDS",
            description = "Give a run up after this long, or after 60 s without progress (default ${DEFAULT-VALUE} s).")
    int runTimeoutS;

    @Option(names = "--seed", defaultValue = "17", description = "Random seed of the targets (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--one-core-per-node", description = "Pin tracker node i to core i modulo the machine's cores "
            + "(taskset): each node as if alone on a one-core machine, the broker and this process floating.")
    boolean oneCorePerNode;

    @Option(names = "--keep", description = "Keep the nodes' logs and the last run's database (their names are printed).")
    boolean keep;

    /** The figures of one run. */
    record Run(int nodes, int run, long tracked, long expected, double wholeS, double joinS, double steadyS,
               long steadyDetections, double[] cpuS, double benchCpuS, double busyCores, long tracks, long alerts) {

        boolean complete() {
            return tracked == expected;
        }

        /** Detections per second in the steady window. */
        double rate() {
            return steadyS > 0 ? steadyDetections / steadyS : Double.NaN;
        }

        double cpuTotalS() {
            return Arrays.stream(cpuS).sum();
        }

        /** Tracker CPU µs per detection in the steady window, all nodes together. */
        double cpuUsPerDetection() {
            return steadyDetections > 0 ? cpuTotalS() * 1e6 / steadyDetections : Double.NaN;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (nodes.isEmpty() || nodes.stream().anyMatch(k -> k < 1) || detections < 1 || targets < 1 || runs < 1
                || !(reportHz > 0) || partitions < 1 || !(crossingShare >= 0 && crossingShare <= 1)
                || !(radarShare >= 0 && radarShare <= 1)) {
            throw new UserError("--nodes k,… >= 1, --detections, --targets, --runs, --partitions >= 1, --report-hz > 0, "
                    + "--crossing-share and --radar-share in [0, 1], please");
        }
        Path work = Files.createTempDirectory("skydas-cluster-bench");
        Path scenarioFile = scenarioPath;
        if (scenarioFile == null) {
            scenarioFile = work.resolve("demo.gpkg");
            ScenarioCommand.writeDemo(scenarioFile, 10_000);
        }
        Scenario scenario = ScenarioStore.read(scenarioFile);
        SectorMap map = SectorMap.of(scenario, Math.min(partitions, scenario.sectors().size()), haloM);
        String server = db.endsWith("/") ? db.substring(0, db.length() - 1) : db;
        ClusterTopics topics = ClusterTopics.DEFAULT;
        String lastDatabase = null;
        try (DevBroker broker = new DevBroker(sessionTimeoutS * 1000); Admin admin = broker.admin()) {
            topics.ensure(admin, map, (short) 1, 24);
            System.out.println(String.format(Locale.ROOT, "machine cores %d load_average %.1f%s",
                    Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    oneCorePerNode ? " nodes_pinned one_core_each" : ""));
            Load load = fill(scenario, map, broker.bootstrap(), topics);
            List<Run> all = new ArrayList<>();
            // Node counts interleaved (1, 2, 3, 1, 2, 3…): a change in the machine's other load hits every count alike.
            for (int r = 1; r <= runs; r++) {
                for (int k : nodes) {
                    if (lastDatabase != null) {
                        ClusterProcesses.dropDatabase(server, lastDatabase, "cluster-bench");
                    }
                    lastDatabase = "skydas_bench_" + Long.toHexString(System.nanoTime());
                    Run run = run(k, r, load, map, topics, broker, admin, work, scenarioFile, server, lastDatabase);
                    all.add(run);
                    System.out.println(line(run, load));
                    System.out.flush();
                }
            }
            summary(all, load).forEach(System.out::println);
            System.out.flush();
        } finally {
            if (!keep) {
                if (lastDatabase != null) {
                    ClusterProcesses.dropDatabase(server, lastDatabase, "cluster-bench");
                }
                ClusterProcesses.deleteTree(work);
            } else {
                System.err.println("cluster-bench: kept database " + server + "/" + lastDatabase + " and logs in "
                        + work);
            }
        }
        return 0;
    }

    // ---- the load -----------------------------------------------------------------------------------------------

    /**
     * What is on the sector topic: the accepted ids (sorted), the records (owner and halo copies), the data time span
     * (epoch s) and the filling's own figures.
     */
    record Load(long[] ids, long records, double t0, double dataS, double fillS, double fillCpuS) {
        long detections() {
            return ids.length;
        }
    }

    /**
     * Publishes {@code --detections} reports of {@code --targets} movers in rounds of data time ({@code 1/report-hz}
     * apart, one report per target per round, in time order), waits for every acknowledgement.
     */
    private Load fill(Scenario scenario, SectorMap map, String bootstrap, ClusterTopics topics) throws Exception {
        List<BorderFleet.Mover> fleet = BorderFleet.of(scenario, targets, seed, crossingShare);
        if (fleet.isEmpty()) {
            throw new UserError("cluster-bench: the scenario has no land border with national territory to move along");
        }
        int rounds = (int) Math.ceil(detections / (double) fleet.size());
        SplittableRandom noise = new SplittableRandom(seed + 1);
        boolean[] radar = new boolean[fleet.size()];
        String[] source = new String[fleet.size()];
        for (int j = 0; j < fleet.size(); j++) {
            BorderFleet.Mover m = fleet.get(j);
            radar[j] = noise.nextDouble() < radarShare;
            // A radar covers a 40 km square; a CoT device is its own source (as the normaliser names them).
            source[j] = radar[j] ? "asterix:R" + (int) Math.floor(m.x0() / 40_000) + "_" + (int) Math.floor(m.y0() / 40_000)
                    : "cot:" + m.uid();
        }
        double t0 = Math.floor(System.currentTimeMillis() / 1000.0);
        long cpu0 = cpuNanos(ProcessHandle.current());
        long start = System.nanoTime();
        List<CompletableFuture<SectorPublisher.Accepted>> futures = new ArrayList<>(rounds * fleet.size());
        long records;
        try (SectorPublisher publisher = SectorPublisher.connect(bootstrap, topics.detections(), map, 1, Map.of())) {
            for (int i = 0; i < rounds; i++) {
                double s = i / reportHz;
                long now = System.currentTimeMillis();
                for (int j = 0; j < fleet.size(); j++) {
                    BorderFleet.Mover m = fleet.get(j);
                    Detection d;
                    if (radar[j]) {
                        d = Detection.position(t0 + s, 0, m.x(s) + noise.nextGaussian() * 30,
                                m.y(s) + noise.nextGaussian() * 30, 30);
                    } else {
                        d = Detection.position(t0 + s, 0, m.x(s) + noise.nextGaussian() * 5,
                                m.y(s) + noise.nextGaussian() * 5, 10).withExternalId(m.uid())
                                .withClassHint(m.onFoot() ? TargetKind.PERSON : TargetKind.VEHICLE, 0.8)
                                .withDimension(Dimension.GROUND);
                    }
                    futures.add(publisher.publish(source[j], radar[j] ? "asterix" : "cot-tcp", now, d));
                }
            }
            long[] ids = new long[futures.size()];
            for (int i = 0; i < ids.length; i++) {
                try {
                    ids[i] = futures.get(i).get(120, TimeUnit.SECONDS).id();
                } catch (ExecutionException e) {
                    throw new UserError("cluster-bench: the broker did not accept the load: " + e.getCause());
                }
            }
            records = publisher.counters().acked();
            double fillS = (System.nanoTime() - start) / 1e9;
            double fillCpuS = (cpuNanos(ProcessHandle.current()) - cpu0) / 1e9;
            Arrays.sort(ids);
            Load load = new Load(ids, records, t0, rounds / reportHz, fillS, fillCpuS);
            System.out.println(String.format(Locale.ROOT, "load targets %d (%d crossing, %d radar) detections %d "
                            + "records %d (%.2f per detection) data_s %.0f partitions %d sectors %d halo_m %.0f",
                    fleet.size(), fleet.stream().filter(BorderFleet.Mover::crosses).count(), countTrue(radar), ids.length,
                    records, records / (double) ids.length, load.dataS(), map.partitions(), map.sectorIds().size(),
                    map.haloM()));
            System.out.println(String.format(Locale.ROOT, "fill accepted_per_s %.0f records_per_s %.0f "
                            + "publisher_and_broker_cpu_us_per_detection %.0f (one thread, in-process broker)",
                    ids.length / fillS, records / fillS, fillCpuS * 1e6 / ids.length));
            System.out.flush();
            return load;
        }
    }

    private static int countTrue(boolean[] a) {
        int n = 0;
        for (boolean b : a) {
            n += b ? 1 : 0;
        }
        return n;
    }

    // ---- one run ------------------------------------------------------------------------------------------------

    private Run run(int k, int r, Load load, SectorMap map, ClusterTopics topics, DevBroker broker, Admin admin,
                    Path work, Path scenarioFile, String server, String database) throws Exception {
        reset(admin, topics, map);
        ClusterProcesses.createDatabase(server, database, "cluster-bench");
        String dbUrl = server + "/" + database;
        WatchStore.openPostgres(dbUrl).close(); // the schema before the nodes: they start together, none migrates
        List<Process> procs = new ArrayList<>();
        try (TrackedReader tracked = new TrackedReader(broker.bootstrap(), topics.tracked(), load.ids())) {
            tracked.start();
            long launch = System.nanoTime();
            for (int i = 0; i < k; i++) {
                String cpus = oneCorePerNode ? Integer.toString(i % Runtime.getRuntime().availableProcessors()) : null;
                procs.add(ClusterProcesses.startNode(work, broker.bootstrap(), dbUrl, scenarioFile, map, "tracker",
                        11 + i, List.of(), cpus));
            }
            long joinAt = 0;
            long trackedAtJoin = 0;
            long[] cpuAtJoin = new long[k];
            long benchCpuAtJoin = 0;
            long[] machineAtJoin = null;
            long lastProgress = System.nanoTime();
            long lastCount = 0;
            long nextGroupLook = 0;
            long deadline = launch + TimeUnit.SECONDS.toNanos(runTimeoutS);
            String failure = null;
            while (true) {
                long now = System.nanoTime();
                long count = tracked.count();
                if (count >= load.detections()) {
                    break;
                }
                for (Process p : procs) {
                    if (!p.isAlive()) {
                        failure = "a tracker node stopped (exit " + p.exitValue() + ")";
                    }
                }
                if (failure != null) {
                    break;
                }
                if (count != lastCount) {
                    lastCount = count;
                    lastProgress = now;
                } else if (now - lastProgress > TimeUnit.SECONDS.toNanos(60) && joinAt != 0) {
                    failure = "no progress for 60 s";
                    break;
                }
                if (now > deadline) {
                    failure = "run timeout";
                    break;
                }
                if (joinAt == 0 && now >= nextGroupLook) {
                    nextGroupLook = now + TimeUnit.MILLISECONDS.toNanos(250);
                    if (allHoldPartitions(admin, Math.min(k, map.partitions()), map.partitions())) {
                        trackedAtJoin = tracked.count();
                        joinAt = System.nanoTime();
                        for (int i = 0; i < k; i++) {
                            cpuAtJoin[i] = cpuNanos(procs.get(i).toHandle());
                        }
                        benchCpuAtJoin = cpuNanos(ProcessHandle.current());
                        machineAtJoin = MachineCpu.read();
                    }
                }
                Thread.sleep(20);
            }
            long doneAt = System.nanoTime();
            double[] cpuS = new double[k];
            for (int i = 0; i < k; i++) {
                cpuS[i] = joinAt == 0 ? Double.NaN : (cpuNanos(procs.get(i).toHandle()) - cpuAtJoin[i]) / 1e9;
            }
            double benchCpuS = joinAt == 0 ? Double.NaN : (cpuNanos(ProcessHandle.current()) - benchCpuAtJoin) / 1e9;
            double busy = machineAtJoin == null ? Double.NaN : MachineCpu.busyCores(machineAtJoin, MachineCpu.read());
            long count = tracked.count();
            if (failure != null) {
                System.err.println("cluster-bench: nodes " + k + " run " + r + ": " + failure + " with " + count
                        + " of " + load.detections() + " tracked (--keep keeps the nodes' logs)");
            }
            ClusterProcesses.stop(procs);
            long tracks = liveTracks(broker.bootstrap(), topics.tracks(), load.t0() + load.dataS() / 2);
            long alerts;
            try (Connection c = ClusterProcesses.connect(dbUrl); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM alerts")) {
                rs.next();
                alerts = rs.getLong(1);
            }
            return new Run(k, r, count, load.detections(), (doneAt - launch) / 1e9,
                    joinAt == 0 ? Double.NaN : (joinAt - launch) / 1e9,
                    joinAt == 0 ? Double.NaN : (doneAt - joinAt) / 1e9, count - trackedAtJoin, cpuS, benchCpuS, busy,
                    tracks, alerts);
        } finally {
            ClusterProcesses.stop(procs);
        }
    }

    /**
     * A new start for the next run on the same filled topic: the tracker group (its committed offsets) deleted, the
     * tracks, alerts and tracked topics deleted and made again (a node adopts track ids from the tracks topic: the last
     * run's would be adopted).
     */
    private void reset(Admin admin, ClusterTopics topics, SectorMap map) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(sessionTimeoutS + 30L);
        boolean exists = admin.listGroups().all().get(10, TimeUnit.SECONDS).stream()
                .anyMatch(g -> g.groupId().equals(ClusterServe.TRACKER_GROUP));
        while (exists) {
            try {
                admin.deleteConsumerGroups(List.of(ClusterServe.TRACKER_GROUP)).all().get(10, TimeUnit.SECONDS);
                break;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof GroupIdNotFoundException) {
                    break;
                }
                if (!(e.getCause() instanceof GroupNotEmptyException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(250); // the last run's members leave
            }
        }
        List<String> derived = List.of(topics.tracks(), topics.alerts(), topics.tracked());
        admin.deleteTopics(derived).all().get(30, TimeUnit.SECONDS);
        while (admin.listTopics().names().get(10, TimeUnit.SECONDS).stream().anyMatch(derived::contains)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cluster-bench: the broker did not delete " + derived);
            }
            Thread.sleep(100);
        }
        topics.ensure(admin, map, (short) 1, 24);
    }

    /** Whether {@code members} members of the tracker group hold partitions, all {@code partitions} between them. */
    private static boolean allHoldPartitions(Admin admin, int members, int partitions) {
        try {
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(ClusterServe.TRACKER_GROUP)).all()
                    .get(5, TimeUnit.SECONDS).get(ClusterServe.TRACKER_GROUP);
            if (d == null) {
                return false;
            }
            int holding = 0;
            int held = 0;
            for (MemberDescription m : d.members()) {
                int n = m.assignment().topicPartitions().size();
                holding += n > 0 ? 1 : 0;
                held += n;
            }
            return holding >= members && held == partitions;
        } catch (Exception e) {
            return false; // the group does not exist yet
        }
    }

    static long cpuNanos(ProcessHandle p) {
        return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    // ---- reading the topics ---------------------------------------------------------------------------------------

    /**
     * Counts the accepted detections the tracked topic reports as tracked, each once (a batch delivered again after a
     * retry reports its ids again); ids not accepted in the load are ignored.
     */
    static final class TrackedCount {
        private final long[] ids;
        private final BitSet seen;
        private long count;

        /** Over the accepted ids, sorted. */
        TrackedCount(long[] sortedIds) {
            this.ids = sortedIds;
            this.seen = new BitSet(sortedIds.length);
        }

        /** One record of the tracked topic: 8-byte ids. */
        synchronized void take(byte[] value) {
            ByteBuffer b = ByteBuffer.wrap(value);
            while (b.remaining() >= 8) {
                int i = Arrays.binarySearch(ids, b.getLong());
                if (i >= 0 && !seen.get(i)) {
                    seen.set(i);
                    count++;
                }
            }
        }

        synchronized long count() {
            return count;
        }
    }

    /** A reader of the tracked topic from its start, on its own thread. */
    private static final class TrackedReader implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final String topic;
        private final TrackedCount count;
        private final Thread thread;
        private volatile boolean running = true;

        TrackedReader(String bootstrap, String topic, long[] ids) {
            this.consumer = new KafkaConsumer<>(readerConfig(bootstrap, "skydas-bench-tracked"));
            this.topic = topic;
            this.count = new TrackedCount(ids);
            this.thread = new Thread(this::run, "skydas-bench-tracked");
            thread.setDaemon(true);
        }

        void start() throws InterruptedException {
            var all = ClusterTopics.partitionsOf(consumer, topic);
            consumer.assign(all);
            consumer.seekToBeginning(all);
            thread.start();
        }

        private void run() {
            try {
                while (running) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        count.take(r.value());
                    }
                }
            } catch (WakeupException e) {
                // closing
            }
        }

        long count() {
            return count.count();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            consumer.wakeup();
            thread.join(5_000);
            consumer.close();
        }
    }

    static Map<String, Object> readerConfig(String bootstrap, String clientId) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        return c;
    }

    /**
     * Simultaneous tracks: global track ids whose published updates span data time {@code atT} (first ≤ atT ≤ last,
     * the owner publishes each track at least once a second of data time while it moves).
     */
    static final class LiveTracks {
        private final Map<Long, double[]> span = new HashMap<>();

        void take(ClusterRecords.TrackRecord t) {
            span.merge(t.id(), new double[] {t.t(), t.t()},
                    (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }

        long at(double atT) {
            return span.values().stream().filter(s -> s[0] <= atT && s[1] >= atT).count();
        }
    }

    /** Reads the whole tracks topic (after the run, the nodes stopped) into {@link LiveTracks#at}. */
    private static long liveTracks(String bootstrap, String topic, double atT) throws InterruptedException {
        LiveTracks live = new LiveTracks();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(readerConfig(bootstrap, "skydas-bench-tracks"))) {
            var all = ClusterTopics.partitionsOf(c, topic);
            c.assign(all);
            c.seekToBeginning(all);
            Map<org.apache.kafka.common.TopicPartition, Long> end = c.endOffsets(all);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (all.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    ClusterRecords.TrackRecord t = ClusterRecords.decode(r.value(), ClusterRecords.TrackRecord.class);
                    if (t != null) {
                        live.take(t);
                    }
                }
            }
        }
        return live.at(atT);
    }

    /** The machine's CPU from {@code /proc/stat}: busy cores over a window (every process, not only ours). */
    static final class MachineCpu {
        private MachineCpu() {
        }

        /** {busy, total} jiffies since boot, or null where there is no /proc/stat. */
        static long[] read() {
            try {
                String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
                return parse(first);
            } catch (Exception e) {
                return null;
            }
        }

        /** "cpu user nice system idle iowait irq softirq steal …" → {busy, total}; idle and iowait are not busy. */
        static long[] parse(String cpuLine) {
            String[] f = cpuLine.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
            return new long[] {total - idle, total};
        }

        static double busyCores(long[] before, long[] after) {
            if (before == null || after == null || after[1] <= before[1]) {
                return Double.NaN;
            }
            return (after[0] - before[0]) / (double) (after[1] - before[1]) * Runtime.getRuntime().availableProcessors();
        }
    }

    // ---- the figures ------------------------------------------------------------------------------------------------

    static String line(Run r, Load load) {
        StringBuilder cpu = new StringBuilder();
        for (double c : r.cpuS()) {
            cpu.append(cpu.isEmpty() ? "" : ",").append(String.format(Locale.ROOT, "%.1f", c));
        }
        double perRecord = load.records() / (double) load.detections();
        return String.format(Locale.ROOT, "run nodes %d #%d tracked %d of %d whole_s %.1f join_s %.1f steady_s %.1f "
                        + "detections_per_s %.0f records_per_s %.0f node_cpu_s %s cpu_us_per_detection %.0f "
                        + "broker_and_bench_cpu_s %.1f machine_busy_cores %.2f tracks %d alerts %d%s",
                r.nodes(), r.run(), r.tracked(), r.expected(), r.wholeS(), r.joinS(), r.steadyS(), r.rate(),
                r.rate() * perRecord, cpu, r.cpuUsPerDetection(), r.benchCpuS(), r.busyCores(), r.tracks(),
                r.alerts(), r.complete() ? "" : " INCOMPLETE");
    }

    /** Per node count, over its complete runs: the medians and the rate's ratio to the smallest node count's. */
    static List<String> summary(List<Run> all, Load load) {
        Map<Integer, List<Run>> byK = new java.util.TreeMap<>();
        for (Run r : all) {
            if (r.complete() && !Double.isNaN(r.rate())) {
                byK.computeIfAbsent(r.nodes(), x -> new ArrayList<>()).add(r);
            }
        }
        List<String> out = new ArrayList<>();
        double base = Double.NaN;
        double perRecord = load.records() / (double) load.detections();
        for (var e : byK.entrySet()) {
            List<Run> rs = e.getValue();
            double rate = median(rs.stream().mapToDouble(Run::rate).toArray());
            if (Double.isNaN(base)) {
                base = rate / byK.keySet().iterator().next();
            }
            out.add(String.format(Locale.ROOT, "nodes %d runs %d median detections_per_s %.0f records_per_s %.0f "
                            + "ratio_to_1 %.2f cpu_us_per_detection %.0f tracks %.0f alerts %.0f",
                    e.getKey(), rs.size(), rate, rate * perRecord, rate / base,
                    median(rs.stream().mapToDouble(Run::cpuUsPerDetection).toArray()),
                    median(rs.stream().mapToDouble(Run::tracks).toArray()),
                    median(rs.stream().mapToDouble(Run::alerts).toArray())));
        }
        return out;
    }

    /** The median; the mean of the middle two for an even count; NaN for none. */
    static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
