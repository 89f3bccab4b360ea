package org.skydas.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.skydas.model.Scenario;
import org.skydas.model.TargetClass;
import org.skydas.store.ScenarioStore;
import org.skydas.store.StoreException;
import org.skydas.terrain.DemFormatException;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.io.DemReader;
import org.skydas.terrain.landcover.LandCoverModel;
import org.skydas.terrain.scenario.ClassCoverage;
import org.skydas.terrain.scenario.CoverageOptions;
import org.skydas.terrain.scenario.CoverageOutputs;
import org.skydas.terrain.scenario.ScenarioCoverage;
import org.skydas.terrain.scenario.SectorGaps;
import org.skydas.terrain.scenario.SensorSelection;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skydas coverage}: sensor coverage and gaps of a scenario, per target class. All work is in
 * {@link ScenarioCoverage} and {@link CoverageOutputs} (module terrain); this class maps options,
 * shows progress and turns bad input into one line and exit code 2 (1 = cannot write the output).
 */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = {"Compute the sensor coverage of a scenario per target class (line of sight, range, azimuth "
                + "sector, elevation limits, Pd over range) and the gaps per sector of the border strip.",
            "Writes to DIR per class: coverage-CLASS-count.tif, coverage-CLASS-probability.tif, gaps-CLASS.geojson "
                + "(WGS84), map-CLASS.png; and report.csv, report.json. Without --dem the terrain is the bare "
                + "ellipsoid (0 m) and every output says so."})
public final class CoverageCommand implements Callable<Integer> {

    @Option(names = "--scenario", required = true, paramLabel = "FILE", description = "scenario GeoPackage")
    Path scenario;

    @Option(names = "--dem", paramLabel = "FILE", arity = "1..*",
            description = "DEM(s), GeoTIFF or SRTM .hgt, any CRS; warped onto the coverage grid (first wins)")
    List<Path> dems = new ArrayList<>();

    @Option(names = "--landcover", paramLabel = "FILE", description = "land-cover class raster (GeoTIFF)")
    Path landcover;

    @Option(names = "--landcover-classes", paramLabel = "MODEL", defaultValue = "corine-level1",
            description = "class codes of --landcover: corine-level1 (1 artificial 10 m, 3 forest 20 m) or "
                    + "corine4 (2 forest 20 m) (default: ${DEFAULT-VALUE})")
    String landcoverClasses;

    @Option(names = "--resolution", paramLabel = "M", defaultValue = "50",
            description = "grid cell size in metres, LKS-94 (default: ${DEFAULT-VALUE})")
    double resolution;

    @Option(names = "--threshold", paramLabel = "P", defaultValue = "0.5",
            description = "a cell is covered when P(at least one detects) >= P (default: ${DEFAULT-VALUE})")
    double threshold;

    @Option(names = "--sensors", paramLabel = "WHICH", defaultValue = "planned",
            description = "which assets count: operational, installed (installed + operational) or planned "
                    + "(everything not decommissioned) (default: ${DEFAULT-VALUE})")
    String sensors;

    @Option(names = "--year", paramLabel = "YEAR", description = "year for canopy growth of plantings (default: this year)")
    Integer year;

    @Option(names = "--targets", paramLabel = "CLASS", split = ",",
            description = "target classes: person, vehicle, drone_50m, drone_120m (default: all)")
    List<String> targets;

    @Option(names = "--target-height", paramLabel = "CLASS=M",
            description = "height above ground of a target class, e.g. drone_50m=60 (defaults: 1.8, 2.5, 50, 120)")
    Map<String, Double> targetHeights = new LinkedHashMap<>();

    @Option(names = "--curvature", paramLabel = "C", defaultValue = "0.85714",
            description = "earth curvature coefficient as gdal_viewshed (default: ${DEFAULT-VALUE})")
    double curvature;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    private final PrintStream err = System.err;

    @Override
    public Integer call() {
        CoverageOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            return bad(e.getMessage());
        }
        Scenario s;
        try {
            s = ScenarioStore.read(scenario);
        } catch (StoreException e) {
            return bad(e.getMessage());
        }
        List<DemGrid> grids = new ArrayList<>();
        DemGrid lc = null;
        try {
            for (Path d : dems) {
                grids.add(withCrs(d, DemReader.read(d)));
            }
            if (landcover != null) {
                lc = withCrs(landcover, DemReader.read(landcover));
            }
        } catch (DemFormatException e) {
            return bad(e.getMessage());
        }
        LandCoverModel model = "corine4".equals(landcoverClasses) ? LandCoverModel.corine4Class()
                : LandCoverModel.corineLevel1();
        ScenarioCoverage setup;
        try {
            setup = ScenarioCoverage.prepare(s, grids, lc, model, options);
        } catch (IllegalArgumentException e) {
            return bad(scenario + ": " + e.getMessage());
        }
        err.println("skydas coverage: " + setup.terrainNote() + "; grid " + setup.terrain().width() + " x "
                + setup.terrain().height() + " at " + fmt(options.resolutionM()) + " m; sensors: "
                + options.selection().describe());
        List<TargetClass> classes = new ArrayList<>(options.targetHeights().keySet());
        int total = 0;
        for (TargetClass t : classes) {
            total += setup.sensors(t).size();
        }
        Bar bar = new Bar(err, total);
        CoverageOutputs outputs = new CoverageOutputs(out, setup);
        List<String> summary = new ArrayList<>();
        try {
            for (TargetClass t : classes) {
                String name = CoverageOutputs.slug(t);
                ClassCoverage cc;
                try {
                    cc = setup.compute(t, (done, n) -> bar.advance(name));
                } catch (IllegalArgumentException e) {
                    bar.finish();
                    return bad(scenario + ": " + e.getMessage());
                }
                outputs.write(cc);
                long strip = 0;
                long covered = 0;
                for (SectorGaps g : cc.sectors()) {
                    strip += g.stripCells();
                    covered += g.coveredCells();
                }
                summary.add(String.format(Locale.ROOT, "%s: %d sensor(s), %.1f %% of the border strip covered", name,
                        cc.sensors().size(), strip == 0 ? 0.0 : 100.0 * covered / strip));
            }
            outputs.writeReport();
        } catch (IOException e) {
            bar.finish();
            err.println("skydas coverage: " + out + ": cannot write: " + String.valueOf(e.getMessage()).replace('\n', ' '));
            return 1;
        }
        bar.finish();
        for (String line : summary) {
            err.println("skydas coverage: " + line);
        }
        err.println("skydas coverage: wrote " + out);
        return 0;
    }

    private CoverageOptions options() {
        SensorSelection sel = switch (sensors.toLowerCase(Locale.ROOT)) {
            case "operational" -> SensorSelection.OPERATIONAL;
            case "installed" -> SensorSelection.INSTALLED;
            case "planned", "all" -> SensorSelection.PLANNED;
            default -> throw new IllegalArgumentException("--sensors '" + sensors
                    + "': expected operational, installed or planned");
        };
        if (!"corine4".equals(landcoverClasses) && !"corine-level1".equals(landcoverClasses)) {
            throw new IllegalArgumentException("--landcover-classes '" + landcoverClasses
                    + "': expected corine-level1 or corine4");
        }
        Map<TargetClass, Double> heights = new EnumMap<>(TargetClass.class);
        if (targets == null || targets.isEmpty()) {
            for (TargetClass t : TargetClass.values()) {
                heights.put(t, t.defaultHeightM());
            }
        } else {
            for (String name : targets) {
                TargetClass t = target(name);
                heights.put(t, t.defaultHeightM());
            }
        }
        for (Map.Entry<String, Double> e : targetHeights.entrySet()) {
            TargetClass t = target(e.getKey());
            if (!(e.getValue() >= 0) || e.getValue().isInfinite()) {
                throw new IllegalArgumentException("--target-height " + e.getKey() + ": must be a number >= 0");
            }
            if (heights.containsKey(t)) {
                heights.put(t, e.getValue());
            }
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        int y = year == null ? Year.now().getValue() : year;
        return new CoverageOptions(resolution, threshold, sel, y, curvature, n, heights);
    }

    /** The grid, if it names its CRS by an EPSG code that proj4j knows (needed to warp it). */
    static DemGrid withCrs(Path file, DemGrid g) throws DemFormatException {
        if (g.epsg() == 0 || org.skydas.terrain.Crs.lookup(g.epsg()) == null) {
            throw new DemFormatException(file, "its CRS has no known EPSG code (EPSG:" + g.epsg()
                    + "); reproject it first, e.g. gdalwarp -t_srs EPSG:3346");
        }
        return g;
    }

    private static TargetClass target(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (TargetClass t : TargetClass.values()) {
            if (t.name().equals(n)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown target class '" + name
                + "': expected person, vehicle, drone_50m or drone_120m");
    }

    private int bad(String message) {
        err.println("skydas coverage: " + String.valueOf(message).replace('\n', ' '));
        return 2;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** A one-line progress bar on stderr, redrawn in place ("\r"); thread-safe. */
    static final class Bar {
        private static final int WIDTH = 30;
        private final PrintStream err;
        private final int total;
        private final String label;
        private final String unit;
        private final long started = System.nanoTime();
        private int done;
        private int lastDrawn = -1;

        Bar(PrintStream err, int total) {
            this(err, total, "coverage", "sensor runs");
        }

        Bar(PrintStream err, int total, String label, String unit) {
            this.err = err;
            this.total = total;
            this.label = label;
            this.unit = unit;
        }

        synchronized void advance(String what) {
            done++;
            int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
            int pct = total == 0 ? 100 : (int) (100L * done / total);
            if (pct == lastDrawn && done < total) {
                return;
            }
            lastDrawn = pct;
            err.printf(Locale.ROOT, "\r%s [%s%s] %3d %% %d/%d %s, %s (%.1f s)   ", label, "#".repeat(filled),
                    ".".repeat(WIDTH - filled), pct, done, total, unit, what, (System.nanoTime() - started) / 1e9);
            err.flush();
        }

        synchronized void finish() {
            if (lastDrawn >= 0) {
                err.println();
            }
            lastDrawn = -1;
        }
    }
}
