package org.skydas.watch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.skydas.alert.BorderIndex;
import org.skydas.alert.Finding;
import org.skydas.alert.WatchSettings;
import org.skydas.alert.RuleEngine;
import org.skydas.ingest.cot.CotEvent;
import org.skydas.ingest.cot.CotXmlWriter;
import org.skydas.ingest.asterix.PlotReport;
import org.skydas.ingest.remoteid.OdidJson;
import org.skydas.ingest.remoteid.OdidMessage;
import org.skydas.ingest.listen.Received;
import org.skydas.model.Scenario;
import org.skydas.track.Detection;
import org.skydas.track.LiveTracker;
import org.skydas.track.SensorModel;
import org.skydas.track.Tracker;
import org.skydas.track.TrackerConfig;
import org.skydas.track.TrackState;
import org.skydas.watch.intake.FeedReport;
import org.skydas.watch.normalise.CotToDetection;
import org.skydas.watch.normalise.ExternalTrackToDetection;
import org.skydas.watch.normalise.JsonToDetection;
import org.skydas.watch.normalise.PlotToDetection;
import org.skydas.watch.normalise.RemoteIdToDetection;
import org.skydas.watch.normalise.ScenarioRadars;
import org.skydas.watch.port.AlertSink;
import org.skydas.watch.port.CoverageLookup;
import org.skydas.watch.port.GroundHeight;
import org.skydas.watch.port.Journal;
import org.skydas.watch.port.JournalEntry;
import org.skydas.watch.port.PortException;
import org.skydas.watch.port.Ports;
import org.skydas.watch.port.TrackHistory;
import org.skydas.watch.port.TrackPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WATCH, live: decoded messages → journal → tracker (through a small reorder window) → rules →
 * alerts → store and subscribers. One worker thread owns the tracker and the rules; producers (I/O
 * threads) only put messages on a bounded queue. When the queue is full the oldest message is shed
 * and counted: an operator needs the newest picture, and memory must stay bounded.
 *
 * <p>Time is data time (the messages' own time stamps); when no data arrives it advances with the
 * wall clock, so that silent tracks age out and silent sensors are noticed.
 *
 * <p>Accepted means journalled: a batch acts on nothing before its journal commit. A failed commit is retried
 * ({@link #JOURNAL_ATTEMPTS} times); when it still fails the pipeline stops accepting ({@link #journalFailure()} says
 * why, offers are refused and counted), keeps the feeds' part of the batch and retries it every second, and
 * fails the HTTP part at once so that those clients hear it was not accepted. Nothing is dropped silently.
 */
public final class LivePipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LivePipeline.class);

    /** Sensor id the tracker knows Cursor-on-Target sources by (event reporters: no misses). */
    static final int COT_SENSOR = 1;
    /** Track history is kept every this many seconds per track. */
    static final double HISTORY_STEP_S = 5.0;
    static final int BATCH = 1_000;
    /** Journal commits tried per batch before the pipeline stops accepting, and the waits between them (ms). */
    static final int JOURNAL_ATTEMPTS = 3;
    private static final long[] JOURNAL_BACKOFF_MS = {200, 1_000};
    private static final long JOURNAL_RETRY_MS = 1_000;
    /** How long the worker waits for data when nothing is held back, and when reports are, ms. */
    static final long IDLE_POLL_MS = 200;
    static final long HELD_POLL_MS = 5;

    /** One queued message, with when it was received (epoch ms). */
    private sealed interface Item {
        long receivedAtMillis();
    }

    private record CotItem(Received<CotEvent> r) implements Item {
        public long receivedAtMillis() {
            return r.receivedAtMillis();
        }
    }

    /** A JSON detection; {@code journalled} (HTTP only, else null) completes when its journal entry is committed. */
    private record JsonItem(Received<org.skydas.ingest.json.Detection> r, CompletableFuture<Void> journalled)
            implements Item {
        public long receivedAtMillis() {
            return r.receivedAtMillis();
        }
    }

    /** Why a detection was not accepted: the journal cannot be written, or the queue shed it. */
    public static final class NotJournalledException extends Exception {
        NotJournalledException(String message) {
            super(message);
        }
    }

    /** A batch whose journal commit failed: retried until it succeeds, then tracked. */
    private record Pending(List<JournalEntry> journal, List<Detection> detections, int items) {
    }

    /** A located radar plot; {@code recordJson} is the decoded record as the journal keeps it. */
    private record PlotItem(PlotReport plot, String recordJson, String listener, long receivedAtMillis) implements Item {
    }

    /** A CAT062 system track from another surveillance system. */
    private record ExternalTrackItem(org.skydas.ingest.asterix.ExternalTrack track, String recordJson, String listener,
                                     long receivedAtMillis) implements Item {
    }

    private record RemoteIdItem(Received<OdidMessage> r) implements Item {
        public long receivedAtMillis() {
            return r.receivedAtMillis();
        }
    }

    /** A report of a self-converting feed (SAPIENT, STANAG 4607, ONVIF). */
    private record FeedItem(FeedReport f) implements Item {
        public long receivedAtMillis() {
            return f.receivedAtMillis();
        }
    }

    private final BlockingQueue<Item> queue;
    private final Journal journal;
    private final AlertSink alerts;
    private final TrackHistory history;
    private final RuleEngine rules;
    private final LiveTracker tracker;
    private final Map<Long, TrackState> current = new ConcurrentHashMap<>();
    private final Map<Long, Double> lastHistory = new HashMap<>();
    private final List<TrackPoint> pendingHistory = new ArrayList<>();
    private final List<TrackState> pendingEnds = new ArrayList<>();
    private final List<TrackState> pendingUpdates = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private volatile GroundHeight ground = GroundHeight.NONE;
    private volatile CoverageLookup coverage = CoverageLookup.UNKNOWN;
    private final List<Long> findingReceivedAt = new ArrayList<>();
    private final Thread worker;
    private final CotXmlWriter xml = new CotXmlWriter();
    /** Tracker sensor ids of the feeds other than CoT, by source (JSON sensor id, radar SAC/SIC, receiver). */
    private final Map<String, Integer> feedSensors = new HashMap<>();
    private final ScenarioRadars radars;
    private final Scenario scenario;
    private final AtomicLong shed = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong friendly = new AtomicLong();
    private final AtomicLong untrackable = new AtomicLong();
    private final AtomicLong clockAhead = new AtomicLong();
    private final AtomicLong refusedJournalDown = new AtomicLong();
    /** Why the journal cannot be written, or null while it works. */
    private volatile String journalFailure;
    /** The batch waiting for the journal (pipeline thread only). */
    private Pending pending;
    private final AtomicLong refused = new AtomicLong();
    private volatile String refusal;
    /** Reports stamped further ahead of their receipt than this are not tracked (see {@link #withMaxClockLead}). */
    private volatile double maxClockLeadS = DEFAULT_MAX_CLOCK_LEAD_S;
    private final AtomicLong tracksSeen = new AtomicLong();
    /** Detection→alert latency (ms): from the triggering detection's receipt to the alert committed. */
    private final LatencyReservoir alertLatency = new LatencyReservoir(100_000);
    private final ReceiveTimes receivedAt = new ReceiveTimes(50_000);
    private final SourceWatermarks watermarks;
    private volatile boolean running = true;
    private final List<java.util.function.Consumer<TrackState>> onUpdated = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<TrackState>> onDeleted = new java.util.concurrent.CopyOnWriteArrayList<>();
    private double dataTime = Double.NEGATIVE_INFINITY;
    private long lastDataWallMillis = System.currentTimeMillis();
    private long lastEscalationMillis;

    /**
     * How far ahead of its receipt a report's own time may be, by default, s: 12 h catches the common clock faults
     * (a wrong date or year, an unset real-time clock, most time-zone mix-ups) and leaves room for a simulator that
     * runs its world faster than the wall clock for an hour or more.
     */
    public static final double DEFAULT_MAX_CLOCK_LEAD_S = 43_200;

    /** Reorder window of live data, seconds: how long a report waits for slightly older ones. */
    public static final double DEFAULT_WINDOW_S = 0.5;
    /** New alerts left unacknowledged this long escalate one severity step (from the scenario's watch settings). */
    private final double escalateAfterS;

    public LivePipeline(Scenario scenario, Ports ports, int queueCapacity) {
        this(scenario, ports, queueCapacity, DEFAULT_WINDOW_S);
    }

    public LivePipeline(Scenario scenario, Ports ports, int queueCapacity, double windowS) {
        this.scenario = scenario;
        this.radars = ScenarioRadars.of(scenario);
        this.watermarks = new SourceWatermarks(windowS);
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.journal = ports.journal();
        this.alerts = ports.alerts();
        this.history = ports.trackHistory();
        WatchSettings settings = WatchSettings.fromMetadata(scenario.metadata());
        this.rules = new RuleEngine(new BorderIndex(scenario), settings.rules());
        this.escalateAfterS = settings.escalateAfterS();
        // Live feeds report every few seconds, not every scan of a benchmark radar: a first report
        // waits up to 30 s for its second before it is forgotten.
        Tracker t = new Tracker(TrackerConfig.defaults().withSeedMaxAge(30));
        t.registerSensor(SensorModel.event(COT_SENSOR, 0.9, 1e-9));
        t.trustIds(COT_SENSOR); // a CoT uid is one reporting device: two people side by side stay two tracks
        this.tracker = new LiveTracker(t, windowS, LiveTracker.DEFAULT_CAPACITY, new LiveTracker.Listener() {
            @Override
            public void onTrackUpdated(TrackState s) {
                pendingUpdates.add(s);
            }

            @Override
            public void onTrackDeleted(TrackState last) {
                pendingEnds.add(last);
            }
        });
        worker = new Thread(this::run, "skydas-pipeline");
        worker.setDaemon(true);
        worker.start();
    }

    /** From any thread: a decoded CoT event. Never blocks; sheds the oldest message when full. */
    public boolean offerCot(Received<CotEvent> r) {
        return enqueue(new CotItem(r));
    }

    /** From any thread: a decoded JSON detection (HTTP or MQTT). Never blocks. */
    public boolean offerJson(Received<org.skydas.ingest.json.Detection> r) {
        return enqueue(new JsonItem(r, null));
    }

    /**
     * From any thread: a JSON detection whose sender waits for it to be journalled (HTTP). The future completes
     * after the journal commit, or fails with {@link NotJournalledException} when the journal cannot be written or
     * the queue had to shed it. Never blocks.
     */
    public CompletableFuture<Void> offerJsonJournalled(Received<org.skydas.ingest.json.Detection> r) {
        String failure = journalFailure;
        if (failure != null) {
            refusedJournalDown.incrementAndGet();
            return CompletableFuture.failedFuture(new NotJournalledException("journal unavailable: " + failure));
        }
        CompletableFuture<Void> f = new CompletableFuture<>();
        enqueue(new JsonItem(r, f));
        return f;
    }

    /** Why the journal cannot be written (nothing is being accepted), or null while it works. */
    public String journalFailure() {
        return journalFailure;
    }

    /** From any thread: a located ASTERIX CAT048 plot and its record as JSON (for the journal). Never blocks. */
    public boolean offerPlot(PlotReport plot, String recordJson, String listener, long receivedAtMillis) {
        return enqueue(new PlotItem(plot, recordJson, listener, receivedAtMillis));
    }

    /** From any thread: a CAT062 system track and its record as JSON (for the journal). Never blocks. */
    public boolean offerExternalTrack(org.skydas.ingest.asterix.ExternalTrack track, String recordJson, String listener,
                                      long receivedAtMillis) {
        return enqueue(new ExternalTrackItem(track, recordJson, listener, receivedAtMillis));
    }

    /** From any thread: what a Remote ID receiver heard from one drone. Never blocks. */
    public boolean offerRemoteId(Received<OdidMessage> r) {
        return enqueue(new RemoteIdItem(r));
    }

    /** From any thread: a report of a feed that converts its own messages (SAPIENT, STANAG 4607, ONVIF). Never blocks. */
    public boolean offerFeed(FeedReport r) {
        return enqueue(new FeedItem(r));
    }

    /**
     * Refuses new data, with the reason, while {@code reason} is not null (the disk is almost full); null accepts it
     * again. Refused messages are counted ({@code refused_storage}); what is queued is still processed.
     */
    public void refuseNewData(String reason) {
        this.refusal = reason;
    }

    /** Why new data is refused now, or null. */
    public String refusal() {
        return refusal;
    }

    private boolean enqueue(Item item) {
        if (journalFailure != null) {
            refusedJournalDown.incrementAndGet();
            return false;
        }
        if (refusal != null) {
            refused.incrementAndGet();
            return false;
        }
        while (!queue.offer(item)) {
            Item oldest = queue.poll();
            if (oldest != null) {
                shed.incrementAndGet();
                if (oldest instanceof JsonItem j && j.journalled() != null) {
                    j.journalled().completeExceptionally(new NotJournalledException("shed: the pipeline queue is full"));
                }
            }
        }
        return true;
    }

    /**
     * A sensor whose clock runs ahead would drag the tracker's data time with it and make every other sensor's
     * reports late: a report stamped more than {@code seconds} after its receipt is journalled but not tracked,
     * and counted ({@code clock_ahead}). A simulator that runs its world faster than the wall clock sets infinity.
     */
    public LivePipeline withMaxClockLead(double seconds) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("the clock lead must be > 0 s, is " + seconds);
        }
        this.maxClockLeadS = seconds;
        return this;
    }

    /** The ground below targets (DEMs), for class hints from a measured height; without it none are drawn. */
    public LivePipeline withGround(GroundHeight heights) {
        this.ground = java.util.Objects.requireNonNull(heights);
        return this;
    }

    /** Tells alerts whether they arose in covered ground or in a gap, from the computed coverage. */
    public LivePipeline withCoverage(CoverageLookup lookup) {
        this.coverage = java.util.Objects.requireNonNull(lookup);
        return this;
    }

    /** The scenario watched (its assets locate feeds that do not send their position, such as ONVIF cameras). */
    public Scenario scenario() {
        return scenario;
    }

    /** Where the scenario's radars stand, for the ASTERIX listener to locate plots. */
    public org.skydas.ingest.asterix.RadarSites radarSites() {
        return radars.sites();
    }

    /** Adds a subscriber to track changes (called on the pipeline thread: must not block). */
    public void onTrackChange(java.util.function.Consumer<TrackState> updated, java.util.function.Consumer<TrackState> deleted) {
        onUpdated.add(updated);
        onDeleted.add(deleted);
    }

    /** How many tracks have been reported (confirmed) since the start. */
    public long tracksSeen() {
        return tracksSeen.get();
    }

    public Collection<TrackState> tracks() {
        return current.values();
    }

    public Map<String, Object> stats() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("queued", queue.size());
        m.put("processed", processed.get());
        m.put("shed_oldest", shed.get());
        m.put("friendly_not_tracked", friendly.get());
        m.put("not_trackable", untrackable.get());
        m.put("clock_ahead", clockAhead.get());
        m.put("refused_journal_unavailable", refusedJournalDown.get());
        m.put("journal_error", journalFailure);
        m.put("tracker_rejects", tracker.rejects().asMap());
        m.put("tracks", current.size());
        m.put("detection_to_alert_ms", alertLatency.summary());
        m.put("refused_storage", refused.get());
        if (refusal != null) {
            m.put("refusing", refusal);
        }
        extraStats.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    private final Map<String, java.util.function.Supplier<Object>> extraStats = new java.util.concurrent.ConcurrentHashMap<>();

    /** Adds {@code key} with what {@code stats} says to {@link #stats()} (e.g. the TAK-out clients' counters). */
    public LivePipeline withStats(String key, java.util.function.Supplier<Object> stats) {
        extraStats.put(key, stats);
        return this;
    }

    /** When the worker last went round its loop (it does every 200 ms when idle), and last processed a batch. */
    private volatile long lastLoopMillis = System.currentTimeMillis();
    private volatile long lastBatchMillis;

    /**
     * The pipeline thread for /api/health: alive, queue depth and capacity, seconds since its loop last
     * turned and since it last processed a batch (null before the first); {@code ok} false when the thread
     * died or its loop has not turned for 30 s (stuck).
     */
    public Map<String, Object> health() {
        long now = System.currentTimeMillis();
        double loopAge = (now - lastLoopMillis) / 1000.0;
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("ok", worker.isAlive() && loopAge < 30);
        m.put("alive", worker.isAlive());
        m.put("queued", queue.size());
        m.put("capacity", queue.size() + queue.remainingCapacity());
        m.put("last_loop_age_s", Math.round(loopAge * 10) / 10.0);
        m.put("last_batch_age_s", lastBatchMillis == 0 ? null : Math.round((now - lastBatchMillis) / 100.0) / 10.0);
        return m;
    }

    private void run() {
        List<Item> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                if (pending != null) {
                    retryPending();
                    continue;
                }
                // While reports wait in the reorder buffer, look again soon: the wall clock alone may release them.
                Item first = queue.poll(tracker.buffered() > 0 ? HELD_POLL_MS : IDLE_POLL_MS, TimeUnit.MILLISECONDS);
                batch.clear();
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                }
                process(batch);
                lastLoopMillis = System.currentTimeMillis();
                if (!batch.isEmpty()) {
                    lastBatchMillis = lastLoopMillis;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // The pipeline must outlive any one bad batch: log it and go on.
                LOG.error("event=pipeline_batch_failed size={} error=\"{}\"", batch.size(), e.toString(), e);
            }
        }
    }

    private void process(List<Item> batch) throws Exception {
        List<JournalEntry> journal = new ArrayList<>(batch.size());
        List<Detection> detections = new ArrayList<>(batch.size());
        int[] firstDetection = new int[batch.size() + 1];
        for (int k = 0; k < batch.size(); k++) {
            Item item = batch.get(k);
            int before = detections.size();
            firstDetection[k] = before;
            switch (item) {
                case CotItem c -> acceptCot(c.r(), journal, detections);
                case JsonItem j -> acceptJson(j, journal, detections);
                case PlotItem p -> acceptPlot(p, journal, detections);
                case ExternalTrackItem e -> acceptExternalTrack(e, journal, detections);
                case RemoteIdItem r -> acceptRemoteId(r.r(), journal, detections);
                case FeedItem f -> acceptFeed(f.f(), journal, detections);
            }
            double latest = item.receivedAtMillis() / 1000.0 + maxClockLeadS;
            for (int i = detections.size() - 1; i >= before; i--) {
                if (detections.get(i).t() > latest) {
                    detections.remove(i);
                    clockAhead.incrementAndGet();
                }
            }
            if (detections.size() > before) {
                String source = orderedSource(item);
                for (int i = before; i < detections.size(); i++) {
                    receivedAt.note(detections.get(i), item.receivedAtMillis());
                    watermarks.note(source, detections.get(i).t());
                }
            }
        }
        firstDetection[batch.size()] = detections.size();
        // Accepted means durable: the journal commits before anything acts on the data.
        PortException failed = commitJournal(journal);
        if (failed != null) {
            holdForJournal(batch, journal, detections, firstDetection, failed);
            return;
        }
        for (Item item : batch) {
            if (item instanceof JsonItem j && j.journalled() != null) {
                j.journalled().complete(null);
            }
        }
        afterJournal(detections, batch.size());
    }

    /** Commits with retries; null when done, else the last failure. */
    private PortException commitJournal(List<JournalEntry> entries) throws InterruptedException {
        if (entries.isEmpty()) {
            return null;
        }
        PortException last = null;
        for (int attempt = 1; attempt <= JOURNAL_ATTEMPTS; attempt++) {
            try {
                journal.append(entries);
                return null;
            } catch (PortException e) {
                last = e;
                LOG.warn("event=journal_write_failed attempt={} of={} entries={} error=\"{}\"", attempt, JOURNAL_ATTEMPTS,
                        entries.size(), e.getMessage());
                if (attempt < JOURNAL_ATTEMPTS) {
                    Thread.sleep(JOURNAL_BACKOFF_MS[attempt - 1]);
                }
            }
        }
        return last;
    }

    /**
     * The journal failed every attempt: stop accepting, tell the HTTP senders now (their items leave the batch, so a
     * resend is not a duplicate), and keep the feeds' items for {@link #retryPending}.
     */
    private void holdForJournal(List<Item> batch, List<JournalEntry> journal, List<Detection> detections,
                                int[] firstDetection, PortException failed) {
        journalFailure = "journal write failed " + JOURNAL_ATTEMPTS + " times: " + failed.getMessage();
        LOG.error("event=journal_unavailable entries={} action=stop_accepting error=\"{}\"", journal.size(),
                failed.getMessage());
        List<JournalEntry> keptJournal = new ArrayList<>(journal.size());
        List<Detection> keptDetections = new ArrayList<>(detections.size());
        int kept = 0;
        for (int k = 0; k < batch.size(); k++) {
            if (batch.get(k) instanceof JsonItem j && j.journalled() != null) {
                j.journalled().completeExceptionally(new NotJournalledException("journal unavailable: " + journalFailure));
                continue;
            }
            keptJournal.add(journal.get(k));
            keptDetections.addAll(detections.subList(firstDetection[k], firstDetection[k + 1]));
            kept++;
        }
        pending = new Pending(keptJournal, keptDetections, kept);
    }

    /** Tries the held batch again; on success the pipeline accepts again and tracks what it held. */
    private void retryPending() throws Exception {
        try {
            if (pending.journal().isEmpty()) {
                journal.probe(); // only HTTP items failed: nothing to write, but is the journal back?
            } else {
                journal.append(pending.journal());
            }
        } catch (PortException e) {
            journalFailure = "journal write failing: " + e.getMessage();
            Thread.sleep(JOURNAL_RETRY_MS);
            return;
        }
        LOG.info("event=journal_recovered entries={}", pending.journal().size());
        Pending p = pending;
        pending = null;
        journalFailure = null;
        afterJournal(p.detections(), p.items());
    }

    /** Everything after the journal commit: tracker, rules, alerts, subscribers. */
    private void afterJournal(List<Detection> detections, int items) throws Exception {
        long wall = System.currentTimeMillis();
        for (Detection d : detections) {
            tracker.offer(d);
            dataTime = Math.max(dataTime, d.t());
        }
        if (!detections.isEmpty()) {
            lastDataWallMillis = wall;
        }
        processed.addAndGet(items);
        // Data time drives the tracker: a report is released once every active source has reported past
        // it, or at the latest once data a window newer has come (so no report is dropped as late behind
        // its own burst); between messages time still passes with the wall clock, so silent tracks age
        // out. Before the first message nothing ages.
        if (!Double.isInfinite(dataTime)) {
            double now = dataTime + (wall - lastDataWallMillis) / 1000.0;
            tracker.releaseThrough(watermarks.horizon(dataTime, now));
        }
        publish(wall / 1000.0);
        if (wall - lastEscalationMillis > 5_000) {
            lastEscalationMillis = wall;
            alerts.escalate(escalateAfterS);
        }
    }

    private void acceptCot(Received<CotEvent> r, List<JournalEntry> journal, List<Detection> detections) {
        CotEvent e = r.message();
        double received = r.receivedAtMillis() / 1000.0;
        journal.add(new JournalEntry(0, received, "cot:" + e.uid(), r.listener(), xml.write(e)));
        if (!CotToDetection.isTrackable(e)) {
            untrackable.incrementAndGet();
        } else if (CotToDetection.isFriendly(e)) {
            friendly.incrementAndGet();
        } else {
            detections.add(CotToDetection.convert(e, COT_SENSOR));
        }
        rules.onSensorData(source(r), received);
    }

    private void acceptJson(JsonItem item, List<JournalEntry> journal, List<Detection> detections) {
        Received<org.skydas.ingest.json.Detection> r = item.r();
        org.skydas.ingest.json.Detection d = r.message();
        double received = r.receivedAtMillis() / 1000.0;
        journal.add(new JournalEntry(0, received, d.sensorId(), r.listener(),
                org.skydas.ingest.json.DetectionJson.toJson(d).toString()));
        rules.onSensorData(d.sensorId(), received);
        if (!JsonToDetection.hasPosition(d)) {
            untrackable.incrementAndGet();
            return;
        }
        detections.add(JsonToDetection.convert(d, sensorIdFor(orderedSource(item))));
    }

    private void acceptPlot(PlotItem p, List<JournalEntry> journal, List<Detection> detections) {
        double received = p.receivedAtMillis() / 1000.0;
        String source = orderedSource(p);
        journal.add(new JournalEntry(0, received, source, p.listener(), p.recordJson()));
        rules.onSensorData(source, received);
        detections.add(PlotToDetection.convert(p.plot(), p.receivedAtMillis(), sensorIdFor(source),
                radars.rangeSigmaM(p.plot().sac(), p.plot().sic()), ground));
    }

    private void acceptExternalTrack(ExternalTrackItem e, List<JournalEntry> journal, List<Detection> detections) {
        double received = e.receivedAtMillis() / 1000.0;
        String source = orderedSource(e);
        journal.add(new JournalEntry(0, received, source, e.listener(), e.recordJson()));
        rules.onSensorData(source, received);
        detections.add(ExternalTrackToDetection.convert(e.track(), e.receivedAtMillis(), sensorIdFor(source)));
    }

    private void acceptRemoteId(Received<OdidMessage> r, List<JournalEntry> journal, List<Detection> detections) {
        double received = r.receivedAtMillis() / 1000.0;
        String source = source(r);
        journal.add(new JournalEntry(0, received, source, r.listener(),
                OdidJson.toJson(r.message(), java.time.Instant.ofEpochMilli(r.receivedAtMillis())).toString()));
        rules.onSensorData(source, received);
        Detection d = RemoteIdToDetection.convert(r.message(), r.receivedAtMillis(), sensorIdFor(source));
        if (d == null) {
            untrackable.incrementAndGet();
        } else {
            detections.add(d);
        }
    }

    private void acceptFeed(FeedReport f, List<JournalEntry> journal, List<Detection> detections) {
        double received = f.receivedAtMillis() / 1000.0;
        journal.add(new JournalEntry(0, received, f.source(), f.listener(), f.journalJson()));
        if (f.signOfLife()) {
            rules.onSensorData(f.source(), received);
        }
        for (Detection d : f.detections()) {
            detections.add(FeedReport.fromSensor(d, sensorIdFor(f.source())));
        }
    }

    /** Each feed (JSON sensor, radar, Remote ID receiver) is its own event reporter to the tracker, registered when first heard. */
    private int sensorIdFor(String feed) {
        Integer id = feedSensors.get(feed);
        if (id == null) {
            id = COT_SENSOR + 1 + feedSensors.size();
            feedSensors.put(feed, id);
            tracker.tracker().registerSensor(SensorModel.event(id, 0.9, 1e-9));
        }
        return id;
    }

    /** The stream a message came in, within which reports arrive in time order (a connection, a sensor). */
    private static String orderedSource(Item item) {
        return switch (item) {
            case CotItem c -> c.r().listener() + "@" + c.r().peer();
            case JsonItem j -> "json:" + j.r().message().sensorId();
            case PlotItem p -> "asterix:" + p.plot().radar();
            case ExternalTrackItem e -> "asterix62:" + e.track().sac() + "/" + e.track().sic();
            case RemoteIdItem r -> r.r().listener() + "@" + r.r().peer();
            case FeedItem f -> f.f().source();
        };
    }

    /** A feed is known by listener and sending host; its silence raises sensor_down. */
    private static String source(Received<?> r) {
        return r.listener() + (r.peer() == null ? "" : ":" + r.peer().getAddress().getHostAddress());
    }

    /** Hands tracker output to the rules and the store; {@code wallNow} times sensor silence. */
    private void publish(double wallNow) throws Exception {
        for (TrackState s : pendingUpdates) {
            if (current.put(s.id(), s) == null) {
                tracksSeen.incrementAndGet();
            }
            onUpdated.forEach(l -> l.accept(s));
            List<Finding> found = rules.onTrack(s);
            if (!found.isEmpty()) {
                long at = receivedAt.of(s);
                for (Finding f : found) {
                    findings.add(f.withCoverage(coverage.at(f.x(), f.y(), s.mostLikelyClass())));
                    findingReceivedAt.add(at);
                }
            }
            Double last = lastHistory.get(s.id());
            if (last == null || s.t() - last >= HISTORY_STEP_S) {
                lastHistory.put(s.id(), s.t());
                pendingHistory.add(new TrackPoint(s.id(), s.t(), s.x(), s.y(), s.vx(), s.vy(),
                        s.mostLikelyClass().name().toLowerCase(java.util.Locale.ROOT)));
            }
        }
        pendingUpdates.clear();
        for (TrackState s : pendingEnds) {
            current.remove(s.id());
            onDeleted.forEach(l -> l.accept(s));
            lastHistory.remove(s.id());
            for (Finding f : rules.onTrackEnd(s)) {
                findings.add(f.withCoverage(coverage.at(f.x(), f.y(), s.mostLikelyClass())));
                findingReceivedAt.add(0L);
            }
        }
        pendingEnds.clear();
        for (Finding f : rules.onTime(wallNow)) {
            findings.add(f);
            findingReceivedAt.add(0L);
        }
        // One durable commit for the batch's alerts: under a burst, alerts must not queue behind each other's writes.
        if (!findings.isEmpty()) {
            List<org.skydas.alert.AlertBook.Raised> raised = alerts.raise(findings, findingReceivedAt);
            long committed = System.currentTimeMillis();
            for (int i = 0; i < raised.size(); i++) {
                long at = findingReceivedAt.get(i);
                if (raised.get(i).isNew() && at > 0) {
                    alertLatency.add(committed - at);
                }
            }
            findings.clear();
            findingReceivedAt.clear();
        }
        history.append(pendingHistory);
        pendingHistory.clear();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        worker.join(5_000);
    }
}
