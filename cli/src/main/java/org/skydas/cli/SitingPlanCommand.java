package org.skydas.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.skydas.geo.GeoJsonException;
import org.skydas.geo.GeoJsonFeature;
import org.skydas.geo.GeoJsonReader;
import org.skydas.geo.Lks94;
import org.skydas.model.AssetType;
import org.skydas.model.Scenario;
import org.skydas.model.TargetClass;
import org.skydas.siting.SitingInstance;
import org.skydas.siting.scenario.PlanApply;
import org.skydas.siting.scenario.PlanOutputs;
import org.skydas.siting.scenario.ScenarioSiting;
import org.skydas.siting.scenario.SitingPlanner;
import org.skydas.store.ScenarioStore;
import org.skydas.store.StoreException;
import org.skydas.terrain.DemFormatException;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.io.DemReader;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skydas siting plan}: where the next euros go on a scenario. The work is in
 * {@link ScenarioSiting} (demand, candidates, coverage), {@link SitingSolver} and {@link PlanOutputs}; this class maps
 * options, shows progress and turns bad input into one line and exit code 2.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Budgeted sensor siting on a scenario: demand = cells of the buffer zones (weight 1 each), "
                + "candidates = a grid along the belt plus the scenario's sites (or --candidates), coverage of each "
                + "from the terrain coverage model (Pd >= threshold for the class); operational sensors stand.",
            "Writes DIR/plan.json, plan.geojson, map.png, frontier.csv; --apply adds the new sites and sensors to "
                + "the scenario as proposed (planned) assets with year and cost."})
final class SitingPlanCommand implements Callable<Integer> {

    @Option(names = "--scenario", required = true, paramLabel = "FILE", description = "scenario GeoPackage")
    Path scenario;

    @Option(names = "--dem", paramLabel = "FILE", arity = "1..*",
            description = "DEM(s), GeoTIFF or SRTM .hgt, any CRS (none: the bare ellipsoid, and plan.json says so)")
    List<Path> dems = new ArrayList<>();

    @Option(names = "--landcover", paramLabel = "FILE", description = "land-cover class raster (CORINE level 1 codes)")
    Path landcover;

    static final class Budget {
        @Option(names = "--budget", paramLabel = "EUR", description = "one budget")
        BigDecimal total;

        @Option(names = "--budget-per-year", paramLabel = "YEAR:EUR", split = ",",
                description = "a budget per year, e.g. 2026:900000,2027:900000")
        List<String> perYear;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Budget budget;

    @Option(names = "--class", required = true, paramLabel = "CLASS",
            description = "target class: person, vehicle, drone (= drone_50m), drone_50m, drone_120m")
    String targetClass;

    @Option(names = "--sensor-type", paramLabel = "TYPE", defaultValue = "radar",
            description = "sensor type to place: radar, eo_ir_camera (camera), thermal_camera, observation_post, "
                    + "remote_id_receiver, ... ; parameters and capex from the scenario's first asset of that type "
                    + "(default: ${DEFAULT-VALUE})")
    String sensorType;

    @Option(names = "--candidates", paramLabel = "F.geojson",
            description = "candidate sites (WGS84 points; id; cost_eur = the site works, added to the sensor's capex)")
    Path candidates;

    @Option(names = "--candidate-spacing", paramLabel = "M", defaultValue = "5000",
            description = "grid spacing of candidate sites along the belt (default: ${DEFAULT-VALUE})")
    double spacing;

    @Option(names = "--site-cost", paramLabel = "EUR", defaultValue = "250000",
            description = "site works (mast, power, access) of a grid candidate (default: ${DEFAULT-VALUE})")
    double siteCost;

    @Option(names = "--weights", paramLabel = "W", defaultValue = "uniform",
            description = "demand weights: uniform (1 per cell) or corridors (1 + (3 + 1 - rank) per fastest approach "
                    + "corridor of the class's mover passing within 1 km; default: ${DEFAULT-VALUE})")
    String weights;

    @Option(names = "--resolution", paramLabel = "M", defaultValue = "250",
            description = "cell size of the demand and coverage grid, LKS-94 (default: ${DEFAULT-VALUE})")
    double resolution;

    @Option(names = "--threshold", paramLabel = "P", defaultValue = "0.5",
            description = "a cell is covered by a sensor when its Pd >= P (default: ${DEFAULT-VALUE})")
    double threshold;

    @Option(names = "--year", paramLabel = "YEAR", description = "year of a single-budget plan (default: this year)")
    Integer year;

    @Option(names = "--time-limit", paramLabel = "S", defaultValue = "60",
            description = "solver time for the plan; each frontier point gets a quarter of it (default: ${DEFAULT-VALUE})")
    double timeLimit;

    @Option(names = "--frontier", paramLabel = "F", split = ",", defaultValue = "0.25,0.5,0.75,1,1.5,2",
            description = "frontier budget levels as multiples of the total budget (default: ${DEFAULT-VALUE})")
    List<Double> frontier;

    @Option(names = "--apply", description = "write the new sites and sensors into the scenario (planned assets)")
    boolean apply;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    private final PrintStream err = System.err;

    @Override
    public Integer call() {
        try {
            return run();
        } catch (UserError | IllegalArgumentException | StoreException | DemFormatException | GeoJsonException e) {
            return bad(e.getMessage());
        } catch (IOException e) {
            err.println("skydas siting plan: " + String.valueOf(e.getMessage()).replace('\n', ' '));
            return 1;
        }
    }

    private int run() throws IOException, StoreException, DemFormatException, GeoJsonException {
        TargetClass target = target(targetClass);
        AssetType type = sensorType(sensorType);
        SitingPlanner.Weights w;
        try {
            w = SitingPlanner.Weights.parse(weights);
        } catch (IllegalArgumentException e) {
            throw new UserError("--weights " + e.getMessage());
        }
        positive("--resolution", resolution);
        positive("--candidate-spacing", spacing);
        positive("--time-limit", timeLimit);
        if (!(siteCost >= 0)) {
            throw new UserError("--site-cost: must be >= 0");
        }
        for (double f : frontier) {
            if (!(f >= 0)) {
                throw new UserError("--frontier: levels must be numbers >= 0");
            }
        }
        int planYear = year == null ? Year.now().getValue() : year;
        List<SitingInstance.Period> periods = periods(planYear);
        boolean multi = budget.perYear != null;
        new TerrainFiles(dems, landcover);
        List<ScenarioSiting.Candidate> given = candidates == null ? null : readCandidates(candidates);

        Progress steps = new Progress("skydas siting plan", w == SitingPlanner.Weights.CORRIDORS ? 6 : 5);
        // The file as read: --apply adds to exactly this one (another program's change meanwhile is refused).
        String digest = ScenarioStore.digest(scenario);
        Scenario s = ScenarioStore.read(scenario);
        List<DemGrid> grids = new ArrayList<>();
        for (Path d : dems) {
            grids.add(DemReader.read(d));
        }
        DemGrid lc = landcover == null ? null : DemReader.read(landcover);
        SitingPlanner.Request request = new SitingPlanner.Request(target, type, periods, multi, planYear, given, spacing,
                siteCost, w, resolution, threshold, timeLimit, frontier);
        SitingPlanner.Plan plan = SitingPlanner.run(s, grids, lc, request, new CliListener(steps), () -> false);
        PlanOutputs outputs = plan.outputs();

        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("class", target.name().toLowerCase(Locale.ROOT));
        echo.put("sensor_type", type.name().toLowerCase(Locale.ROOT));
        if (multi) {
            echo.put("budget_per_year", budget.perYear);
        } else {
            echo.put("budget_eur", budget.total.doubleValue());
            echo.put("year", planYear);
        }
        echo.put("weights", w.name().toLowerCase(Locale.ROOT));
        echo.put("weights_note", plan.weightsNote());
        echo.put("resolution_m", resolution);
        echo.put("threshold", threshold);
        echo.put("candidates", candidates == null ? "grid " + SitingCommand.fmt(spacing) + " m + scenario sites"
                : candidates.toString());
        outputs.writeAll(out, plan.frontier(), echo);
        if (apply) {
            PlanApply.Additions added = PlanApply.additions(s, plan.siting().template(), outputs.newSites());
            ScenarioStore.append(scenario, digest, added.sites(), added.assets(), () -> { });
            steps.step(String.format(Locale.ROOT, "wrote %s; applied %d planned sensor(s) on %d new site(s), %,.0f EUR, "
                    + "to %s", out, added.assets().size(), added.sites().size(), added.totalCostEur(), scenario));
        } else {
            steps.step("wrote " + out);
        }
        return 0;
    }

    /**
     * Steps on stderr, candidates' coverage in twentieths, and while a solve runs a line every 5 s: elapsed against
     * the time limit, the best plan and the best proven bound known (see {@link SitingPlanner.SolverProgress}).
     */
    private final class CliListener implements SitingPlanner.Listener {
        private final Progress steps;
        private int twentieths;
        private long lastSolverLine;

        CliListener(Progress steps) {
            this.steps = steps;
        }

        @Override
        public void stage(String stage, String message) {
            if (!"plan".equals(stage) || message.contains("demand cells")) {
                steps.step(message);
            }
        }

        @Override
        public synchronized void candidates(int done, int total) {
            if (done * 20 / total > twentieths) {
                twentieths = done * 20 / total;
                err.printf(Locale.ROOT, "skydas siting plan: coverage of candidates %d/%d%n", done, total);
            }
        }

        @Override
        public synchronized void solver(SitingPlanner.SolverProgress p) {
            long now = System.nanoTime();
            if (now - lastSolverLine < 5_000_000_000L) {
                return;
            }
            lastSolverLine = now;
            err.printf(Locale.ROOT, "skydas siting plan: %s %s%n", p.phase(), p.text());
        }
    }

    private List<SitingInstance.Period> periods(int planYear) {
        if (budget.total != null) {
            return List.of(new SitingInstance.Period(planYear, cents(budget.total, "--budget")));
        }
        List<SitingInstance.Period> out = new ArrayList<>();
        for (String item : budget.perYear) {
            String[] kv = item.trim().split(":", 2);
            int y;
            try {
                y = Integer.parseInt(kv[0].trim());
            } catch (NumberFormatException e) {
                throw new UserError("--budget-per-year '" + item + "': expected YEAR:EUR");
            }
            if (kv.length != 2) {
                throw new UserError("--budget-per-year '" + item + "': expected YEAR:EUR");
            }
            BigDecimal eur;
            try {
                eur = new BigDecimal(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new UserError("--budget-per-year '" + item + "': expected YEAR:EUR");
            }
            if (!out.isEmpty() && y <= out.get(out.size() - 1).year()) {
                throw new UserError("--budget-per-year: years must increase (" + y + ")");
            }
            out.add(new SitingInstance.Period(y, cents(eur, "--budget-per-year " + y)));
        }
        return out;
    }

    private static long cents(BigDecimal eur, String option) {
        if (eur.signum() < 0) {
            throw new UserError(option + ": must be >= 0");
        }
        return eur.movePointRight(2).setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
    }

    private List<ScenarioSiting.Candidate> readCandidates(Path file) throws IOException, GeoJsonException {
        List<ScenarioSiting.Candidate> out = new ArrayList<>();
        List<GeoJsonFeature> features;
        try (InputStream in = Files.newInputStream(file)) {
            features = new GeoJsonReader().readAll(in);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        }
        for (int k = 0; k < features.size(); k++) {
            GeoJsonFeature f = features.get(k);
            String at = file + ": " + f.describe(k);
            if (!(f.geometry() instanceof Point p)) {
                throw new UserError(at + ": geometry must be a Point");
            }
            Object idv = f.id() != null ? f.id() : f.properties().get("id");
            if (idv == null) {
                throw new UserError(at + ": needs an id");
            }
            Object cost = f.properties().get("cost_eur");
            if (!(cost instanceof Number num) || !(num.doubleValue() >= 0)) {
                throw new UserError(at + ": cost_eur must be a number >= 0");
            }
            Coordinate g = Lks94.toGrid(p.getX(), p.getY());
            out.add(new ScenarioSiting.Candidate(idv.toString(), g.x, g.y, 0, num.doubleValue(), false, null, null));
        }
        return out;
    }

    private static void positive(String option, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new UserError(option + ": must be a number > 0");
        }
    }

    static TargetClass target(String name) {
        try {
            return SitingPlanner.target(name);
        } catch (IllegalArgumentException e) {
            throw new UserError("--class " + e.getMessage());
        }
    }

    static AssetType sensorType(String name) {
        try {
            return SitingPlanner.sensorType(name);
        } catch (IllegalArgumentException e) {
            throw new UserError("--sensor-type " + e.getMessage());
        }
    }

    private int bad(String message) {
        err.println("skydas siting plan: " + String.valueOf(message).replace('\n', ' '));
        return Main.EXIT_BAD_INPUT;
    }
}
