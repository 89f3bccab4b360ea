package org.skydas.watch.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import org.skydas.alert.Alert;
import org.skydas.alert.AlertBook;
import org.skydas.alert.AuditEvent;
import org.skydas.alert.Finding;
import org.skydas.watch.port.AlertSink;
import org.skydas.watch.port.PortException;

/**
 * Alerts in memory, for tests and tools: an {@link AlertBook} on the wall clock, with every audit event it made. Safe
 * to read from a test thread while the watch loop raises.
 */
public final class MemoryAlerts implements AlertSink {

    private final AlertBook book = new AlertBook();
    private final List<AuditEvent> audit = new ArrayList<>();

    @Override
    public synchronized List<AlertBook.Raised> raise(List<Finding> findings, List<Long> receivedAtMillis)
            throws PortException {
        List<AlertBook.Raised> raised = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            AlertBook.Raised r = book.raise(f);
            raised.add(r);
            if (r.audit() != null) {
                audit.add(r.audit());
            }
        }
        return raised;
    }

    @Override
    public synchronized void escalate(double afterS) throws PortException {
        audit.addAll(book.escalate(System.currentTimeMillis() / 1000.0, afterS));
    }

    /** The alerts that pass {@code filter}, most severe first, newest first among equals. */
    public synchronized List<Alert> alerts(Predicate<Alert> filter) {
        return book.all().stream().filter(filter)
                .sorted(Comparator.comparing(Alert::severity).reversed().thenComparing(Alert::raisedAt,
                        Comparator.reverseOrder()))
                .toList();
    }

    /** Every audit event, oldest first. */
    public synchronized List<AuditEvent> audit() {
        return List.copyOf(audit);
    }
}
