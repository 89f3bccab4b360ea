package org.skydas.watch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.skydas.ingest.asterix.PlotReport;
import org.skydas.ingest.cot.CotEvent;
import org.skydas.ingest.remoteid.OdidMessage;
import org.skydas.ingest.listen.Received;
import org.skydas.model.Scenario;
import org.skydas.track.TrackState;
import org.skydas.watch.intake.FeedReport;
import org.skydas.watch.intake.IntakeQueue;
import org.skydas.watch.intake.Message;
import org.skydas.watch.intake.NotJournalledException;
import org.skydas.watch.loop.WatchLoop;
import org.skydas.watch.normalise.FeedSensorModels;
import org.skydas.watch.normalise.Normaliser;
import org.skydas.watch.port.CoverageLookup;
import org.skydas.watch.port.GroundHeight;
import org.skydas.watch.port.Journal;
import org.skydas.watch.port.NormalisedBatch;
import org.skydas.watch.port.PortException;
import org.skydas.watch.port.Ports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WATCH, live, in one process: decoded messages → {@link IntakeQueue} → {@link Normaliser} → {@link Journal} →
 * {@link WatchLoop} (tracker through a small reorder window, rules, alerts) → ports and subscribers. One worker thread
 * owns the normaliser and the loop; producers (I/O threads) only put messages on the bounded queue, which sheds the
 * oldest when full.
 *
 * <p>Accepted means journalled: a batch acts on nothing before its journal commit. A failed commit is retried
 * ({@link #JOURNAL_ATTEMPTS} times); when it still fails the pipeline stops accepting ({@link #journalFailure()} says
 * why, offers are refused and counted), keeps the feeds' part of the batch and retries it every second, and
 * fails the HTTP part at once so that those clients hear it was not accepted. Nothing is dropped silently.
 */
public final class LivePipeline implements LivePicture, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LivePipeline.class);

    static final int BATCH = 1_000;
    /** Journal commits tried per batch before the pipeline stops accepting, and the waits between them (ms). */
    static final int JOURNAL_ATTEMPTS = 3;
    private static final long[] JOURNAL_BACKOFF_MS = {200, 1_000};
    private static final long JOURNAL_RETRY_MS = 1_000;
    /** How long the worker waits for data when nothing is held back, and when reports are, ms. */
    static final long IDLE_POLL_MS = 200;
    static final long HELD_POLL_MS = 5;

    /** See {@link Normaliser#DEFAULT_MAX_CLOCK_LEAD_S}. */
    public static final double DEFAULT_MAX_CLOCK_LEAD_S = Normaliser.DEFAULT_MAX_CLOCK_LEAD_S;
    /** Reorder window of live data, seconds: how long a report waits for slightly older ones. */
    public static final double DEFAULT_WINDOW_S = 0.5;

    private final Scenario scenario;
    private final IntakeQueue intake;
    private final Normaliser normaliser;
    private final WatchLoop loop;
    private final Journal journal;
    private final Thread worker;
    /** The batch waiting for the journal (pipeline thread only). */
    private NormalisedBatch pending;
    private volatile boolean running = true;
    private final Map<String, java.util.function.Supplier<Object>> extraStats = new java.util.concurrent.ConcurrentHashMap<>();
    /** When the worker last went round its loop (it does every 200 ms when idle), and last processed a batch. */
    private volatile long lastLoopMillis = System.currentTimeMillis();
    private volatile long lastBatchMillis;

    public LivePipeline(Scenario scenario, Ports ports, int queueCapacity) {
        this(scenario, ports, queueCapacity, DEFAULT_WINDOW_S);
    }

    public LivePipeline(Scenario scenario, Ports ports, int queueCapacity, double windowS) {
        this(scenario, ports, queueCapacity, windowS, FeedSensorModels.fromMetadata(scenario.metadata()));
    }

    /** With the tracker's sensor model of each kind of feed (else the scenario's: {@link FeedSensorModels#fromMetadata}). */
    public LivePipeline(Scenario scenario, Ports ports, int queueCapacity, double windowS, FeedSensorModels sensors) {
        this.scenario = scenario;
        this.journal = ports.journal();
        this.intake = new IntakeQueue(queueCapacity);
        this.loop = new WatchLoop(scenario, windowS, ports.alerts(), ports.trackHistory());
        this.normaliser = new Normaliser(scenario, sensors, loop::registerSensor);
        normaliser.rawPayloads(journal.keepsMessages());
        worker = new Thread(this::run, "skydas-pipeline");
        worker.setDaemon(true);
        worker.start();
    }

    /** From any thread: a decoded CoT event. Never blocks; sheds the oldest message when full. */
    public boolean offerCot(Received<CotEvent> r) {
        return intake.offer(new Message.Cot(r));
    }

    /** From any thread: a decoded JSON detection (HTTP or MQTT). Never blocks. */
    public boolean offerJson(Received<org.skydas.ingest.json.Detection> r) {
        return intake.offer(new Message.Json(r, null));
    }

    /**
     * From any thread: a JSON detection whose sender waits for it to be journalled (HTTP). The future completes
     * after the journal commit, or fails with {@link NotJournalledException} when the journal cannot be written or
     * the queue had to shed it. Never blocks.
     */
    public CompletableFuture<Void> offerJsonJournalled(Received<org.skydas.ingest.json.Detection> r) {
        return intake.offerAwaitingJournal(r);
    }

    /** Why the journal cannot be written (nothing is being accepted), or null while it works. */
    public String journalFailure() {
        return intake.journalFailure();
    }

    /** From any thread: a located ASTERIX CAT048 plot and its record as JSON (for the journal). Never blocks. */
    public boolean offerPlot(PlotReport plot, String recordJson, String listener, long receivedAtMillis) {
        return intake.offer(new Message.Plot(plot, recordJson, listener, receivedAtMillis));
    }

    /** From any thread: a CAT062 system track and its record as JSON (for the journal). Never blocks. */
    public boolean offerExternalTrack(org.skydas.ingest.asterix.ExternalTrack track, String recordJson, String listener,
                                      long receivedAtMillis) {
        return intake.offer(new Message.SystemTrack(track, recordJson, listener, receivedAtMillis));
    }

    /** From any thread: what a Remote ID receiver heard from one drone. Never blocks. */
    public boolean offerRemoteId(Received<OdidMessage> r) {
        return intake.offer(new Message.RemoteId(r));
    }

    /** From any thread: a report of a feed that converts its own messages (SAPIENT, STANAG 4607, ONVIF). Never blocks. */
    public boolean offerFeed(FeedReport r) {
        return intake.offer(new Message.Feed(r));
    }

    /**
     * Refuses new data, with the reason, while {@code reason} is not null (the disk is almost full); null accepts it
     * again. Refused messages are counted ({@code refused_storage}); what is queued is still processed.
     */
    public void refuseNewData(String reason) {
        intake.refuseNewData(reason);
    }

    /** Why new data is refused now, or null. */
    public String refusal() {
        return intake.refusal();
    }

    /**
     * A sensor whose clock runs ahead would drag the tracker's data time with it and make every other sensor's
     * reports late: a report stamped more than {@code seconds} after its receipt is journalled but not tracked,
     * and counted ({@code clock_ahead}). A simulator that runs its world faster than the wall clock sets infinity.
     */
    public LivePipeline withMaxClockLead(double seconds) {
        normaliser.maxClockLead(seconds);
        return this;
    }

    /**
     * An ingest node of a scaled-out WATCH (issue 17, ADR 0024): batches are normalised and journalled — the journal
     * being the cluster's sector topic, whose tracker nodes run the watch loop — and not tracked here. The loop still
     * hears the sources' signs of life and the clock, so the silence of this node's sensors raises sensor_down into
     * the alert port.
     */
    public LivePipeline withoutTracking() {
        tracking = false;
        return this;
    }


    private volatile boolean tracking = true;

    /** The ground below targets (DEMs), for class hints from a measured height; without it none are drawn. */
    public LivePipeline withGround(GroundHeight heights) {
        normaliser.ground(heights);
        return this;
    }

    /** Tells alerts whether they arose in covered ground or in a gap, from the computed coverage. */
    public LivePipeline withCoverage(CoverageLookup lookup) {
        loop.coverage(lookup);
        return this;
    }

    /** The scenario watched (its assets locate feeds that do not send their position, such as ONVIF cameras). */
    public Scenario scenario() {
        return scenario;
    }

    /** Where the scenario's radars stand, for the ASTERIX listener to locate plots. */
    public org.skydas.ingest.asterix.RadarSites radarSites() {
        return normaliser.radarSites();
    }

    /** Adds a subscriber to track changes (called on the pipeline thread: must not block). */
    @Override
    public void onTrackChange(java.util.function.Consumer<TrackState> updated, java.util.function.Consumer<TrackState> deleted) {
        loop.onTrackChange(updated, deleted);
    }

    /** How many tracks have been reported (confirmed) since the start. */
    public long tracksSeen() {
        return loop.tracksSeen();
    }

    @Override
    public Collection<TrackState> tracks() {
        return loop.tracks();
    }

    public Map<String, Object> stats() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("queued", intake.size());
        m.put("processed", loop.processed());
        m.put("shed_oldest", intake.shed());
        m.put("friendly_not_tracked", normaliser.friendly());
        m.put("not_trackable", normaliser.untrackable());
        m.put("clock_ahead", normaliser.clockAhead());
        m.put("refused_journal_unavailable", intake.refusedJournalDown());
        m.put("journal_error", intake.journalFailure());
        loop.stats(m);
        m.put("refused_storage", intake.refused());
        String refusal = intake.refusal();
        if (refusal != null) {
            m.put("refusing", refusal);
        }
        extraStats.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    /** Adds {@code key} with what {@code stats} says to {@link #stats()} (e.g. the TAK-out clients' counters). */
    public LivePipeline withStats(String key, java.util.function.Supplier<Object> stats) {
        extraStats.put(key, stats);
        return this;
    }

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
        m.put("queued", intake.size());
        m.put("capacity", intake.capacity());
        m.put("last_loop_age_s", Math.round(loopAge * 10) / 10.0);
        m.put("last_batch_age_s", lastBatchMillis == 0 ? null : Math.round((now - lastBatchMillis) / 100.0) / 10.0);
        return m;
    }

    private void run() {
        List<Message> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                if (pending != null) {
                    retryPending();
                    continue;
                }
                // While reports wait in the reorder buffer, look again soon: the wall clock alone may release them.
                Message first = intake.poll(loop.buffered() > 0 ? HELD_POLL_MS : IDLE_POLL_MS);
                batch.clear();
                if (first != null) {
                    batch.add(first);
                    intake.drainTo(batch, BATCH - 1);
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

    private void process(List<Message> batch) throws Exception {
        NormalisedBatch normalised = new NormalisedBatch(batch.size());
        for (Message m : batch) {
            normaliser.normalise(m, normalised);
        }
        // Accepted means durable: the journal commits before anything acts on the data.
        PortException failed = commitJournal(normalised);
        if (failed != null) {
            holdForJournal(batch, normalised, failed);
            return;
        }
        for (Message m : batch) {
            if (m instanceof Message.Json j && j.journalled() != null) {
                j.journalled().complete(null);
            }
        }
        if (tracking) {
            loop.apply(normalised, System.currentTimeMillis());
        } else {
            loop.signsOfLife(normalised); // an ingest node still notices its own sensors' silence (sensor_down)
            loop.endBatch(normalised.messages(), false, System.currentTimeMillis()); // counts what was processed
        }
    }

    /** Commits with retries; null when done, else the last failure. */
    private PortException commitJournal(NormalisedBatch b) throws InterruptedException {
        if (b.journal().isEmpty()) {
            return null;
        }
        PortException last = null;
        for (int attempt = 1; attempt <= JOURNAL_ATTEMPTS; attempt++) {
            try {
                journal.append(b);
                return null;
            } catch (PortException e) {
                last = e;
                LOG.warn("event=journal_write_failed attempt={} of={} entries={} error=\"{}\"", attempt, JOURNAL_ATTEMPTS,
                        b.journal().size(), e.getMessage());
                if (attempt < JOURNAL_ATTEMPTS) {
                    Thread.sleep(JOURNAL_BACKOFF_MS[attempt - 1]);
                }
            }
        }
        return last;
    }

    /**
     * The journal failed every attempt: stop accepting, tell the HTTP senders now (their messages leave the batch, so a
     * resend is not a duplicate), and keep the feeds' messages for {@link #retryPending}.
     */
    private void holdForJournal(List<Message> batch, NormalisedBatch b, PortException failed) {
        String failure = "journal write failed " + JOURNAL_ATTEMPTS + " times: " + failed.getMessage();
        intake.journalFailure(failure);
        LOG.error("event=journal_unavailable entries={} action=stop_accepting error=\"{}\"", b.journal().size(),
                failed.getMessage());
        for (Message m : batch) {
            if (m instanceof Message.Json j && j.journalled() != null) {
                j.journalled().completeExceptionally(new NotJournalledException("journal unavailable: " + failure));
            }
        }
        pending = b.keeping(k -> !(batch.get(k) instanceof Message.Json j && j.journalled() != null));
    }

    /** Tries the held batch again; on success the pipeline accepts again and tracks what it held. */
    private void retryPending() throws Exception {
        try {
            if (pending.journal().isEmpty()) {
                journal.probe(); // only HTTP messages failed: nothing to write, but is the journal back?
            } else {
                journal.append(pending);
            }
        } catch (PortException e) {
            intake.journalFailure("journal write failing: " + e.getMessage());
            Thread.sleep(JOURNAL_RETRY_MS);
            return;
        }
        LOG.info("event=journal_recovered entries={}", pending.journal().size());
        NormalisedBatch p = pending;
        pending = null;
        intake.journalFailure(null);
        if (tracking) {
            loop.apply(p, System.currentTimeMillis());
        } else {
            loop.signsOfLife(p);
            loop.endBatch(p.messages(), false, System.currentTimeMillis());
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        worker.join(5_000);
    }
}
