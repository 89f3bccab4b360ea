package org.skydas.ingest.listen;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.skydas.ingest.remoteid.OdidBasicId;
import org.skydas.ingest.remoteid.OdidLocation;
import org.skydas.ingest.remoteid.OdidMessage;
import org.skydas.ingest.remoteid.OdidMessagePack;

class RemoteIdListenerTest {

    /** F3411 Basic ID (type 0): serial number, UA type multirotor. */
    static byte[] basicId(String serial) {
        ByteBuffer b = ByteBuffer.allocate(25).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x02); // type 0, protocol version 2
        b.put((byte) 0x12); // ID type 1 (serial), UA type 2 (multirotor)
        byte[] id = serial.getBytes(StandardCharsets.US_ASCII);
        b.put(id, 0, Math.min(20, id.length));
        return b.array();
    }

    /** F3411 Location/Vector (type 1) at lat/lon, airborne, unknown speed and altitudes. */
    static byte[] location(double lat, double lon) {
        ByteBuffer b = ByteBuffer.allocate(25).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x12); // type 1, protocol version 2
        b.put((byte) 0x20); // status airborne
        b.put((byte) 181);  // direction unknown
        b.put((byte) 255);  // horizontal speed unknown
        b.put((byte) 63);   // vertical speed unknown
        b.putInt((int) Math.round(lat * 1e7));
        b.putInt((int) Math.round(lon * 1e7));
        b.putShort((short) 0).putShort((short) 0).putShort((short) 0); // altitudes unknown
        b.put((byte) 0x0A).put((byte) 0x00); // accuracies: horizontal 10 m
        b.putShort((short) 1234);            // tenths past the hour
        return b.array();
    }

    static byte[] pack(byte[]... messages) {
        ByteBuffer b = ByteBuffer.allocate(3 + 25 * messages.length);
        b.put((byte) 0xF2).put((byte) 25).put((byte) messages.length);
        for (byte[] m : messages) {
            b.put(m);
        }
        return b.array();
    }

    @Test
    void packsAndSingleMessagesAreDecodedAndJunkIsCountedWithoutStoppingTheListener() throws Exception {
        List<Received<OdidMessage>> got = new CopyOnWriteArrayList<>();
        try (RemoteIdListener l = RemoteIdListener.start("127.0.0.1", 0, r -> got.add(r));
             DatagramSocket udp = new DatagramSocket()) {
            byte[][] datagrams = {pack(basicId("1596F3C9A2B74E0D8811"), location(54.1, 23.9)), {1, 2, 3},
                location(54.2, 24.0)};
            for (byte[] d : datagrams) {
                udp.send(new DatagramPacket(d, d.length, InetAddress.getLoopbackAddress(), l.port()));
            }
            ListenerStats s = l.stats().get(0);
            ListenersTest.await(() -> s.decodedCount() + s.malformedCount() == 3);
            assertThat(s.receivedCount()).isEqualTo(3);
            assertThat(s.decodedCount()).isEqualTo(2);
            assertThat(s.malformedCount()).isEqualTo(1);
            assertThat(got).hasSize(2);
            OdidMessagePack pack = (OdidMessagePack) got.get(0).message();
            assertThat(pack.messages()).hasSize(2);
            assertThat(((OdidBasicId) pack.messages().get(0)).uasId()).isEqualTo("1596F3C9A2B74E0D8811");
            OdidLocation loc = (OdidLocation) got.get(1).message();
            assertThat(loc.latDeg()).isCloseTo(54.2, org.assertj.core.api.Assertions.within(1e-7));
            assertThat(got.get(0).peer().getAddress().isLoopbackAddress()).isTrue();
        }
    }
}
