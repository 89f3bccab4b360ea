package org.skydas.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skydas.cluster.TrackerNodeClusterTest.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skydas.alert.Alert;
import org.skydas.alert.AuditEvent;
import org.skydas.alert.Finding;
import org.skydas.alert.RuleKind;
import org.skydas.ingest.json.DetectionParser;
import org.skydas.ingest.listen.Received;
import org.skydas.model.Scenario;
import org.skydas.store.watch.WatchStore;
import org.skydas.watch.LivePipeline;
import org.skydas.watch.port.Ports;
import org.skydas.testkit.TestPostgres;

/**
 * sensor_down in cluster mode (ADR 0024): an ingest node, as {@code skydas serve --role ingest} wires it, notices the
 * silence of the sensors that send to it and raises one sensor_down per silent sensor into the shared store and onto
 * the alerts topic; two ingest nodes each raise only for their own sensors, and a sensor that keeps talking raises
 * nothing.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IngestSensorDownTest {

    /** Sensors silent this long are down (the scenario's rules.sensor_silent_s; 60 s by default). */
    static final double SILENT_S = 2;

    private InProcessKafka kafka;
    private String database;
    /** Closed last first: pipelines, stores, producers, then the database (dropped). */
    private final java.util.Deque<AutoCloseable> open = new java.util.ArrayDeque<>();

    @BeforeEach
    void start() throws Exception {
        kafka = InProcessKafka.shared();
        TestPostgres.Database db = TestPostgres.create("skydas_ingest_");
        open.push(db);
        database = db.url();
    }

    @AfterEach
    void stop() throws Exception {
        while (!open.isEmpty()) {
            open.pop().close();
        }
    }

    static Scenario silentAfter(double seconds) {
        Scenario s = TrackerNodeClusterTest.SCENARIO;
        Map<String, String> metadata = new HashMap<>(s.metadata());
        metadata.put("rules.sensor_silent_s", Double.toString(seconds));
        return new Scenario(metadata, s.border(), s.sectors(), s.zones(), s.sites(), s.assets(), s.programme());
    }

    /** An ingest node's pipeline: the sector topic as journal, its alerts to the shared store and the alerts topic. */
    LivePipeline ingestNode(int id, ClusterTopics topics) throws Exception {
        SectorPublisher publisher = SectorPublisher.connect(kafka.bootstrap(), topics.detections(),
                TrackerNodeClusterTest.MAP, id, Map.of());
        open.push(publisher);
        WatchStore store = WatchStore.openPostgres(database).sharedWithOtherNodes();
        open.push(store);
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(SectorPublisher.producerConfig(kafka.bootstrap(),
                "ingest-alerts-" + id));
        open.push(producer);
        IngestAlerts alerts = new IngestAlerts(store, producer, topics.alerts(), id);
        LivePipeline p = new LivePipeline(silentAfter(SILENT_S), new Ports(new SectorJournal(publisher, 10_000), alerts,
                points -> { }), 1_000, 0.2).withoutTracking().withStats("ingest_alerts", alerts::counters);
        open.push(p);
        return p;
    }

    /** A camera's bearing-only report: a sign of life of {@code sensor}, nothing to track. */
    static void report(LivePipeline p, String sensor) throws Exception {
        long now = System.currentTimeMillis();
        String json = "{\"sensor_id\":\"" + sensor + "\",\"time\":\"" + Instant.ofEpochMilli(now)
                + "\",\"kind\":\"camera\",\"bearing_deg\":45}";
        assertThat(p.offerJson(new Received<>(new DetectionParser().parse(json), "http", null, now))).isTrue();
    }

    @Test
    void eachIngestNodeRaisesOneSensorDownPerSilentSensorOfItsOwn() throws Exception {
        ClusterTopics topics = ClusterTopics.withPrefix("sd" + Long.toHexString(System.nanoTime()) + ".");
        topics.ensure(kafka.admin(), TrackerNodeClusterTest.MAP, (short) 1, 24);
        LivePipeline one = ingestNode(1, topics);
        LivePipeline two = ingestNode(2, topics);
        WatchStore reader = WatchStore.openPostgres(database);
        open.push(reader);

        java.util.concurrent.ScheduledExecutorService talker = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor();
        open.push(talker::shutdownNow);
        talker.scheduleAtFixedRate(() -> {
            try {
                report(one, "cam-a1"); // keeps talking to node 1 all along
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        report(one, "cam-a2"); // then silent
        report(two, "cam-b1"); // then silent
        await("both silent sensors down", () -> reader.openAlert(Finding.sensor("cam-a2"), RuleKind.SENSOR_DOWN) != null
                && reader.openAlert(Finding.sensor("cam-b1"), RuleKind.SENSOR_DOWN) != null);
        Thread.sleep((long) (SILENT_S * 1_500)); // more rounds of both nodes' rules: nothing more may come of them

        List<Alert> down = reader.alerts().stream().filter(a -> a.rule() == RuleKind.SENSOR_DOWN).toList();
        assertThat(down).extracting(Alert::subject).containsExactlyInAnyOrder("sensor:cam-a2", "sensor:cam-b1");
        assertThat(down).allSatisfy(a -> assertThat(a.occurrences()).as("once per silence").isEqualTo(1));
        List<AuditEvent> audit = reader.audit(0, 100);
        assertThat(audit).extracting(e -> e.after().subject() + " " + e.action() + " " + e.actor())
                .containsExactlyInAnyOrder("sensor:cam-a2 raised ingest-1", "sensor:cam-b1 raised ingest-2");

        List<ClusterRecords.AlertRecord> published = alertsTopic(topics, 2);
        assertThat(published).extracting(r -> r.subject() + " " + r.rule() + " " + r.node())
                .containsExactlyInAnyOrder("sensor:cam-a2 sensor_down 1", "sensor:cam-b1 sensor_down 2");
        assertThat(one.stats().get("ingest_alerts")).isEqualTo(Map.of("alerts_new", 1L, "alerts_folded", 0L,
                "alert_store_failures", 0L, "alert_publish_failures", 0L));
    }

    /** The alerts topic from its start, once it holds {@code n} records. */
    private List<ClusterRecords.AlertRecord> alertsTopic(ClusterTopics topics, int n) throws Exception {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ClusterRecords.AlertRecord> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c)) {
            List<TopicPartition> all = ClusterTopics.partitionsOf(consumer, topics.alerts());
            consumer.assign(all);
            consumer.seekToBeginning(all);
            await(n + " alert records", () -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(ClusterRecords.decode(r.value(), ClusterRecords.AlertRecord.class));
                }
                return out.size() >= n;
            });
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                out.add(ClusterRecords.decode(r.value(), ClusterRecords.AlertRecord.class));
            }
        }
        return out;
    }
}
