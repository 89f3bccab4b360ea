package org.skydas.ingest.listen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.skydas.ingest.sapient.SapientCodec;
import org.skydas.ingest.sapient.SapientFrames;
import org.skydas.ingest.sapient.SapientReport;
import org.skydas.ingest.stanag4607.Gmti;
import org.skydas.testkit.SharedData;

import uk.gov.dstl.sapientmsg.bsiflex335v2.SapientMessage;

/**
 * The GMTI listener takes the shared 4607 sample over TCP in small pieces and over UDP, keeps the Mission date for the
 * dwell, and counts a garbage datagram without stopping; the SAPIENT listener closes a connection that announces a
 * message over its maximum (counted) and keeps serving a new one.
 */
class GmtiAndSapientListenersTest {

    static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!c.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void gmtiOverTcpAndUdp() throws Exception {
        byte[] sample = Files.readAllBytes(SharedData.require("data/protocols/stanag4607/samples/pentlandedge/list1.4607"));
        List<Received<Gmti.Packet>> got = new CopyOnWriteArrayList<>();
        try (GmtiListener l = GmtiListener.start("127.0.0.1", 0, got::add, TcpOptions.DEFAULTS, "127.0.0.1")) {
            try (Socket s = new Socket("127.0.0.1", l.port()); OutputStream out = s.getOutputStream()) {
                for (int i = 0; i < sample.length; i += 10) {
                    out.write(sample, i, Math.min(10, sample.length - i));
                    out.flush();
                }
                waitFor(() -> got.size() == 2);
            }
            assertThat(got).hasSize(2);
            assertThat(got.get(1).message().segments().get(0)).isInstanceOf(Gmti.Dwell.class);
            assertThat(got.get(1).message().referenceDate()).hasToString("2016-07-28");
            try (DatagramSocket u = new DatagramSocket()) {
                InetAddress lo = InetAddress.getLoopbackAddress();
                u.send(new DatagramPacket(sample, 76, lo, l.udpPort()));
                u.send(new DatagramPacket(sample, 76, 112, lo, l.udpPort()));
                u.send(new DatagramPacket(new byte[] {'3', '1', 0, 0, 0, 40, 1, 2, 3}, 9, lo, l.udpPort()));
                u.send(new DatagramPacket(sample, 76, 112, lo, l.udpPort()));
                waitFor(() -> got.size() == 5);
            }
            assertThat(got).hasSize(5);
            assertThat(got.get(3).message().referenceDate()).as("the mission date of the sender's earlier datagram")
                    .hasToString("2016-07-28");
            assertThat(got.get(4).message().referenceDate()).hasToString("2016-07-28");
            ListenerStats udp = l.stats().get(1);
            assertThat(udp.decodedCount()).isEqualTo(3);
            assertThat(udp.malformedCount()).isEqualTo(1);
            assertThat(l.isOpen()).isTrue();
        }
    }

    @Test
    void sapientClosesOnlyTheConnectionThatAnnouncesAnOversizedMessage() throws Exception {
        List<Received<SapientReport>> got = new CopyOnWriteArrayList<>();
        try (SapientListener l = SapientListener.start("127.0.0.1", 0, got::add, TcpOptions.DEFAULTS, 1024)) {
            try (Socket s = new Socket("127.0.0.1", l.port())) {
                s.getOutputStream().write(new byte[] {(byte) 0x01, 0x10, 0, 0, 1, 2, 3});
                s.getOutputStream().flush();
                s.setSoTimeout(10_000);
                assertThat(s.getInputStream().read()).as("closed by the server").isEqualTo(-1);
            }
            assertThat(l.stats().get(0).malformedByReason()).containsEntry("message longer than 1024 bytes", 1L);
            // A node that was not registered gets an Error, and the connection stays.
            try (Socket s = new Socket("127.0.0.1", l.port())) {
                s.setSoTimeout(10_000);
                String json = Files.readString(SharedData.require("data/protocols/sapient/samples/bsi_flex_335_v2_0/"
                        + "dstl-test-harness/simulator-defaults/Default.StatusReport.json"));
                byte[] status = SapientCodec.parseJson(json, false).toByteArray();
                for (int i = 0; i < 2; i++) {
                    s.getOutputStream().write(SapientFrames.frame(status));
                    s.getOutputStream().flush();
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    byte[] head = new byte[4];
                    in.readFully(head);
                    byte[] body = new byte[(head[0] & 0xFF) | (head[1] & 0xFF) << 8];
                    in.readFully(body);
                    SapientMessage reply = SapientMessage.parseFrom(body);
                    assertThat(reply.getError().getErrorMessageList()).singleElement().asString()
                            .contains("has not registered");
                    assertThat(reply.getNodeId()).isEqualTo(l.fusionNodeId());
                }
            }
            assertThat(got).isEmpty();
            assertThat(l.stats().get(0).malformedByReason()).containsEntry("not registered", 2L);
        }
    }
}
