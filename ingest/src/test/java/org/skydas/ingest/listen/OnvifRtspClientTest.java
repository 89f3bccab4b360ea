package org.skydas.ingest.listen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.skydas.ingest.onvif.Onvif;
import org.skydas.ingest.onvif.OnvifPush;
import org.skydas.testkit.RtspTestServer;
import org.skydas.testkit.SharedData;

/**
 * The ONVIF RTSP feed against an in-test camera (Netty's RTSP codec, {@link RtspTestServer}) streaming the shared Axis
 * samples: the recorded RTP packets as they are, and metadata documents split into RTP packets here; a packet that is
 * no RTP is counted and skipped; a dropped connection is opened again; Digest and Basic credentials when asked.
 */
class OnvifRtspClientTest {

    private static final String AXIS = "data/protocols/onvif/samples/axis-kane610/";
    private static final OnvifRtspClient.Options FAST = new OnvifRtspClient.Options(Duration.ofSeconds(2),
            Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofMillis(400));

    private static byte[] sample(String path) throws Exception {
        return Files.readAllBytes(SharedData.require(AXIS + path));
    }

    /** The shared RTP packets, two event documents split into 300-byte packets, and a packet that is no RTP between. */
    private static List<byte[]> session() throws Exception {
        List<byte[]> s = new ArrayList<>();
        s.add(sample("rtp_metadata_packets/rtp_packet1_full.bin"));
        s.add(sample("rtp_metadata_packets/rtp_packet2_fragment1.bin"));
        s.add(sample("rtp_metadata_packets/rtp_packet2_fragment2.bin"));
        s.addAll(RtspTestServer.packetise(sample("metadatastream_events/object_analytics_any_change.xml"), 100, 9000, 300));
        s.add(new byte[] {0x00, 0x62, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, '<', 'x', '/', '>'}); // version 0: no RTP
        s.addAll(RtspTestServer.packetise(sample("metadatastream_events/vmd4_c1p1_change.xml"), 200, 18000, 300));
        return s;
    }

    static void await(BooleanSupplier c, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    private static List<String> topics(List<Received<OnvifPush>> got) {
        List<String> out = new ArrayList<>();
        for (Received<OnvifPush> r : got) {
            for (Onvif.Event e : r.message().document().events()) {
                out.add(e.topic());
            }
        }
        return out;
    }

    @Test
    void theMetadataTrackIsPlayedReassembledAndAMalformedPacketSkipped() throws Exception {
        List<Received<OnvifPush>> got = new CopyOnWriteArrayList<>();
        try (RtspTestServer camera = RtspTestServer.start(RtspTestServer.Auth.NONE, null, null, List.of(session()), false);
             OnvifRtspClient client = OnvifRtspClient.start("camera-1", camera.url(null), got::add, FAST)) {
            await(() -> got.size() == 4, "four documents");
            assertThat(camera.setupUrls()).as("the metadata track's control URL, not the video's")
                    .containsExactly(camera.url(null) + "/trackID=2");
            assertThat(got).allSatisfy(r -> {
                assertThat(r.message().cameraId()).isEqualTo("camera-1");
                assertThat(r.listener()).isEqualTo("onvif-rtsp:camera-1");
            });
            assertThat(topics(got)).containsExactly("tnsaxis:Storage/Recording",
                    "tnsaxis:CameraApplicationPlatform/ObjectAnalytics/xinternal_data",
                    "tnsaxis:CameraApplicationPlatform/ObjectAnalytics/Device1Scenario1",
                    "tnsaxis:CameraApplicationPlatform/VMD/Camera1Profile1");
            Onvif.Event objects = got.get(2).message().document().events().get(0);
            assertThat(objects.operation()).isEqualTo("Changed");
            assertThat(objects.data()).containsEntry("classTypes", "human");
            ListenerStats stats = client.stats().get(0);
            assertThat(stats.decodedCount()).isEqualTo(4);
            assertThat(stats.malformedByReason()).containsExactly(java.util.Map.entry("not an RTP version 2 packet", 1L));
            assertThat(client.isPlaying()).isTrue();
            assertThat(client.connections()).isEqualTo(1);
        }
    }

    @Test
    void aDroppedConnectionIsOpenedAgain() throws Exception {
        List<Received<OnvifPush>> got = new CopyOnWriteArrayList<>();
        byte[] doc = sample("metadatastream_events/pir_change.xml");
        try (RtspTestServer camera = RtspTestServer.start(RtspTestServer.Auth.NONE, null, null,
                List.of(RtspTestServer.packetise(doc, 1, 100, 400), RtspTestServer.packetise(doc, 50, 200, 400)), true);
             OnvifRtspClient client = OnvifRtspClient.start("camera-1", camera.url(null), got::add, FAST)) {
            await(() -> got.size() >= 3 && client.plays() >= 3, "three sessions");
            assertThat(camera.connections()).isGreaterThanOrEqualTo(3);
            assertThat(client.connections()).isGreaterThanOrEqualTo(3);
            assertThat(client.stats().get(0).malformedCount()).isZero();
            assertThat(topics(got)).allMatch(t -> t.equals(topics(got).get(0)));
        }
    }

    @Test
    void digestCredentialsAreGivenWhenTheCameraAsks() throws Exception {
        List<Received<OnvifPush>> got = new CopyOnWriteArrayList<>();
        byte[] doc = sample("metadatastream_events/pir_change.xml");
        try (RtspTestServer camera = RtspTestServer.start(RtspTestServer.Auth.DIGEST, "operator", "p@ss:word", List.of(
                RtspTestServer.packetise(doc, 1, 100, 400)), false);
             OnvifRtspClient client = OnvifRtspClient.start("camera-1", camera.url("operator:p%40ss%3Aword"), got::add,
                     FAST)) {
            await(() -> got.size() == 1, "the document");
            assertThat(camera.refused()).as("the first OPTIONS, before the challenge").isEqualTo(1);
            assertThat(camera.authorizations()).hasSize(4).allMatch(h -> h.startsWith("Digest "));
            assertThat(client.url()).doesNotContain("operator").doesNotContain("word");
        }
    }

    @Test
    void basicCredentialsAndARefusal() throws Exception {
        List<Received<OnvifPush>> got = new CopyOnWriteArrayList<>();
        byte[] doc = sample("metadatastream_events/pir_change.xml");
        try (RtspTestServer camera = RtspTestServer.start(RtspTestServer.Auth.BASIC, "operator", "secret", List.of(
                RtspTestServer.packetise(doc, 1, 100, 400)), false)) {
            try (OnvifRtspClient client = OnvifRtspClient.start("camera-1", camera.url("operator:secret"), got::add,
                    FAST)) {
                await(() -> got.size() == 1, "the document");
                assertThat(camera.authorizations()).allMatch(h -> h.startsWith("Basic "));
            }
            try (OnvifRtspClient wrong = OnvifRtspClient.start("camera-1", camera.url("operator:guess"), got::add,
                    FAST)) {
                await(() -> wrong.stats().get(0).malformedByReason().getOrDefault("credentials refused", 0L) >= 2,
                        "refused twice (retried after the back-off)");
                assertThat(wrong.isPlaying()).isFalse();
                assertThat(got).hasSize(1);
            }
        }
    }

    @Test
    void aCameraThatIsNotThereIsRetried() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (OnvifRtspClient client = OnvifRtspClient.start("camera-1", "rtsp://127.0.0.1:" + port + "/x",
                r -> true, FAST)) {
            await(() -> client.stats().get(0).malformedByReason().getOrDefault("cannot connect", 0L) >= 3,
                    "three failed attempts");
            assertThat(client.connections()).isZero();
        }
    }

    @Test
    void aCameraThatAnswersNoRtspIsCountedAndRetried() throws Exception {
        try (java.net.ServerSocket garbage = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (!garbage.isClosed()) {
                    try (java.net.Socket s = garbage.accept()) {
                        s.getOutputStream().write("HELLO THERE\r\nno: rtsp\r\n\r\n".getBytes());
                        s.getInputStream().read(new byte[4096]);
                    } catch (java.io.IOException e) {
                        // closed
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            try (OnvifRtspClient client = OnvifRtspClient.start("camera-1", "rtsp://127.0.0.1:" + garbage.getLocalPort()
                    + "/x", r -> true, FAST)) {
                await(() -> client.stats().get(0).malformedByReason().getOrDefault("bad RTSP answer", 0L) >= 2,
                        "two bad answers (one per connection)");
                assertThat(client.isPlaying()).isFalse();
                assertThat(client.connections()).isGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void credentialsAreKeptOutOfWhatIsShown() {
        assertThat(OnvifRtspClient.redact("rtsp://admin:secret@10.0.0.5:554/onvif"))
                .isEqualTo("rtsp://admin:***@10.0.0.5:554/onvif");
        assertThat(OnvifRtspClient.interleavedChannel("RTP/AVP/TCP;unicast;interleaved=4-5")).isEqualTo(4);
    }
}
