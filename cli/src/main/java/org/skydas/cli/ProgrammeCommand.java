package org.skydas.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.skydas.model.ProgrammeReport;
import org.skydas.model.Scenario;
import org.skydas.model.Wire;
import org.skydas.store.ScenarioStore;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code skydas programme report FILE}: the money table. */
@Command(name = "programme", mixinStandardHelpOptions = true, description = "The programme's budget.",
        subcommands = ProgrammeCommand.Report.class)
public final class ProgrammeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Envelope, planned, committed and spent (EUR) by category and year.")
    static final class Report implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "Scenario GeoPackage.")
        Path file;

        @Override
        public Integer call() throws Exception {
            Scenario s = ScenarioStore.read(file);
            ProgrammeReport r = ProgrammeReport.of(s.programme(), s.assets());
            System.out.println(s.programme().name());
            String fmt = "%-28s %4s %16s %16s %16s %16s%n";
            System.out.printf(Locale.ROOT, fmt, "category", "year", "envelope_eur", "planned_eur", "committed_eur",
                    "spent_eur");
            for (ProgrammeReport.Row row : r.rows()) {
                print(fmt, Wire.name(row.category()), String.valueOf(row.year()), row);
            }
            System.out.println();
            for (ProgrammeReport.Row row : r.byCategory()) {
                print(fmt, Wire.name(row.category()), "all", row);
            }
            print(fmt, "TOTAL", "all", r.total());
            System.out.printf(Locale.ROOT, "running cost of assets in service: %,.0f EUR/year%n",
                    ProgrammeReport.opexPerYear(s.assets()));
            System.out.println("planned = capex of all assets; committed = contracted or later; "
                    + "spent = installed or later");
            obstacles(org.skydas.obstacles.ObstacleRollup.counterMobility(
                    org.skydas.store.ObstacleLayer.read(file)));
            return 0;
        }

        /** The counter-mobility line's fields from the scenario's obstacle register, next to the money. */
        private static void obstacles(org.skydas.obstacles.ObstacleRollup r) {
            System.out.println();
            System.out.println("obstacle register, " + Wire.name(r.category()) + " line (fields, length m, area m2, cost EUR):");
            String fmt = "%-6s %-34s %-34s %-34s%n";
            System.out.printf(Locale.ROOT, fmt, "year", "planned", "laid (in the ground)", "cleared");
            for (org.skydas.obstacles.ObstacleRollup.Row row : r.rows()) {
                printTallies(fmt, row.year() == 0 ? "unsch." : String.valueOf(row.year()), row);
            }
            printTallies(fmt, "TOTAL", r.total());
        }

        private static void printTallies(String fmt, String year, org.skydas.obstacles.ObstacleRollup.Row row) {
            System.out.printf(Locale.ROOT, fmt, year, tally(row.planned()), tally(row.laid()), tally(row.cleared()));
        }

        private static String tally(org.skydas.obstacles.ObstacleRollup.Tally t) {
            return String.format(Locale.ROOT, "%d / %,.0f / %,.0f / %s", t.fields(), t.lengthM(), t.areaM2(),
                    money(t.costEur()));
        }

        private static void print(String fmt, String category, String year, ProgrammeReport.Row row) {
            System.out.printf(Locale.ROOT, fmt, category, year, money(row.envelopeEur()), money(row.plannedEur()),
                    money(row.committedEur()), money(row.spentEur()));
        }

        private static String money(double eur) {
            return String.format(Locale.ROOT, "%,.0f", eur);
        }
    }
}
