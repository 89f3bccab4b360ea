package org.skydas.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.skydas.sim.transport.SimTransport;

class TransportTest {

    private static SimMessage msg(Channel c, byte[] payload) {
        return new SimMessage(1.5, TestWorld.START.plusMillis(1500), "sensor-1", c, payload);
    }

    @Test
    void udpDeliversEachMessageAsOneDatagram() throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (DatagramSocket rx = new DatagramSocket(new InetSocketAddress(lo, 0));
             SimTransport t = new SimTransport().route(Channel.ASTERIX, new SimTransport.Udp(rx.getLocalPort()))) {
            rx.setSoTimeout(10_000);
            byte[] a = {48, 0, 5, 1, 2};
            byte[] b = {34, 0, 4, 9};
            t.accept(msg(Channel.ASTERIX, a));
            t.accept(msg(Channel.ASTERIX, b));
            t.accept(msg(Channel.COT, new byte[] {1})); // no route: counted, not sent
            DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
            rx.receive(p);
            assertThat(Arrays.copyOf(p.getData(), p.getLength())).isEqualTo(a);
            rx.receive(p);
            assertThat(Arrays.copyOf(p.getData(), p.getLength())).isEqualTo(b);
            assertThat(t.sent()).isEqualTo(2);
            assertThat(t.unrouted()).isEqualTo(1);
            assertThat(t.failed()).isZero();
        }
    }

    @Test
    void tcpStreamsMessagesBackToBack() throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 5, lo);
             SimTransport t = new SimTransport().route(Channel.COT, new SimTransport.Tcp(server.getLocalPort()))) {
            server.setSoTimeout(10_000);
            byte[] a = "<?xml version=\"1.0\"?>\n<event uid=\"a\"/>".getBytes(StandardCharsets.UTF_8);
            byte[] b = "<?xml version=\"1.0\"?>\n<event uid=\"b\"/>".getBytes(StandardCharsets.UTF_8);
            t.accept(msg(Channel.COT, a)); // connects; the kernel queues the connection until accepted
            t.accept(msg(Channel.COT, b));
            try (Socket s = server.accept()) {
                s.setSoTimeout(10_000);
                InputStream in = s.getInputStream();
                byte[] got = in.readNBytes(a.length + b.length);
                byte[] want = new byte[a.length + b.length];
                System.arraycopy(a, 0, want, 0, a.length);
                System.arraycopy(b, 0, want, a.length, b.length);
                assertThat(got).isEqualTo(want);
            }
            assertThat(t.sent()).isEqualTo(2);
        }
    }

    @Test
    void httpPostsOneDetectionPerRequest() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> types = new CopyOnWriteArrayList<>();
        List<String> auth = new CopyOnWriteArrayList<>();
        server.createContext("/api/detections", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            types.add(ex.getRequestHeaders().getFirst("Content-Type"));
            auth.add(ex.getRequestHeaders().getFirst("Authorization"));
            ex.sendResponseHeaders(202, -1);
            ex.close();
        });
        server.createContext("/fail", ex -> {
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        server.start();
        try (SimTransport t = new SimTransport()) {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/detections");
            t.route(Channel.DETECTION_JSON, new SimTransport.Http(uri, null, Map.of("Authorization", "Bearer t0k")));
            t.accept(msg(Channel.DETECTION_JSON, "{\"n\":1}".getBytes(StandardCharsets.UTF_8)));
            t.accept(msg(Channel.DETECTION_JSON, "{\"n\":2}".getBytes(StandardCharsets.UTF_8)));
            assertThat(bodies).containsExactly("{\"n\":1}", "{\"n\":2}");
            assertThat(types).containsOnly("application/json");
            assertThat(auth).containsOnly("Bearer t0k");
            t.route(Channel.DETECTION_JSON, new SimTransport.Http(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/fail"), null));
            t.accept(msg(Channel.DETECTION_JSON, "{}".getBytes(StandardCharsets.UTF_8)));
            assertThat(t.sent()).isEqualTo(2);
            assertThat(t.failed()).isEqualTo(1);
            assertThat(t.lastError()).contains("HTTP 500");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void refusesNonLoopbackTargetsAndCountsDeadPorts() throws Exception {
        SimTransport t = new SimTransport();
        assertThatThrownBy(() -> t.route(Channel.DETECTION_JSON,
                new SimTransport.Http(URI.create("http://192.0.2.10:8080/api/detections"), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
        int dead;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort();
        }
        t.route(Channel.COT, new SimTransport.Tcp(dead));
        t.accept(msg(Channel.COT, new byte[] {1, 2, 3}));
        assertThat(t.failed()).isEqualTo(1);
        assertThat(t.lastError()).startsWith("cot:");
        t.close();
    }
}
