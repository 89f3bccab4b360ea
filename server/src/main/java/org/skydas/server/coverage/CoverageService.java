package org.skydas.server.coverage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

import org.skydas.model.Scenario;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest coverage of the server's scenario, computed in the background: one low-priority thread
 * per run, so a large scenario never delays the server's start nor starves its HTTP threads. While a
 * recomputation runs, the previous result stays served. Thread-safe.
 */
public final class CoverageService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CoverageService.class);

    /** What the service is doing. */
    public enum Status {
        NONE, RUNNING, READY, FAILED
    }

    /**
     * A consistent view for one request.
     *
     * @param snapshot the latest finished result, or null (may be older than a running job)
     * @param error    why the last run failed, or null
     */
    public record State(Status status, double progress, CoverageSnapshot snapshot, String error) {
    }

    private Scenario scenario;
    private final List<Path> dems;
    private final Path landcover;
    private final CoverageSettings settings;
    private final String terrainPlan;
    private final ThreadFactory threads;

    private volatile State state = new State(Status.NONE, 0, null, null);
    private long generation;
    private Thread worker;
    private boolean closed;

    private CoverageService(Scenario scenario, List<Path> dems, Path landcover, CoverageSettings settings,
            ThreadFactory threads) {
        this.threads = threads;
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.dems = List.copyOf(dems);
        this.landcover = landcover;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.terrainPlan = dems.isEmpty() ? "bare ellipsoid (height 0 m, no DEM given)"
                : dems.size() + " DEM file(s)" + (landcover == null ? "" : " and land cover");
    }

    /**
     * Starts computing at once, in the background; returns immediately. The rasters are read by the
     * job: a bad file makes the job fail (see {@link #state()}), it does not stop the server.
     *
     * @param dems      DEMs in any CRS with an EPSG code; empty = bare ellipsoid
     * @param landcover a CORINE level-1 class raster, or null
     */
    public static CoverageService start(Scenario scenario, List<Path> dems, Path landcover, CoverageSettings settings) {
        return start(scenario, dems, landcover, settings, CoverageService::lowPriority);
    }

    /** As {@link #start(Scenario, List, Path, CoverageSettings)}, each job on a thread of {@code threads}. */
    static CoverageService start(Scenario scenario, List<Path> dems, Path landcover, CoverageSettings settings,
            ThreadFactory threads) {
        CoverageService s = new CoverageService(scenario, dems, landcover, settings, threads);
        s.recompute();
        return s;
    }

    /** A daemon thread below normal priority: the job must never hold up requests or shutdown. */
    private static Thread lowPriority(Runnable r) {
        Thread t = new Thread(r, "skydas-coverage");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    }

    public State state() {
        return state;
    }

    public CoverageSettings settings() {
        return settings;
    }

    /** What the terrain will be, for the status before the first result says what it was. */
    public String terrainPlan() {
        return terrainPlan;
    }

    /**
     * Serves {@code changed} from now on (a plan applied to the scenario): as {@link #recompute()}, over its sensors.
     * The previous result stays served until the new one is ready.
     */
    public synchronized void recompute(Scenario changed) {
        this.scenario = Objects.requireNonNull(changed, "scenario");
        recompute();
    }

    /** Cancels a running job (it stops after the sensor in hand) and starts a new one. */
    public synchronized void recompute() {
        if (closed) {
            throw new IllegalStateException("the coverage service is closed");
        }
        long gen = ++generation;
        if (worker != null) {
            worker.interrupt();
        }
        State prev = state;
        state = new State(Status.RUNNING, 0, prev.snapshot(), null);
        CoverageJob job = new CoverageJob(scenario, dems, landcover, settings);
        worker = threads.newThread(() -> run(job, gen));
        worker.start();
    }

    private void run(CoverageJob job, long gen) {
        long t0 = System.nanoTime();
        try {
            CoverageSnapshot snap = job.run(p -> progress(gen, p), () -> !current(gen));
            finish(gen, new State(Status.READY, 1, snap, null));
            LOG.info("event=coverage_ready classes={} resolution_m={} seconds={} terrain=\"{}\"", snap.classes().size(),
                    snap.resolutionM(), String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9),
                    snap.terrainNote());
        } catch (CoverageJob.Cancelled e) {
            LOG.debug("event=coverage_cancelled generation={}", gen);
        } catch (Exception | OutOfMemoryError e) {
            // The server keeps serving whatever it had; the status says why there is nothing new.
            String why = e instanceof OutOfMemoryError ? "out of memory: lower the resolution or the cell cap"
                    : String.valueOf(e.getMessage());
            if (current(gen)) {
                LOG.warn("event=coverage_failed error=\"{}\"", why, e);
            }
            finish(gen, new State(Status.FAILED, state.progress(), state.snapshot(), why));
        }
    }

    private synchronized boolean current(long gen) {
        return gen == generation && !closed;
    }

    private synchronized void progress(long gen, double p) {
        if (gen == generation && state.status() == Status.RUNNING && p > state.progress()) {
            state = new State(Status.RUNNING, Math.min(1, p), state.snapshot(), null);
        }
    }

    private synchronized void finish(long gen, State s) {
        if (gen == generation && !closed) {
            state = s;
            worker = null;
        }
    }

    /** Waits for the current job; true when it ended (ready or failed). For tests and tools. */
    public boolean await(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (state.status() == Status.RUNNING) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Stops a running job; the last result stays readable. */
    @Override
    public synchronized void close() {
        closed = true;
        generation++;
        if (worker != null) {
            worker.interrupt();
            worker = null;
        }
        if (state.status() == Status.RUNNING) {
            state = new State(Status.NONE, 0, state.snapshot(), "stopped");
        }
    }
}
