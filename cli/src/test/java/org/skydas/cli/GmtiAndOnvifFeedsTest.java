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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.ingest.listen.ListenerStats;
import org.skydas.testkit.SharedData;

/**
 * {@code serve --gmti-port --onvif-port}: the shared 4607 sample over TCP and UDP reaches the pipeline as one target
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

    static int post(HttpClient http, String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
