package org.skydas.ingest.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.skydas.ingest.DecodeException;
import org.skydas.testkit.SharedData;

class CaptureReaderTest {

    private static final byte[] HELLO = "hello asterix".getBytes(StandardCharsets.US_ASCII);

    static List<CapturedPacket> readAll(byte[] file) throws IOException, DecodeException {
        List<CapturedPacket> out = new ArrayList<>();
        try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(file))) {
            CapturedPacket p;
            while ((p = r.next()) != null) {
                out.add(p);
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"BIG_ENDIAN", "LITTLE_ENDIAN"})
    void classicPcapInBothByteOrdersAndResolutions(String orderName) throws Exception {
        ByteOrder order = orderName.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] frame = CaptureBytes.ethernet(CaptureBytes.ipv4Udp(1234, 8600, HELLO));
        byte[] micro = CaptureBytes.classic(order, false, LinkType.ETHERNET, new long[] {1_700_000_000L},
                new long[] {250_000}, frame);
        byte[] nano = CaptureBytes.classic(order, true, LinkType.ETHERNET, new long[] {1_700_000_000L},
                new long[] {250_000_001}, frame);

        CapturedPacket m = readAll(micro).get(0);
        assertThat(m.linkType()).isEqualTo(LinkType.ETHERNET);
        assertThat(m.timestampNanos()).isEqualTo(1_700_000_000_250_000_000L);
        assertThat(m.data()).isEqualTo(frame);
        assertThat(readAll(nano).get(0).timestampNanos()).isEqualTo(1_700_000_000_250_000_001L);
    }

    @Test
    void pcapngWithTwoInterfacesOwnLinkTypesAndResolutions() throws Exception {
        byte[] eth = CaptureBytes.ethernet(CaptureBytes.ipv4Udp(1, 2, HELLO), 0x8100);
        byte[] ble = {(byte) 0xD6, (byte) 0xBE, (byte) 0x89, (byte) 0x8E, 0x02, 0x01};
        byte[] file = new CaptureBytes.Ng(ByteOrder.LITTLE_ENDIAN)
                .iface(LinkType.ETHERNET, null)                 // default microseconds
                .iface(LinkType.BLUETOOTH_LE_LL, 9)             // nanoseconds
                .epb(0, 1_700_000_000_000_001L, eth)
                .unknownBlock()
                .epb(1, 1_700_000_000_000_000_007L, ble)
                .spb(eth)
                .section(ByteOrder.BIG_ENDIAN)                  // a second section switches byte order
                .iface(LinkType.IEEE802_11_RADIOTAP, 0x80 | 10) // binary resolution 2^-10 s
                .epb(0, (5L << 10) | 512, ble)
                .bytes();
        List<CapturedPacket> packets = readAll(file);
        assertThat(packets).hasSize(4);
        assertThat(packets.get(0).linkType()).isEqualTo(LinkType.ETHERNET);
        assertThat(packets.get(0).timestampNanos()).isEqualTo(1_700_000_000_000_001_000L);
        assertThat(packets.get(0).data()).isEqualTo(eth);
        assertThat(packets.get(1).interfaceId()).isEqualTo(1);
        assertThat(packets.get(1).linkType()).isEqualTo(LinkType.BLUETOOTH_LE_LL);
        assertThat(packets.get(1).timestampNanos()).isEqualTo(1_700_000_000_000_000_007L);
        assertThat(packets.get(1).data()).isEqualTo(ble);
        assertThat(packets.get(2).timestampNanos()).isEqualTo(CapturedPacket.NO_TIMESTAMP);
        assertThat(packets.get(2).data()).isEqualTo(eth);
        assertThat(packets.get(3).linkType()).isEqualTo(LinkType.IEEE802_11_RADIOTAP);
        assertThat(packets.get(3).timestampNanos()).isEqualTo(5_500_000_000L);
    }

    @Test
    void packetsAndDatagramsKeepTheirBytesWhateverIsDoneToTheArraysTheyHandOut() throws Exception {
        byte[] frame = CaptureBytes.ethernet(CaptureBytes.ipv4Udp(4000, 8600, HELLO));
        byte[] original = frame.clone();
        CapturedPacket p = new CapturedPacket(0, LinkType.ETHERNET, 0, frame.length, frame);
        p.data()[0] ^= 1;
        assertThat(p.data()).isEqualTo(original);
        UdpDatagram d = UdpExtractor.extract(p);
        String source = d.sourceAddress().getHostAddress();
        java.util.Arrays.fill(d.frame(), (byte) 0);
        java.util.Arrays.fill(d.source(), (byte) 0);
        java.util.Arrays.fill(d.destination(), (byte) 0);
        assertThat(d.frame()).isEqualTo(original);
        assertThat(d.payload()).isEqualTo(HELLO);
        assertThat(d.sourceAddress().getHostAddress()).isEqualTo(source);
        assertThat(d.destinationAddress().getHostAddress()).isEqualTo("239.1.2.3");
    }

    @Test
    void udpPayloadThroughEthernetVlanAndLinuxCooked() throws Exception {
        byte[] ip = CaptureBytes.ipv4Udp(4000, 8600, HELLO);
        for (byte[] frame : List.of(CaptureBytes.ethernet(ip), CaptureBytes.ethernet(ip, 0x88A8, 0x8100))) {
            UdpDatagram d = UdpExtractor.extract(new CapturedPacket(0, LinkType.ETHERNET, 0, frame.length, frame));
            assertThat(d.payload()).isEqualTo(HELLO);
            assertThat(d.sourcePort()).isEqualTo(4000);
            assertThat(d.destinationPort()).isEqualTo(8600);
            assertThat(d.destinationAddress().getHostAddress()).isEqualTo("239.1.2.3");
        }
        byte[] sll = CaptureBytes.sll(ip);
        assertThat(UdpExtractor.extract(new CapturedPacket(0, LinkType.LINUX_SLL, 0, sll.length, sll)).payload())
                .isEqualTo(HELLO);
        byte[] sll2 = CaptureBytes.sll2(ip);
        assertThat(UdpExtractor.extract(new CapturedPacket(0, LinkType.LINUX_SLL2, 0, sll2.length, sll2))
                .payload()).isEqualTo(HELLO);
        assertThat(UdpExtractor.extract(new CapturedPacket(0, LinkType.RAW, 0, ip.length, ip)).payload())
                .isEqualTo(HELLO);
    }

    @Test
    void nonUdpAndCutFramesAreSkippedNotThrown() {
        byte[] ip = CaptureBytes.ipv4Udp(1, 2, HELLO);
        byte[] frame = CaptureBytes.ethernet(ip);
        for (int cut = 0; cut < frame.length; cut++) {
            byte[] shorter = java.util.Arrays.copyOf(frame, cut);
            UdpDatagram d = UdpExtractor.extract(new CapturedPacket(0, LinkType.ETHERNET, 0, frame.length, shorter));
            if (d != null) {
                assertThat(d.payloadOffset() + d.payloadLength()).isLessThanOrEqualTo(cut);
            }
        }
        byte[] tcp = frame.clone();
        tcp[14 + 9] = 6;
        assertThat(UdpExtractor.extract(new CapturedPacket(0, LinkType.ETHERNET, 0, tcp.length, tcp))).isNull();
        byte[] fragment = frame.clone();
        fragment[14 + 6] = 0x20; // MF set
        assertThat(UdpExtractor.extract(new CapturedPacket(0, LinkType.ETHERNET, 0, tcp.length, fragment))).isNull();
    }

    @Test
    void lyingLengthsEndWithDecodeException() {
        byte[] frame = CaptureBytes.ethernet(CaptureBytes.ipv4Udp(1, 2, HELLO));
        byte[] file = CaptureBytes.classic(ByteOrder.LITTLE_ENDIAN, false, 1, new long[] {0}, new long[] {0}, frame);
        file[24 + 8] = (byte) 0xFF;
        file[24 + 11] = (byte) 0x7F; // captured length 2 GB
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(DecodeException.class).hasMessageContaining("offset 24");
        byte[] cut = java.util.Arrays.copyOf(
                CaptureBytes.classic(ByteOrder.LITTLE_ENDIAN, false, 1, new long[] {0}, new long[] {0}, frame), 40);
        assertThatThrownBy(() -> readAll(cut)).isInstanceOf(DecodeException.class).hasMessageContaining("truncated");
        byte[] ng = new CaptureBytes.Ng(ByteOrder.BIG_ENDIAN).iface(1, null).epb(0, 0, frame).bytes();
        ng[28 + 20 + 4 + 3] = 9; // EPB total length no longer a multiple of 4
        assertThatThrownBy(() -> readAll(ng)).isInstanceOf(DecodeException.class).hasMessageContaining("length");
        assertThatThrownBy(() -> readAll("not a capture".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(DecodeException.class);
    }

    @Test
    void sharedCapturesOfEachLinkType() throws Exception {
        Path asterix = SharedData.require("data/protocols/asterix/croatiacontrol/sample_data/cat_034_048.pcap");
        List<UdpDatagram> datagrams = new ArrayList<>();
        UdpExtractor.Summary s = UdpExtractor.forEachDatagram(asterix, datagrams::add);
        assertThat(s.frames()).isEqualTo(100);
        assertThat(datagrams).hasSize(100);
        assertThat(datagrams).allSatisfy(d -> assertThat(d.destinationPort()).isBetween(21111, 22135));
        // Every payload is a sequence of ASTERIX blocks: CAT 34 or 48 then a length that fits the payload.
        assertThat(datagrams).allSatisfy(d -> {
            int cat = d.frame()[d.payloadOffset()] & 0xFF;
            int len = LinkLayer.u16(d.frame(), d.payloadOffset() + 1);
            assertThat(cat).isIn(34, 48);
            assertThat(len).isBetween(3, d.payloadLength());
        });

        Path wifi = SharedData.require("data/protocols/remoteid/captures/odid_wifi_sample.pcap");
        try (CaptureReader r = CaptureReader.open(wifi)) {
            CapturedPacket p = r.next();
            assertThat(p.linkType()).isEqualTo(LinkType.IEEE802_11_RADIOTAP);
            int mac = LinkLayer.ieee80211Offset(p.linkType(), p.data());
            assertThat(mac).isGreaterThan(0).isLessThan(p.data().length);
        }
        Path ble = SharedData.require("data/protocols/remoteid/captures/odid_bt5_lr_sample.pcapng");
        assertThat(CaptureReader.formatOf(ble)).isEqualTo(CaptureFormat.PCAPNG);
        try (CaptureReader r = CaptureReader.open(ble)) {
            CapturedPacket p = r.next();
            assertThat(p).isNotNull();
            assertThat(p.timestampNanos()).isGreaterThan(1_000_000_000_000_000_000L); // after 2001
            assertThat(p.linkType()).isEqualTo(LinkType.NORDIC_BLE);
            int ll = LinkLayer.bluetoothLeOffset(p.linkType(), p.data());
            // The advertising access address 0x8E89BED6, little-endian on air.
            assertThat(java.util.Arrays.copyOfRange(p.data(), ll, ll + 4))
                    .containsExactly(0xD6, 0xBE, 0x89, 0x8E);
            int frames = 1;
            int crcBad = LinkLayer.bluetoothLeCrcOk(p.linkType(), p.data()) ? 0 : 1;
            while ((p = r.next()) != null) {
                frames++;
                crcBad += LinkLayer.bluetoothLeCrcOk(p.linkType(), p.data()) ? 0 : 1;
            }
            assertThat(frames).isEqualTo(274);
            assertThat(crcBad).isEqualTo(30); // remoteid/NOTES.md: 30 of 274 frames with a bad CRC
        }
    }
}
