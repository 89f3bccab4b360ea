package org.skydas.server.coverage;

import java.nio.file.Path;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

import org.skydas.model.Scenario;
import org.skydas.model.TargetClass;
import org.skydas.terrain.Crs;
import org.skydas.terrain.DemFormatException;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.io.DemReader;
import org.skydas.terrain.landcover.LandCoverModel;
import org.skydas.terrain.scenario.CoverageOptions;
import org.skydas.terrain.scenario.ScenarioCoverage;
import org.skydas.terrain.scenario.SensorSelection;

/**
 * One computation of a scenario's coverage for every target class: reads the DEMs and land cover,
 * prepares the grid and computes class after class, keeping of each only what the API serves.
 * Runs on the calling thread; stops with {@link Cancelled} soon after {@code cancelled} turns true.
 */
final class CoverageJob {

    /** Share of the progress bar given to reading the rasters and preparing the grid. */
    private static final double PREPARE_SHARE = 0.1;

    private final Scenario scenario;
    private final List<Path> dems;
    private final Path landcover;
    private final CoverageSettings settings;

    CoverageJob(Scenario scenario, List<Path> dems, Path landcover, CoverageSettings settings) {
        this.scenario = scenario;
        this.dems = List.copyOf(dems);
        this.landcover = landcover;
        this.settings = settings;
    }

    /** Thrown out of {@link #run} when the job was cancelled; nothing to report. */
    static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("coverage job cancelled", null, false, false);
        }
    }

    /**
     * @param progress receives 0..1 (from several threads when {@code threads > 1})
     * @throws DemFormatException       a DEM or the land cover cannot be read or has no known CRS
     * @throws IllegalArgumentException the scenario has no border strip and no sectors, or a sensor is off the grid
     */
    CoverageSnapshot run(DoubleConsumer progress, BooleanSupplier cancelled) throws DemFormatException {
        List<DemGrid> grids = new ArrayList<>();
        for (Path d : dems) {
            grids.add(withCrs(d, DemReader.read(d)));
            check(cancelled);
        }
        DemGrid lc = landcover == null ? null : withCrs(landcover, DemReader.read(landcover));
        check(cancelled);
        double res = GridBudget.resolution(scenario, settings.resolutionM(), settings.maxCells());
        CoverageOptions options = CoverageOptions.defaults(Year.now().getValue()).withResolution(res)
                .withThreshold(settings.threshold()).withSelection(SensorSelection.PLANNED)
                .withThreads(settings.threads());
        ScenarioCoverage setup = ScenarioCoverage.prepare(scenario, grids, lc, LandCoverModel.corineLevel1(), options);
        grids = null; // warped onto the grid: the originals may go
        check(cancelled);
        progress.accept(PREPARE_SHARE);

        List<TargetClass> classes = new ArrayList<>(options.targetHeights().keySet());
        int total = 0;
        for (TargetClass t : classes) {
            total += setup.sensors(t).size();
        }
        int runs = Math.max(1, total);
        int finished = 0;
        Map<TargetClass, CoverageSnapshot.ClassLayer> layers = new EnumMap<>(TargetClass.class);
        for (TargetClass t : classes) {
            int offset = finished;
            var cc = setup.compute(t, (done, n) -> {
                // Throwing here ends the class after the sensor in hand: no minutes of wasted work.
                check(cancelled);
                progress.accept(PREPARE_SHARE + (1 - PREPARE_SHARE) * (offset + done) / (double) runs);
            });
            layers.put(t, CoverageSnapshot.ClassLayer.of(cc));
            finished += setup.sensors(t).size();
            check(cancelled);
        }
        var dem = setup.terrain();
        return new CoverageSnapshot(Instant.now(), setup.terrainNote(), settings.threshold(), res,
                CoverageSnapshot.bounds(dem.width(), dem.height(), dem.transform()), layers);
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new Cancelled();
        }
    }

    /** Warping needs the raster's CRS by an EPSG code that proj4j knows. */
    private static DemGrid withCrs(Path file, DemGrid g) throws DemFormatException {
        if (g.epsg() == 0 || Crs.lookup(g.epsg()) == null) {
            throw new DemFormatException(file, "its CRS has no known EPSG code (EPSG:" + g.epsg()
                    + "); reproject it first, e.g. gdalwarp -t_srs EPSG:3346");
        }
        return g;
    }
}
