package org.skydas.cluster;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * For development, CI and {@code skydas cluster-demo} only: one combined KRaft controller and broker in this JVM, from
 * Kafka's own cluster test kit (Maven Central: {@code org.apache.kafka:kafka-test-common-runtime}, a runtime
 * dependency of {@code cluster} for this class), on free ports, its logs in a temporary folder removed on close.
 * Nothing is downloaded at run time. A production cluster is an existing Kafka (README, "Running on several
 * machines"). The consumer-group session timeout is short so that a killed member's partitions move within seconds.
 */
public final class DevBroker implements AutoCloseable {

    private final KafkaClusterTestKit kit;
    private final int sessionTimeoutMs;

    /** A broker whose consumer groups notice a silent (killed) member after {@code sessionTimeoutMs}. */
    public DevBroker(int sessionTimeoutMs) throws Exception {
        this.sessionTimeoutMs = sessionTimeoutMs;
        TestKitNodes nodes = new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                .setNumControllerNodes(1).build();
        int heartbeat = Math.max(250, sessionTimeoutMs / 6);
        kit = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("group.consumer.min.session.timeout.ms", Integer.toString(Math.min(1000, sessionTimeoutMs)))
                .setConfigProp("group.consumer.session.timeout.ms", Integer.toString(sessionTimeoutMs))
                .setConfigProp("group.consumer.min.heartbeat.interval.ms", "250")
                .setConfigProp("group.consumer.heartbeat.interval.ms", Integer.toString(heartbeat))
                .build();
        // The kit prints its formatting to standard output, which is the demo's result: it goes nowhere instead.
        java.io.PrintStream out = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
        } catch (Exception e) {
            kit.close();
            throw e;
        } finally {
            System.setOut(out);
        }
    }

    public String bootstrap() {
        return kit.bootstrapServers();
    }

    public Admin admin() {
        return kit.admin();
    }

    public int sessionTimeoutMs() {
        return sessionTimeoutMs;
    }

    @Override
    public void close() throws Exception {
        kit.close();
    }
}
