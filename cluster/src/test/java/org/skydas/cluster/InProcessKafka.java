package org.skydas.cluster;

import org.apache.kafka.clients.admin.Admin;

/**
 * The tests' broker: one {@link DevBroker} (a combined KRaft controller and broker in this JVM, from Kafka's cluster
 * test kit) shared by every test class of the run — started once, closed when the JVM exits — with a 3 s
 * consumer-group session timeout, so that a crashed member's partitions move within seconds. Tests use their own
 * topics and groups.
 */
final class InProcessKafka {

    /** The broker's consumer-group session timeout: how long a silent (crashed) member keeps its partitions. */
    static final int SESSION_TIMEOUT_MS = 3_000;

    private static InProcessKafka shared;

    private final DevBroker broker;
    private final Admin admin;

    private InProcessKafka() throws Exception {
        broker = new DevBroker(SESSION_TIMEOUT_MS);
        admin = broker.admin();
    }

    /** The broker of this test run, started on first use. */
    static synchronized InProcessKafka shared() throws Exception {
        if (shared == null) {
            InProcessKafka k = new InProcessKafka();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    k.admin.close();
                    k.broker.close();
                } catch (Exception e) {
                    // the JVM is ending: the broker's temporary folder goes with the kit's own cleanup
                }
            }, "in-process-kafka-stop"));
            shared = k;
        }
        return shared;
    }

    String bootstrap() {
        return broker.bootstrap();
    }

    Admin admin() {
        return admin;
    }
}
