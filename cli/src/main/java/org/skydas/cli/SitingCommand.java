package org.skydas.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.skydas.siting.SitingInputException;
import org.skydas.siting.SitingInstance;
import org.skydas.siting.SitingJson;
import org.skydas.siting.SitingResult;
import org.skydas.siting.SitingSolver;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skydas siting solve|plan}: budgeted sensor siting with a proven bound (module siting). */
@Command(name = "siting", mixinStandardHelpOptions = true,
        description = "Budgeted sensor siting: which sites to build within a budget (or yearly budgets) to cover the "
                + "most demand weight, with a proven bound on how far the plan is from the best possible.",
        subcommands = {SitingCommand.Solve.class, SitingPlanCommand.class})
public final class SitingCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "solve", mixinStandardHelpOptions = true,
            description = {"Solve a siting instance (JSON: demand, candidates, budget or periods) with OR-Tools CP-SAT.",
                "Writes status, objective, bound, gap, spend and selected (or periods) to --out. At the time limit "
                    + "it writes the best plan found and its gap."})
    static final class Solve implements Callable<Integer> {
        @Option(names = "--instance", required = true, paramLabel = "FILE", description = "instance JSON")
        Path instance;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "result JSON")
        Path out;

        @Option(names = "--time-limit", paramLabel = "S", defaultValue = "60",
                description = "seconds before the best plan found so far is returned (default: ${DEFAULT-VALUE})")
        double timeLimit;

        @Option(names = "--engine", paramLabel = "E", defaultValue = "scip",
                description = "scip (MIP, LP bound) or cp-sat; both from OR-Tools (default: ${DEFAULT-VALUE})")
        String engine;

        @Option(names = "--workers", paramLabel = "N", description = "CP-SAT worker threads (default: 8)")
        Integer workers;

        private final PrintStream err = System.err;

        @Override
        public Integer call() {
            if (!(timeLimit > 0) || Double.isInfinite(timeLimit)) {
                return bad("--time-limit: must be a number of seconds > 0");
            }
            if (workers != null && workers < 1) {
                return bad("--workers: must be >= 1");
            }
            SitingSolver.Engine eng = switch (engine.toLowerCase(Locale.ROOT)) {
                case "scip" -> SitingSolver.Engine.SCIP;
                case "cp-sat", "cpsat" -> SitingSolver.Engine.CP_SAT;
                default -> null;
            };
            if (eng == null) {
                return bad("--engine '" + engine + "': expected scip or cp-sat");
            }
            SitingInstance in;
            try {
                in = SitingJson.read(Files.readString(instance, StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                return bad(instance + ": no such file");
            } catch (IOException e) {
                return bad(instance + ": cannot read: " + e.getMessage());
            } catch (SitingInputException e) {
                return bad(instance + ": " + e.getMessage());
            }
            SitingSolver.Options options = SitingSolver.Options.defaults().withTimeLimit(timeLimit).withEngine(eng);
            if (workers != null) {
                options = options.withWorkers(workers);
            }
            err.printf(Locale.ROOT, "skydas siting: %d demand point(s), %d candidate(s), %s, time limit %s s%n",
                    in.demand().size(), in.candidates().size(),
                    in.multiPeriod() ? in.periods().size() + " period(s)" : "one budget", fmt(timeLimit));
            SitingResult r = org.skydas.siting.scenario.SitingPlanner.solve(in, options, "solve", new Ticks());
            try {
                org.skydas.siting.scenario.PlanOutputs.write(out, SitingJson.toJson(r).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.println("skydas siting: " + out + ": cannot write: " + e.getMessage());
                return 1;
            }
            err.printf(Locale.ROOT, "skydas siting: %s objective %.6g bound %.6g gap %.4f %% spend %s EUR (%.1f s); "
                    + "wrote %s%n", r.status(), r.objective(), r.bound(), 100 * r.gap(),
                    String.format(Locale.ROOT, "%,.2f", r.spendCents() / 100.0), r.seconds(), out);
            return 0;
        }

        /**
         * A line when the best plan or the bound improves (at most one a second) and otherwise every 5 s: elapsed
         * against the time limit, objective, bound, gap. During a SCIP solve only the time moves (no callback).
         */
        private final class Ticks implements org.skydas.siting.scenario.SitingPlanner.Listener {
            private long last;
            private double objective = Double.NaN;
            private double bound = Double.NaN;

            @Override
            public synchronized void solver(org.skydas.siting.scenario.SitingPlanner.SolverProgress p) {
                long now = System.nanoTime();
                boolean changed = !(p.incumbent() == objective) || !(p.bound() == bound);
                if (now - last < (changed ? 1_000_000_000L : 5_000_000_000L)) {
                    return;
                }
                last = now;
                objective = p.incumbent();
                bound = p.bound();
                err.println("skydas siting: " + p.text());
            }
        }

        private int bad(String message) {
            err.println("skydas siting: " + message.replace('\n', ' '));
            return Main.EXIT_BAD_INPUT;
        }
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
