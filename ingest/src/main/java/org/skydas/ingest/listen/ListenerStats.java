package org.skydas.ingest.listen;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one listener: messages received, decoded, malformed (by reason) and dropped because
 * the consumer was full (backpressure). Thread-safe and cheap to bump from I/O threads.
 */
public final class ListenerStats {

    private final String name;
    private final LongAdder received = new LongAdder();
    private final LongAdder decoded = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> malformed = new ConcurrentHashMap<>();
    /** Stream listeners: connections accepted, refused over the cap, closed for idleness, failed TLS handshakes. */
    private final LongAdder connections = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder idleClosed = new LongAdder();
    private final LongAdder tlsFailed = new LongAdder();

    public ListenerStats(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public void received() {
        received.increment();
    }

    public void decoded() {
        decoded.increment();
    }

    public void dropped() {
        dropped.increment();
    }

    /** Counts a malformed message; the reason is cut to a short class of error, not the whole text. */
    public void malformed(String reason) {
        String key = reason == null ? "unknown" : reason.length() > 80 ? reason.substring(0, 80) : reason;
        // Bound the number of distinct reasons: a hostile peer must not grow this map without end.
        if (malformed.size() >= 100 && !malformed.containsKey(key)) {
            key = "other";
        }
        malformed.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    public void connectionAccepted() {
        connections.increment();
    }

    public void connectionRefused() {
        refused.increment();
    }

    public void idleClosed() {
        idleClosed.increment();
    }

    public void tlsFailed() {
        tlsFailed.increment();
    }

    public long refusedCount() {
        return refused.sum();
    }

    public long idleClosedCount() {
        return idleClosed.sum();
    }

    public long tlsFailedCount() {
        return tlsFailed.sum();
    }

    public long receivedCount() {
        return received.sum();
    }

    public long decodedCount() {
        return decoded.sum();
    }

    public long droppedCount() {
        return dropped.sum();
    }

    public long malformedCount() {
        return malformed.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Malformed messages by reason (a copy). */
    public Map<String, Long> malformedByReason() {
        Map<String, Long> byReason = new TreeMap<>();
        malformed.forEach((k, v) -> byReason.put(k, v.sum()));
        return byReason;
    }

    public Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("listener", name);
        m.put("received", received.sum());
        m.put("decoded", decoded.sum());
        m.put("dropped", dropped.sum());
        Map<String, Long> byReason = malformedByReason();
        m.put("malformed", byReason.values().stream().mapToLong(Long::longValue).sum());
        m.put("malformed_by_reason", byReason);
        m.put("connections", connections.sum());
        m.put("connections_refused", refused.sum());
        m.put("idle_closed", idleClosed.sum());
        m.put("tls_failed", tlsFailed.sum());
        return m;
    }
}
