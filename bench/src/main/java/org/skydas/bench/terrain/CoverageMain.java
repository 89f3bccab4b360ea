package org.skydas.bench.terrain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.skydas.terrain.DemGrid;
import org.skydas.terrain.GeoTransform;
import org.skydas.terrain.coverage.CoverageCalculator;
import org.skydas.terrain.coverage.CoverageResult;
import org.skydas.terrain.coverage.CoverageTarget;
import org.skydas.terrain.coverage.PdModel;
import org.skydas.terrain.coverage.SensorFootprint;
import org.skydas.terrain.io.DemReader;

/**
 * Combined coverage of N seeded random omni sensors (for the "100 sensors vs 100 gdal_viewshed
 * runs" comparison): {@code CoverageMain DEM N MAX_RANGE THREADS SEED [SENSORS_OUT.txt]}. Prints
 * the elapsed time of the whole process part after the JVM started, and writes the sensor list
 * (x y mast range per line) so that the script can run gdal_viewshed on the same sensors.
 */
public final class CoverageMain {

    private CoverageMain() {
    }

    public static void main(String[] args) throws Exception {
        DemGrid dem = DemReader.read(Path.of(args[0]));
        int n = Integer.parseInt(args[1]);
        double range = Double.parseDouble(args[2]);
        int threads = Integer.parseInt(args[3]);
        Random rnd = new Random(Long.parseLong(args[4]));
        GeoTransform gt = dem.transform();
        List<SensorFootprint> sensors = new ArrayList<>();
        StringBuilder list = new StringBuilder();
        while (sensors.size() < n) {
            int c = rnd.nextInt(dem.width());
            int r = rnd.nextInt(dem.height());
            if (dem.isVoid(c, r)) {
                continue;
            }
            double x = gt.x(c + 0.5, r + 0.5);
            double y = gt.y(c + 0.5, r + 0.5);
            double mast = 5 + rnd.nextInt(25);
            sensors.add(SensorFootprint.omni("s" + sensors.size(), x, y, mast, range, PdModel.logistic(0.95,
                    range * 0.7, range * 0.08)));
            list.append(x).append(' ').append(y).append(' ').append(mast).append(' ').append(range).append('\n');
        }
        if (args.length > 5) {
            java.nio.file.Files.writeString(Path.of(args[5]), list);
        }
        long t0 = System.nanoTime();
        CoverageResult r = CoverageCalculator.compute(dem, sensors, CoverageTarget.PERSON, null, 0.85714, threads,
                null);
        long t1 = System.nanoTime();
        long covered = 0;
        for (short s : r.sensorCount()) {
            covered += s > 0 ? 1 : 0;
        }
        System.err.printf("%d sensors, %d threads: %d ms, %d cells covered%n", n, threads, (t1 - t0) / 1_000_000,
                covered);
    }
}
