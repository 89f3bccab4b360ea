package org.skydas.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.skydas.geo.GeoJsonException;
import org.skydas.geo.GeoJsonFeature;
import org.skydas.geo.GeoJsonReader;
import org.skydas.geo.Lks94;
import org.skydas.model.Neighbour;
import org.skydas.model.Scenario;
import org.skydas.store.ScenarioStore;
import org.skydas.store.StoreException;
import org.skydas.terrain.DemFormatException;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.coverage.CoverageResult;
import org.skydas.terrain.corridor.CorridorAnalysis;
import org.skydas.terrain.corridor.CorridorOutputs;
import org.skydas.terrain.corridor.Cover;
import org.skydas.terrain.corridor.Ground;
import org.skydas.terrain.corridor.Mover;
import org.skydas.terrain.corridor.Obstacle;
import org.skydas.terrain.io.DemReader;
import org.skydas.terrain.landcover.LandCoverModel;
import org.skydas.terrain.scenario.ClassCoverage;
import org.skydas.terrain.scenario.CoverageOptions;
import org.skydas.terrain.scenario.ScenarioCoverage;
import org.skydas.terrain.warp.DemWarper;
import org.skydas.terrain.warp.GridSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skydas corridors}: approach corridors from a neighbour, travel and warning time. The work is
 * in {@link CorridorAnalysis} and {@link CorridorOutputs} (module terrain); this class reads the inputs,
 * computes the scenario's coverage for the mover's target class, shows progress and maps errors to
 * one line and exit code 2 (1 = cannot write).
 */
@Command(name = "corridors", mixinStandardHelpOptions = true,
        description = {"Approach corridors from a neighbour's side of the border to an objective (default: the inner "
                + "edge of that neighbour's 5 km buffer zone) for a mover: the k fastest mutually diverse corridors, "
                + "their travel time, where the scenario's sensors first detect them (cumulative probability 0.5), "
                + "the warning time left, the time obstacles add and the sector crossed.",
            "Writes to DIR: corridors.geojson, isochrones.geojson (WGS84), time_to_objective.tif, report.json, "
                + "report.csv, map.png. Without --dem the terrain is the bare ellipsoid."})
public final class CorridorsCommand implements Callable<Integer> {

    @Option(names = "--scenario", required = true, paramLabel = "FILE", description = "scenario GeoPackage")
    Path scenario;

    @Option(names = "--dem", paramLabel = "FILE", arity = "1..*",
            description = "DEM(s), GeoTIFF or SRTM .hgt, any CRS; warped onto the corridor grid (first wins)")
    List<Path> dems = new ArrayList<>();

    @Option(names = "--landcover", paramLabel = "FILE",
            description = "land-cover class raster (GeoTIFF, any CRS with an EPSG code): friction per mover (forest, "
                    + "wetland, water, farmland, built-up) and the sensors' line of sight")
    Path landcover;

    @Option(names = "--landcover-classes", defaultValue = "corine-level1", paramLabel = "CODING",
            description = "how --landcover codes its classes: corine-level1 (1 artificial, 2 agricultural, 3 forest, "
                    + "4 wetland, 5 water) or corine-4class (the shared Suwalki raster: 1 agricultural, 2 forest, "
                    + "3 wetland, 4 water) (default: ${DEFAULT-VALUE})")
    String landcoverClasses;

    @Option(names = "--water", paramLabel = "FILE", arity = "1..*",
            description = "GeoJSON (WGS84) rivers (lines: a crossing delay on foot, impassable to vehicles) and lakes "
                    + "(polygons: impassable), e.g. the shared hydro layers")
    List<Path> waterFiles = new ArrayList<>();

    @Option(names = "--roads", paramLabel = "FILE", description = "GeoJSON (WGS84) road lines: faster for vehicles, "
            + "and bridges over water")
    Path roadsFile;

    @Option(names = "--from", required = true, paramLabel = "BY|RU|PL|LV", description = "the neighbour")
    String from;

    @Option(names = "--to", paramLabel = "ZONE", description = "objective zone (id or name) instead of the buffer's "
            + "inner edge")
    String to;

    @Option(names = "--k", defaultValue = "3", description = "number of corridors (default: ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--mover", defaultValue = "foot", description = "foot, vehicle, tracked or drone "
            + "(default: ${DEFAULT-VALUE})")
    String mover;

    @Option(names = "--obstacles", paramLabel = "FILE", description = "GeoJSON (WGS84) obstacle lines/polygons with "
            + "kind and optional delay_s or passable: false, added to the scenario's obstacle assets")
    Path obstaclesFile;

    @Option(names = "--max-overlap", defaultValue = "0.6", paramLabel = "F",
            description = "share of a corridor's length it may have in common with a faster one (default: "
                    + "${DEFAULT-VALUE})")
    double maxOverlap;

    @Option(names = "--depth", defaultValue = "10000", paramLabel = "M",
            description = "origins: the neighbour's land within this distance of the border (default: ${DEFAULT-VALUE})")
    double depth;

    @Option(names = "--resolution", defaultValue = "250", paramLabel = "M",
            description = "grid cell size in metres, LKS-94 (default: ${DEFAULT-VALUE})")
    double resolution;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    private final PrintStream err = System.err;

    @Override
    public Integer call() {
        Scenario s;
        CorridorAnalysis.Options o;
        List<DemGrid> grids = new ArrayList<>();
        List<Obstacle> obstacles;
        Ground ground;
        Path reading = null;
        try {
            o = new CorridorAnalysis.Options(Neighbour.fromCode(from), to, k, Mover.parse(mover), maxOverlap, depth,
                    resolution);
            s = ScenarioStore.read(scenario);
            for (Path d : dems) {
                grids.add(DemReader.readWarpable(d));
            }
            obstacles = new ArrayList<>(Obstacle.fromScenario(s));
            if (obstaclesFile != null) {
                reading = obstaclesFile;
                obstacles.addAll(readObstacles(obstaclesFile));
            }
            Cover.Coding coding = Cover.Coding.parse(landcoverClasses);
            DemGrid lc = landcover == null ? null : DemReader.readWarpable(landcover);
            List<org.locationtech.jts.geom.Geometry> water = new ArrayList<>();
            for (Path w : waterFiles) {
                reading = w;
                water.addAll(Ground.readGeoJson(w));
            }
            reading = roadsFile;
            ground = new Ground(lc, coding, water, roadsFile == null ? List.of() : Ground.readGeoJson(roadsFile));
        } catch (IllegalArgumentException | StoreException | DemFormatException e) {
            return bad(e.getMessage());
        } catch (GeoJsonException | IOException e) {
            return bad(reading + ": " + e.getMessage());
        }
        try {
            GridSpec grid = CorridorAnalysis.grid(s, o);
            DemGrid terrain = grids.isEmpty() ? null : DemWarper.warp(grids, grid).grid();
            String note = (grids.isEmpty() ? "bare ellipsoid (no --dem)" : "DEM " + dems.get(0).getFileName()
                    + (grids.size() > 1 ? " and " + (grids.size() - 1) + " more" : ""))
                    + (ground.note().isEmpty() ? "" : "; " + ground.note());
            err.println("skydas corridors: grid " + grid.width() + " x " + grid.height() + " at " + resolution
                    + " m; terrain: " + note + "; " + obstacles.size() + " obstacle(s); mover " + o.mover().slug());
            CoverageOptions copts = CoverageOptions.defaults(Year.now().getValue())
                    .withResolution(Math.max(resolution, CoverageOptions.DEFAULT_RESOLUTION_M))
                    .withTargets(java.util.Map.of(o.mover().target(), o.mover().target().defaultHeightM()));
            ScenarioCoverage cov = ScenarioCoverage.prepare(s, grids, ground.landcover(),
                    ground.coding() == Cover.Coding.CORINE_4CLASS ? LandCoverModel.corine4Class()
                            : LandCoverModel.corineLevel1(), copts);
            CoverageCommand.Bar covBar = new CoverageCommand.Bar(err, cov.sensors(o.mover().target()).size(),
                    "coverage", "sensor runs");
            ClassCoverage cc = cov.compute(o.mover().target(), (done, n) -> covBar.advance(o.mover().target().name()));
            covBar.finish();
            CoverageResult cr = cc.result();
            CorridorAnalysis.DetectionField field = CorridorAnalysis.DetectionField.of(cr);
            CoverageCommand.Bar bar = new CoverageCommand.Bar(err, 4 * o.k() + 1, "corridors", "searches (at most)");
            CorridorAnalysis.Result r = CorridorAnalysis.run(s, grid, terrain, ground, field, obstacles, o,
                    (done, atMost) -> bar.advance("searching"));
            bar.finish();
            CorridorOutputs.write(out, s, r, note);
            for (CorridorAnalysis.Corridor c : r.corridors()) {
                err.printf(Locale.ROOT, "skydas corridors: #%d %s: %.1f min travel, %s, obstacles +%.1f min%n",
                        c.rank(), String.join(",", c.sectors()), c.travelS() / 60,
                        c.detected() ? String.format(Locale.ROOT, "detected after %.1f min, %.1f min warning",
                                c.firstDetectionS() / 60, c.warningS() / 60) : "UNDETECTED", c.obstacleDelayS() / 60);
            }
            err.println("skydas corridors: wrote " + out);
            return 0;
        } catch (IllegalArgumentException e) {
            return bad(scenario + ": " + e.getMessage());
        } catch (IOException e) {
            err.println("skydas corridors: " + out + ": cannot write: " + String.valueOf(e.getMessage()).replace('\n', ' '));
            return 1;
        }
    }

    private static List<Obstacle> readObstacles(Path file) throws IOException, GeoJsonException {
        List<Obstacle> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            List<GeoJsonFeature> fs = new GeoJsonReader().readAll(in);
            for (int i = 0; i < fs.size(); i++) {
                GeoJsonFeature f = fs.get(i);
                String id = f.id() != null ? f.id() : "#" + (i + 1);
                try {
                    out.add(Obstacle.of(id, Lks94.toGrid(f.geometry()), f.properties()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ": " + e.getMessage());
                }
            }
        }
        return out;
    }

    private int bad(String message) {
        err.println("skydas corridors: " + String.valueOf(message).replace('\n', ' '));
        return 2;
    }
}
