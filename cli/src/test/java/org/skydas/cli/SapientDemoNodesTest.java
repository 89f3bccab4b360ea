package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.alert.Alert;
import org.skydas.alert.RuleKind;
import org.skydas.model.Scenario;
import org.skydas.model.demo.DemoScenario;
import org.skydas.sim.Channel;
import org.skydas.sim.Simulation;
import org.skydas.sim.encode.SapientEncoder;
import org.skydas.sim.script.DemoScript;
import org.skydas.sim.script.SapientNodeSpec;
import org.skydas.sim.script.SimScript;
import org.skydas.sim.transport.SimTransport;
import org.skydas.model.TargetKind;

/**
 * The demo's simulated SAPIENT nodes against {@code serve --sapient-port}, with nothing else simulated: the counter-
 * drone radar and the RF detector on the Belarus border register over their own TCP sessions and are accepted, report
 * their status and the Belarus drone; that drone becomes a drone track known only from SAPIENT, which raises a
 * drone_incursion or border_crossing alert, and the RF detector's own alert reaches the operators as a sensor alert.
 */
class SapientDemoNodesTest {

    @TempDir
    Path dir;

    @Test
    void theSimulatedNodesRegisterAndTheirDroneRaisesAnAlert() throws Exception {
        Scenario demo = new DemoScenario().build();
        try (ServeCommand.Running r = DemoFeedServer.start(demo, dir, Feeds.Ports.none().withSensorStandards(0, -1, -1))) {
            Set<Long> sapientTracks = ConcurrentHashMap.newKeySet();
            r.pipeline().onTrackChange(t -> {
                if (t.externalId() != null && t.externalId().startsWith("sapient:") && t.mostLikelyClass() == TargetKind.DRONE) {
                    sapientTracks.add(t.id());
                }
            }, t -> { });
            List<Alert> alerts = new CopyOnWriteArrayList<>();
            r.watch().onAlertCommitted(c -> alerts.add(c.alert()));

            SimScript script = DemoScript.build(demo, 20_261_127L, Instant.now().minusSeconds(3_600));
            List<SapientNodeSpec> nodes = DemoScript.sapientNodes(demo, script);
            assertThat(nodes).extracting(SapientNodeSpec::kind)
                    .containsExactly(SapientNodeSpec.Kind.RADAR, SapientNodeSpec.Kind.RF_DETECTOR);
            Simulation sim = new Simulation(demo, script).withSapientNodes(nodes);
            try (SimTransport transport = new SimTransport()
                    .route(Channel.SAPIENT, new SimTransport.SapientTcp(r.feeds().sapientPort()))) {
                // Only the SAPIENT channel is routed: every drone report the server gets comes from the two nodes.
                for (double t = 0; t <= 900; t += 10) {
                    sim.advanceTo(t, transport);
                }
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (System.nanoTime() < deadline && !(fromSapient(alerts, sapientTracks)
                        && alerts.stream().anyMatch(a -> a.rule() == RuleKind.SENSOR_ALERT))) {
                    Thread.sleep(100);
                }
                assertThat(transport.failed()).as(String.valueOf(transport.lastError())).isZero();
                assertThat(transport.sapientCounts()).containsEntry("accepted", 2L).containsEntry("refused", 0L)
                        .containsEntry("errors", 0L);
            }
            assertThat(r.feeds().sapientFeed().nodes().keySet()).containsExactlyInAnyOrder(
                    SapientEncoder.nodeUuid("sapient-radar-by-1"), SapientEncoder.nodeUuid("sapient-rf-by-1"));
            assertThat(r.feeds().sapientFeed().nodes().values()).allMatch(n -> n.lastStatus() != null);
            assertThat(sapientTracks).as("drone tracks known from SAPIENT").isNotEmpty();
            assertThat(fromSapient(alerts, sapientTracks)).as("a drone_incursion or border_crossing of a SAPIENT track: %s",
                    alerts).isTrue();
            assertThat(alerts).anyMatch(a -> a.rule() == RuleKind.SENSOR_ALERT
                    && a.message().contains("RF detector BY-1 (RF-BY1)") && a.message().contains("UAV control link"));
            assertThat(r.feeds().stats()).anyMatch(s -> s.name().equals("sapient-detections") && s.decodedCount() > 0
                    && s.malformedByReason().isEmpty());
        }
    }

    private static boolean fromSapient(List<Alert> alerts, Set<Long> tracks) {
        return alerts.stream().anyMatch(a -> (a.rule() == RuleKind.DRONE_INCURSION || a.rule() == RuleKind.BORDER_CROSSING)
                && tracks.stream().anyMatch(id -> a.subject().equals("track:" + id)));
    }
}
