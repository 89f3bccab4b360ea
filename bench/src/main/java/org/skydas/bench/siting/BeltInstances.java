package org.skydas.bench.siting;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.skydas.siting.SitingInstance;

/**
 * Seeded siting instances with the spatial structure of a border belt: demand points in a 6 km wide belt that
 * meanders along {@code lengthKm}, weighted 1 plus Gaussian hot spots (crossing points), and candidate sites spread
 * along the belt of three kinds — radar (7 km, about EUR 1.1 M), camera tower (3.5 km, about EUR 220 k), ground sensor
 * (1.5 km, about EUR 60 k) — that cover the demand within their radius unless occluded (15 % of the cells beyond a
 * third of the radius, decided per site and point by the seed, standing in for terrain). 5 % of sites exist already.
 */
public final class BeltInstances {
    private BeltInstances() {}

    /** One budget: {@code budgetShare} of the total cost of the candidates. */
    public static SitingInstance single(long seed, int demand, int candidates, double lengthKm, double budgetShare) {
        Parts p = parts(seed, demand, candidates, lengthKm);
        return SitingInstance.single(p.demand, p.candidates, (long) (p.totalCost * budgetShare));
    }

    /** {@code periods} yearly budgets from 2026, each {@code budgetShare} of the total cost. */
    public static SitingInstance multi(long seed, int demand, int candidates, double lengthKm, int periods,
                                       double budgetShare) {
        Parts p = parts(seed, demand, candidates, lengthKm);
        List<SitingInstance.Period> ps = new ArrayList<>();
        for (int t = 0; t < periods; t++) {
            ps.add(new SitingInstance.Period(2026 + t, (long) (p.totalCost * budgetShare)));
        }
        return SitingInstance.multi(p.demand, p.candidates, ps);
    }

    private record Parts(List<SitingInstance.Demand> demand, List<SitingInstance.Candidate> candidates, long totalCost) {}

    private static Parts parts(long seed, int n, int m, double lengthKm) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] hot = new double[Math.max(2, (int) (lengthKm / 15))][];
        for (int h = 0; h < hot.length; h++) {
            hot[h] = new double[] {r.nextDouble() * lengthKm, 1 + r.nextDouble() * 4, 1 + r.nextDouble() * 3};
        }
        double[] px = new double[n];
        double[] py = new double[n];
        List<SitingInstance.Demand> demand = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double along = r.nextDouble() * lengthKm;
            px[i] = along;
            py[i] = centre(along) + (r.nextDouble() - 0.5) * 6;
            double w = 1;
            for (double[] h : hot) {
                double d = (along - h[0]) / h[2];
                w += h[1] * Math.exp(-0.5 * d * d);
            }
            demand.add(new SitingInstance.Demand("d" + i, Math.round(w * 100) / 100.0));
        }
        List<SitingInstance.Candidate> candidates = new ArrayList<>(m);
        long total = 0;
        for (int j = 0; j < m; j++) {
            double along = (j + r.nextDouble()) * lengthKm / m;
            double cx = along;
            double cy = centre(along) + (r.nextDouble() - 0.5) * 8;
            double kind = r.nextDouble();
            double radius;
            long costEur;
            String type;
            if (kind < 0.2) {
                type = "radar";
                radius = 7;
                costEur = 900_000 + r.nextInt(400_000);
            } else if (kind < 0.7) {
                type = "camera";
                radius = 3.5;
                costEur = 150_000 + r.nextInt(150_000);
            } else {
                type = "ground";
                radius = 1.5;
                costEur = 40_000 + r.nextInt(40_000);
            }
            List<Integer> covers = new ArrayList<>();
            long siteSeed = r.nextLong();
            for (int i = 0; i < n; i++) {
                double dx = px[i] - cx;
                double dy = py[i] - cy;
                double d = Math.sqrt(dx * dx + dy * dy);
                if (d > radius) {
                    continue;
                }
                if (d > radius / 3 && new SplittableRandom(siteSeed ^ (i * 0x9E3779B97F4A7C15L)).nextDouble() < 0.15) {
                    continue;
                }
                covers.add(i);
            }
            boolean existing = r.nextDouble() < 0.05;
            total += existing ? 0 : costEur;
            candidates.add(new SitingInstance.Candidate(type + "-" + j, costEur * 100,
                    covers.stream().mapToInt(Integer::intValue).toArray(), existing));
        }
        return new Parts(demand, candidates, total * 100);
    }

    /** The belt's centre line (km across) at a distance along it: a slow meander. */
    private static double centre(double alongKm) {
        return 10 * Math.sin(alongKm / 40) + 2 * Math.sin(alongKm / 7);
    }
}
