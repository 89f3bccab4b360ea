package org.skydas.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.skydas.model.Scenario;
import org.skydas.sim.Channel;
import org.skydas.sim.SimClock;
import org.skydas.sim.Simulation;
import org.skydas.sim.script.DemoScript;
import org.skydas.sim.script.SimScript;
import org.skydas.sim.transport.SimTransport;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs a simulation against a Skydas server over loopback: JSON detections to {@code POST /api/detections}
 * (logged in), CoT to the server's CoT port. ASTERIX and Remote ID go to UDP ports when given (the server
 * does not ingest them yet; without a port they are counted as unrouted). Stops at the script's end, at
 * {@code maxWallS}, or when interrupted.
 */
final class SimulationDriver {

    private final Simulation simulation;
    private final SimTransport transport;
    private final double speedUp;
    private final Map<Channel, AtomicLong> sent = new EnumMap<>(Channel.class);

    SimulationDriver(Scenario scenario, SimScript script, String server, String token, int cotPort, Integer asterixPort,
                     Integer remoteIdPort, double speedUp) {
        this.simulation = new Simulation(scenario, script);
        this.speedUp = speedUp;
        this.transport = new SimTransport()
                .route(Channel.DETECTION_JSON, new SimTransport.Http(URI.create(server + "/api/detections"), null,
                        Map.of("Authorization", "Bearer " + token)))
                .route(Channel.COT, new SimTransport.Tcp(cotPort));
        if (asterixPort != null) {
            transport.route(Channel.ASTERIX, new SimTransport.Udp(asterixPort));
        }
        if (remoteIdPort != null) {
            transport.route(Channel.REMOTE_ID, new SimTransport.Udp(remoteIdPort));
        }
        for (Channel c : Channel.values()) {
            sent.put(c, new AtomicLong());
        }
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
        SimClock clock = new SimClock(simulation.script().start(), speedUp);
        Duration tick = Duration.ofMillis(100);
        long deadline = System.nanoTime() + (long) (maxWallS * 1e9);
        simulation.advanceTo(0, this::send);
        while (!simulation.finished() && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            Thread.sleep(tick.toMillis());
            clock.advanceWall(tick);
            simulation.advanceTo(clock.elapsedS(), this::send);
        }
    }

    private void send(org.skydas.sim.SimMessage m) {
        sent.get(m.channel()).incrementAndGet();
        transport.accept(m);
    }

    Map<Channel, AtomicLong> sent() {
        return sent;
    }

    SimTransport transport() {
        return transport;
    }

    void close() {
        transport.close();
    }
}
