package org.skydas.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.skydas.terrain.DemFormatException;
import org.skydas.terrain.cost.CostDistance;
import org.skydas.terrain.cost.CostDistanceRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skydas cost-distance}: cumulative cost with GRASS r.cost's semantics, or walking time with
 * r.walk's. All work is in {@link CostDistanceRunner}; this class maps options and exit codes (0 done,
 * 2 bad input, 1 cannot write).
 */
@Command(name = "cost-distance", mixinStandardHelpOptions = true,
        description = {"Cumulative cost from start points over a friction raster (GRASS r.cost semantics: 8 "
                + "neighbours, 16 with --knight; NoData friction is impassable), or with --walk the walking time in "
                + "seconds over a DEM (GRASS r.walk semantics, its default coefficients) plus an optional friction.",
            "Writes a Float32 GeoTIFF on the input's grid, NoData (NaN) where unreachable; --direction adds r.cost's "
                + "movement directions (degrees counter-clockwise from east towards the start)."})
public final class CostDistanceCommand implements Callable<Integer> {

    @Option(names = "--friction", paramLabel = "FILE", description = "friction raster (cost per cell; r.walk: "
            + "seconds per metre, scaled by --lambda); required unless --walk")
    Path friction;

    @Option(names = "--dem", paramLabel = "FILE", description = "DEM for --walk (GeoTIFF or SRTM .hgt, metres)")
    Path dem;

    @Option(names = "--walk", description = "anisotropic walking time (r.walk) over --dem")
    boolean walk;

    @Option(names = "--start", required = true, paramLabel = "X,Y",
            description = "start point in the raster's CRS (repeatable)")
    List<String> starts = new ArrayList<>();

    @Option(names = "--knight", description = "16 neighbours (r.cost -k): slower, closer to straight-line costs")
    boolean knight;

    @Option(names = "--max-cost", paramLabel = "C", defaultValue = "0",
            description = "stop once the cheapest open cell costs more than C (0 = no limit; default: ${DEFAULT-VALUE})")
    double maxCost;

    @Option(names = "--direction", paramLabel = "FILE", description = "also write the movement-direction raster")
    Path direction;

    @Option(names = "--walk-coeff", paramLabel = "A,B,C,D", defaultValue = "0.72,6.0,1.9998,-1.9998",
            description = "r.walk's a,b,c,d (default: ${DEFAULT-VALUE})")
    String walkCoeff;

    @Option(names = "--lambda", paramLabel = "L", defaultValue = "1.0",
            description = "r.walk's friction weight (default: ${DEFAULT-VALUE})")
    double lambda;

    @Option(names = "--slope-factor", paramLabel = "S", defaultValue = "-0.2125",
            description = "r.walk's steep-downhill threshold (default: ${DEFAULT-VALUE})")
    double slopeFactor;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "output GeoTIFF")
    Path out;

    @Override
    public Integer call() {
        String me = "skydas cost-distance: ";
        if (walk ? dem == null : friction == null) {
            System.err.println(me + (walk ? "--walk needs --dem" : "--friction is required (or --walk --dem F)"));
            return 2;
        }
        if (!walk && dem != null) {
            System.err.println(me + "--dem is only used with --walk");
            return 2;
        }
        List<double[]> points = new ArrayList<>();
        for (String s : starts) {
            double[] xy = parse(s, 2);
            if (xy == null) {
                System.err.println(me + "--start '" + s + "': expected X,Y in the raster's CRS");
                return 2;
            }
            points.add(xy);
        }
        double[] abcd = parse(walkCoeff, 4);
        if (abcd == null) {
            System.err.println(me + "--walk-coeff '" + walkCoeff + "': expected four numbers A,B,C,D");
            return 2;
        }
        try {
            CostDistance.WalkParams wp = new CostDistance.WalkParams(abcd[0], abcd[1], abcd[2], abcd[3], lambda,
                    slopeFactor);
            CostDistanceRunner.Request req = new CostDistanceRunner.Request(friction, dem, walk, points, knight,
                    maxCost, direction, out, wp);
            long started = System.nanoTime();
            int[] shown = {0};
            CostDistanceRunner.Summary s = CostDistanceRunner.run(req, (done, total) -> {
                int tenth = (int) (10 * done / total);
                if (tenth > shown[0]) { // at most ten lines, whatever the size
                    shown[0] = tenth;
                    System.err.printf(Locale.ROOT, "cost-distance: %d %% of %d cells settled (%.1f s)%n", 10 * tenth,
                            total, (System.nanoTime() - started) / 1e9);
                }
            });
            System.err.println(s.describe());
            return 0;
        } catch (DemFormatException | IllegalArgumentException e) {
            System.err.println(me + String.valueOf(e.getMessage()).replace('\n', ' '));
            return 2;
        } catch (IOException e) {
            System.err.println(me + String.valueOf(e.getMessage()).replace('\n', ' '));
            return 1;
        }
    }

    private static double[] parse(String s, int n) {
        String[] parts = s.split(",");
        if (parts.length != n) {
            return null;
        }
        double[] v = new double[n];
        try {
            for (int i = 0; i < n; i++) {
                v[i] = Double.parseDouble(parts[i].trim());
                if (!Double.isFinite(v[i])) {
                    return null;
                }
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return v;
    }
}
