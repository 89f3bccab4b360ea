package org.skydas.server.corridor;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.function.BooleanSupplier;

import org.skydas.model.BorderLine;
import org.skydas.model.Neighbour;
import org.skydas.model.Scenario;
import org.skydas.model.TargetClass;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.corridor.CorridorAnalysis;
import org.skydas.terrain.corridor.Cover;
import org.skydas.terrain.corridor.Ground;
import org.skydas.terrain.corridor.Mover;
import org.skydas.terrain.corridor.Obstacle;
import org.skydas.terrain.io.DemReader;
import org.skydas.terrain.warp.DemWarper;
import org.skydas.terrain.warp.GridSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scenario's approach corridors per neighbour and mover, computed in the background on one
 * low-priority thread, like the coverage: the first request for a (neighbour, mover) starts its job and
 * is told "running" with the progress; later requests get the result. A recomputation keeps the previous
 * result served until the new one is ready. The detection probability along a corridor comes from a
 * {@link DetectionSource} (in the server: the coverage service's latest map of the mover's target class).
 * Thread-safe.
 */
public final class CorridorService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CorridorService.class);

    public enum Status {
        RUNNING, READY, FAILED
    }

    /** One analysis: corridors from a neighbour for a mover. */
    public record Key(Neighbour from, Mover mover) {
    }

    /**
     * Where the scenario's sensors see the mover's target class; may wait (for a coverage still being
     * computed) until {@code cancelled} turns true.
     */
    @FunctionalInterface
    public interface DetectionSource {
        CorridorAnalysis.DetectionField field(TargetClass target, BooleanSupplier cancelled) throws Exception;
    }

    /** A finished analysis as served: the corridors and sector warnings (the time raster is dropped). */
    public record Outcome(Instant computedAt, String terrainNote, List<CorridorAnalysis.Corridor> corridors,
            List<CorridorAnalysis.SectorWarning> sectors, double resolutionM) {
    }

    /** A consistent view of one key for one request; {@code outcome} may be older than a running job. */
    public record State(Status status, double progress, Outcome outcome, String error) {
    }

    /** How corridors are computed: the CLI's defaults. */
    public record Settings(int k, double maxOverlap, double depthM, double resolutionM) {

        public static Settings defaults() {
            return new Settings(3, 0.6, 10_000, 250);
        }

        CorridorAnalysis.Options options(Key key) {
            return new CorridorAnalysis.Options(key.from(), null, k, key.mover(), maxOverlap, depthM, resolutionM);
        }
    }

    private volatile Scenario scenario;
    private final List<Path> dems;
    private final Path landcover;
    private final DetectionSource detection;
    private final Settings settings;
    private final ThreadFactory threads;
    private final Map<Key, State> states = new LinkedHashMap<>();
    private final Map<Key, Long> generations = new LinkedHashMap<>();
    private final List<Key> queue = new ArrayList<>();
    private Thread worker;
    private Key running;
    private boolean closed;

    public CorridorService(Scenario scenario, List<Path> dems, DetectionSource detection, Settings settings) {
        this(scenario, dems, null, detection, settings, CorridorService::lowPriority);
    }

    /**
     * @param landcover a CORINE level-1 class raster (as the coverage reads it) for the movers' friction, or null
     */
    public CorridorService(Scenario scenario, List<Path> dems, Path landcover, DetectionSource detection,
            Settings settings) {
        this(scenario, dems, landcover, detection, settings, CorridorService::lowPriority);
    }

    CorridorService(Scenario scenario, List<Path> dems, Path landcover, DetectionSource detection, Settings settings,
            ThreadFactory threads) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.landcover = landcover;
        this.dems = List.copyOf(dems);
        this.detection = Objects.requireNonNull(detection, "detection");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.threads = threads;
    }

    private static Thread lowPriority(Runnable r) {
        Thread t = new Thread(r, "skydas-corridors");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    }

    public Settings settings() {
        return settings;
    }

    /** The neighbours the scenario has a border line with, in the order of its border. */
    public List<Neighbour> neighbours() {
        return scenario.border().stream().map(BorderLine::neighbour).distinct().toList();
    }

    /**
     * The state of one analysis; the first call starts it.
     *
     * @throws IllegalArgumentException the scenario has no border with {@code key.from()}
     */
    public synchronized State state(Key key) {
        if (!neighbours().contains(key.from())) {
            throw new IllegalArgumentException("the scenario has no border with " + key.from().code()
                    + " (it has " + String.join(", ", neighbours().stream().map(Neighbour::code).toList()) + ")");
        }
        State s = states.get(key);
        if (s == null) {
            enqueue(key);
            s = states.get(key);
        }
        return s;
    }

    /**
     * Uses {@code changed} from now on (a plan applied to the scenario: its planned sensors change the detection) and
     * computes every analysis asked for so far again; their previous results stay served until then.
     */
    public synchronized List<Key> reload(Scenario changed) {
        this.scenario = Objects.requireNonNull(changed, "scenario");
        return recompute(null);
    }

    /** Computes every analysis asked for so far again (or only {@code only}, when not null); returns those queued. */
    public synchronized List<Key> recompute(Key only) {
        if (closed) {
            throw new IllegalStateException("the corridor service is closed");
        }
        List<Key> keys = only != null ? List.of(only) : new ArrayList<>(states.keySet());
        for (Key k : keys) {
            if (only != null) {
                state(only); // validates, and starts it when new
            }
            enqueue(k);
        }
        return keys;
    }

    private void enqueue(Key key) {
        if (closed) {
            throw new IllegalStateException("the corridor service is closed");
        }
        generations.merge(key, 1L, Long::sum);
        State prev = states.get(key);
        states.put(key, new State(Status.RUNNING, 0, prev == null ? null : prev.outcome(), null));
        if (key.equals(running) && worker != null) {
            worker.interrupt(); // the job in hand is out of date: it stops and the key runs again
        }
        if (!queue.contains(key)) {
            queue.add(key);
        }
        if (worker == null) {
            worker = threads.newThread(this::drain);
            worker.start();
        }
    }

    private void drain() {
        while (true) {
            Key key;
            long gen;
            synchronized (this) {
                if (queue.isEmpty() || closed) {
                    worker = null;
                    running = null;
                    return;
                }
                key = queue.remove(0);
                gen = generations.get(key);
                running = key;
                Thread.interrupted(); // an interrupt meant for the previous key
            }
            run(key, gen);
        }
    }

    private void run(Key key, long gen) {
        long t0 = System.nanoTime();
        BooleanSupplier cancelled = () -> !current(key, gen) || Thread.currentThread().isInterrupted();
        try {
            CorridorAnalysis.Options o = settings.options(key);
            List<DemGrid> grids = new ArrayList<>();
            for (Path d : dems) {
                grids.add(DemReader.readWarpable(d));
            }
            GridSpec grid = CorridorAnalysis.grid(scenario, o);
            DemGrid terrain = grids.isEmpty() ? null : DemWarper.warp(grids, grid).grid();
            grids = null;
            check(cancelled);
            progress(key, gen, 0.05);
            CorridorAnalysis.DetectionField field = detection.field(key.mover().target(), cancelled);
            check(cancelled);
            progress(key, gen, 0.1);
            Ground ground = landcover == null ? Ground.NONE
                    : new Ground(DemReader.readWarpable(landcover), Cover.Coding.CORINE_LEVEL1, List.of(), List.of());
            String note = (dems.isEmpty() ? "bare ellipsoid (no DEM given)"
                    : "DEM " + dems.get(0).getFileName() + (dems.size() > 1 ? " and " + (dems.size() - 1) + " more" : ""))
                    + (ground.note().isEmpty() ? "" : "; " + ground.note());
            CorridorAnalysis.Result r = CorridorAnalysis.run(scenario, grid, terrain, ground, field,
                    Obstacle.fromScenario(scenario), o, (done, atMost) -> {
                        check(cancelled);
                        progress(key, gen, 0.1 + 0.9 * done / (double) atMost);
                    });
            Outcome out = new Outcome(Instant.now(), note, r.corridors(), r.sectors(), o.resolutionM());
            finish(key, gen, new State(Status.READY, 1, out, null));
            LOG.info("event=corridors_ready from={} mover={} corridors={} seconds={}", key.from().code(),
                    key.mover().slug(), r.corridors().size(),
                    String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
        } catch (Cancelled e) {
            LOG.debug("event=corridors_cancelled from={} mover={}", key.from().code(), key.mover().slug());
        } catch (InterruptedException e) {
            LOG.debug("event=corridors_interrupted from={} mover={}", key.from().code(), key.mover().slug());
        } catch (Exception | OutOfMemoryError e) {
            String why = e instanceof OutOfMemoryError ? "out of memory: use a coarser resolution"
                    : String.valueOf(e.getMessage());
            if (current(key, gen)) {
                LOG.warn("event=corridors_failed from={} mover={} error=\"{}\"", key.from().code(), key.mover().slug(),
                        why, e);
            }
            State prev;
            synchronized (this) {
                prev = states.get(key);
            }
            finish(key, gen, new State(Status.FAILED, prev == null ? 0 : prev.progress(),
                    prev == null ? null : prev.outcome(), why));
        }
    }

    /** Thrown out of a job that became out of date or was stopped. */
    private static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("corridor job cancelled", null, false, false);
        }
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new Cancelled();
        }
    }

    private synchronized boolean current(Key key, long gen) {
        return !closed && generations.getOrDefault(key, 0L) == gen;
    }

    private synchronized void progress(Key key, long gen, double p) {
        State s = states.get(key);
        if (current(key, gen) && s != null && s.status() == Status.RUNNING && p > s.progress()) {
            states.put(key, new State(Status.RUNNING, Math.min(1, p), s.outcome(), null));
        }
    }

    private synchronized void finish(Key key, long gen, State s) {
        if (current(key, gen)) {
            states.put(key, s);
        }
    }

    /** Waits until {@code key} is no longer running; true when it ended. For tests and tools. */
    public boolean await(Key key, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            State s;
            synchronized (this) {
                s = states.get(key);
            }
            if (s != null && s.status() != Status.RUNNING) {
                return true;
            }
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20);
        }
    }

    /** Stops the running job; finished results stay readable. */
    @Override
    public synchronized void close() {
        closed = true;
        queue.clear();
        if (worker != null) {
            worker.interrupt();
        }
    }
}
