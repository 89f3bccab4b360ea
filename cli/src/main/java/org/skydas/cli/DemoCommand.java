package org.skydas.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.skydas.alert.Alert;
import org.skydas.ingest.listen.ListenerStats;
import org.skydas.server.auth.Role;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skydas demo}: the one-command start. Creates the Lithuania demo scenario if missing, serves it
 * and runs the simulator against it over loopback (ASTERIX and Remote ID over UDP, CoT over TCP, JSON detections
 * over HTTP, SAPIENT sensor nodes over TCP, a STANAG 4607 GMTI radar over UDP, an ONVIF camera
 * over HTTP), so that
 * tracks and alerts appear within a minute. {@code --headless --duration S} runs without a browser and
 * ends with a summary, one line each.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Create the Lithuania demo scenario if missing, serve it on http://localhost:8080/ and simulate "
                + "sensors against it.")
public final class DemoCommand implements Callable<Integer> {

    // Ports left unset take their defaults, or with --headless free ports (CI, scripts: never a collision with a
    // running Skydas); a port given explicitly is always the one used.
    @Option(names = "--port", description = "HTTP port (default 8080; --headless: a free port).")
    Integer port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--cot-port", description = "Cursor-on-Target in (default 8087; --headless: a free port).")
    Integer cotPort;

    @Option(names = "--asterix-port", description = "ASTERIX in, UDP (default 8600; --headless: a free port).")
    Integer asterixPort;

    @Option(names = "--remoteid-port", description = "Remote ID in, UDP (default 8620; --headless: a free port).")
    Integer remoteIdPort;

    @Option(names = "--sapient-port", description = "SAPIENT sensor nodes in, TCP (default 8640; --headless: a free port).")
    Integer sapientPort;

    @Option(names = "--gmti-port", description = "STANAG 4607 GMTI in, TCP and UDP (default 8607; --headless: a free port).")
    Integer gmtiPort;

    @Option(names = "--onvif-port", description = "ONVIF camera events in, HTTP POST /onvif/<camera> (default 8680; --headless: a free port).")
    Integer onvifPort;

    @Option(names = "--tak-out-port", description = "CoT out to TAK clients (default 8089; --headless: off).")
    Integer takOutPort;

    @Option(names = "--dem", paramLabel = "FILE", arity = "1..*",
            description = "DEM(s), GeoTIFF or SRTM .hgt, any CRS with an EPSG code: coverage, and heights above ground "
                    + "for radar class hints (default: none; the bare ellipsoid, and no hint from height).")
    java.util.List<Path> dems = new java.util.ArrayList<>();

    @Option(names = "--data-dir", defaultValue = "skydas-data", paramLabel = "DIR",
            description = "Where the demo keeps its files (default ./${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--speed", defaultValue = "10", description = "Simulated seconds per wall second (default ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--no-simulation", description = "Serve only; no simulated sensors.")
    boolean noSimulation;

    @Option(names = "--headless", description = "No browser needed: run --duration seconds, print a summary, exit.")
    boolean headless;

    @Option(names = "--duration", defaultValue = "60", description = "Seconds to run with --headless (default ${DEFAULT-VALUE}).")
    double duration;

    @Override
    public Integer call() throws Exception {
        if (!(speed > 0 && speed <= 1000)) {
            throw new UserError("--speed must be in (0, 1000], is " + speed);
        }
        Path scenario = ServeCommand.ensureDemo(dataDir);
        Feeds.Ports feeds = new Feeds.Ports(portOr(cotPort, 8087), -1, portOr(asterixPort, 8600), null, null,
                portOr(remoteIdPort, 8620), null, null).withSensorStandards(portOr(sapientPort, 8640), portOr(gmtiPort, 8607),
                portOr(onvifPort, 8680));
        int takOut = takOutPort != null ? takOutPort : headless ? -1 : 8089;
        ServeCommand.Running r = ServeCommand.start(scenario, host, portOr(port, 8080), dataDir, null, feeds,
                takOut, org.skydas.watch.LivePipeline.DEFAULT_WINDOW_S, new TerrainFiles(dems, null));
        // The simulated world runs --speed times faster than the wall clock, so its reports are stamped ahead of
        // their receipt on purpose: no clock-lead limit for the demo.
        r.pipeline().withMaxClockLead(Double.POSITIVE_INFINITY);
        Thread sim = null;
        if (!noSimulation) {
            // The simulator is a client like any sensor: CoT over TCP, JSON over HTTP with its own session.
            String token = r.watch().sessions().openFor("simulator", Role.SENSOR, java.time.Duration.ofDays(2));
            // The simulated SAPIENT nodes (a counter-drone radar and an RF detector on the Belarus border) are
            // clients of the fusion node like real ones: each registers over its own TCP session.
            org.skydas.sim.script.SimScript script = SimulationDriver.demoScript(r.scenario(), 20_261_127L);
            SimulationDriver driver = new SimulationDriver(r.scenario(), script, new SimRoutes("http://127.0.0.1:"
                    + r.server().port(), token, r.cotPort(), portOrNull(r.feeds().asterixPort()),
                    portOrNull(r.feeds().remoteIdPort()), portOrNull(r.feeds().sapientPort()),
                    portOrNull(r.feeds().gmtiPort()), portOrNull(r.feeds().onvifPort())), speed)
                    .withSapientNodes(org.skydas.sim.script.DemoScript.sapientNodes(r.scenario(), script))
                    // A STANAG 4607 ground-surveillance radar watching the foot group's crossing, over UDP.
                    .withGmtiRadars(org.skydas.sim.script.DemoScript.gmtiRadars(r.scenario(), script))
                    // The camera by that crossing pushes ONVIF object analytics instead of JSON detections.
                    .withOnvifCameras(org.skydas.sim.script.DemoScript.onvifCameras(r.scenario(), script));
            sim = new Thread(() -> {
                try {
                    driver.run(headless ? duration : 24 * 3600);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    driver.close();
                }
            }, "skydas-simulator");
            sim.setDaemon(true);
            sim.start();
        }
        if (headless) {
            ServeCommand.announce(r, host);
            Thread.sleep((long) (duration * 1000));
            if (sim != null) {
                sim.interrupt();
                sim.join(5_000);
            }
            Thread.sleep(1_500); // let the pipeline finish what is queued
            summary(r);
            r.close();
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread simThread = sim;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (simThread != null) {
                simThread.interrupt();
            }
            r.close();
            stopped.countDown();
        }, "skydas-shutdown"));
        ServeCommand.announce(r, host);
        String pw = System.getenv("SKYDAS_ADMIN_PASSWORD");
        System.out.println("Log in as admin" + (pw != null ? " (password from SKYDAS_ADMIN_PASSWORD)"
                : " (password in " + dataDir.resolve(ServeCommand.ADMIN_PASSWORD_FILE).toAbsolutePath()
                        + " since the first start; set SKYDAS_ADMIN_PASSWORD to choose it)")
                + (noSimulation ? "." : "; simulated sensors are reporting at " + speed + "× speed."));
        stopped.await();
        return 0;
    }

    /** The port given, else with --headless a free one (0), else the default. */
    private int portOr(Integer given, int defaultPort) {
        if (given != null) {
            if (given < 0 || given > 65_535) {
                throw new UserError("ports are 0…65535 (0 = a free port), not " + given);
            }
            return given;
        }
        return headless ? 0 : defaultPort;
    }

    private static Integer portOrNull(int port) {
        return port > 0 ? port : null;
    }

    /** {@code detections <protocol> <count>}, {@code tracks <count>}, {@code alerts <rule> <count>}. */
    private static void summary(ServeCommand.Running r) {
        Map<String, Long> byProtocol = new TreeMap<>();
        for (ListenerStats l : r.feeds().stats()) {
            String protocol = switch (l.name()) {
                case "asterix-plots" -> "asterix";
                case "cot-tcp", "cot-udp" -> "cot";
                case "remoteid-udp" -> "remoteid";
                case "json-mqtt" -> "mqtt";
                case "sapient-detections" -> "sapient";
                case "gmti-targets" -> "gmti";
                case "onvif-cameras" -> "onvif"; // documents read from scenario cameras
                default -> null; // the ASTERIX datagram counter: its records are counted as plots
            };
            if (protocol != null) {
                byProtocol.merge(protocol, l.decodedCount(), Long::sum);
            }
        }
        Object json = r.server().liveStats().get("json-http");
        byProtocol.put("json", json instanceof Number n ? n.longValue() : 0L);
        byProtocol.forEach((protocol, n) -> System.out.println("detections " + protocol + " " + n));
        System.out.println("tracks " + r.pipeline().tracksSeen());
        Map<String, Integer> byRule = new TreeMap<>();
        for (Alert a : r.watch().alerts(x -> true)) {
            byRule.merge(a.rule().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        byRule.forEach((rule, n) -> System.out.println("alerts " + rule + " " + n));
    }
}
