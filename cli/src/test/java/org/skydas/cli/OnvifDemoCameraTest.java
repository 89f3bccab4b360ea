package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.ingest.listen.ListenerStats;
import org.skydas.model.Scenario;
import org.skydas.model.demo.DemoScenario;
import org.skydas.sim.Channel;
import org.skydas.sim.Simulation;
import org.skydas.sim.script.DemoScript;
import org.skydas.sim.script.SimScript;
import org.skydas.sim.transport.SimTransport;

/**
 * The demo's simulated ONVIF camera against {@code serve --onvif-port}, with nothing else simulated: its object
 * analytics documents are POSTed under the camera's asset id, accepted (2xx), read without a malformed count, and
 * known to the feed as a scenario camera's; its geolocated Human objects make person tracks.
 */
class OnvifDemoCameraTest {

    @TempDir
    Path dir;

    @Test
    void theSimulatedCamerasDocumentsAreAccepted() throws Exception {
        Scenario demo = new DemoScenario().build();
        try (ServeCommand.Running r = DemoFeedServer.start(demo, dir, Feeds.Ports.none().withSensorStandards(-1, -1, 0))) {
            java.util.Set<Long> onvifPeople = java.util.concurrent.ConcurrentHashMap.newKeySet();
            r.pipeline().onTrackChange(t -> {
                if (t.externalId() != null && t.externalId().startsWith("onvif:")
                        && t.mostLikelyClass() == org.skydas.model.TargetKind.PERSON) {
                    onvifPeople.add(t.id());
                }
            }, t -> { });
            SimScript script = DemoScript.build(demo, 20_261_127L, Instant.now().minusSeconds(3_600));
            List<String> cameras = DemoScript.onvifCameras(demo, script);
            assertThat(cameras).hasSize(1);
            Simulation sim = new Simulation(demo, script).withOnvifCameras(cameras);
            double[] first = {Double.NaN};
            org.skydas.sim.MessageSink firstSeen = m -> {
                if (Double.isNaN(first[0])) {
                    first[0] = m.simTimeS();
                }
            };
            long sent;
            try (SimTransport transport = new SimTransport()
                    .route(Channel.ONVIF, new SimTransport.OnvifHttp(r.feeds().onvifPort()))) {
                for (double t = 0; t <= 1_800; t += 10) {
                    sim.advanceTo(t, m -> {
                        firstSeen.accept(m);
                        transport.accept(m);
                    });
                }
                assertThat(transport.failed()).as(String.valueOf(transport.lastError())).isZero();
                sent = transport.sent();
            }
            assertThat(sent).as("documents from the camera by the foot group's crossing").isPositive();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline && stat(r, "onvif-cameras").decodedCount() < sent) {
                Thread.sleep(50);
            }
            assertThat(stat(r, "onvif-http").malformedByReason()).isEmpty();
            ListenerStats cams = stat(r, "onvif-cameras");
            assertThat(cams.malformedByReason()).as("every document names a scenario camera").isEmpty();
            assertThat(cams.decodedCount()).isEqualTo(sent);
            deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline && onvifPeople.isEmpty()) {
                Thread.sleep(50);
            }
            assertThat(onvifPeople).as("person tracks from the camera's geolocated objects (%d documents, the first at"
                    + " %.0f s)", sent, first[0]).isNotEmpty();
        }
    }

    private static ListenerStats stat(ServeCommand.Running r, String name) {
        return r.feeds().stats().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
