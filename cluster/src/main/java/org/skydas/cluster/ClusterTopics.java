package org.skydas.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The topics of a scaled-out WATCH (docs/adr/0024-kafka-scale-out.md): {@code detections} (the sector topic, one
 * partition per block of sectors, {@link SectorTopic}), {@code tracks} (track updates published by the owner of the
 * track's position, key = global track id; also read by every tracker node to hand tracks over, and by every API
 * node for its live picture: {@link ClusterLivePicture}), {@code alerts} (each
 * alert a tracker node committed as new, key = subject) and {@code tracked} (per handled batch, the ids of the owner
 * copies a tracker node handed to its tracker: what the cluster demo checks "nothing lost" against).
 */
public record ClusterTopics(String detections, String tracks, String alerts, String tracked) {

    /** skydas.detections, skydas.tracks, skydas.alerts, skydas.tracked. */
    public static final ClusterTopics DEFAULT = withPrefix("skydas.");

    /** The four topics named {@code prefix + detections|tracks|alerts|tracked}. */
    public static ClusterTopics withPrefix(String prefix) {
        return new ClusterTopics(prefix + "detections", prefix + "tracks", prefix + "alerts", prefix + "tracked");
    }

    /**
     * Creates the topics that do not exist (the sector topic with the map's partition count, checked; the others with
     * as many partitions, detections and tracked kept {@code retentionHours}, tracks and alerts a day) and checks the
     * sector topic's partition count.
     */
    public void ensure(Admin admin, SectorMap map, short replicas, int retentionHours)
            throws InterruptedException, ExecutionException {
        SectorTopic.ensure(admin, detections, map, replicas, retentionHours);
        List<NewTopic> more = new ArrayList<>();
        String minIsr = Integer.toString(replicas >= 3 ? 2 : 1);
        for (String name : List.of(tracks, alerts, tracked)) {
            long hours = name.equals(tracked) ? retentionHours : 24;
            more.add(new NewTopic(name, map.partitions(), replicas).configs(Map.of(
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minIsr,
                    TopicConfig.RETENTION_MS_CONFIG, Long.toString(hours * 3_600_000L))));
        }
        for (NewTopic t : more) {
            try {
                admin.createTopics(List.of(t)).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        awaitVisible(admin, List.of(detections, tracks, alerts, tracked));
    }

    /**
     * Waits (at most 30 s) until the brokers know {@code names}: a topic just created reaches the brokers' metadata a
     * moment after the controller acknowledged it, and a client that looks it up before sees no partitions.
     */
    static void awaitVisible(Admin admin, List<String> names) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                admin.describeTopics(names).allTopicNames().get();
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** The partitions of {@code topic} as {@code consumer} sees them, waiting (at most 30 s) until it sees some. */
    public static List<org.apache.kafka.common.TopicPartition> partitionsOf(
            org.apache.kafka.clients.consumer.Consumer<?, ?> consumer, String topic) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            List<org.apache.kafka.common.TopicPartition> out = new ArrayList<>();
            for (org.apache.kafka.common.PartitionInfo p : consumer.partitionsFor(topic, java.time.Duration.ofSeconds(10))) {
                out.add(new org.apache.kafka.common.TopicPartition(p.topic(), p.partition()));
            }
            if (!out.isEmpty()) {
                return out;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topic " + topic + " has no partitions (does it exist?)");
            }
            Thread.sleep(200);
        }
    }

    /**
     * A consumer's settings for reading topics outside any group (partitions assigned by hand, nothing committed):
     * string keys, byte values.
     */
    static Map<String, Object> readerConfig(String bootstrap, String clientId) {
        Map<String, Object> c = new java.util.HashMap<>();
        c.put(org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(org.apache.kafka.clients.consumer.ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        c.put(org.apache.kafka.clients.consumer.ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(org.apache.kafka.clients.consumer.ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        c.put(org.apache.kafka.clients.consumer.ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.ByteArrayDeserializer.class.getName());
        return c;
    }

    /**
     * Places {@code consumer} on each of {@code partitions} at its first record published at or after {@code sinceMs}
     * (Kafka's offsets for a timestamp), or at its end when none was.
     */
    static void seekToTime(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
                           List<org.apache.kafka.common.TopicPartition> partitions, long sinceMs) {
        Map<org.apache.kafka.common.TopicPartition, Long> times = new java.util.HashMap<>();
        partitions.forEach(tp -> times.put(tp, sinceMs));
        Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndTimestamp> from =
                consumer.offsetsForTimes(times);
        for (org.apache.kafka.common.TopicPartition tp : partitions) {
            org.apache.kafka.clients.consumer.OffsetAndTimestamp o = from.get(tp);
            if (o != null) {
                consumer.seek(tp, o.offset());
            } else {
                consumer.seekToEnd(List.of(tp));
            }
        }
    }
}
