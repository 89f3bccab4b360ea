package org.skydas.siting.scenario;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.skydas.model.AssetType;
import org.skydas.model.Scenario;
import org.skydas.model.TargetClass;
import org.skydas.siting.SitingInstance;
import org.skydas.siting.SitingResult;
import org.skydas.siting.SitingSolver;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.landcover.LandCoverModel;
import org.skydas.terrain.scenario.CoverageOptions;
import org.skydas.terrain.scenario.ScenarioCoverage;
import org.skydas.terrain.scenario.SensorSelection;

/**
 * One planning run on a scenario, the same for {@code skydas siting plan} and {@code POST /api/siting/plan}: the
 * coverage grid over the belt, the candidates and their coverage ({@link ScenarioSiting}), the demand weights
 * (uniform, or {@link CorridorWeights}), the plan ({@link SitingSolver}) and the frontier (one single-period solve per
 * budget level, each with a quarter of the time limit). Progress goes to a {@link Listener}; {@code cancelled} is
 * checked between steps and between candidates (a solve in hand runs to its time limit).
 */
public final class SitingPlanner {

    /** How demand cells are weighted. */
    public enum Weights {
        UNIFORM, CORRIDORS;

        public static Weights parse(String s) {
            for (Weights w : values()) {
                if (w.name().equalsIgnoreCase(s.trim())) {
                    return w;
                }
            }
            throw new IllegalArgumentException("'" + s + "': expected uniform or corridors");
        }
    }

    /**
     * What to plan. {@code candidates} null = a grid at {@code spacingM} plus the scenario's sites.
     * {@code periods}: one (single budget, year = {@code planYear}) or several with {@code multiPeriod}.
     */
    public record Request(TargetClass target, AssetType sensorType, List<SitingInstance.Period> periods,
                          boolean multiPeriod, int planYear, List<ScenarioSiting.Candidate> candidates, double spacingM,
                          double siteCostEur, Weights weights, double resolutionM, double threshold, double timeLimitS,
                          List<Double> frontier) {
        public Request {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(sensorType, "sensorType");
            periods = List.copyOf(periods);
            candidates = candidates == null ? null : List.copyOf(candidates);
            frontier = List.copyOf(frontier);
            Objects.requireNonNull(weights, "weights");
        }

        public long totalBudgetCents() {
            return periods.stream().mapToLong(SitingInstance.Period::budgetCents).sum();
        }
    }

    /**
     * Where a solve stands: {@code phase} "plan" or "frontier k/n"; seconds since it started against its limit; the
     * best plan's objective and the best proven bound known to Skydas at that moment (SCIP through OR-Tools' MPSolver
     * offers no callback: during a SCIP solve these stay at the values from before SCIP started, the greedy +
     * local-search plan and the knapsack bound; CP-SAT reports every improvement of either).
     */
    public record SolverProgress(String phase, double elapsedS, double limitS, double incumbent, double bound) {

        /** The gap of the incumbent against the bound, or NaN while either is unknown. */
        public double gap() {
            return Double.isNaN(incumbent) || Double.isNaN(bound) ? Double.NaN
                    : bound > 0 ? Math.max(0, (bound - incumbent) / bound) : 0;
        }

        /** "12 s of 60 s; best 1234.0, bound 1300.0 (gap 5.08 %)". */
        public String text() {
            String head = String.format(Locale.ROOT, "%.0f s of %.0f s", elapsedS, limitS);
            if (Double.isNaN(incumbent)) {
                return head + "; no plan yet";
            }
            return head + String.format(Locale.ROOT, "; best %.1f, bound %.1f (gap %.2f %%)", incumbent, bound,
                    100 * gap());
        }
    }

    /** Progress of a run; every method may be called from several threads. */
    public interface Listener {
        /** A step begins: "terrain", "candidates", "weights", "plan", "frontier", "done". */
        default void stage(String stage, String message) {
        }

        default void candidates(int done, int total) {
        }

        /** At least once a second while a solve runs, and at each improvement the engine reports. */
        default void solver(SolverProgress p) {
        }
    }

    /** Thrown when {@code cancelled} turned true. */
    public static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Cancelled() {
            super("siting plan cancelled", null, false, false);
        }
    }

    /** A finished run. {@code weightsNote} says how the demand was weighted. */
    public record Plan(Request request, ScenarioSiting siting, SitingInstance instance, SitingResult result,
                       PlanOutputs outputs, List<PlanOutputs.FrontierPoint> frontier, String weightsNote) {
    }

    private SitingPlanner() {
    }

    /**
     * @param dems      DEMs (any CRS with an EPSG code), empty = bare ellipsoid
     * @param landcover CORINE level-1 raster or null
     * @throws IllegalArgumentException one line: the scenario has no belt, no asset of the type, ...
     */
    public static Plan run(Scenario s, List<DemGrid> dems, DemGrid landcover, Request r, Listener listener,
                           BooleanSupplier cancelled) {
        Map<TargetClass, Double> heights = new EnumMap<>(TargetClass.class);
        heights.put(r.target(), r.target().defaultHeightM());
        CoverageOptions options = CoverageOptions.defaults(r.planYear()).withResolution(r.resolutionM())
                .withThreshold(r.threshold()).withSelection(SensorSelection.OPERATIONAL).withTargets(heights);
        ScenarioCoverage coverage = ScenarioCoverage.prepare(ScenarioSiting.coverageScenario(s), dems, landcover,
                LandCoverModel.corineLevel1(), options);
        check(cancelled);
        listener.stage("terrain", "terrain ready: " + coverage.terrainNote() + "; grid " + coverage.terrain().width()
                + " x " + coverage.terrain().height() + " at " + fmt(r.resolutionM()) + " m");
        ScenarioSiting siting = ScenarioSiting.prepare(s, coverage, r.target(), r.sensorType(), r.candidates(),
                r.spacingM(), r.siteCostEur(), (done, total) -> {
                    check(cancelled);
                    listener.candidates(done, total);
                });
        check(cancelled);
        double[] weights = null;
        String weightsNote = "uniform: weight 1 per demand cell";
        if (r.weights() == Weights.CORRIDORS) {
            listener.stage("weights", "approach corridors for the demand weights");
            CorridorWeights cw = CorridorWeights.of(s, dems, siting, r.target(), r.resolutionM());
            weights = cw.weights();
            weightsNote = cw.note();
            check(cancelled);
        }
        SitingInstance instance = siting.instance(r.periods(), r.multiPeriod(), weights);
        listener.stage("plan", String.format(Locale.ROOT, "%d demand cells, %d candidates, %d operational sensor(s)",
                instance.demand().size(), siting.candidates().stream().filter(c -> !c.existing()).count(),
                siting.candidates().stream().filter(ScenarioSiting.Candidate::existing).count()));

        SitingResult result = solve(instance, r.timeLimitS(), "plan", listener);
        check(cancelled);
        PlanOutputs outputs = new PlanOutputs(siting, instance, result, r.planYear());
        listener.stage("frontier", String.format(Locale.ROOT,
                "plan %s: coverage %.1f %% -> %.1f %%, spend %,.0f EUR, gap %.3f %%", result.status(),
                100 * outputs.coverageBefore(), 100 * outputs.coverageAfter(), result.spendCents() / 100.0,
                100 * result.gap()));

        List<PlanOutputs.FrontierPoint> points = new ArrayList<>();
        double total = instance.demand().stream().mapToDouble(SitingInstance.Demand::weight).sum();
        for (int k = 0; k < r.frontier().size(); k++) {
            double f = r.frontier().get(k);
            long cents = (long) Math.floor(r.totalBudgetCents() * f);
            SitingInstance level = siting.instance(List.of(new SitingInstance.Period(r.planYear(), cents)), false,
                    weights);
            SitingResult fr = solve(level, Math.max(1, r.timeLimitS() / 4),
                    "frontier " + (k + 1) + "/" + r.frontier().size(), listener);
            points.add(new PlanOutputs.FrontierPoint(cents / 100.0, fr.spendCents() / 100.0, fr.objective() / total,
                    fr.bound() / total, fr.gap(), fr.status()));
            check(cancelled);
        }
        listener.stage("done", "frontier: " + points.size() + " budget levels");
        return new Plan(r, siting, instance, result, outputs, points, weightsNote);
    }

    private static SitingResult solve(SitingInstance in, double limitS, String phase, Listener listener) {
        return solve(in, SitingSolver.Options.defaults().withTimeLimit(limitS), phase, listener);
    }

    /**
     * Solves with a ticker that reports the elapsed time once a second beside the latest incumbent and bound (see
     * {@link SolverProgress} for what each engine tells), and each report of the engine as it comes.
     */
    public static SitingResult solve(SitingInstance in, SitingSolver.Options options, String phase, Listener listener) {
        double limitS = options.timeLimitSeconds();
        double[] latest = {Double.NaN, Double.NaN};
        long start = System.nanoTime();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "skydas-siting-progress");
            t.setDaemon(true);
            return t;
        });
        try {
            ticker.scheduleAtFixedRate(() -> {
                synchronized (latest) {
                    listener.solver(new SolverProgress(phase, (System.nanoTime() - start) / 1e9, limitS, latest[0],
                            latest[1]));
                }
            }, 1, 1, TimeUnit.SECONDS);
            SitingSolver solver = new SitingSolver(options);
            SitingResult result = solver.solve(in, (seconds, objective, bound) -> {
                synchronized (latest) {
                    latest[0] = objective;
                    latest[1] = bound;
                    listener.solver(new SolverProgress(phase, seconds, limitS, objective, bound));
                }
            });
            listener.solver(new SolverProgress(phase, result.seconds(), limitS, result.objective(), result.bound()));
            return result;
        } finally {
            ticker.shutdownNow();
            try {
                // No tick may arrive after the result: a listener may take the result's report as the last word.
                ticker.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new Cancelled();
        }
    }

    /** A target class by its wire name: person, vehicle, drone (= drone_50m), drone_50m, drone_120m. */
    public static TargetClass target(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (n.equals("DRONE")) {
            return TargetClass.DRONE_50M;
        }
        for (TargetClass t : TargetClass.values()) {
            if (t.name().equals(n)) {
                return t;
            }
        }
        throw new IllegalArgumentException("'" + clip(name) + "': expected person, vehicle, drone, drone_50m or "
                + "drone_120m");
    }

    /** A sensor type by its wire name; camera = eo_ir_camera. */
    public static AssetType sensorType(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (n.equals("CAMERA")) {
            return AssetType.EO_IR_CAMERA;
        }
        for (AssetType t : AssetType.values()) {
            if (t.name().equals(n) && t.isSensor()) {
                return t;
            }
        }
        throw new IllegalArgumentException("'" + clip(name) + "': expected a sensor type such as radar, camera, "
                + "thermal_camera, observation_post, remote_id_receiver");
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : Double.toString(v);
    }
}
