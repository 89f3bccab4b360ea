package org.skydas.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tracker node's member of the consumer group over the sector topic: Kafka gives it a set of partitions (so of
 * sectors), it hands each partition's detections in order to the {@link SectorHandler}, and commits a batch's offsets
 * only after the handler returned (at least once; see {@link SectorHandler}). Rebalances reach the handler: assigned
 * partitions before their first batch (to rebuild state), revoked ones before their final commit (to hand over),
 * lost ones without a commit.
 *
 * <p>Bad input loses nothing else: a record that cannot be read is counted, logged (rate-limited) and skipped; a
 * record whose key is a sector this node's {@link SectorMap} puts on another partition is counted as misrouted and
 * still handed over (the nodes disagree on the scenario or partition count: an operator must look); a handler that
 * throws gets the same batch again after a pause, other partitions carry on.
 *
 * <p>Each consumer made by {@link #connect} is a static member of the group ({@code group.instance.id} =
 * {@code skydas-tracker-NAME}, so NAME must be unique in the group: the tracker node's id): a node restarted within
 * the group's session timeout gets its partitions back without a rebalance, and a node that died (SIGKILL, power,
 * network) is replaced once the session times out (the broker's {@code group.consumer.session.timeout.ms}: 45 s by
 * default, set lower for a faster failover; ADR 0024).
 *
 * <p>One thread per consumer ({@link #start}); {@link #close} hands over, commits and leaves the group; {@link #abandon}
 * stops as a killed process would (no commit, no hand-over, no callback to the handler; the group reassigns the
 * partitions after the session timeout) — for failover drills and tests.
 */
public final class SectorConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SectorConsumer.class);
    static final Duration POLL = Duration.ofMillis(100);
    /**
     * The handler is flushed and offsets are committed at most this often (and always when partitions are revoked or
     * the consumer closes): both wait for round trips (Kafka's acknowledgements, the store, the commit itself), and an
     * offset committed later only means a longer replay after a crash — which the handler's effects, idempotent, allow
     * (a take-over replays the last seconds anyway).
     */
    static final long COMMIT_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private long lastCommitNanos = System.nanoTime();
    /** Per partition, the first offset handled since the handler's last flush (where a failed flush goes back to). */
    private final Map<TopicPartition, Long> unflushed = new HashMap<>();
    static final long RETRY_PAUSE_MS = 500;

    /** Running totals of one consumer. */
    public record Counters(long records, long handled, long malformed, long misrouted, long handlerFailures,
                           long commits, long commitFailures, long assigned, long revoked, long lost) {
    }

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final SectorMap map;
    private final SectorHandler handler;
    private final String name;
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
    private volatile boolean running = true;
    private volatile boolean started;
    private volatile boolean abandoned;
    private volatile Throwable died;

    private final AtomicLong records = new AtomicLong();
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong misrouted = new AtomicLong();
    private final AtomicLong handlerFailures = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong commitFailures = new AtomicLong();
    private final AtomicLong assignedCount = new AtomicLong();
    private final AtomicLong revokedCount = new AtomicLong();
    private final AtomicLong lostCount = new AtomicLong();

    public SectorConsumer(Consumer<String, byte[]> consumer, String topic, SectorMap map, SectorHandler handler,
                          String name) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.map = Objects.requireNonNull(map, "map");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.name = Objects.requireNonNull(name, "name");
        this.thread = new Thread(this::run, "skydas-sector-consumer-" + name);
    }

    /** A consumer of group {@code groupId} with its own Kafka consumer ({@link #consumerConfig}). */
    public static SectorConsumer connect(String bootstrapServers, String groupId, String topic, SectorMap map,
                                         SectorHandler handler, String name, Map<String, Object> overrides) {
        Map<String, Object> config = consumerConfig(bootstrapServers, groupId, "skydas-tracker-" + name);
        config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "skydas-tracker-" + name);
        config.putAll(overrides);
        return new SectorConsumer(new KafkaConsumer<>(config), topic, map, handler, name);
    }

    /**
     * Manual commits only; a new group starts at the earliest record (nothing accepted before the first tracker node
     * came up is skipped); read_committed so that records of an aborted transaction are never handled; Kafka 4's
     * consumer group protocol (KIP-848: the broker assigns, rebalances are incremental; session timeout and
     * heartbeat are the broker's {@code group.consumer.*} settings).
     */
    public static Map<String, Object> consumerConfig(String bootstrapServers, String groupId, String clientId) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        c.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return c;
    }

    /** Starts the consumer's thread. */
    public SectorConsumer start() {
        started = true;
        thread.start();
        return this;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic), new Rebalance());
            while (running) {
                ConsumerRecords<String, byte[]> polled;
                try {
                    polled = consumer.poll(POLL);
                } catch (WakeupException e) {
                    continue; // close() or abandon(): the loop condition decides
                }
                for (TopicPartition tp : polled.partitions()) {
                    if (!running) {
                        break;
                    }
                    if (handlePartition(tp, polled.records(tp))) {
                        unflushed.putIfAbsent(tp, polled.records(tp).get(0).offset());
                    }
                }
                if (abandoned) {
                    break; // as if killed between the handler's work and the commit
                }
                if (System.nanoTime() - lastCommitNanos >= COMMIT_EVERY_NANOS && flushHandler()) {
                    commit();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (Throwable t) {
            died = t;
            LOG.error("event=sector_consumer_died consumer={} error=\"{}\"", name, t.toString(), t);
        } finally {
            try {
                if (abandoned) {
                    consumer.close(CloseOptions.groupMembershipOperation(
                            CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP).withTimeout(Duration.ZERO));
                } else {
                    try {
                        handler.flush();
                        commit();
                    } catch (Exception e) {
                        LOG.warn("event=sector_final_commit_failed consumer={} error=\"{}\"", name, e.toString());
                    }
                    // A node stopped on purpose hands its sectors over at once (a static member would otherwise
                    // keep them, unserved, until the session timeout).
                    consumer.close(CloseOptions.groupMembershipOperation(
                            CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
                }
            } catch (RuntimeException e) {
                LOG.warn("event=sector_consumer_close_failed consumer={} error=\"{}\"", name, e.toString());
            }
            stopped.countDown();
        }
    }

    /**
     * Lets the handler make durable what it took since the last flush; when it cannot, all of that is delivered again
     * (each partition sought back to the first record handled since, its offsets not committed) after a pause.
     */
    private boolean flushHandler() {
        if (flushOrRewind()) {
            return true;
        }
        pause();
        return false;
    }

    private boolean flushOrRewind() {
        try {
            handler.flush();
            unflushed.clear();
            return true;
        } catch (Exception e) {
            long n = handlerFailures.incrementAndGet();
            if (Long.bitCount(n) == 1) {
                LOG.warn("event=sector_handler_failed consumer={} partitions={} failures={} on=flush action=redeliver "
                        + "error=\"{}\"", name, numbers(unflushed.keySet()), n, e.toString());
            }
            unflushed.forEach((tp, first) -> {
                uncommitted.remove(tp);
                consumer.seek(tp, first);
            });
            unflushed.clear();
            return false;
        }
    }

    /** Handles one partition's records of a poll; false when the handler refused them (they come again). */
    private boolean handlePartition(TopicPartition tp, List<ConsumerRecord<String, byte[]>> batch) {
        int partition = tp.partition();
        List<String> sectors = map.sectorsOf(partition);
        List<SectorDetection> detections = new ArrayList<>(batch.size());
        List<Long> offsets = new ArrayList<>(batch.size());
        for (ConsumerRecord<String, byte[]> r : batch) {
            records.incrementAndGet();
            try {
                SectorDetection d = DetectionCodec.decode(r.key(), r.value());
                if (!sectors.contains(d.sector())) {
                    long n = misrouted.incrementAndGet();
                    if (Long.bitCount(n) == 1) {
                        LOG.warn("event=sector_record_misrouted consumer={} partition={} offset={} sector={} "
                                + "expected_partition={} count={}", name, partition, r.offset(), d.sector(),
                                map.knows(d.sector()) ? map.partitionOf(d.sector()) : "unknown", n);
                    }
                }
                detections.add(d);
                offsets.add(r.offset());
            } catch (MalformedRecordException e) {
                long n = malformed.incrementAndGet();
                if (Long.bitCount(n) == 1) {
                    LOG.warn("event=sector_record_malformed consumer={} partition={} offset={} reason=\"{}\" count={}",
                            name, partition, r.offset(), e.getMessage(), n);
                }
            }
        }
        long first = batch.get(0).offset();
        long next = batch.get(batch.size() - 1).offset() + 1;
        try {
            if (!detections.isEmpty()) {
                handler.handle(new SectorBatch(partition, sectors, first, next, detections, offsets));
                handled.addAndGet(detections.size());
            }
            uncommitted.put(tp, new OffsetAndMetadata(next));
            return true;
        } catch (Exception e) {
            long n = handlerFailures.incrementAndGet();
            if (Long.bitCount(n) == 1) { // 1st, 2nd, 4th…: a store down for an hour does not flood the log
                LOG.warn("event=sector_handler_failed consumer={} partition={} offset={} records={} failures={} "
                        + "action=redeliver error=\"{}\"", name, partition, first, batch.size(), n, e.toString());
            }
            consumer.seek(tp, first);
            pause();
            return false;
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /**
     * Commits the handled offsets. A commit Kafka refuses because the partitions moved on (a rebalance fenced this
     * member) is dropped: the new owner reads those records again, which at least once allows; a retriable error keeps
     * the offsets for the next round. Neither stops the consumer.
     */
    private void commit() {
        if (uncommitted.isEmpty()) {
            return;
        }
        lastCommitNanos = System.nanoTime();
        try {
            consumer.commitSync(uncommitted);
            commits.incrementAndGet();
            uncommitted.clear();
        } catch (org.apache.kafka.common.errors.RetriableException e) {
            commitFailures.incrementAndGet();
            LOG.warn("event=sector_commit_failed consumer={} action=retry error=\"{}\"", name, e.toString());
        } catch (org.apache.kafka.clients.consumer.CommitFailedException
                 | org.apache.kafka.common.errors.FencedInstanceIdException e) {
            commitFailures.incrementAndGet();
            LOG.warn("event=sector_commit_failed consumer={} partitions={} action=redelivered_elsewhere error=\"{}\"",
                    name, numbers(uncommitted.keySet()), e.toString());
            uncommitted.clear();
            if (e instanceof org.apache.kafka.common.errors.FencedInstanceIdException) {
                throw e; // another member runs with this node's name: stop rather than fight over its partitions
            }
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            assignedCount.addAndGet(partitions.size());
            List<SectorHandler.OwnedPartition> owned = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                owned.add(new SectorHandler.OwnedPartition(tp.partition(), map.sectorsOf(tp.partition())));
            }
            LOG.info("event=sector_partitions_assigned consumer={} partitions={}", name, numbers(partitions));
            Map<Integer, Long> starts = handler.assigned(owned);
            starts.forEach((p, offset) -> consumer.seek(new TopicPartition(topic, p), offset));
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            if (abandoned) {
                return; // a killed process hands nothing over and commits nothing
            }
            revokedCount.addAndGet(partitions.size());
            LOG.info("event=sector_partitions_revoked consumer={} partitions={}", name, numbers(partitions));
            handler.revoked(numbers(partitions));
            Map<TopicPartition, OffsetAndMetadata> mine = new HashMap<>();
            for (TopicPartition tp : partitions) {
                unflushed.remove(tp);
                OffsetAndMetadata o = uncommitted.remove(tp);
                if (o != null) {
                    mine.put(tp, o);
                }
            }
            if (!mine.isEmpty()) {
                // What was handled in those partitions is durable before their offsets go; if not, they are read again
                // by their next owner, and the partitions kept here from the first record not made durable.
                if (!flushOrRewind()) {
                    commitFailures.incrementAndGet();
                    LOG.warn("event=sector_commit_failed consumer={} partitions={} on=revoke action=redelivered_elsewhere",
                            name, numbers(partitions));
                    return;
                }
                try {
                    consumer.commitSync(mine);
                    commits.incrementAndGet();
                } catch (org.apache.kafka.common.KafkaException e) {
                    commitFailures.incrementAndGet();
                    LOG.warn("event=sector_commit_failed consumer={} partitions={} on=revoke action=redelivered_elsewhere "
                            + "error=\"{}\"", name, numbers(partitions), e.toString());
                }
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            if (abandoned) {
                return;
            }
            lostCount.addAndGet(partitions.size());
            LOG.warn("event=sector_partitions_lost consumer={} partitions={}", name, numbers(partitions));
            partitions.forEach(uncommitted::remove);
            partitions.forEach(unflushed::remove);
            handler.lost(numbers(partitions));
        }
    }

    private static List<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).sorted().toList();
    }

    public Counters counters() {
        return new Counters(records.get(), handled.get(), malformed.get(), misrouted.get(), handlerFailures.get(),
                commits.get(), commitFailures.get(), assignedCount.get(), revokedCount.get(), lostCount.get());
    }

    /** True while the consumer's thread runs. */
    public boolean alive() {
        return thread.isAlive();
    }

    /** Why the consumer's thread stopped on its own, or null. */
    public Throwable failure() {
        return died;
    }

    public String name() {
        return name;
    }

    /**
     * Stops as a killed process would: after the batch in hand, without committing it and without leaving the group;
     * the partitions move to another member once the group's session timeout passes, and the records handled since
     * the last commit are delivered again there.
     */
    public void abandon() throws InterruptedException {
        abandoned = true;
        running = false;
        if (!started) {
            consumer.close();
            return;
        }
        if (Thread.currentThread() != thread) {
            consumer.wakeup();
            stopped.await(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Stops after the batch in hand: the handler hands its partitions over ({@link SectorHandler#revoked}), what was
     * handled is committed, and the consumer leaves the group, so its partitions move at once, with nothing delivered
     * twice.
     */
    @Override
    public void close() {
        running = false;
        if (!started) {
            consumer.close();
            return;
        }
        if (Thread.currentThread() != thread && thread.isAlive()) {
            consumer.wakeup();
            try {
                stopped.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
