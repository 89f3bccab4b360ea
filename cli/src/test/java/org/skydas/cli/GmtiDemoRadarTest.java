package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.ingest.listen.ListenerStats;
import org.skydas.model.Scenario;
import org.skydas.model.TargetKind;
import org.skydas.model.demo.DemoScenario;
import org.skydas.sim.Channel;
import org.skydas.sim.Simulation;
import org.skydas.sim.script.DemoScript;
import org.skydas.sim.script.GmtiRadarSpec;
import org.skydas.sim.script.SimScript;
import org.skydas.sim.transport.SimTransport;
import org.skydas.track.TrackState;

/**
 * The demo's simulated STANAG 4607 ground-surveillance radar against {@code serve --gmti-port} over UDP, with nothing
 * else simulated: its dwells decode without a malformed count, their target reports become detections, and the foot
 * group it watches becomes a person track near where the walkers really are.
 */
class GmtiDemoRadarTest {

    @TempDir
    Path dir;

    @Test
    void theSimulatedRadarsWalkersBecomePersonTracks() throws Exception {
        Scenario demo = new DemoScenario().build();
        try (ServeCommand.Running r = DemoFeedServer.start(demo, dir, Feeds.Ports.none().withSensorStandards(-1, 0, -1))) {
            Map<Long, TrackState> people = new ConcurrentHashMap<>();
            r.pipeline().onTrackChange(t -> {
                if (t.mostLikelyClass() == TargetKind.PERSON) {
                    people.put(t.id(), t);
                }
            }, t -> { });

            SimScript script = DemoScript.build(demo, 20_261_127L, Instant.now().minusSeconds(3_600));
            List<GmtiRadarSpec> radars = DemoScript.gmtiRadars(demo, script);
            assertThat(radars).extracting(GmtiRadarSpec::id).containsExactly("gsr-by-1");
            Simulation sim = new Simulation(demo, script).withGmtiRadars(radars);
            double[] walkers = new double[2];
            long packets;
            try (SimTransport transport = new SimTransport()
                    .route(Channel.GMTI, new SimTransport.Udp(r.feeds().gmtiPort()))) {
                // Only the GMTI channel is routed: every detection the server gets comes from the radar.
                for (double t = 0; t <= 900; t += 4) {
                    sim.advanceTo(t, transport);
                    Thread.sleep(2); // UDP on loopback: do not overrun the receive buffer
                }
                Simulation.ObjectState w = sim.truthAt(900).stream().filter(s -> s.id().startsWith("foot-group"))
                        .findFirst().orElseThrow();
                walkers[0] = w.x();
                walkers[1] = w.y();
                assertThat(transport.failed()).as(String.valueOf(transport.lastError())).isZero();
                packets = transport.sent();
            }
            assertThat(packets).isGreaterThan(200);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline && !nearTruth(people, walkers)) {
                Thread.sleep(100);
            }
            ListenerStats targets = r.feeds().stats().stream().filter(s -> s.name().equals("gmti-targets"))
                    .findFirst().orElseThrow();
            assertThat(targets.decodedCount()).as("target reports turned into detections").isGreaterThan(100);
            assertThat(targets.malformedByReason()).isEmpty();
            assertThat(r.feeds().stats()).filteredOn(s -> s.name().startsWith("gmti-"))
                    .allMatch(s -> s.malformedByReason().isEmpty(), "no malformed GMTI packets");
            assertThat(nearTruth(people, walkers)).as("a person track within 300 m of the walkers at 900 s: %s",
                    people.values()).isTrue();
        }
    }

    private static boolean nearTruth(Map<Long, TrackState> people, double[] truth) {
        return people.values().stream().anyMatch(t -> Math.hypot(t.x() - truth[0], t.y() - truth[1]) < 300);
    }
}
