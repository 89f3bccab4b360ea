package org.skydas.bench.terrain;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.skydas.terrain.DemGrid;
import org.skydas.terrain.cost.CostDistance;
import org.skydas.terrain.cost.CostSurface;
import org.skydas.terrain.io.DemReader;

/**
 * The cost-distance search alone, in one process, repeated: {@code CostDistanceMain FRICTION.tif X,Y RUNS [knight]}.
 * Prints each run's search time and the median (the whole process, reading and writing included, is
 * measured from outside against GRASS by {@code bench/cost-distance-vs-grass}).
 * {@code CostDistanceMain synthetic SIZE} instead searches a seeded SIZE x SIZE friction (1 + rolling hills)
 * from its centre with the knight's move and directions, for the memory goal: run it with {@code -Xmx2g}.
 */
public final class CostDistanceMain {

    private CostDistanceMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("synthetic")) {
            synthetic(Integer.parseInt(args[1]));
            return;
        }
        DemGrid friction = DemReader.read(Path.of(args[0]));
        String[] xy = args[1].split(",");
        double x = Double.parseDouble(xy[0]);
        double y = Double.parseDouble(xy[1]);
        int runs = Integer.parseInt(args[2]);
        boolean knight = args.length < 4 || Boolean.parseBoolean(args[3]);
        int col = (int) Math.floor(friction.transform().col(x, y));
        int row = (int) Math.floor(friction.transform().row(x, y));
        int[] start = {row * friction.width() + col};
        CostDistance.Prepared p = CostDistance.prepare(friction);
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            CostSurface s = p.search(start, new CostDistance.Options(knight, 0, false), CostDistance.Progress.NONE);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            double cpu = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0) / 1e6;
            System.out.printf(Locale.ROOT, "run %d: %.0f ms wall, %.0f ms cpu, %d cells settled, cost at the far corner %.3f%n", i, ms[i], cpu,
                    s.settledCells(), s.cost(friction.width() - 3, friction.height() - 3));
        }
        Arrays.sort(ms);
        report(friction, knight, ms, runs);
    }

    private static void report(DemGrid friction, boolean knight, double[] ms, int runs) {
        System.out.printf(Locale.ROOT, "%d x %d cells, knight=%b: median search %.0f ms over %d runs%n",
                friction.width(), friction.height(), knight, ms[runs / 2], runs);
    }

    private static void synthetic(int size) {
        float[] f = new float[size * size];
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                f[r * size + c] = (float) (1 + 0.5 * (1 + Math.sin(c * 0.013) * Math.cos(r * 0.007)));
            }
        }
        CostDistance.Prepared p = CostDistance.prepare(
                DemGrid.wrap(size, size, f, org.skydas.terrain.GeoTransform.northUp(0, 0, 10, -10), 0, Float.NaN));
        f = null;
        long t0 = System.nanoTime();
        CostSurface s = p.search(new int[] {size / 2 * size + size / 2}, CostDistance.Options.of(true),
                CostDistance.Progress.NONE);
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "%d x %d cells: search %.1f s, %d settled, corner cost %.1f, heap in use %.0f MB "
                + "of max %.0f MB%n", size, size, (System.nanoTime() - t0) / 1e9, s.settledCells(), s.cost(0, 0),
                (rt.totalMemory() - rt.freeMemory()) / 1e6, rt.maxMemory() / 1e6);
    }
}
