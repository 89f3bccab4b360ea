package org.skydas.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The sector topic: made with as many partitions as the {@link SectorMap} has, and checked against it at start-up so
 * that a node never publishes or consumes with a partition count the topic does not have (records would go to the
 * wrong tracker node, or nowhere).
 */
public final class SectorTopic {

    /** The default name of the sector topic. */
    public static final String DEFAULT_NAME = "skydas.detections";

    private SectorTopic() {
    }

    /**
     * Creates {@code name} with {@code map.partitions()} partitions and {@code replicas} replicas unless it exists, then
     * checks it. With 3 replicas {@code min.insync.replicas} is 2, so an acknowledged detection (acks=all) is on two
     * brokers; with fewer replicas it is 1 (development). Detections are kept {@code retentionHours}: long enough to
     * rebuild a tracker node's state by replay and to ride out a long outage of the tracker nodes.
     */
    public static void ensure(Admin admin, String name, SectorMap map, short replicas, int retentionHours)
            throws InterruptedException, ExecutionException {
        NewTopic topic = new NewTopic(name, map.partitions(), replicas).configs(Map.of(
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(replicas >= 3 ? 2 : 1),
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionHours * 3_600_000L),
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE));
        try {
            admin.createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        check(admin, name, map);
    }

    /** Fails with a clear message when topic {@code name} does not have the map's partition count. */
    public static void check(Admin admin, String name, SectorMap map) throws InterruptedException, ExecutionException {
        TopicDescription d = admin.describeTopics(List.of(name)).allTopicNames().get().get(name);
        int have = d.partitions().size();
        if (have != map.partitions()) {
            throw new IllegalStateException("topic " + name + " has " + have + " partitions but the sector map needs "
                    + map.partitions() + " (" + map.sectorIds().size() + " sectors): recreate the topic or start the "
                    + "nodes with --partitions " + have);
        }
    }
}
