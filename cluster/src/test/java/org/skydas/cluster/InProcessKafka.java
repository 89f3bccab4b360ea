package org.skydas.cluster;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One combined KRaft controller and broker in this JVM, from Kafka's own cluster test kit (Maven Central:
 * org.apache.kafka:kafka-test-common-runtime), on free ports, its logs in a temporary folder removed on close.
 * The group settings make a crashed member's partitions move within seconds (production keeps Kafka's defaults or
 * sets them per ADR 0024).
 */
final class InProcessKafka implements AutoCloseable {

    /** The broker's consumer-group session timeout: how long a silent (crashed) member keeps its partitions. */
    static final int SESSION_TIMEOUT_MS = 3_000;

    private final KafkaClusterTestKit kit;

    InProcessKafka() throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                .setNumControllerNodes(1).build();
        kit = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("group.consumer.min.session.timeout.ms", "1000")
                .setConfigProp("group.consumer.session.timeout.ms", Integer.toString(SESSION_TIMEOUT_MS))
                .setConfigProp("group.consumer.min.heartbeat.interval.ms", "250")
                .setConfigProp("group.consumer.heartbeat.interval.ms", "500")
                .build();
        try {
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
        } catch (Exception e) {
            kit.close();
            throw e;
        }
    }

    String bootstrap() {
        return kit.bootstrapServers();
    }

    Admin admin() {
        return kit.admin();
    }

    @Override
    public void close() throws Exception {
        kit.close();
    }
}
