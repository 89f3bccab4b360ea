package org.skydas.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.skydas.alert.Alert;
import org.skydas.model.TargetKind;
import org.skydas.track.TrackState;
import org.skydas.track.TrackStatus;
import org.skydas.watch.LivePicture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live picture of an API node in cluster mode (docs/adr/0024-kafka-scale-out.md, API role), read from the tracks
 * and alerts topics: what {@code /api/tracks} and the WebSocket serve when the tracking happens on tracker nodes.
 *
 * <p><b>Every partition, no group.</b> Each owner publishes its tracks to the tracks topic, keyed by global id, so an
 * API node must read all of it: the reader assigns itself every partition of both topics (it is no member of the
 * tracker group and commits nothing). It starts the tracks topic {@link Settings#expireS} before now (by Kafka's
 * offsets for a timestamp): owners publish each track at least once a second while it is updated, so a node started
 * late shows the current tracks at once. The alerts topic it starts at the end: older alerts are in the store.
 *
 * <p><b>Latest state per global id.</b> The newest estimate (data time) wins: a hand-over may deliver the previous
 * owner's last update after the next owner's first. A {@code deleted} record ends the track unless a newer estimate is
 * held, and for {@code expireS} a late update older than the deletion does not bring it back. A track not updated for
 * {@code expireS} (wall clock, from its publication) is dropped: its owner died, or it coasts without detections. The
 * clocks of the nodes are assumed to agree within a second or two (NTP), as the tracker nodes' replay assumes.
 *
 * <p><b>Alerts.</b> Each new alert on the alerts topic is read from the shared store by id (the WebSocket carries the
 * whole alert: message key and parameters, which the record does not) on a thread of its own, never on the poll loop,
 * and handed to the subscribers as committed. Malformed records are counted, logged and skipped.
 *
 * <p>Subscribers are called on the reader's threads and must not block. Thread-safe.
 */
public final class ClusterLivePicture implements LivePicture, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterLivePicture.class);

    /** How an API node keeps its picture: a track not updated for {@code expireS} seconds is dropped. */
    public record Settings(double expireS) {
        /** 10 s: ten missed publications of a track that owners publish once a second while it is updated. */
        public static Settings defaults() {
            return new Settings(10);
        }
    }

    /** Reads an alert from the shared store by id (null when it has none). */
    @FunctionalInterface
    public interface AlertLookup {
        Alert alert(long id) throws Exception;
    }

    /** Running totals of the reader, and how many tracks it holds now. */
    public record Counters(long trackRecords, long alertRecords, long malformed, long tracksDeleted, long tracksExpired,
                           long staleSkipped, long alertsPushed, long alertsNotFound, long alertsDropped,
                           int tracksHeld) {
    }

    /** A track as last published, and when (epoch ms, never later than its arrival here). */
    private record Held(TrackState state, long seenMs) {
    }

    /** A track ended at data time {@code t}, remembered until {@code untilMs} against late updates. */
    private record Ended(double t, long untilMs) {
    }

    /** Alerts waiting for their store read; beyond it new ones are dropped (counted): the store is not answering. */
    static final int ALERT_BACKLOG = 10_000;
    private static final int ALERT_LOOKUP_ATTEMPTS = 3;

    private final String bootstrap;
    private final ClusterTopics topics;
    private final int nodeId;
    private final AlertLookup lookup;
    private final long expireMs;
    private final Map<Long, Held> tracks = new ConcurrentHashMap<>();
    /** Poll thread only. */
    private final Map<Long, Ended> ended = new HashMap<>();
    /** Poll thread only: where the alerts topic was read to, so that a reader restarted after a failure misses none. */
    private final Map<TopicPartition, Long> alertsNext = new HashMap<>();
    private final List<Consumer<TrackState>> onUpdated = new CopyOnWriteArrayList<>();
    private final List<Consumer<TrackState>> onDeleted = new CopyOnWriteArrayList<>();
    private final List<Consumer<CommittedAlert>> onAlert = new CopyOnWriteArrayList<>();
    private final ThreadPoolExecutor alertReader;
    private final Thread reader;
    private volatile boolean running = true;
    private volatile boolean ready;
    private volatile KafkaConsumer<String, byte[]> consumer;

    private final AtomicLong trackRecords = new AtomicLong();
    private final AtomicLong alertRecords = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong tracksDeleted = new AtomicLong();
    private final AtomicLong tracksExpired = new AtomicLong();
    private final AtomicLong staleSkipped = new AtomicLong();
    private final AtomicLong alertsPushed = new AtomicLong();
    private final AtomicLong alertsNotFound = new AtomicLong();
    private final AtomicLong alertsDropped = new AtomicLong();

    /**
     * The picture of API node {@code nodeId} from {@code topics} on the brokers {@code bootstrap}, alerts read by id with
     * {@code lookup}; not reading until {@link #start}.
     */
    public ClusterLivePicture(String bootstrap, ClusterTopics topics, int nodeId, AlertLookup lookup,
                              Settings settings) {
        if (!(settings.expireS() > 0)) {
            throw new IllegalArgumentException("expireS must be > 0, is " + settings.expireS());
        }
        this.bootstrap = bootstrap;
        this.topics = topics;
        this.nodeId = nodeId;
        this.lookup = lookup;
        this.expireMs = Math.round(settings.expireS() * 1000);
        this.alertReader = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(ALERT_BACKLOG), r -> daemon(r, "skydas-live-alerts-" + nodeId),
                (r, pool) -> {
                    long n = alertsDropped.incrementAndGet();
                    if (Long.bitCount(n) == 1) {
                        LOG.warn("event=live_alert_dropped node={} reason=store_backlog_full dropped={}", nodeId, n);
                    }
                });
        this.reader = daemon(this::run, "skydas-live-reader-" + nodeId);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Starts reading. */
    public ClusterLivePicture start() {
        reader.start();
        return this;
    }

    /** Whether the reader has placed itself on both topics (what is published from now on reaches the picture). */
    public boolean ready() {
        return ready;
    }

    // ---- LivePicture ------------------------------------------------------------------------------------------------

    @Override
    public Collection<TrackState> tracks() {
        long now = System.currentTimeMillis();
        List<TrackState> out = new ArrayList<>(tracks.size());
        for (Held h : tracks.values()) {
            if (now - h.seenMs() <= expireMs) { // the sweep may not have run yet
                out.add(h.state());
            }
        }
        return out;
    }

    @Override
    public void onTrackChange(Consumer<TrackState> updated, Consumer<TrackState> deleted) {
        onUpdated.add(updated);
        onDeleted.add(deleted);
    }

    @Override
    public void onAlertCommitted(Consumer<CommittedAlert> subscriber) {
        onAlert.add(subscriber);
    }

    // ---- the poll loop ----------------------------------------------------------------------------------------------

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(config(bootstrap, nodeId))) {
                consumer = c;
                if (!running) {
                    return;
                }
                position(c);
                ready = true;
                LOG.info("event=live_reader_started node={} tracks={} alerts={} expire_s={}", nodeId, topics.tracks(),
                        topics.alerts(), expireMs / 1000.0);
                while (running) {
                    for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                        if (r.topic().equals(topics.tracks())) {
                            track(r);
                        } else {
                            alert(r);
                            alertsNext.put(new TopicPartition(r.topic(), r.partition()), r.offset() + 1);
                        }
                    }
                    long now = System.currentTimeMillis();
                    // Not after every poll: that walked thousands of tracks dozens of times a second.
                    if (now - lastSweepMs >= SWEEP_EVERY_MS) {
                        lastSweepMs = now;
                        sweep(now);
                    }
                }
            } catch (WakeupException e) {
                return; // closing
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                ready = false;
                LOG.error("event=live_reader_failed node={} action=restart_in_2s error=\"{}\"", nodeId, e.toString(), e);
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException x) {
                    return;
                }
            }
        }
    }

    private static Map<String, Object> config(String bootstrap, int nodeId) {
        Map<String, Object> c = ClusterTopics.readerConfig(bootstrap, "skydas-live-" + nodeId);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        return c;
    }

    /** Every partition of both topics: the tracks from {@code expireS} ago, the alerts from the end (or where left). */
    private void position(KafkaConsumer<String, byte[]> c) throws InterruptedException {
        List<TopicPartition> trackParts = ClusterTopics.partitionsOf(c, topics.tracks());
        List<TopicPartition> alertParts = ClusterTopics.partitionsOf(c, topics.alerts());
        List<TopicPartition> all = new ArrayList<>(trackParts);
        all.addAll(alertParts);
        c.assign(all);
        ClusterTopics.seekToTime(c, trackParts, System.currentTimeMillis() - expireMs);
        trackParts.forEach(c::position); // a seek to the end resolved now: from ready() on, nothing published is missed
        for (TopicPartition tp : alertParts) {
            Long next = alertsNext.get(tp);
            if (next != null) {
                c.seek(tp, next);
            } else {
                c.seekToEnd(List.of(tp));
                alertsNext.put(tp, c.position(tp)); // resolved now, as the tracks'
            }
        }
    }

    private void track(ConsumerRecord<String, byte[]> r) {
        trackRecords.incrementAndGet();
        ClusterRecords.TrackRecord t = ClusterRecords.decode(r.value(), ClusterRecords.TrackRecord.class);
        if (t == null) {
            malformed(r, "not a track record");
            return;
        }
        TrackState s;
        try {
            s = state(t);
        } catch (IllegalArgumentException e) {
            malformed(r, e.getMessage());
            return;
        }
        long now = System.currentTimeMillis();
        Held held = tracks.get(t.id());
        if (t.deleted()) {
            if (held != null && t.t() < held.state().t()) {
                staleSkipped.incrementAndGet(); // the previous owner's end, after the next owner's newer estimate
                return;
            }
            ended.put(t.id(), new Ended(t.t(), now + expireMs));
            if (held != null) {
                tracks.remove(t.id());
                tracksDeleted.incrementAndGet();
                onDeleted.forEach(l -> l.accept(s));
            }
            return;
        }
        Ended end = ended.get(t.id());
        if ((end != null && t.t() <= end.t()) || (held != null && t.t() < held.state().t())) {
            staleSkipped.incrementAndGet();
            return;
        }
        ended.remove(t.id());
        long seen = t.publishedMs() > 0 ? Math.min(t.publishedMs(), now) : now;
        if (now - seen > expireMs) {
            return; // already stale when read (a start-up's first records): not shown
        }
        tracks.put(t.id(), new Held(s, seen));
        onUpdated.forEach(l -> l.accept(s));
    }

    /**
     * The record as the picture's track. A record of a node that did not send status, quality and class probabilities
     * shows its class with probability 1, confirmed, quality unknown (NaN: served as null).
     */
    static TrackState state(ClusterRecords.TrackRecord t) {
        if (!Double.isFinite(t.t()) || !Double.isFinite(t.x()) || !Double.isFinite(t.y()) || !Double.isFinite(t.vx())
                || !Double.isFinite(t.vy())) {
            throw new IllegalArgumentException("time, position or velocity not finite");
        }
        TargetKind kind = kind(t.targetClass());
        double[] probs = new double[TargetKind.COUNT];
        if (t.classProbabilities() == null) {
            probs[kind.ordinal()] = 1;
        } else {
            for (Map.Entry<String, Double> e : t.classProbabilities().entrySet()) {
                Double p = e.getValue();
                if (p == null || !(p >= 0 && p <= 1)) {
                    throw new IllegalArgumentException("class probability of " + e.getKey() + " not in [0, 1]");
                }
                probs[kind(e.getKey()).ordinal()] = p;
            }
        }
        TrackStatus status;
        try {
            status = t.status() == null ? TrackStatus.CONFIRMED : TrackStatus.valueOf(t.status().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown status '" + t.status() + "'");
        }
        double existence = t.existence() == null ? Double.NaN : t.existence();
        // Covariance, height and contributing sensors are not on the topic; the picture serves none of them.
        return new TrackState(t.id(), t.t(), t.x(), t.y(), t.vx(), t.vy(), Double.NaN, Double.NaN, new double[16], status,
                probs, existence, new int[0], t.t(), t.externalId());
    }

    private static TargetKind kind(String name) {
        if (name == null) {
            throw new IllegalArgumentException("no target class");
        }
        try {
            return TargetKind.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown target class '" + name + "'");
        }
    }

    /** Drops the tracks not updated for expireS, and forgets the ends remembered long enough. */
    /** Silent tracks are looked for at most this often (ms). */
    static final long SWEEP_EVERY_MS = 500;
    private long lastSweepMs;

    private void sweep(long now) {
        for (Iterator<Map.Entry<Long, Held>> it = tracks.entrySet().iterator(); it.hasNext(); ) {
            Held h = it.next().getValue();
            if (now - h.seenMs() > expireMs) {
                it.remove();
                tracksExpired.incrementAndGet();
                onDeleted.forEach(l -> l.accept(h.state()));
            }
        }
        ended.values().removeIf(e -> e.untilMs() < now);
    }

    private void alert(ConsumerRecord<String, byte[]> r) {
        alertRecords.incrementAndGet();
        ClusterRecords.AlertRecord a = ClusterRecords.decode(r.value(), ClusterRecords.AlertRecord.class);
        if (a == null || a.id() <= 0) {
            malformed(r, a == null ? "not an alert record" : "alert id " + a.id());
            return;
        }
        try {
            alertReader.execute(() -> push(a));
        } catch (RejectedExecutionException e) {
            // counted by the executor's handler (full), or closing
        }
    }

    /** On the alert thread: the alert as the store holds it, to the subscribers. */
    private void push(ClusterRecords.AlertRecord a) {
        Alert alert = null;
        Exception failure = null;
        for (int attempt = 0; attempt < ALERT_LOOKUP_ATTEMPTS && alert == null && running; attempt++) {
            if (attempt > 0) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return; // closing
                }
            }
            try {
                alert = lookup.alert(a.id());
            } catch (Exception e) {
                failure = e;
            }
        }
        if (alert == null) {
            alertsNotFound.incrementAndGet();
            LOG.warn("event=live_alert_not_read node={} alert={} rule={} subject={} error=\"{}\"", nodeId, a.id(),
                    a.rule(), a.subject(), failure == null ? "not in the store" : failure.toString());
            return;
        }
        CommittedAlert c = new CommittedAlert(alert, a.receivedMs(), a.committedMs());
        onAlert.forEach(l -> l.accept(c));
        alertsPushed.incrementAndGet();
    }

    private void malformed(ConsumerRecord<String, byte[]> r, String reason) {
        long n = malformed.incrementAndGet();
        if (Long.bitCount(n) == 1) { // the first, then at powers of two: a bad producer does not flood the log
            LOG.warn("event=live_record_malformed node={} topic={} partition={} offset={} reason=\"{}\" malformed={}",
                    nodeId, r.topic(), r.partition(), r.offset(), reason, n);
        }
    }

    public Counters counters() {
        return new Counters(trackRecords.get(), alertRecords.get(), malformed.get(), tracksDeleted.get(),
                tracksExpired.get(), staleSkipped.get(), alertsPushed.get(), alertsNotFound.get(), alertsDropped.get(),
                tracks.size());
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        alertReader.shutdownNow();
        LOG.info("event=live_reader_stopped node={} counters={}", nodeId, counters());
    }
}
