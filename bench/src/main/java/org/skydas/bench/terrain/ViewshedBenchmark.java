package org.skydas.bench.terrain;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.GeoTransform;
import org.skydas.terrain.viewshed.Viewshed;
import org.skydas.terrain.viewshed.ViewshedParams;
import org.skydas.terrain.viewshed.ViewshedResult;

/**
 * Viewshed compute time (no I/O) on a seeded synthetic hilly DEM of {@code size} x {@code size}
 * 10 m cells, observer in the centre: {@code bench/run -f 1 -wi 2 -i 3 ViewshedBenchmark}.
 * Whole-process timings against gdal_viewshed are in scripts/viewshed-compare/timing.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = "-Xmx2g")
public class ViewshedBenchmark {

    @Param({"2000", "5000"})
    int size;

    DemGrid dem;
    ViewshedParams params;

    @Setup
    public void setUp() {
        Random rnd = new Random(42);
        float[] z = new float[size * size];
        double[][] hills = new double[40][4];
        for (double[] hl : hills) {
            hl[0] = rnd.nextDouble() * size;
            hl[1] = rnd.nextDouble() * size;
            hl[2] = 20 + rnd.nextDouble() * size / 8.0;
            hl[3] = rnd.nextDouble() * 120;
        }
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                double v = 100;
                for (double[] hl : hills) {
                    double d2 = (c - hl[0]) * (c - hl[0]) + (r - hl[1]) * (r - hl[1]);
                    if (d2 < 9 * hl[2] * hl[2]) {
                        v += hl[3] * Math.exp(-d2 / (2 * hl[2] * hl[2]));
                    }
                }
                z[r * size + c] = (float) v;
            }
        }
        GeoTransform gt = GeoTransform.northUp(500000, 6100000, 10, -10);
        dem = DemGrid.wrap(size, size, z, gt, 32634, Float.NaN);
        params = ViewshedParams.of(gt.x(size / 2.0, size / 2.0), gt.y(size / 2.0, size / 2.0), 10, 2);
    }

    @Benchmark
    public ViewshedResult viewshed() {
        return Viewshed.compute(dem, params);
    }
}
