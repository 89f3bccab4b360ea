package org.skydas.ingest.listen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.skydas.ingest.cot.CotEvent;
import org.skydas.testkit.SharedData;

/** The listeners over real loopback sockets: what arrives, what is counted, and that they keep going. */
class ListenersTest {

    static final String EVENT = "<?xml version=\"1.0\"?><event version=\"2.0\" uid=\"%s\" type=\"a-u-G\" how=\"m-g\" "
            + "time=\"2026-11-27T10:00:00Z\" start=\"2026-11-27T10:00:00Z\" stale=\"2026-11-27T10:05:00Z\">"
            + "<point lat=\"54.2\" lon=\"23.9\" hae=\"120\" ce=\"10\" le=\"15\"/><detail/></event>";

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void cotOverTcpAndUdpIsDecodedAndBadEventsAreCounted() throws Exception {
        List<Received<CotEvent>> got = new CopyOnWriteArrayList<>();
        try (CotListener l = CotListener.start("127.0.0.1", 0, r -> got.add(r))) {
            try (Socket s = new Socket("127.0.0.1", l.port()); OutputStream out = s.getOutputStream()) {
                String stream = EVENT.formatted("a") + "<event uid=\"broken\"><point lat=\"x\"/></event>"
                        + EVENT.formatted("b");
                byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
                // Split mid-event: TCP gives no message boundaries.
                out.write(bytes, 0, 100);
                out.flush();
                Thread.sleep(50);
                out.write(bytes, 100, bytes.length - 100);
                out.flush();
                await(() -> got.size() == 2);
            }
            try (DatagramSocket udp = new DatagramSocket()) {
                byte[] b = EVENT.formatted("c").getBytes(StandardCharsets.UTF_8);
                udp.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), l.port()));
                byte[] junk = "not xml at all".getBytes(StandardCharsets.UTF_8);
                udp.send(new DatagramPacket(junk, junk.length, InetAddress.getLoopbackAddress(), l.port()));
                // Counted once decoded or rejected (received is bumped first, so wait for the outcome).
                await(() -> got.size() == 3 && l.stats().get(1).malformedCount() == 1);
            }
            assertThat(got).extracting(r -> r.message().uid()).containsExactly("a", "b", "c");
            assertThat(got.get(0).message().point().lat()).isEqualTo(54.2);
            assertThat(got.get(0).listener()).isEqualTo("cot-tcp");
            ListenerStats tcp = l.stats().get(0);
            ListenerStats udp = l.stats().get(1);
            assertThat(tcp.receivedCount()).isEqualTo(3);
            assertThat(tcp.decodedCount()).isEqualTo(2);
            assertThat(tcp.malformedCount()).isEqualTo(1);
            assertThat(udp.decodedCount()).isEqualTo(1);
            assertThat(udp.malformedCount()).isEqualTo(1);
            assertThat(tcp.snapshot()).containsKeys("received", "decoded", "dropped", "malformed_by_reason");
        }
    }

    @Test
    void aFullConsumerCountsDropsInsteadOfBlocking() throws Exception {
        BlockingQueue<Received<CotEvent>> queue = new ArrayBlockingQueue<>(2);
        try (CotListener l = CotListener.start("127.0.0.1", 0, queue::offer);
             DatagramSocket udp = new DatagramSocket()) {
            for (int i = 0; i < 5; i++) {
                byte[] b = EVENT.formatted("e" + i).getBytes(StandardCharsets.UTF_8);
                udp.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), l.port()));
            }
            ListenerStats s = l.stats().get(1);
            await(() -> s.decodedCount() == 5 && s.droppedCount() + queue.size() == 5);
            assertThat(queue).hasSize(2);
            assertThat(s.droppedCount()).isEqualTo(3);
        }
    }

    @Test
    void asterixDatagramsAreDecodedRecordByRecord() throws Exception {
        byte[] cat048 = Files.readAllBytes(SharedData.require("data/protocols/asterix/croatiacontrol/sample_data/cat048.raw"));
        List<Integer> categories = new CopyOnWriteArrayList<>();
        try (AsterixListener l = AsterixListener.start("127.0.0.1", 0, (rec, peer, t) -> {
            categories.add(rec.category().number());
            return true;
        }); DatagramSocket udp = new DatagramSocket()) {
            udp.send(new DatagramPacket(cat048, cat048.length, InetAddress.getLoopbackAddress(), l.port()));
            byte[] junk = {48, 0, 3};
            udp.send(new DatagramPacket(junk, junk.length, InetAddress.getLoopbackAddress(), l.port()));
            ListenerStats s = l.stats().get(0);
            await(() -> s.decodedCount() + s.malformedCount() == 2);
            assertThat(categories).isNotEmpty().allMatch(c -> c == 48);
            assertThat(s.decodedCount()).isEqualTo(1);
            assertThat(s.malformedCount()).isEqualTo(1);
        }
    }

    @Test
    void asterixFromAMulticastGroupIsDecoded() throws Exception {
        byte[] cat048 = Files.readAllBytes(SharedData.require("data/protocols/asterix/croatiacontrol/sample_data/cat048.raw"));
        java.net.NetworkInterface nif = java.net.NetworkInterface.getByName("lo");
        org.junit.jupiter.api.Assumptions.assumeTrue(nif != null, "no loopback interface named lo");
        List<Integer> categories = new CopyOnWriteArrayList<>();
        int port;
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket()) {
            port = probe.getLocalPort(); // a free port: a group is joined on a known port
        }
        try (AsterixListener l = AsterixListener.startMulticast("239.255.42.99", port, "lo", (rec, peer, t) -> {
            categories.add(rec.category().number());
            return true;
        }); java.net.MulticastSocket out = new java.net.MulticastSocket()) {
            out.setNetworkInterface(nif);
            out.setLoopbackMode(false); // false = loopback enabled (the flag is "disable")
            out.send(new DatagramPacket(cat048, cat048.length, InetAddress.getByName("239.255.42.99"), l.port()));
            ListenerStats s = l.stats().get(0);
            await(() -> s.decodedCount() == 1);
            assertThat(categories).isNotEmpty().allMatch(c -> c == 48);
        }
    }
}
