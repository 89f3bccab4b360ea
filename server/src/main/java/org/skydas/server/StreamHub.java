package org.skydas.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.websocket.api.WriteCallback;
import org.skydas.track.TrackState;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.websocket.WsContext;

/**
 * Pushes track and alert changes to WebSocket subscribers. Alerts go out the moment they are committed, each on
 * its own, ahead of any track update still waiting, and are never skipped for a slow client (they are rare and
 * urgent). Track updates are coalesced: at most one message per track per flush (every 100 ms, so at most 10 Hz
 * per track), the newest state winning. Sends are asynchronous; a subscriber with too many unsent messages misses
 * track updates (counted) until it catches up, and one that stays stuck is closed, so a slow or dead client never
 * blocks the pipeline. All sends happen on one thread, so each subscriber sees messages in the order sent.
 */
public final class StreamHub implements AutoCloseable {

    static final int MAX_IN_FLIGHT = 64;
    /** Coalesced track updates go out this often, ms. */
    static final long TRACK_FLUSH_MS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Per subscriber: messages handed to the socket and not yet written, and skips in a row. */
    private record Backlog(AtomicInteger inFlight, AtomicInteger skipsInARow) {
    }

    private final Map<WsContext, Backlog> subscribers = new ConcurrentHashMap<>();
    private final Map<Long, TrackState> dirtyTracks = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> deletedTracks = new ConcurrentHashMap<>();
    /** Committed alert changes not yet sent, in commit order. */
    private final java.util.Queue<WatchServices.AlertChange> alerts = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AlertLatency latency;
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "skydas-stream");
        t.setDaemon(true);
        return t;
    });

    public StreamHub() {
        this(new AlertLatency());
    }

    /** Times each new alert's write to each subscriber into {@code latency} ({@link AlertLatency.Stage#WEBSOCKET}). */
    public StreamHub(AlertLatency latency) {
        this(latency, TRACK_FLUSH_MS);
    }

    StreamHub(AlertLatency latency, long trackFlushMs) {
        this.latency = latency;
        flusher.scheduleAtFixedRate(this::flush, trackFlushMs, trackFlushMs, TimeUnit.MILLISECONDS);
    }

    void subscribe(WsContext ctx) {
        subscribers.put(ctx, new Backlog(new AtomicInteger(), new AtomicInteger()));
    }

    void unsubscribe(WsContext ctx) {
        subscribers.remove(ctx);
    }

    public void trackUpdated(TrackState s) {
        deletedTracks.remove(s.id());
        dirtyTracks.put(s.id(), s);
    }

    public void trackDeleted(TrackState s) {
        dirtyTracks.remove(s.id());
        deletedTracks.put(s.id(), Boolean.TRUE);
    }

    /** An alert change was committed: it is sent now, not at the next track flush. Never blocks. */
    public void alertCommitted(WatchServices.AlertChange c) {
        alerts.add(c);
        try {
            flusher.execute(this::sendAlerts);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // shutting down: nobody left to tell
        }
    }

    public Map<String, Object> stats() {
        return Map.of("subscribers", subscribers.size(), "messages_sent", sent.get(), "messages_skipped_slow_client",
                skipped.get());
    }

    /** Sends every alert waiting, oldest first (on the flusher thread). */
    private void sendAlerts() {
        WatchServices.AlertChange c;
        while ((c = alerts.poll()) != null) {
            try {
                broadcast(Map.of("type", "alert", "alert", WatchApi.alertJson(c.alert())), c.receivedAtMillis());
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(StreamHub.class).warn("event=stream_alert_failed alert={} error=\"{}\"",
                        c.alert().id(), e.toString());
            }
        }
    }

    private void flush() {
        try {
            sendAlerts();
            for (Long id : List.copyOf(dirtyTracks.keySet())) {
                sendAlerts(); // an alert committed during a long flush does not wait for the rest of it
                TrackState s = dirtyTracks.remove(id);
                if (s != null) {
                    broadcast(Map.of("type", "track", "feature", LiveApi.feature(s)), -1);
                }
            }
            for (Long id : List.copyOf(deletedTracks.keySet())) {
                deletedTracks.remove(id);
                broadcast(Map.of("type", "track_deleted", "id", id), -1);
            }
        } catch (RuntimeException e) {
            // Never let one bad message stop the flusher.
            org.slf4j.LoggerFactory.getLogger(StreamHub.class).warn("event=stream_flush_failed error=\"{}\"", e.toString());
        }
    }

    /**
     * Sends {@code message} to every subscriber. {@code alertReceivedAt} &gt;= 0 marks an alert: sent even to a
     * subscriber with a full backlog, and, when &gt; 0 (a new alert's detection receipt, epoch ms), timed on each
     * completed write. Track messages (-1) skip a subscriber whose backlog is full, and are not even serialised
     * when every subscriber's is.
     */
    private void broadcast(Map<String, Object> message, long alertReceivedAt) {
        boolean alert = alertReceivedAt >= 0;
        List<Map.Entry<WsContext, Backlog>> ready = new java.util.ArrayList<>(subscribers.size());
        for (Map.Entry<WsContext, Backlog> e : subscribers.entrySet()) {
            WsContext ctx = e.getKey();
            if (!ctx.session.isOpen()) {
                subscribers.remove(ctx);
            } else if (alert) {
                ready.add(e);
            } else if (e.getValue().inFlight().get() >= MAX_IN_FLIGHT) {
                skipped.incrementAndGet();
                // Stuck for thousands of messages: let it go, it can reconnect and reload.
                if (e.getValue().skipsInARow().incrementAndGet() > 10_000) {
                    subscribers.remove(ctx);
                    ctx.closeSession(1008, "too slow");
                }
            } else {
                e.getValue().skipsInARow().set(0);
                ready.add(e);
            }
        }
        if (ready.isEmpty()) {
            return;
        }
        String text;
        try {
            text = JSON.writeValueAsString(new LinkedHashMap<>(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (Map.Entry<WsContext, Backlog> e : ready) {
            WsContext ctx = e.getKey();
            AtomicInteger inFlight = e.getValue().inFlight();
            inFlight.incrementAndGet();
            ctx.session.getRemote().sendString(text, new WriteCallback() {
                @Override
                public void writeFailed(Throwable x) {
                    inFlight.decrementAndGet();
                }

                @Override
                public void writeSuccess() {
                    inFlight.decrementAndGet();
                    sent.incrementAndGet();
                    if (alertReceivedAt > 0) {
                        latency.record(AlertLatency.Stage.WEBSOCKET, System.currentTimeMillis() - alertReceivedAt);
                    }
                }
            });
        }
    }

    @Override
    public void close() {
        flusher.shutdownNow();
    }
}
