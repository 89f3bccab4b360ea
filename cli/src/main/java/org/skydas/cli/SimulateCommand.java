package org.skydas.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.skydas.model.Scenario;
import org.skydas.sim.script.SimScript;
import org.skydas.sim.script.SimScriptIo;
import org.skydas.store.ScenarioStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skydas simulate}: drives simulated sensors against a running Skydas server over loopback. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate targets and sensors of a scenario and send their reports to a Skydas server.")
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--scenario", required = true, paramLabel = "FILE", description = "Scenario GeoPackage.")
    Path scenario;

    @Option(names = "--script", paramLabel = "FILE.yaml", description = "Simulation script (default: the built-in demo).")
    Path script;

    @Option(names = "--server", defaultValue = "http://127.0.0.1:8080", description = "Server (default ${DEFAULT-VALUE}).")
    String server;

    @Option(names = "--cot-port", defaultValue = "8087", description = "The server's CoT port (default ${DEFAULT-VALUE}).")
    int cotPort;

    @Option(names = "--asterix-port", description = "UDP port for simulated radars' ASTERIX (off by default).")
    Integer asterixPort;

    @Option(names = "--remoteid-port", description = "UDP port for simulated Remote ID receivers (off by default).")
    Integer remoteIdPort;

    @Option(names = "--speed", defaultValue = "1", description = "Simulated seconds per wall second (default ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--duration", defaultValue = "3600", description = "Stop after this many wall seconds (default ${DEFAULT-VALUE}).")
    double duration;

    @Option(names = "--seed", defaultValue = "20261127", description = "Random seed of the built-in demo script.")
    long seed;

    @Option(names = "--user", defaultValue = "admin", description = "User to post detections as (default ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--journal", paramLabel = "FILE",
            description = "Also record every message sent into FILE (JSON lines; `skydas replay` re-sends it).")
    Path journal;

    @Override
    public Integer call() throws Exception {
        SimRoutes.requireLoopback(server);
        if (!(speed > 0 && speed <= 1000)) {
            throw new UserError("--speed must be in (0, 1000], is " + speed);
        }
        String password = System.getenv("SKYDAS_ADMIN_PASSWORD");
        if (password == null) {
            throw new UserError("set SKYDAS_ADMIN_PASSWORD to the password of --user " + user);
        }
        Scenario s = ScenarioStore.read(scenario);
        SimScript sc = script == null ? SimulationDriver.demoScript(s, seed) : new SimScriptIo().read(script);
        SimRoutes routes = new SimRoutes(server, SimulationDriver.login(server, user, password), cotPort, asterixPort,
                remoteIdPort);
        JournalRecorder recorder = journal == null ? null : JournalRecorder.open(journal);
        SimulationDriver driver = new SimulationDriver(s, sc, routes, speed);
        if (recorder != null) {
            driver.recordTo(recorder);
        }
        try {
            driver.run(duration);
        } finally {
            driver.close();
            if (recorder != null) {
                recorder.close();
            }
        }
        driver.tally().print(System.out, driver.transport());
        if (recorder != null) {
            System.out.println("journal " + journal + " " + recorder.written());
        }
        return 0;
    }
}
