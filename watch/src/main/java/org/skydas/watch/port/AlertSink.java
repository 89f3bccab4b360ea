package org.skydas.watch.port;

import java.util.List;

import org.skydas.alert.AlertBook;
import org.skydas.alert.Finding;

/**
 * Where the watch loop's findings become alerts: kept one open alert per subject and rule ({@link AlertBook}), made
 * durable with their audit, and told to operators. The server implements it over the watch store.
 */
public interface AlertSink {

    /**
     * Raises {@code findings} together (one durable write for a burst) and returns what became of each, in order.
     * {@code receivedAtMillis} holds the receipt time (epoch ms, 0 unknown) of the detection behind each finding, for
     * the latency of new alerts. Throws when they could not be committed: then none is shown.
     */
    List<AlertBook.Raised> raise(List<Finding> findings, List<Long> receivedAtMillis) throws PortException;

    /** Escalates alerts left new for {@code afterS} seconds (called every few seconds by the loop). */
    void escalate(double afterS) throws PortException;
}
