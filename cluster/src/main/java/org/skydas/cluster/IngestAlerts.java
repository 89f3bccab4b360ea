package org.skydas.cluster;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.skydas.alert.Alert;
import org.skydas.alert.AlertBook;
import org.skydas.alert.Finding;
import org.skydas.store.watch.WatchStore;
import org.skydas.watch.port.AlertSink;
import org.skydas.watch.port.PortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert port of an ingest node (docs/adr/0024-kafka-scale-out.md). Its watch loop tracks nothing; what it finds is
 * the silence of its own sensors ({@code sensor_down}): an ingest node hears every message of the sensors that send to
 * it, and no other node hears them. Findings are written to the shared PostgreSQL store with
 * {@link WatchStore#raiseShared} (one open alert per subject and rule, whatever node raised it, so a second ingest node
 * or a restart never doubles one), and each new alert goes to the alerts topic as a tracker node's does. Escalation is
 * the API nodes' work ({@link #escalate} does nothing). Used from the pipeline thread only.
 */
public final class IngestAlerts implements AlertSink {

    private static final Logger LOG = LoggerFactory.getLogger(IngestAlerts.class);

    private final WatchStore store;
    private final Producer<String, byte[]> producer;
    private final String alertsTopic;
    private final int nodeId;
    private final AtomicLong alertsNew = new AtomicLong();
    private final AtomicLong alertsFolded = new AtomicLong();
    private final AtomicLong storeFailures = new AtomicLong();
    private final AtomicLong publishFailures = new AtomicLong();

    /** Into {@code store} (shared, PostgreSQL), new alerts to {@code alertsTopic} through {@code producer}. */
    public IngestAlerts(WatchStore store, Producer<String, byte[]> producer, String alertsTopic, int nodeId) {
        this.store = store;
        this.producer = producer;
        this.alertsTopic = alertsTopic;
        this.nodeId = nodeId;
    }

    @Override
    public List<AlertBook.Raised> raise(List<Finding> findings, List<Long> receivedAtMillis) throws PortException {
        List<WatchStore.SharedRaise> raised;
        try {
            raised = store.raiseShared(findings, "ingest-" + nodeId);
        } catch (SQLException e) {
            // The loop keeps the findings and offers them again with its next batch.
            storeFailures.incrementAndGet();
            throw new PortException("alerts not stored: " + e.getMessage(), e);
        }
        long committed = System.currentTimeMillis();
        List<AlertBook.Raised> out = new ArrayList<>(raised.size());
        for (int i = 0; i < raised.size(); i++) {
            WatchStore.SharedRaise r = raised.get(i);
            out.add(new AlertBook.Raised(r.alert(), r.isNew(), r.audit()));
            if (!r.isNew()) {
                alertsFolded.incrementAndGet();
                continue;
            }
            alertsNew.incrementAndGet();
            Alert a = r.alert();
            LOG.info("event=alert_raised node={} alert={} rule={} subject=\"{}\"", nodeId, a.id(), a.rule(), a.subject());
            byte[] value = ClusterRecords.encode(ClusterRecords.AlertRecord.of(a, nodeId, receivedAtMillis.get(i),
                    committed, null));
            // The store holds the alert; the topic only tells API nodes sooner, so a failed send is counted, not retried.
            producer.send(new ProducerRecord<>(alertsTopic, a.subject(), value), (meta, error) -> {
                if (error != null) {
                    publishFailures.incrementAndGet();
                    LOG.warn("event=alert_not_published alert={} error=\"{}\"", a.id(), error.getMessage());
                }
            });
        }
        return out;
    }

    @Override
    public void escalate(double afterS) {
        // The API nodes escalate the shared alerts (WatchStore.escalateShared), whichever node raised them.
    }

    /** New alerts, findings folded into open ones, failed store writes and failed topic sends, since the start. */
    public Map<String, Long> counters() {
        return Map.of("alerts_new", alertsNew.get(), "alerts_folded", alertsFolded.get(),
                "alert_store_failures", storeFailures.get(), "alert_publish_failures", publishFailures.get());
    }
}
