package org.skydas.ingest.listen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.skydas.ingest.cot.CotEvent;
import org.skydas.ingest.json.Detection;
import org.skydas.testkit.SharedData;

/** TAK v1 streams over TCP, and JSON detections through the real Mosquitto broker on these machines. */
class StreamAndMqttListenersTest {

    @Test
    void takStreamFramesAreDecodedAndALyingLengthClosesOnlyThatConnection() throws Exception {
        byte[] stream = Files.readAllBytes(SharedData.require("data/protocols/cot-tak/samples/takproto/takproto_v1_stream.bin"));
        List<Received<CotEvent>> got = new CopyOnWriteArrayList<>();
        try (TakStreamListener l = TakStreamListener.start("127.0.0.1", 0, got::add)) {
            try (Socket s = new Socket("127.0.0.1", l.port()); OutputStream out = s.getOutputStream()) {
                out.write(stream);
                out.write(stream);
                out.flush();
                ListenersTest.await(() -> got.size() == 2);
            }
            // 0xbf then a varint length far beyond the limit: framing error, connection closed.
            try (Socket s = new Socket("127.0.0.1", l.port()); OutputStream out = s.getOutputStream()) {
                out.write(new byte[] {(byte) 0xbf, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x7f, 1, 2, 3});
                out.flush();
                ListenersTest.await(() -> l.stats().get(0).malformedCount() == 1);
            }
            // The listener still serves new connections.
            try (Socket s = new Socket("127.0.0.1", l.port()); OutputStream out = s.getOutputStream()) {
                out.write(stream);
                out.flush();
                ListenersTest.await(() -> got.size() == 3);
            }
            assertThat(got.get(0).message().uid()).isNotBlank();
            assertThat(l.stats().get(0).decodedCount()).isEqualTo(3);
        }
    }

    @Test
    void jsonDetectionsArriveOverMqttAndBadOnesAreCounted() throws Exception {
        String broker = System.getenv().getOrDefault("SKYDAS_TEST_MQTT", "tcp://127.0.0.1:1883");
        List<Received<Detection>> got = new CopyOnWriteArrayList<>();
        MqttDetectionListener l;
        try {
            l = MqttDetectionListener.start(broker, "skydas-test/" + System.nanoTime() + "/#", got::add);
        } catch (MqttException e) {
            if (SharedData.inCi()) {
                throw e;
            }
            Assumptions.abort("skipped: no MQTT broker at " + broker + ": " + e.getMessage());
            return;
        }
        try (l; MqttClient pub = new MqttClient(broker, "skydas-test-pub-" + System.nanoTime(), new MemoryPersistence())) {
            pub.connect();
            String topic = l.topic().replace("#", "camera-7");
            String good = "{\"sensor_id\":\"camera-7\",\"time\":\"2026-11-27T10:00:00Z\",\"kind\":\"camera\","
                    + "\"position\":{\"lat\":54.2,\"lon\":23.9},\"position_error_m\":15,\"class_hint\":\"person\","
                    + "\"confidence\":0.8}";
            pub.publish(topic, good.getBytes(StandardCharsets.UTF_8), 1, false);
            pub.publish(topic, "{\"sensor_id\":7}".getBytes(StandardCharsets.UTF_8), 1, false);
            pub.publish(topic, "not json".getBytes(StandardCharsets.UTF_8), 1, false);
            ListenersTest.await(() -> l.stats().get(0).decodedCount() + l.stats().get(0).malformedCount() == 3);
            pub.disconnect();
        }
        assertThat(got).singleElement().satisfies(r -> {
            assertThat(r.message().sensorId()).isEqualTo("camera-7");
            assertThat(r.message().position().lat()).isEqualTo(54.2);
        });
        assertThat(l.stats().get(0).malformedCount()).isEqualTo(2);
    }
}
