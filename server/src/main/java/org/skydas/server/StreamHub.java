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
import org.skydas.alert.Alert;
import org.skydas.track.TrackState;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.websocket.WsContext;

/**
 * Pushes track and alert changes to WebSocket subscribers. Track updates are coalesced: at most one
 * message per track per flush (every 100 ms, so at most 10 Hz per track), the newest state winning.
 * Sends are asynchronous; a subscriber with too many unsent messages is skipped (and counted) until
 * it catches up, and one that stays stuck is closed, so a slow or dead client never blocks the pipeline.
 */
public final class StreamHub implements AutoCloseable {

    static final int MAX_IN_FLIGHT = 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Per subscriber: messages handed to the socket and not yet written, skips in a row, and whether the
     * token it was opened with is still valid (checked every second: an expired or revoked token closes it).
     */
    private record Backlog(AtomicInteger inFlight, AtomicInteger skipsInARow, java.util.function.BooleanSupplier valid) {
    }

    private final Map<WsContext, Backlog> subscribers = new ConcurrentHashMap<>();
    private final Map<Long, TrackState> dirtyTracks = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> deletedTracks = new ConcurrentHashMap<>();
    private final Map<Long, Alert> dirtyAlerts = new ConcurrentHashMap<>();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "skydas-stream");
        t.setDaemon(true);
        return t;
    });

    public StreamHub() {
        flusher.scheduleAtFixedRate(this::flush, 100, 100, TimeUnit.MILLISECONDS);
    }

    void subscribe(WsContext ctx, java.util.function.BooleanSupplier tokenStillValid) {
        subscribers.put(ctx, new Backlog(new AtomicInteger(), new AtomicInteger(), tokenStillValid));
    }

    private int flushes;

    /** Closes (1008) the sockets whose token expired or was revoked. */
    private void closeExpired() {
        for (Map.Entry<WsContext, Backlog> e : subscribers.entrySet()) {
            if (!e.getValue().valid().getAsBoolean()) {
                subscribers.remove(e.getKey());
                closedExpired.incrementAndGet();
                try {
                    e.getKey().closeSession(1008, "token expired or revoked: log in again");
                } catch (RuntimeException x) {
                    // already gone
                }
            }
        }
    }

    private final AtomicLong closedExpired = new AtomicLong();

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

    public void alertChanged(Alert a) {
        dirtyAlerts.put(a.id(), a);
    }

    public Map<String, Object> stats() {
        return Map.of("subscribers", subscribers.size(), "messages_sent", sent.get(), "messages_skipped_slow_client",
                skipped.get(), "closed_token_expired", closedExpired.get());
    }

    private void flush() {
        try {
            if (++flushes % 10 == 0) {
                closeExpired();
            }
            for (Long id : List.copyOf(dirtyAlerts.keySet())) {
                Alert a = dirtyAlerts.remove(id);
                if (a != null) {
                    broadcast(Map.of("type", "alert", "alert", WatchApi.alertJson(a)));
                }
            }
            for (Long id : List.copyOf(dirtyTracks.keySet())) {
                TrackState s = dirtyTracks.remove(id);
                if (s != null) {
                    broadcast(Map.of("type", "track", "feature", LiveApi.feature(s)));
                }
            }
            for (Long id : List.copyOf(deletedTracks.keySet())) {
                deletedTracks.remove(id);
                broadcast(Map.of("type", "track_deleted", "id", id));
            }
        } catch (RuntimeException e) {
            // Never let one bad message stop the flusher.
            org.slf4j.LoggerFactory.getLogger(StreamHub.class).warn("event=stream_flush_failed error=\"{}\"", e.toString());
        }
    }

    private void broadcast(Map<String, Object> message) {
        if (subscribers.isEmpty()) {
            return;
        }
        String text;
        try {
            text = JSON.writeValueAsString(new LinkedHashMap<>(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (Map.Entry<WsContext, Backlog> e : subscribers.entrySet()) {
            WsContext ctx = e.getKey();
            AtomicInteger inFlight = e.getValue().inFlight();
            if (!ctx.session.isOpen()) {
                subscribers.remove(ctx);
                continue;
            }
            if (inFlight.get() >= MAX_IN_FLIGHT) {
                skipped.incrementAndGet();
                // Stuck for thousands of messages: let it go, it can reconnect and reload.
                if (e.getValue().skipsInARow().incrementAndGet() > 10_000) {
                    subscribers.remove(ctx);
                    ctx.closeSession(1008, "too slow");
                }
                continue;
            }
            e.getValue().skipsInARow().set(0);
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
                }
            });
        }
    }

    @Override
    public void close() {
        flusher.shutdownNow();
    }
}
