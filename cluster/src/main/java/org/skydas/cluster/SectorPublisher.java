package org.skydas.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.skydas.track.Detection;
import org.skydas.track.RejectReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest node's side of the sector topic: publishes each normalised detection to the sector that owns its
 * position and, marked halo, to the sectors that see it ({@link SectorMap}), keyed by sector, on the partition of
 * that sector. A detection is <em>accepted</em> when Kafka has acknowledged every copy: the producer is idempotent
 * with {@code acks=all} (with the topic's {@code min.insync.replicas}, an acknowledged record survives the loss of a
 * broker), so the future {@link #publish} returns completes only then — the journal semantics of ADR 0004 with Kafka
 * as the journal. It fails when Kafka refused or timed out ({@code delivery.timeout.ms}, 2 min by default, after the
 * producer's own retries); the caller must then not report the detection as accepted.
 *
 * <p>A detection the tracker could not use (non-finite position, a covariance that is not positive definite) is
 * refused at once, counted by reason and never sent. Thread-safe: listeners may publish from their own threads.
 */
public final class SectorPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SectorPublisher.class);

    /** What Kafka acknowledged for one detection: its id and the sectors (owner first) it went to. */
    public record Accepted(long id, List<String> sectors) {
    }

    /** A detection refused before it was sent: why. */
    public static final class RefusedException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }

    /**
     * Running totals: {@code sent}, {@code acked} and {@code failed} count records (a halo copy is a record);
     * {@code accepted} counts detections all of whose records were acknowledged, {@code refused} those never sent.
     */
    public record Counters(long sent, long acked, long failed, long accepted, long refused, long haloCopies) {
    }

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final SectorMap map;
    private final DetectionIds ids;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong haloCopies = new AtomicLong();
    private final Map<String, AtomicLong> refusedByReason = new java.util.concurrent.ConcurrentHashMap<>();

    public SectorPublisher(Producer<String, byte[]> producer, String topic, SectorMap map, DetectionIds ids) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.map = Objects.requireNonNull(map, "map");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /** A publisher with its own producer ({@link #producerConfig}) on {@code bootstrapServers}. */
    public static SectorPublisher connect(String bootstrapServers, String topic, SectorMap map, int nodeId,
                                          Map<String, Object> overrides) {
        Map<String, Object> config = producerConfig(bootstrapServers, "skydas-ingest-" + nodeId);
        config.putAll(overrides);
        return new SectorPublisher(new KafkaProducer<>(config), topic, map, new DetectionIds(nodeId));
    }

    /**
     * The producer settings that make "accepted" mean durable: idempotence (no duplicate and no reordering from the
     * producer's own retries, at most 5 requests in flight per connection), {@code acks=all}, unbounded retries
     * within {@code delivery.timeout.ms}; a few milliseconds of linger batch the many small records, LZ4 shrinks them.
     */
    public static Map<String, Object> producerConfig(String bootstrapServers, String clientId) {
        Map<String, Object> c = new HashMap<>();
        c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        c.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        c.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        c.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        c.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        c.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        c.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return c;
    }

    /**
     * Publishes detection {@code d} (LKS-94 metres; its sensor id is not sent) received from {@code source} through
     * {@code listener} at {@code receivedAtMillis}. The future completes with the detection's id and sectors once Kafka
     * acknowledged every copy, or fails ({@link RefusedException} when refused before sending, else Kafka's error).
     * Never blocks beyond the producer's own back-pressure ({@code max.block.ms} when its buffer is full).
     */
    public CompletableFuture<Accepted> publish(String source, String listener, long receivedAtMillis, Detection d) {
        RejectReason bad = d.validate();
        if (bad != null) {
            return refuse(bad.name().toLowerCase(java.util.Locale.ROOT), source);
        }
        SectorMap.Routing routing = map.route(d.x(), d.y());
        long id = ids.next();
        List<String> sectors = routing.all();
        CompletableFuture<Accepted> done = new CompletableFuture<>();
        AtomicInteger waiting = new AtomicInteger(sectors.size());
        for (String sector : sectors) {
            boolean halo = !sector.equals(routing.owner());
            byte[] value = DetectionCodec.encode(new SectorDetection(id, source, listener, receivedAtMillis, sector,
                    halo, d));
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, map.partitionOf(sector), sector, value);
            sent.incrementAndGet();
            if (halo) {
                haloCopies.incrementAndGet();
            }
            try {
                producer.send(record, (meta, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                        if (done.completeExceptionally(error)) {
                            LOG.warn("event=detection_not_accepted id={} sector={} error=\"{}\"", id, sector,
                                    error.toString());
                        }
                    } else {
                        acked.incrementAndGet();
                        if (waiting.decrementAndGet() == 0 && done.complete(new Accepted(id, sectors))) {
                            accepted.incrementAndGet();
                        }
                    }
                });
            } catch (RuntimeException e) {
                // Serialisation, a closed producer, max.block.ms with a full buffer: this copy was never sent.
                failed.incrementAndGet();
                done.completeExceptionally(e);
            }
        }
        return done;
    }

    private CompletableFuture<Accepted> refuse(String reason, String source) {
        refused.incrementAndGet();
        long n = refusedByReason.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
        if (Long.bitCount(n) == 1) { // 1st, 2nd, 4th, 8th…: visible, never a flood
            LOG.warn("event=detection_refused reason={} source=\"{}\" count={}", reason, source, n);
        }
        return CompletableFuture.failedFuture(new RefusedException("detection refused: " + reason));
    }

    public Counters counters() {
        return new Counters(sent.get(), acked.get(), failed.get(), accepted.get(), refused.get(), haloCopies.get());
    }

    /** Refused detections by reason (non_finite, bad_covariance). */
    public Map<String, Long> refusedByReason() {
        Map<String, Long> m = new java.util.TreeMap<>();
        refusedByReason.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    /** The topic's partitions as the producer sees them (asks the cluster when it does not know them yet). */
    public int partitionsFor() {
        return producer.partitionsFor(topic).size();
    }

    /** Sends what the producer holds and waits for Kafka's answers. */
    public void flush() {
        producer.flush();
    }

    public SectorMap map() {
        return map;
    }

    @Override
    public void close() {
        producer.close();
    }
}
