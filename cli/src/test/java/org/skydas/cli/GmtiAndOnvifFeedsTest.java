package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.ingest.listen.ListenerStats;
import org.skydas.ingest.onvif.OnvifMetadataParser;
import org.skydas.model.Asset;
import org.skydas.model.Scenario;
import org.skydas.model.SensorParameters;
import org.skydas.store.ScenarioStore;
import org.skydas.testkit.RtspTestServer;
import org.skydas.testkit.SharedData;
import org.skydas.track.Detection;
import org.skydas.model.TargetKind;
import org.skydas.watch.normalise.OnvifToDetection;

/**
 * {@code serve --gmti-port --onvif-port --onvif-rtsp}: the shared 4607 sample over TCP and UDP reaches the pipeline as one target
 * report per dwell; an Axis object-analytics event pushed for a demo camera is accepted (202) and becomes a
 * detection, one for an unknown camera is counted, and a body that is no metadata is a 400, counted.
 */
class GmtiAndOnvifFeedsTest {

    @TempDir
    Path dir;

    static ListenerStats stats(ServeCommand.Running r, String name) {
        return r.feeds().stats().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!c.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Test
    void gmtiAndOnvifReachThePipeline() throws Exception {
        byte[] gmti = Files.readAllBytes(SharedData.require("data/protocols/stanag4607/samples/pentlandedge/list1.4607"));
        String event = Files.readString(SharedData.require(
                "data/protocols/onvif/samples/axis-kane610/metadatastream_events/object_analytics_any_change.xml"))
                .replace("2024-10-07T21:09:26.046851Z", Instant.now().toString());
        Path data = dir.resolve("data");
        Path scenario = ServeCommand.ensureDemo(data);
        try (ServeCommand.Running r = ServeCommand.start(scenario, "127.0.0.1", 0, data, null,
                new Feeds.Ports(-1, -1, -1, null, null, -1, null, null).withSensorStandards(-1, 0, 0), -1, 0.2,
                TerrainFiles.NONE)) {
            try (Socket s = new Socket("127.0.0.1", r.feeds().gmtiPort()); OutputStream out = s.getOutputStream()) {
                out.write(gmti);
                out.flush();
                waitFor(() -> stats(r, "gmti-targets").decodedCount() == 1);
            }
            try (DatagramSocket u = new DatagramSocket()) {
                u.send(new DatagramPacket(gmti, gmti.length, InetAddress.getLoopbackAddress(), r.feeds().gmtiPort()));
                waitFor(() -> stats(r, "gmti-targets").decodedCount() == 2);
            }
            assertThat(stats(r, "gmti-targets").decodedCount()).isEqualTo(2);
            assertThat(stats(r, "gmti-udp").decodedCount()).isEqualTo(2);

            String camera = r.scenario().assets().stream().filter(a -> a.id().startsWith("camera-")).findFirst()
                    .orElseThrow().id();
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + r.feeds().onvifPort() + "/onvif/";
            assertThat(post(http, base + camera, event)).isEqualTo(202);
            assertThat(post(http, base + "no-such-camera", event)).isEqualTo(202);
            assertThat(post(http, base + camera, "<html/>")).isEqualTo(400);
            assertThat(post(http, "http://127.0.0.1:" + r.feeds().onvifPort() + "/elsewhere", event)).isEqualTo(404);
            waitFor(() -> stats(r, "onvif-cameras").receivedCount() == 2);
            assertThat(stats(r, "onvif-cameras").decodedCount()).isEqualTo(1);
            assertThat(stats(r, "onvif-cameras").malformedByReason()).containsEntry("not a camera of the scenario", 1L);
            assertThat(stats(r, "onvif-http").malformedCount()).isEqualTo(1);
            waitFor(() -> ((Number) r.pipeline().stats().get("processed")).longValue() >= 5);
            assertThat(((Number) r.pipeline().stats().get("processed")).longValue()).as("4 GMTI packets, 1 ONVIF document")
                    .isEqualTo(5);
        }
    }

    /**
     * {@code serve --onvif-rtsp <camera>=rtsp://...}: a camera (an in-test RTSP server) streams three object-analytics
     * events a second apart, split into RTP packets, with a packet that is no RTP among them; the feed pulls them,
     * counts and skips the bad packet, and the events become that camera's detections: one track where
     * {@link OnvifToDetection} places them (the middle of the camera's footprint), a person as the camera classed it.
     */
    @Test
    void onvifMetadataPulledOverRtspBecomesTheCamerasDetections() throws Exception {
        String template = Files.readString(SharedData.require(
                "data/protocols/onvif/samples/axis-kane610/metadatastream_events/object_analytics_any_change.xml"));
        Path data = dir.resolve("data");
        // The demo with one camera that sees 600 m: its footprint detections (sigma a third of the range) are sharp
        // enough for a track (the tracker drops tracks less sure than 300 m).
        Scenario demo = ScenarioStore.read(ServeCommand.ensureDemo(data));
        Asset wide = demo.assets().stream().filter(a -> a.id().startsWith("camera-")).findFirst().orElseThrow();
        var ranges = new java.util.HashMap<>(wide.sensor().rangeM());
        ranges.replaceAll((k, v) -> 600.0);
        SensorParameters p = wide.sensor();
        Asset camera = new Asset(wide.id(), wide.name(), wide.type(), wide.geometry(), wide.status(), wide.capexEur(),
                wide.opexEurPerYear(), wide.category(), wide.year(), new SensorParameters(p.mastHeightM(), ranges,
                p.azimuthFromDeg(), p.azimuthToDeg(), p.elevationMinDeg(), p.elevationMaxDeg(), p.pdNear(),
                p.pdAtMaxRange(), p.scanPeriodS(), p.positionNoiseM(), p.falseAlarmsPerHour()), wide.params());
        Path scenario = dir.resolve("near-camera.gpkg");
        ScenarioStore.write(demo.withAssets(demo.assets().stream().map(a -> a.id().equals(camera.id()) ? camera : a)
                .toList()), scenario);
        long now = System.currentTimeMillis();
        List<byte[]> packets = new ArrayList<>();
        String first = null;
        for (int k = 0; k < 3; k++) {
            String doc = template.replace("2024-10-07T21:09:26.046851Z", Instant.ofEpochMilli(now - 3000 + 1000L * k)
                    .toString());
            first = first == null ? doc : first;
            packets.addAll(RtspTestServer.packetise(doc.getBytes(StandardCharsets.UTF_8), 100 * k, 90_000L * k, 256));
            if (k == 0) {
                packets.add(new byte[] {0x40, 0x62, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0}); // version 1: no RTP 2
            }
        }
        Detection expected = OnvifToDetection.convert(new OnvifMetadataParser().parse(first.getBytes(
                StandardCharsets.UTF_8)), camera, now).get(0);
        try (RtspTestServer rtsp = RtspTestServer.start(RtspTestServer.Auth.NONE, null, null, List.of(packets), false);
             ServeCommand.Running r = ServeCommand.start(scenario, "127.0.0.1", 0, data, null,
                     Feeds.Ports.none().withOnvifRtsp(List.of(camera.id() + "=" + rtsp.url(null))), -1, 0.2,
                     TerrainFiles.NONE)) {
            waitFor(() -> stats(r, "onvif-cameras").decodedCount() == 3);
            assertThat(stats(r, "onvif-cameras").decodedCount()).isEqualTo(3);
            ListenerStats pulled = stats(r, "onvif-rtsp:" + camera.id());
            assertThat(pulled.decodedCount()).isEqualTo(3);
            assertThat(pulled.malformedByReason()).containsExactly(Map.entry("not an RTP version 2 packet", 1L));
            assertThat(r.feeds().health()).containsEntry("onvif-rtsp:" + camera.id(), true);
            waitFor(() -> !r.pipeline().tracks().isEmpty());
            assertThat(r.pipeline().tracks()).singleElement().satisfies(t -> {
                assertThat(Math.hypot(t.x() - expected.x(), t.y() - expected.y())).isLessThan(1.0);
                assertThat(t.mostLikelyClass()).isEqualTo(TargetKind.PERSON);
            });
        }
    }

    @Test
    void anOnvifRtspStreamMustNameACameraOfTheScenario() throws Exception {
        Path data = dir.resolve("data");
        Path scenario = ServeCommand.ensureDemo(data);
        for (String spec : List.of("rtsp://127.0.0.1:1/x", "no-such-camera=rtsp://127.0.0.1:1/x")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServeCommand.start(scenario, "127.0.0.1", 0, data,
                    null, Feeds.Ports.none().withOnvifRtsp(List.of(spec)), -1, 0.2, TerrainFiles.NONE))
                    .isInstanceOf(UserError.class).hasMessageContaining("camera");
        }
    }

    static int post(HttpClient http, String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
