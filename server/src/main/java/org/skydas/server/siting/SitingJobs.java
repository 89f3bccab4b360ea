package org.skydas.server.siting;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;

import org.skydas.model.Scenario;
import org.skydas.siting.scenario.SitingPlanner;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.io.DemReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Siting plans of the server's scenario computed in the background ({@code POST /api/siting/plan}): one job at a
 * time on a low-priority daemon thread (a plan uses both cores for minutes; a second request while one runs is
 * refused with the running job's id, not queued), the last {@value #KEPT} jobs kept in memory with their status,
 * progress and result. The work is {@link SitingPlanner#run}, the same as {@code skydas siting plan}. Thread-safe.
 */
public final class SitingJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SitingJobs.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int KEPT = 10;

    /** Where a job is. */
    public enum Status {
        QUEUED, RUNNING, DONE, FAILED, CANCELLED
    }

    /** Thrown by {@link #submit} while another job runs. */
    public static final class Busy extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String runningId;

        Busy(String runningId) {
            super("a siting plan is already running (" + runningId + "): wait for it, then ask again", null, false,
                    false);
            this.runningId = runningId;
        }

        public String runningId() {
            return runningId;
        }
    }

    /** One job; its state is replaced whole, so a reader always sees a consistent one. */
    public static final class Job {
        private final String id;
        private final String actor;
        private final PlanRequest request;
        private final Instant created = Instant.now();
        private final ServedScenario.Basis basis;
        private volatile Applicable applicable;
        private volatile PlanApplier.Applied applied;
        private volatile Snapshot snapshot = new Snapshot(Status.QUEUED, "queued", "", 0, null, null, null, null, null);
        private volatile boolean cancelled;

        Job(String id, String actor, PlanRequest request, ServedScenario.Basis basis) {
            this.id = id;
            this.actor = actor;
            this.request = request;
            this.basis = basis;
        }

        /** The scenario (and its revision) the plan was made on. */
        public ServedScenario.Basis basis() {
            return basis;
        }

        /** What applying the finished plan needs; null until it is done. */
        Applicable applicable() {
            return applicable;
        }

        /** Who applied the plan to the scenario, and what it added; null while it is not applied. */
        public PlanApplier.Applied applied() {
            return applied;
        }

        void applied(PlanApplier.Applied a) {
            applied = a;
        }

        public String id() {
            return id;
        }

        public String actor() {
            return actor;
        }

        public PlanRequest request() {
            return request;
        }

        public Instant created() {
            return created;
        }

        public Snapshot snapshot() {
            return snapshot;
        }
    }

    /**
     * @param progress 0..1: share of the candidates' coverage done, then of the solves' time limits used (a solve
     *                 that proves optimality early jumps ahead)
     * @param result   plan.json's content plus the sites as GeoJSON and the frontier, once done
     */
    public record Snapshot(Status status, String stage, String message, double progress,
                           SitingPlanner.SolverProgress solver, Instant started, Instant finished, ObjectNode result,
                           String error) {

        Snapshot with(String newStage, String newMessage, double newProgress, SitingPlanner.SolverProgress newSolver) {
            if (status != Status.RUNNING) {
                return this;
            }
            return new Snapshot(status, newStage, newMessage, Math.max(progress, Math.min(1, newProgress)), newSolver,
                    started, finished, result, error);
        }
    }

    /** A finished plan, kept small for applying it: the sensor template and the new sites (not the coverage). */
    record Applicable(org.skydas.model.Asset template, List<org.skydas.siting.scenario.PlanOutputs.NewSite> sites) {
    }

    private volatile ServedScenario.Basis basis;
    private final List<Path> dems;
    private final Path landcover;
    private final String terrainPlan;
    private final ThreadFactory threads;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private Job running;
    private Thread worker;
    private boolean closed;

    /**
     * @param dems      DEMs for the coverage model (read by each job; a bad file fails the job, not the server)
     * @param landcover CORINE level-1 raster or null
     */
    public SitingJobs(Scenario scenario, List<Path> dems, Path landcover) {
        this(scenario, dems, landcover, SitingJobs::lowPriority);
    }

    SitingJobs(Scenario scenario, List<Path> dems, Path landcover, ThreadFactory threads) {
        this.basis = new ServedScenario.Basis(scenario, 0, null);
        this.dems = List.copyOf(dems);
        this.landcover = landcover;
        this.threads = threads;
        this.terrainPlan = dems.isEmpty() ? "bare ellipsoid (no DEM given)" : dems.size() + " DEM file(s)";
    }

    private static Thread lowPriority(Runnable r) {
        Thread t = new Thread(r, "skydas-siting-plan");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    }

    /** New jobs plan on {@code b} from now on (a plan was applied); jobs made before keep theirs. */
    public void reload(ServedScenario.Basis b) {
        basis = b;
    }

    /** The scenario new jobs plan on. */
    public ServedScenario.Basis basis() {
        return basis;
    }

    public String terrainPlan() {
        return terrainPlan;
    }

    /** Starts a job at once; throws {@link Busy} while another runs. */
    public synchronized Job submit(PlanRequest request, String actor) {
        if (closed) {
            throw new IllegalStateException("the siting service is closed");
        }
        if (running != null) {
            throw new Busy(running.id());
        }
        Job job = new Job(UUID.randomUUID().toString(), actor, request, basis);
        jobs.put(job.id(), job);
        while (jobs.size() > KEPT) {
            jobs.remove(jobs.keySet().iterator().next());
        }
        running = job;
        worker = threads.newThread(() -> run(job));
        worker.start();
        LOG.info("event=siting_plan_started id={} actor={} request=\"{}\"", job.id(), actor, request.echo());
        return job;
    }

    public synchronized Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** The jobs kept, newest first. */
    public synchronized List<Job> list() {
        List<Job> out = new ArrayList<>(jobs.values());
        java.util.Collections.reverse(out);
        return out;
    }

    private void run(Job job) {
        long t0 = System.nanoTime();
        Instant started = Instant.now();
        job.snapshot = new Snapshot(Status.RUNNING, "terrain", "reading the terrain", 0, null, started, null, null,
                null);
        try {
            List<DemGrid> grids = new ArrayList<>();
            for (Path d : dems) {
                grids.add(DemReader.read(d));
            }
            DemGrid lc = landcover == null ? null : DemReader.read(landcover);
            SitingPlanner.Request r = job.request().planner();
            SitingPlanner.Plan plan = SitingPlanner.run(job.basis().scenario(), grids, lc, r, new Tracker(job, r),
                    () -> job.cancelled || closed());
            ObjectNode result = result(plan, job.request());
            job.applicable = new Applicable(plan.siting().template(), plan.outputs().newSites());
            job.snapshot = new Snapshot(Status.DONE, "done", "", 1, job.snapshot.solver(), started, Instant.now(),
                    result, null);
            LOG.info("event=siting_plan_done id={} status={} objective={} bound={} gap={} seconds={}", job.id(),
                    plan.result().status(), plan.result().objective(), plan.result().bound(), plan.result().gap(),
                    String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
        } catch (SitingPlanner.Cancelled e) {
            Snapshot s = job.snapshot;
            job.snapshot = new Snapshot(Status.CANCELLED, s.stage(), "stopped", s.progress(), s.solver(), started,
                    Instant.now(), null, "stopped");
        } catch (Exception | OutOfMemoryError e) {
            String why = e instanceof OutOfMemoryError ? "out of memory: use a coarser resolution_m"
                    : String.valueOf(e.getMessage());
            LOG.warn("event=siting_plan_failed id={} error=\"{}\"", job.id(), why, e);
            Snapshot s = job.snapshot;
            job.snapshot = new Snapshot(Status.FAILED, s.stage(), "", s.progress(), s.solver(), started,
                    Instant.now(), null, why);
        } finally {
            synchronized (this) {
                if (running == job) {
                    running = null;
                    worker = null;
                }
            }
        }
    }

    private synchronized boolean closed() {
        return closed;
    }

    static ObjectNode result(SitingPlanner.Plan plan, PlanRequest request) throws IOException {
        ObjectNode o = plan.outputs().json(request.echo(plan.weightsNote()));
        o.set("plan_geojson", JSON.readTree(plan.outputs().geoJson()));
        var frontier = o.putArray("frontier");
        for (var p : plan.frontier()) {
            ObjectNode f = frontier.addObject();
            f.put("budget_eur", p.budgetEur());
            f.put("spend_eur", p.spendEur());
            f.put("coverage", p.coverage());
            f.put("coverage_bound", p.boundCoverage());
            f.put("gap", p.gap());
            f.put("status", p.status().name());
        }
        return o;
    }

    /** Maps the planner's steps onto one progress figure. */
    private static final class Tracker implements SitingPlanner.Listener {
        private final Job job;
        private final int levels;

        Tracker(Job job, SitingPlanner.Request r) {
            this.job = job;
            this.levels = r.frontier().size();
        }

        @Override
        public synchronized void stage(String stage, String message) {
            double p = switch (stage) {
                case "terrain" -> 0.05;
                case "weights" -> 0.5;
                case "plan" -> 0.55;
                case "frontier" -> 0.8;
                default -> 1;
            };
            job.snapshot = job.snapshot.with(stage, message, p, job.snapshot.solver());
        }

        @Override
        public synchronized void candidates(int done, int total) {
            job.snapshot = job.snapshot.with("candidates", "coverage of candidate " + done + "/" + total,
                    0.05 + 0.45 * done / Math.max(1, total), job.snapshot.solver());
        }

        @Override
        public synchronized void solver(SitingPlanner.SolverProgress s) {
            double used = Math.min(1, s.elapsedS() / s.limitS());
            double p;
            if (s.phase().equals("plan")) {
                p = 0.55 + 0.25 * used;
            } else {
                int k = Integer.parseInt(s.phase().substring("frontier ".length(), s.phase().indexOf('/')));
                p = 0.8 + 0.2 * (k - 1 + used) / Math.max(1, levels);
            }
            job.snapshot = job.snapshot.with(job.snapshot.stage(), s.phase() + ": " + s.text(), p, s);
        }
    }

    /** Stops a running job after the step in hand (a solve runs on to its time limit on a daemon thread). */
    @Override
    public synchronized void close() {
        closed = true;
        if (running != null) {
            running.cancelled = true;
        }
        if (worker != null) {
            worker.interrupt();
        }
    }
}
