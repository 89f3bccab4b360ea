package org.skydas.bench.siting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.skydas.siting.SitingInstance;
import org.skydas.siting.SitingResult;
import org.skydas.siting.SitingSolver;

/**
 * The siting performance goals, as a harness: {@code bench/run siting [runs=3] [seed=1]}.
 * <ul>
 *   <li>single: 10 000 demand points × 500 candidates, one budget — gap ≤ 1 % within 60 s;</li>
 *   <li>multi: 3 periods × 1 000 points × 70 candidates — optimal within 30 s.</li>
 * </ul>
 * Each run uses another seed (seed, seed+1, …); prints each run, then the medians. Wall time includes presolve and
 * the model build. The time to 1 % gap is when the solver's progress first showed a gap ≤ 1 %.
 */
public final class SitingBench {
    private SitingBench() {}

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        if (args.length > 2) {
            // bench/run siting 1 SEED DIR: also write the instances as JSON for `skydas siting solve`.
            Path dir = Path.of(args[2]);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("single-10000x500.json"), InstanceWriter.json(singleGoal(seed)));
            Files.writeString(dir.resolve("multi-3x1000x70.json"), InstanceWriter.json(multiGoal(seed)));
        }
        System.out.printf(Locale.ROOT, "siting bench: %d run(s), %d cores, load %.2f%n", runs,
                Runtime.getRuntime().availableProcessors(), load());
        double[] toGap = new double[runs];
        double[] gap60 = new double[runs];
        double[] multiTime = new double[runs];
        int optimal = 0;
        for (int k = 0; k < runs; k++) {
            SitingInstance single = singleGoal(seed + k);
            double[] firstAt = {Double.NaN};
            long cpu0 = cpu();
            SitingResult r = new SitingSolver(SitingSolver.Options.defaults().withTimeLimit(60)).solve(single,
                    (s, obj, bound) -> {
                        if (Double.isNaN(firstAt[0]) && bound > 0 && (bound - obj) / bound <= 0.01) {
                            firstAt[0] = s;
                        }
                    });
            toGap[k] = r.gap() <= 0.01 && Double.isNaN(firstAt[0]) ? r.seconds() : firstAt[0];
            gap60[k] = r.gap();
            System.out.printf(Locale.ROOT, "single seed=%d: %s objective %.2f bound %.2f gap %.4f %% in %.1f s "
                            + "(process CPU %.1f s); gap <= 1 %% after %.1f s; presolved %d demand x %d candidates; "
                            + "load %.2f%n", seed + k, r.status(), r.objective(), r.bound(), 100 * r.gap(), r.seconds(),
                    (cpu() - cpu0) / 1e9, toGap[k], r.presolvedDemand(), r.presolvedCandidates(), load());

            SitingInstance multi = multiGoal(seed + k);
            long cpu1 = cpu();
            SitingResult m = new SitingSolver(SitingSolver.Options.defaults().withTimeLimit(30)).solve(multi);
            multiTime[k] = m.seconds();
            if (m.status() == SitingResult.Status.OPTIMAL) {
                optimal++;
            }
            System.out.printf(Locale.ROOT, "multi  seed=%d: %s objective %.2f bound %.2f gap %.4f %% in %.1f s "
                            + "(process CPU %.1f s); presolved %d demand x %d candidates; load %.2f%n", seed + k,
                    m.status(), m.objective(), m.bound(), 100 * m.gap(), m.seconds(), (cpu() - cpu1) / 1e9,
                    m.presolvedDemand(), m.presolvedCandidates(), load());
        }
        System.out.printf(Locale.ROOT, "median: single gap<=1%% after %.1f s (goal 60 s), gap at stop %.4f %%; "
                + "multi %.1f s (goal 30 s), optimal %d/%d%n", median(toGap), 100 * median(gap60), median(multiTime),
                optimal, runs);
    }

    static SitingInstance singleGoal(long seed) {
        return BeltInstances.single(seed, 10_000, 500, 250, 0.12);
    }

    static SitingInstance multiGoal(long seed) {
        return BeltInstances.multi(seed, 1_000, 70, 40, 3, 0.08);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** CPU time of this process (all threads, native solver included), ns. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Writes an instance in the JSON contract of {@code skydas siting solve}. */
    static final class InstanceWriter {
        private InstanceWriter() {}

        static String json(SitingInstance in) {
            StringBuilder b = new StringBuilder("{\"demand\":[");
            List<String> parts = new ArrayList<>();
            for (SitingInstance.Demand d : in.demand()) {
                parts.add("{\"id\":\"" + d.id() + "\",\"weight\":" + d.weight() + "}");
            }
            b.append(String.join(",", parts)).append("],\n\"candidates\":[");
            parts.clear();
            for (SitingInstance.Candidate c : in.candidates()) {
                StringBuilder cb = new StringBuilder("{\"id\":\"" + c.id() + "\",\"cost\":" + c.costCents() / 100.0
                        + ",\"existing\":" + c.existing() + ",\"covers\":[");
                int[] cv = c.covers();
                for (int k = 0; k < cv.length; k++) {
                    cb.append(k > 0 ? "," : "").append('"').append(in.demand().get(cv[k]).id()).append('"');
                }
                parts.add(cb.append("]}").toString());
            }
            b.append(String.join(",\n", parts)).append("],\n");
            if (in.multiPeriod()) {
                parts.clear();
                for (SitingInstance.Period p : in.periods()) {
                    parts.add("{\"year\":" + p.year() + ",\"budget\":" + p.budgetCents() / 100.0 + "}");
                }
                b.append("\"periods\":[").append(String.join(",", parts)).append("]}\n");
            } else {
                b.append("\"budget\":").append(in.periods().get(0).budgetCents() / 100.0).append("}\n");
            }
            return b.toString();
        }
    }
}
