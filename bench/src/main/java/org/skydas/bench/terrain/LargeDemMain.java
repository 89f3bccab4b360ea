package org.skydas.bench.terrain;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
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

/**
 * The memory and scaling goal: "a 10 000 × 10 000 DEM fits in a 2 GB heap; cost grows linearly with
 * cells × sensors". Builds a seeded rolling-hills DEM of SIZE × SIZE cells at 10 m in memory (no file: the point
 * is the computation's footprint), then computes the combined coverage of each sensor count in turn and prints
 * the time per run, time per sensor and the heap's peak use. Run with {@code -Xmx2g}:
 * {@code java -Xmx2g -cp ... org.skydas.bench.terrain.LargeDemMain 10000 2 1,2,4,8}
 * ({@code SIZE THREADS COUNTS [RANGE_M=5000]}).
 */
public final class LargeDemMain {

    private LargeDemMain() {
    }

    public static void main(String[] args) {
        int size = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        double range = args.length > 3 ? Double.parseDouble(args[3]) : 5_000;
        float[] h = new float[size * size];
        Random rnd = new Random(7);
        double[] fx = {rnd.nextDouble() * 0.01, rnd.nextDouble() * 0.003, rnd.nextDouble() * 0.03};
        double[] fy = {rnd.nextDouble() * 0.01, rnd.nextDouble() * 0.003, rnd.nextDouble() * 0.03};
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                h[r * size + c] = (float) (150 + 20 * Math.sin(c * fx[0]) * Math.cos(r * fy[0])
                        + 40 * Math.sin(c * fx[1] + r * fy[1]) + 3 * Math.sin(c * fx[2]) * Math.sin(r * fy[2]));
            }
        }
        DemGrid dem = DemGrid.wrap(size, size, h, GeoTransform.northUp(500_000, 6_100_000, 10, -10), 3346, Float.NaN);
        System.out.printf("DEM %d x %d = %.0f M cells (%.0f MB of heights), %d threads, range %.0f m%n", size, size,
                size * (double) size / 1e6, size * (double) size * 4 / 1e6, threads, range);
        for (String part : args[2].split(",")) {
            int n = Integer.parseInt(part.strip());
            List<SensorFootprint> sensors = new ArrayList<>();
            Random place = new Random(n);
            for (int i = 0; i < n; i++) {
                int c = place.nextInt(size);
                int r = place.nextInt(size);
                sensors.add(SensorFootprint.omni("s" + i, dem.transform().x(c + 0.5, r + 0.5),
                        dem.transform().y(c + 0.5, r + 0.5), 20, range, PdModel.logistic(0.95, range * 0.7, range * 0.08)));
            }
            resetPeaks();
            long t0 = System.nanoTime();
            CoverageResult result = CoverageCalculator.compute(dem, sensors, CoverageTarget.PERSON, null, 0.85714,
                    threads, null);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%3d sensors: %7.2f s, %.3f s per sensor, heap peak %4.0f MB, %d void cells%n", n, s, s / n,
                    peakHeapMb(), result.voidCells());
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static double peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum / 1e6;
    }
}
