package org.skydas.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.skydas.model.Scenario;
import org.skydas.sim.Channel;
import org.skydas.sim.MessageSink;
import org.skydas.sim.SimClock;
import org.skydas.sim.SimMessage;
import org.skydas.sim.Simulation;
import org.skydas.sim.script.DemoScript;
import org.skydas.sim.script.SimScript;
import org.skydas.sim.transport.SimTransport;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs a simulation against a Skydas server over loopback, each channel routed by {@link SimRoutes}, optionally
 * recording every message into a journal (which {@code skydas replay} re-sends). Stops at the script's end, at
 * {@code maxWallS}, or when interrupted.
 */
final class SimulationDriver {

    private final Simulation simulation;
    private final SimTransport transport;
    private final double speedUp;
    private final SendTally tally;
    private MessageSink journal;

    SimulationDriver(Scenario scenario, SimScript script, String server, String token, int cotPort, Integer asterixPort,
                     Integer remoteIdPort, double speedUp) {
        this(scenario, script, new SimRoutes(server, token, cotPort, asterixPort, remoteIdPort), speedUp);
    }

    SimulationDriver(Scenario scenario, SimScript script, SimRoutes routes, double speedUp) {
        this.simulation = new Simulation(scenario, script);
        this.speedUp = speedUp;
        this.transport = routes.open();
        this.tally = new SendTally(transport);
    }

    /** Adds simulated SAPIENT sensor nodes (routed when the routes name a SAPIENT port); call before {@link #run}. */
    SimulationDriver withSapientNodes(java.util.List<org.skydas.sim.script.SapientNodeSpec> nodes) {
        simulation.withSapientNodes(nodes);
        return this;
    }

    /** Adds simulated STANAG 4607 radars (routed when the routes name a GMTI port); call before {@link #run}. */
    SimulationDriver withGmtiRadars(java.util.List<org.skydas.sim.script.GmtiRadarSpec> radars) {
        simulation.withGmtiRadars(radars);
        return this;
    }

    /** Makes these cameras report over ONVIF (routed when the routes name an ONVIF port); call before {@link #run}. */
    SimulationDriver withOnvifCameras(java.util.List<String> cameraIds) {
        simulation.withOnvifCameras(cameraIds);
        return this;
    }

    /**
     * Also records every message into {@code journal}, before it is sent: a run that is killed has then recorded
     * at least what it sent.
     */
    SimulationDriver recordTo(MessageSink journal) {
        this.journal = journal;
        return this;
    }

    /** The built-in demo script, starting now (so that its reports are live to the server). */
    static SimScript demoScript(Scenario scenario, long seed) {
        return DemoScript.build(scenario, seed, Instant.now());
    }

    static String login(String server, String user, String password) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server + "/api/login"))
                .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(
                        Map.of("username", user, "password", password)))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new UserError("cannot log in to " + server + " as " + user + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return new ObjectMapper().readTree(r.body()).path("token").asText();
    }

    void run(double maxWallS) throws InterruptedException {
        run(maxWallS, Double.POSITIVE_INFINITY);
    }

    /** Runs until {@code maxWallS} wall seconds or {@code maxSimS} simulated seconds have passed, whichever is first. */
    void run(double maxWallS, double maxSimS) throws InterruptedException {
        SimClock clock = new SimClock(simulation.script().start(), speedUp);
        Duration tick = Duration.ofMillis(100);
        long deadline = System.nanoTime() + (long) (maxWallS * 1e9);
        simulation.advanceTo(0, this::send);
        long last = System.nanoTime();
        while (!simulation.finished() && System.nanoTime() < deadline && clock.elapsedS() < maxSimS
                && !Thread.currentThread().isInterrupted()) {
            Thread.sleep(tick.toMillis());
            // The wall time that really passed (sleeping and sending): simulated time keeps pace with the
            // wall clock times the speed-up even when sends are slow.
            long now = System.nanoTime();
            clock.advanceWall(Duration.ofNanos(now - last));
            last = now;
            simulation.advanceTo(Math.min(clock.elapsedS(), maxSimS), this::send);
        }
    }

    private void send(SimMessage m) {
        if (journal != null) {
            journal.accept(m);
        }
        tally.accept(m);
    }

    Map<Channel, AtomicLong> sent() {
        return tally.sent();
    }

    SendTally tally() {
        return tally;
    }

    SimTransport transport() {
        return transport;
    }

    void close() {
        transport.close();
    }
}
