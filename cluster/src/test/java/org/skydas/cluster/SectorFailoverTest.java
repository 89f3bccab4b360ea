package org.skydas.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skydas.model.demo.StraightBorder;
import org.skydas.track.Detection;

/**
 * The sector topic end to end on an in-process KRaft broker: an ingest publisher and two tracker-node consumers in
 * one group, one per sector partition; one consumer dies mid-stream without committing (as a killed process: no
 * commit, no leave) and the other takes its partition over when the group's session times out. Every detection Kafka
 * acknowledged is handled at least once, exactly once after de-duplication by (id, sector), and each partition's
 * detections reach a handler in order.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SectorFailoverTest {

    private static InProcessKafka kafka;
    private static Admin admin;
    private static final SectorMap MAP = SectorMap.of(StraightBorder.scenario(500_000, 6_100_000, 20_000, List.of()),
            2, 500);

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = InProcessKafka.shared();
        admin = kafka.admin();
    }

    /** One handling of one record by one consumer, in the assignment epoch it happened in. */
    record Seen(String consumer, int partition, int epoch, long id, String sector, boolean halo) {
        String key() {
            return id + "/" + sector;
        }
    }

    /** A handler that records what it was given and when it owned what; optionally fails or crashes on cue. */
    static class Recorder implements SectorHandler {
        final String name;
        final ConcurrentLinkedQueue<Seen> seen;
        final Set<Integer> owned = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final AtomicInteger epoch = new AtomicInteger();
        final AtomicInteger handledHere = new AtomicInteger();
        final Map<Integer, Long> assignedAtNanos = new java.util.concurrent.ConcurrentHashMap<>();

        Recorder(String name, ConcurrentLinkedQueue<Seen> seen) {
            this.name = name;
            this.seen = seen;
        }

        @Override
        public Map<Integer, Long> assigned(Collection<OwnedPartition> partitions) {
            epoch.incrementAndGet();
            partitions.forEach(p -> owned.add(p.partition()));
            partitions.forEach(p -> assignedAtNanos.put(p.partition(), System.nanoTime()));
            return Map.of();
        }

        @Override
        public void handle(SectorBatch batch) throws Exception {
            for (SectorDetection d : batch.detections()) {
                seen.add(new Seen(name, batch.partition(), epoch.get(), d.id(), d.sector(), d.halo()));
            }
            handledHere.addAndGet(batch.detections().size());
        }

        @Override
        public void revoked(Collection<Integer> partitions) {
            owned.removeAll(partitions);
        }
    }

    @Test
    void aTrackerNodeKilledMidStreamLosesNothingItsPartitionMovesToTheOther() throws Exception {
        String topic = "failover";
        SectorTopic.ensure(admin, topic, MAP, (short) 1, 24);
        ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
        AtomicReference<SectorConsumer> a = new AtomicReference<>();
        AtomicInteger killAfter = new AtomicInteger(Integer.MAX_VALUE);
        Recorder ra = new Recorder("a", seen) {
            @Override
            public void handle(SectorBatch batch) throws Exception {
                super.handle(batch);
                if (handledHere.get() >= killAfter.get()) {
                    a.get().abandon(); // dies after this batch's effects, before its commit
                }
            }
        };
        Recorder rb = new Recorder("b", seen);
        a.set(SectorConsumer.connect(kafka.bootstrap(), "trackers", topic, MAP, ra, "a", Map.of()).start());
        SectorConsumer b = SectorConsumer.connect(kafka.bootstrap(), "trackers", topic, MAP, rb, "b", Map.of()).start();
        try (SectorPublisher publisher = SectorPublisher.connect(kafka.bootstrap(), topic, MAP, 1, Map.of())) {
            await("each consumer owns one partition", () -> ra.owned.size() == 1 && rb.owned.size() == 1);
            int aPartition = ra.owned.iterator().next();

            Set<String> accepted = new HashSet<>();
            accepted.addAll(publish(publisher, 0, 1_500));
            await("a handled detections", () -> ra.handledHere.get() > 100);
            killAfter.set(ra.handledHere.get() + 200);                     // mid-stream, within the next batches
            accepted.addAll(publish(publisher, 1_500, 1_500));
            AtomicReference<Long> killedAt = new AtomicReference<>();
            await("a is dead", () -> !a.get().alive());
            killedAt.set(System.nanoTime());
            accepted.addAll(publish(publisher, 3_000, 1_500));

            await("b owns both partitions and handled everything accepted", () -> rb.owned.size() == 2
                    && keys(seen).containsAll(accepted));
            double failoverS = (rb.assignedAtNanos.get(aPartition) - killedAt.get()) / 1e9;
            System.out.printf("failover: a's partition %d on b after %.1f s (session timeout %d ms); %d records, "
                    + "%d handlings%n", aPartition, failoverS, InProcessKafka.SESSION_TIMEOUT_MS, accepted.size(),
                    seen.size());

            // Nothing accepted lost, nothing that was not accepted invented, exactly once after de-duplication.
            assertThat(keys(seen)).isEqualTo(accepted);
            assertThat(publisher.counters().failed()).isZero();
            assertThat(publisher.counters().acked()).isEqualTo(accepted.size());
            // The batch a handled but never committed went to b again: delivery is at least once, not at most once.
            Set<String> byA = keys(seen.stream().filter(s -> s.consumer().equals("a")).toList());
            Set<String> byB = keys(seen.stream().filter(s -> s.consumer().equals("b")).toList());
            byA.retainAll(byB);
            assertThat(byA).isNotEmpty();
            assertThat(seen.size()).isGreaterThan(accepted.size());
            // In order: within one consumer's ownership of a partition, ids only grow (one publisher thread).
            Map<String, Long> last = new HashMap<>();
            for (Seen s : seen) {
                String run = s.consumer() + "/" + s.partition() + "/" + s.epoch();
                Long before = last.put(run, s.id());
                if (before != null) {
                    assertThat(s.id()).as("order in %s", run).isGreaterThanOrEqualTo(before);
                }
            }
            // Halo copies are there and marked: the walker crosses the joint of BY-001 and BY-002.
            assertThat(seen).anyMatch(Seen::halo);
            assertThat(b.counters().malformed()).isZero();
            assertThat(b.counters().misrouted()).isZero();
        } finally {
            b.close();
            a.get().close();
        }
    }

    @Test
    void aTrackerNodeStoppedOnPurposeHandsOverAtOnceAndNothingIsHandledTwice() throws Exception {
        String topic = "handover";
        SectorTopic.ensure(admin, topic, MAP, (short) 1, 24);
        ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
        AtomicInteger revokedCalls = new AtomicInteger();
        Recorder ra = new Recorder("e", seen) {
            @Override
            public void revoked(Collection<Integer> partitions) {
                super.revoked(partitions);
                revokedCalls.incrementAndGet();
            }
        };
        Recorder rb = new Recorder("f", seen);
        // This group's session lasts 30 s: a move within that time is the leave, not a timeout.
        admin.incrementalAlterConfigs(Map.of(
                new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.GROUP,
                        "handover-group"),
                List.of(new org.apache.kafka.clients.admin.AlterConfigOp(
                        new org.apache.kafka.clients.admin.ConfigEntry("consumer.session.timeout.ms", "30000"),
                        org.apache.kafka.clients.admin.AlterConfigOp.OpType.SET)))).all().get();
        SectorConsumer a = SectorConsumer.connect(kafka.bootstrap(), "handover-group", topic, MAP, ra, "e", Map.of())
                .start();
        SectorConsumer b = SectorConsumer.connect(kafka.bootstrap(), "handover-group", topic, MAP, rb, "f", Map.of())
                .start();
        try (SectorPublisher publisher = SectorPublisher.connect(kafka.bootstrap(), topic, MAP, 3, Map.of())) {
            await("each consumer owns one partition", () -> ra.owned.size() == 1 && rb.owned.size() == 1);
            int aPartition = ra.owned.iterator().next();
            Set<String> accepted = new HashSet<>(publish(publisher, 0, 1_000));
            await("the first half handled", () -> keys(seen).containsAll(accepted));
            int revokedBefore = revokedCalls.get();
            long stoppedAt = System.nanoTime();
            a.close();
            await("b owns a's partition", () -> rb.owned.contains(aPartition));
            double handOverS = (System.nanoTime() - stoppedAt) / 1e9;
            accepted.addAll(publish(publisher, 1_000, 1_000));
            await("all handled", () -> keys(seen).containsAll(accepted));
            System.out.printf("hand-over: partition %d on the other node %.1f s after close%n", aPartition, handOverS);
            assertThat(revokedCalls.get()).isGreaterThan(revokedBefore);        // the handler could hand over
            assertThat(seen).hasSize(accepted.size());                           // committed on revoke: no repeat
            assertThat(keys(seen)).isEqualTo(accepted);
            assertThat(handOverS).as("moved by leaving, not by the group's 30 s session timeout").isLessThan(30);
        } finally {
            b.close();
            a.close();
        }
    }

    @Test
    void aHandlerThatFailsGetsTheSameBatchAgainAndNothingIsLost() throws Exception {
        String topic = "retry";
        SectorTopic.ensure(admin, topic, MAP, (short) 1, 24);
        ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger(1);
        Recorder r = new Recorder("c", seen) {
            @Override
            public void handle(SectorBatch batch) throws Exception {
                assertThat(batch.offsets()).isSorted().hasSize(batch.detections().size());
                assertThat(batch.offsets().get(0)).isEqualTo(batch.firstOffset());
                assertThat(batch.offsets().get(batch.offsets().size() - 1)).isEqualTo(batch.nextOffset() - 1);
                if (failures.getAndDecrement() > 0) {
                    super.handle(batch); // part of the work done, then the store fails: none of it may count
                    throw new java.sql.SQLException("store unavailable");
                }
                super.handle(batch);
            }
        };
        SectorConsumer c = SectorConsumer.connect(kafka.bootstrap(), "retry-group", topic, MAP, r, "c", Map.of())
                .start();
        try (SectorPublisher publisher = SectorPublisher.connect(kafka.bootstrap(), topic, MAP, 2, Map.of())) {
            Set<String> accepted = publish(publisher, 0, 500);
            // handled() counts only batches the handler returned from: the failed one counts when it came again.
            await("all handled", () -> c.counters().handled() >= accepted.size());
            assertThat(keys(seen)).isEqualTo(accepted);
            assertThat(c.counters().handlerFailures()).isEqualTo(1);
            assertThat(seen.size()).isGreaterThan(accepted.size());   // the failed batch came again
            assertThat(c.alive()).isTrue();
        } finally {
            c.close();
        }
    }

    @Test
    void aFailedFlushDeliversAgainEverythingHandledSinceTheLastFlush() throws Exception {
        String topic = "flush-retry";
        SectorTopic.ensure(admin, topic, MAP, (short) 1, 24);
        ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
        Set<Long> sinceFlush = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Set<Long> unflushedWhenItFailed = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicInteger flushFailures = new AtomicInteger(1);
        Recorder r = new Recorder("c", seen) {
            @Override
            public void handle(SectorBatch batch) throws Exception {
                super.handle(batch);
                batch.detections().forEach(d -> sinceFlush.add(d.id()));
            }

            @Override
            public void flush() throws Exception {
                if (!sinceFlush.isEmpty() && flushFailures.getAndDecrement() > 0) {
                    unflushedWhenItFailed.addAll(sinceFlush);
                    sinceFlush.clear();
                    throw new java.sql.SQLException("store unavailable at the flush");
                }
                sinceFlush.clear();
            }
        };
        SectorConsumer c = SectorConsumer.connect(kafka.bootstrap(), "flush-retry-group", topic, MAP, r, "c", Map.of())
                .start();
        try (SectorPublisher publisher = SectorPublisher.connect(kafka.bootstrap(), topic, MAP, 2, Map.of())) {
            Set<String> accepted = publish(publisher, 0, 500);
            await("all handled and the failed flush's records again", () -> keys(seen).equals(accepted)
                    && !unflushedWhenItFailed.isEmpty() && unflushedWhenItFailed.stream().allMatch(id ->
                    seen.stream().filter(x -> x.id() == id).count() >= 2));
            assertThat(c.counters().handlerFailures()).isEqualTo(1);
            assertThat(c.alive()).isTrue();
        } finally {
            c.close();
        }
        // Everything was committed in the end: a new member of the group has nothing left to read.
        ConcurrentLinkedQueue<Seen> after = new ConcurrentLinkedQueue<>();
        Recorder next = new Recorder("d", after);
        SectorConsumer d = SectorConsumer.connect(kafka.bootstrap(), "flush-retry-group", topic, MAP, next, "d",
                Map.of()).start();
        try {
            await("the next member owns every partition", () -> next.owned.size() == MAP.partitions());
            Thread.sleep(1_500); // a few polls from the committed offsets
            assertThat(after).isEmpty();
        } finally {
            d.close();
        }
    }

    @Test
    void unreadableAndMisroutedRecordsAreCountedAndTheRestHandled() throws Exception {
        String topic = "bad-input";
        SectorTopic.ensure(admin, topic, MAP, (short) 1, 24);
        ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
        List<Long> offsetsSeen = new java.util.concurrent.CopyOnWriteArrayList<>();
        Recorder recorder = new Recorder("d", seen) {
            @Override
            public void handle(SectorBatch batch) throws Exception {
                offsetsSeen.addAll(batch.offsets());
                super.handle(batch);
            }
        };
        SectorConsumer c = SectorConsumer.connect(kafka.bootstrap(), "bad-group", topic, MAP, recorder, "d", Map.of())
                .start();
        Map<String, Object> config = SectorPublisher.producerConfig(kafka.bootstrap(), "raw");
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(config)) {
            SectorDetection good = new SectorDetection(11, "json:S1", null, 1, "BY-001", false,
                    Detection.position(1, 0, 505_000, 6_100_000, 5));
            SectorDetection elsewhere = new SectorDetection(12, "json:S1", null, 1, "BY-002", false,
                    Detection.position(1, 0, 515_000, 6_100_000, 5));
            raw.send(new ProducerRecord<>(topic, 0, "BY-001", new byte[] {1, 2, 3})).get();
            raw.send(new ProducerRecord<>(topic, 0, "BY-002", DetectionCodec.encode(elsewhere))).get();
            raw.send(new ProducerRecord<>(topic, 0, "BY-001", DetectionCodec.encode(good))).get();
            await("both readable records handled", () -> seen.size() == 2);
            assertThat(seen).extracting(Seen::id).containsExactly(12L, 11L);
            assertThat(offsetsSeen).containsExactly(1L, 2L);   // offset 0 was the unreadable record
            assertThat(c.counters().malformed()).isEqualTo(1);
            assertThat(c.counters().misrouted()).isEqualTo(1);
            assertThat(c.counters().records()).isEqualTo(3);
            assertThat(c.alive()).isTrue();
        } finally {
            c.close();
        }
    }

    /**
     * Publishes {@code n} detections of a walker going east along the border over the joint of BY-001 and BY-002 and
     * back, waits for Kafka's acknowledgements and returns the accepted records' keys ("id/sector").
     */
    static Set<String> publish(SectorPublisher publisher, int from, int n) throws Exception {
        List<CompletableFuture<SectorPublisher.Accepted>> futures = new ArrayList<>(n);
        for (int i = from; i < from + n; i++) {
            double x = 500_000 + Math.abs((i * 7) % 4_000 - 2_000) * 10.0;     // 500 km… 520 km and back
            double y = 6_100_000 + ((i * 37) % 600) - 300;
            futures.add(publisher.publish("json:S" + (i % 3), "json-http", System.currentTimeMillis(),
                    Detection.position(i * 0.1, 0, x, y, 10)));
        }
        Set<String> keys = new HashSet<>();
        for (CompletableFuture<SectorPublisher.Accepted> f : futures) {
            SectorPublisher.Accepted a = f.get(60, TimeUnit.SECONDS);
            a.sectors().forEach(s -> keys.add(a.id() + "/" + s));
        }
        return keys;
    }

    static Set<String> keys(Collection<Seen> seen) {
        Set<String> keys = new HashSet<>();
        for (Seen s : seen) keys.add(s.key());
        return keys;
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
