package org.skydas.cli;

import java.io.PrintWriter;

import org.skydas.geo.GeoJsonException;
import org.skydas.store.StoreException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code skydas} command. Exit codes: 0 done, 1 internal failure, 2 bad input or usage. */
@Command(name = "skydas", mixinStandardHelpOptions = true, version = "skydas 0.1.0",
        description = "Plan and watch a national land border: scenario, coverage, tracking, early warning.",
        subcommands = {
            DemoCommand.class,
            ServeCommand.class,
            ClusterDemoCommand.class,
            ClusterBenchCommand.class,
            ScenarioCommand.class,
            ProgrammeCommand.class,
            ObstaclesCommand.class,
            DecodeCommand.class,
            TrackCommand.class,
            ViewshedCommand.class,
            CoverageCommand.class,
            CostDistanceCommand.class,
            CorridorsCommand.class,
            SitingCommand.class,
            SimulateCommand.class,
            ReplayCommand.class,
            UsersCommand.class,
            AdminCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this directly). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (e instanceof UserError || e instanceof StoreException || e instanceof GeoJsonException) {
                err.println("skydas: " + e.getMessage());
                err.flush();
                return EXIT_BAD_INPUT;
            }
            err.println("skydas: internal error: " + e);
            e.printStackTrace(err);
            err.flush();
            return 1;
        });
        return cli.execute(args);
    }
}
