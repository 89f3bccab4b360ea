package org.skydas.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skydas.model.Scenario;
import org.skydas.model.demo.StraightBorder;
import org.skydas.store.watch.WatchStore;
import org.skydas.testkit.SharedData;
import org.skydas.track.Detection;

/**
 * Tracker nodes end to end on an in-process KRaft broker and the machine's PostgreSQL (127.0.0.1:5432, user postgres,
 * or {@code SKYDAS_TEST_POSTGRES}; a new database per test): two nodes, one sector partition each, over a straight
 * 20 km border cut into BY-001 (x 500–510 km) and BY-002 (510–520 km), halo 500 m.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class TrackerNodeClusterTest {

    static final String SERVER = System.getenv().getOrDefault("SKYDAS_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432");
    static final double E0 = 500_000;
    static final double N0 = 6_100_000;
    static final Scenario SCENARIO = StraightBorder.scenario(E0, N0, 20_000, List.of());
    static final SectorMap MAP = SectorMap.of(SCENARIO, 2, 500);

    private static InProcessKafka kafka;
    private static Admin admin;
    private String database;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = InProcessKafka.shared();
        admin = kafka.admin();
    }

    @BeforeEach
    void createDatabase() throws Exception {
        database = "skydas_cluster_" + Long.toHexString(System.nanoTime());
        try (Connection c = postgres("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
    }

    @AfterEach
    void dropDatabase() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        try (Connection c = postgres("postgres"); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    static Connection postgres(String db) throws Exception {
        java.net.URI u = new java.net.URI(SERVER);
        String user = u.getUserInfo() == null ? "postgres" : u.getUserInfo().split(":", 2)[0];
        String password = u.getUserInfo() != null && u.getUserInfo().contains(":") ? u.getUserInfo().split(":", 2)[1] : "";
        try {
            return DriverManager.getConnection("jdbc:postgresql://" + u.getHost() + ":" + u.getPort() + "/" + db, user,
                    password);
        } catch (java.sql.SQLException e) {
            if (SharedData.inCi()) {
                throw e;
            }
            org.junit.jupiter.api.Assumptions.abort("skipped: no PostgreSQL at " + SERVER + ": " + e.getMessage());
            throw e;
        }
    }

    /** A tracker node as {@code skydas serve --role tracker} runs it: node, its group member, its store and producer. */
    record Node(TrackerNode node, SectorConsumer consumer) {
    }

    Node start(int id, ClusterTopics topics, String group) throws Exception {
        WatchStore store = WatchStore.openPostgres(SERVER + "/" + database).sharedWithOtherNodes();
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(SectorPublisher.producerConfig(kafka.bootstrap(),
                "tracker-" + id));
        TrackerNode node = new TrackerNode(SCENARIO, MAP, id, store, producer, topics, admin, kafka.bootstrap(), group,
                TrackerNode.Settings.defaults());
        assertThat(node.awaitTracksRead(30_000)).as("the tracks published before it read").isTrue();
        SectorConsumer consumer = SectorConsumer.connect(kafka.bootstrap(), group, topics.detections(), MAP, node,
                "n" + id, Map.of());
        open.add(store);
        open.add(producer);
        open.add(node);
        open.add(consumer);
        consumer.start();
        return new Node(node, consumer);
    }

    /** The topics made, nodes 1 and 2 started in group PREFIX-trackers, each owning one partition. */
    List<Node> twoNodes(ClusterTopics topics) throws Exception {
        topics.ensure(admin, MAP, (short) 1, 24);
        String group = topics.detections() + "-trackers";
        Node a = start(1, topics, group);
        Node b = start(2, topics, group);
        await("one partition each", () -> a.node().partitions().size() == 1 && b.node().partitions().size() == 1);
        return List.of(a, b);
    }

    SectorPublisher publisher(ClusterTopics topics, int ingestNode) {
        SectorPublisher p = SectorPublisher.connect(kafka.bootstrap(), topics.detections(), MAP, ingestNode, Map.of());
        open.add(p);
        return p;
    }

    /**
     * A vehicle drives east 300 m south of the border (Belarus) from BY-001 into BY-002 and crosses the border 1.5 km
     * past the sectors' joint. Both nodes track it near the joint (halo); node of BY-001 publishes it first, the node
     * of BY-002 continues it under the same global id, and raises the one border_crossing alert.
     */
    @Test
    void aVehicleDrivingFromOneNodesSectorIntoTheOthersIsOneTrackWithOneBorderCrossing() throws Exception {
        ClusterTopics topics = ClusterTopics.withPrefix("handover.");
        List<Node> nodes = twoNodes(topics);
        Node a = nodes.get(0);
        Node b = nodes.get(1);
        SectorPublisher publisher = publisher(topics, 9);
        double t0 = System.currentTimeMillis() / 1000.0;
        // x 508 → 513 km at 20 m/s, y from 300 m south to 100 m north: crosses y = N0 at x ≈ 511.5 km (BY-002).
        List<CompletableFuture<SectorPublisher.Accepted>> acks = new ArrayList<>();
        for (int k = 0; k <= 250; k++) {
            double x = 508_000 + 20 * k;
            double y = N0 - 300 + 1.6 * k;
            acks.add(publisher.publish("json:V1", "json-http", System.currentTimeMillis(),
                    Detection.position(t0 + k, 0, x, y, 10)));
            Thread.sleep(40); // data time runs 25 times the wall clock: the hand-over still sees recent publications
        }
        Set<Long> accepted = new HashSet<>();
        for (var f : acks) {
            accepted.add(f.get(30, TimeUnit.SECONDS).id());
        }
        Topics seen = new Topics(topics);
        open.add(seen);
        await("every detection tracked", () -> seen.read().tracked.containsAll(accepted));
        await("the border crossing raised", () -> count("SELECT count(*) FROM alerts WHERE rule = 'BORDER_CROSSING'") == 1);
        Thread.sleep(1_500); // a second alert, were there one, would come within the next ticks
        seen.read();

        Set<Long> trackIds = new HashSet<>();
        Set<Integer> publishers = new HashSet<>();
        for (ClusterRecords.TrackRecord r : seen.tracks) {
            trackIds.add(r.id());
            publishers.add(r.node());
        }
        assertThat(trackIds).as("one track across the two owners").hasSize(1);
        assertThat(publishers).as("published by the owner of each sector in turn").containsExactlyInAnyOrder(1, 2);
        int ownerOfBy001 = a.node().partitions().contains(0) ? 1 : 2;
        assertThat(seen.tracks.get(0).node()).as("first by BY-001's node").isEqualTo(ownerOfBy001);
        assertThat(seen.tracks.get(seen.tracks.size() - 1).node()).as("last by BY-002's node")
                .isEqualTo(3 - ownerOfBy001);
        assertThat(count("SELECT count(*) FROM alerts WHERE rule = 'BORDER_CROSSING'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM alerts WHERE rule = 'BORDER_CROSSING' AND sector_id = 'BY-002' "
                + "AND subject = 'track:" + trackIds.iterator().next() + "'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM alerts WHERE subject <> 'track:" + trackIds.iterator().next() + "'"))
                .as("every alert is about the one track").isZero();
        assertThat(count("SELECT count(*) FROM audit WHERE action = 'raised'"))
                .isEqualTo(count("SELECT count(*) FROM alerts"));
        assertThat(seen.alerts).extracting(ClusterRecords.AlertRecord::rule).containsOnlyOnce("border_crossing");
        Node by002 = ownerOfBy001 == 1 ? b : a;
        assertThat(by002.node().counters().adoptedByPosition()).as("BY-002's node continued BY-001's track")
                .isPositive();
    }

    /**
     * Twelve vehicles (CoT-like uids) cross the border in both sectors while the node owning BY-001 is killed (no
     * commit, no hand-over, no leaving the group): its partition moves to the other node after the session timeout,
     * which replays it and continues. Nothing accepted is lost, every vehicle has one border_crossing alert, tracks
     * continue on the survivor.
     */
    @Test
    void aTrackerNodeKilledMidStreamAndStartedAgainLosesNothingAndRaisesNoAlertTwice() throws Exception {
        ClusterTopics topics = ClusterTopics.withPrefix("failover.");
        List<Node> nodes = twoNodes(topics);
        Node a = nodes.get(0);
        Node victim = a.node().partitions().contains(0) ? a : nodes.get(1);
        Node survivor = victim == a ? nodes.get(1) : a;
        SectorPublisher publisher = publisher(topics, 8);

        int vehicles = 12;
        double seconds = 18;
        List<CompletableFuture<SectorPublisher.Accepted>> acks = new ArrayList<>();
        long start = System.currentTimeMillis();
        boolean killed = false;
        long killedAt = 0;
        Node restarted = null;
        int victimId = victim == a ? 1 : 2;
        for (int step = 0; step <= seconds * 2; step++) {
            long due = start + step * 500L;
            Thread.sleep(Math.max(0, due - System.currentTimeMillis()));
            double t = due / 1000.0;
            double s = step * 0.5;
            for (int v = 0; v < vehicles; v++) {
                // Vehicle v drives north at 12 m/s, starting 60..180 m south of the border, crossing between 5 and 15 s;
                // x spread over both sectors, away from the joint.
                double x = v < vehicles / 2 ? 501_500 + v * 1_200 : 511_500 + (v - vehicles / 2) * 1_200;
                double y = N0 - (60 + (v % 6) * 24) + 12 * s;
                acks.add(publisher.publish("json:V" + v, "json-http", System.currentTimeMillis(),
                        Detection.position(t, 0, x, y, 8).withExternalId("uid-" + v)));
            }
            if (!killed && s >= 7) {
                killed = true;
                killedAt = System.currentTimeMillis();
                victim.consumer().abandon(); // as SIGKILL: no commit, no revocation, no leave
                victim.node().close();
            }
            if (restarted == null && s >= 12) {
                // Started again under its node id (a static member): it takes a partition back and replays it; the
                // tracks it rebuilds must adopt the ids published before (by its former self and the survivor).
                restarted = start(victimId, topics, topics.detections() + "-trackers");
            }
        }
        Set<Long> accepted = new HashSet<>();
        for (var f : acks) {
            accepted.add(f.get(30, TimeUnit.SECONDS).id());
        }
        Topics seen = new Topics(topics);
        open.add(seen);
        Node back = restarted;
        await("the restarted node owns a partition again", () -> back.node().partitions().size() == 1);
        await("every accepted detection tracked", () -> seen.read().tracked.containsAll(accepted));
        await("a crossing per vehicle", () -> count("SELECT count(*) FROM alerts WHERE rule = 'BORDER_CROSSING'")
                >= vehicles);
        Thread.sleep(2_000);
        seen.read();

        // One border_crossing per vehicle: the alerts' tracks name the vehicles (uids) one to one.
        Map<Long, String> uidOfTrack = new HashMap<>();
        for (ClusterRecords.TrackRecord r : seen.tracks) {
            uidOfTrack.put(r.id(), r.externalId());
        }
        List<String> crossed = new ArrayList<>();
        try (Connection c = postgres(database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT subject FROM alerts WHERE rule = 'BORDER_CROSSING'")) {
            while (rs.next()) {
                crossed.add(uidOfTrack.get(Long.parseLong(rs.getString(1).substring(6))));
            }
        }
        assertThat(crossed).as("one border_crossing per vehicle, none twice").hasSize(vehicles)
                .doesNotHaveDuplicates().doesNotContainNull();
        // Tracks continue: after the kill, the survivor published the vehicles of the dead node's sector.
        long after = killedAt;
        assertThat(seen.tracks).anyMatch(r -> r.node() == survivorId(survivor, a) && r.sector().equals("BY-001")
                && r.publishedMs() > after);
        assertThat(survivor.node().counters().adoptedByExternalId()).isPositive();
        assertThat(back.node().counters().adoptedByExternalId()).as("the restarted node continues the ids").isPositive();
        System.out.printf("failover: %d accepted, %d border crossings, survivor %s%n", accepted.size(), crossed.size(),
                survivor.node().counters());
    }

    private static int survivorId(Node survivor, Node a) {
        return survivor == a ? 1 : 2;
    }
    long count(String sql) throws Exception {
        try (Connection c = postgres(database); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** What the nodes wrote to the tracks, alerts and tracked topics, read from the start. */
    static final class Topics implements AutoCloseable {
        final KafkaConsumer<String, byte[]> consumer;
        final ClusterTopics topics;
        final List<ClusterRecords.TrackRecord> tracks = new ArrayList<>();
        final List<ClusterRecords.AlertRecord> alerts = new ArrayList<>();
        final Set<Long> tracked = new HashSet<>();

        Topics(ClusterTopics topics) throws InterruptedException {
            this.topics = topics;
            Map<String, Object> c = new HashMap<>();
            c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
            c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            consumer = new KafkaConsumer<>(c);
            List<TopicPartition> all = new ArrayList<>();
            for (String t : List.of(topics.tracks(), topics.alerts(), topics.tracked())) {
                all.addAll(ClusterTopics.partitionsOf(consumer, t));
            }
            consumer.assign(all);
            consumer.seekToBeginning(all);
        }

        /** Reads what is there now; tracks in the order of their publication time. */
        Topics read() {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                if (r.topic().equals(topics.tracks())) {
                    tracks.add(ClusterRecords.decode(r.value(), ClusterRecords.TrackRecord.class));
                } else if (r.topic().equals(topics.alerts())) {
                    alerts.add(ClusterRecords.decode(r.value(), ClusterRecords.AlertRecord.class));
                } else {
                    ByteBuffer b = ByteBuffer.wrap(r.value());
                    while (b.remaining() >= 8) {
                        tracked.add(b.getLong());
                    }
                }
            }
            tracks.sort(java.util.Comparator.comparingLong(ClusterRecords.TrackRecord::publishedMs));
            return this;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void await(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
