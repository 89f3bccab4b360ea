package org.skydas.server.ops;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

import org.skydas.server.WatchServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link RetentionSettings} in the background: every period, the detections and track points older than their
 * window are deleted in small batches ({@link #BATCH} rows, one short transaction each, a pause between them), so that
 * the pipeline, which shares the store's one writer, waits for one batch at most — a few milliseconds — never for a
 * whole day's worth. Only raw data is purged: alerts, acknowledgements and the audit are never touched here.
 */
public final class RetentionPurger implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionPurger.class);
    /** Rows per transaction. */
    public static final int BATCH = 2_000;
    /** Pause between two batches, ms: the pipeline's commits go first. */
    static final long PAUSE_MS = 10;

    private final WatchServices watch;
    private final RetentionSettings settings;
    private final DoubleSupplier clock;
    private final Thread thread;
    private final AtomicLong detections = new AtomicLong();
    private final AtomicLong trackPoints = new AtomicLong();
    private final AtomicLong passes = new AtomicLong();
    private final AtomicLong longestBatchMicros = new AtomicLong();
    private volatile boolean running = true;

    private RetentionPurger(WatchServices watch, RetentionSettings settings, long periodMs, DoubleSupplier clock) {
        this.watch = watch;
        this.settings = settings;
        this.clock = clock;
        this.thread = new Thread(() -> loop(periodMs), "skydas-retention");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
    }

    /** Starts purging every {@code periodMs}; {@code clock} is wall time in seconds since the epoch. */
    public static RetentionPurger start(WatchServices watch, RetentionSettings settings, long periodMs, DoubleSupplier clock) {
        RetentionPurger p = new RetentionPurger(watch, settings, periodMs, clock);
        p.thread.start();
        LOG.info("event=retention_started detections={} track_history={}",
                RetentionSettings.describe(settings.detectionsS()), RetentionSettings.describe(settings.trackHistoryS()));
        return p;
    }

    public RetentionSettings settings() {
        return settings;
    }

    private void loop(long periodMs) {
        while (running) {
            try {
                Thread.sleep(periodMs);
                purgeNow();
            } catch (InterruptedException e) {
                return;
            } catch (SQLException e) {
                // Next period retries; meanwhile the data only stays a little longer.
                LOG.warn("event=retention_failed error=\"{}\"", e.getMessage());
            }
        }
    }

    /** One pass: everything older than the windows, batch by batch. Returns {detections, track points} purged. */
    public long[] purgeNow() throws SQLException, InterruptedException {
        double now = clock.getAsDouble();
        long d = 0;
        long t = 0;
        if (Double.isFinite(settings.detectionsS())) {
            d = drain(max -> watch.purgeDetectionsBefore(now - settings.detectionsS(), max));
            detections.addAndGet(d);
        }
        if (Double.isFinite(settings.trackHistoryS())) {
            t = drain(max -> watch.purgeTrackHistoryBefore(now - settings.trackHistoryS(), max));
            trackPoints.addAndGet(t);
        }
        passes.incrementAndGet();
        if (d + t > 0) {
            LOG.info("event=retention_pass detections_purged={} track_points_purged={}", d, t);
        }
        return new long[] {d, t};
    }

    private interface Batch {
        long purge(int max) throws SQLException;
    }

    private long drain(Batch batch) throws SQLException, InterruptedException {
        long total = 0;
        while (running) {
            long t0 = System.nanoTime();
            long n = batch.purge(BATCH);
            longestBatchMicros.accumulateAndGet((System.nanoTime() - t0) / 1_000, Math::max);
            total += n;
            if (n == 0) {
                break;
            }
            Thread.sleep(PAUSE_MS);
        }
        return total;
    }

    public List<Metric> metrics() {
        return List.of(
                Metric.gauge("skydas_retention_detections_seconds", "How long detections are kept (+Inf: for ever).",
                        settings.detectionsS()),
                Metric.gauge("skydas_retention_track_history_seconds", "How long track history is kept (+Inf: for ever).",
                        settings.trackHistoryS()),
                Metric.counter("skydas_retention_purged_detections_total", "Journalled detections deleted by retention.",
                        detections.get()),
                Metric.counter("skydas_retention_purged_track_points_total", "Track history points deleted by retention.",
                        trackPoints.get()),
                Metric.counter("skydas_retention_passes_total", "Retention passes completed.", passes.get()),
                Metric.gauge("skydas_retention_longest_batch_seconds",
                        "Longest single purge transaction (the longest the pipeline could wait for it).",
                        longestBatchMicros.get() / 1e6));
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
