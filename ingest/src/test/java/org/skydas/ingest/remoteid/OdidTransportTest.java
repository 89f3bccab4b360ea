package org.skydas.ingest.remoteid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.skydas.ingest.pcap.CapturedPacket;
import org.skydas.ingest.pcap.LinkType;

/** Transports the shared captures do not contain: Bluetooth 4 legacy advertising, with and without CRC verdicts. */
class OdidTransportTest {

    /** Location message of frame 1 of the beacon capture. */
    private static final byte[] LOCATION = HexFormat.of().parseHex("10005c527ebcba251ba88cb4b60000aa099808394100000a00");

    /** A legacy ADV_NONCONN_IND: access address, header, AdvA, then flags AD and the ODID service data AD. */
    private static byte[] legacyAdvertisement(int counter) {
        ByteArrayOutputStream ad = new ByteArrayOutputStream();
        ad.writeBytes(new byte[] {2, 0x01, 0x06}); // flags
        ad.write(1 + 2 + 1 + 1 + 25);
        ad.writeBytes(new byte[] {0x16, (byte) 0xFA, (byte) 0xFF, 0x0D, (byte) counter});
        ad.writeBytes(LOCATION);
        byte[] adv = ad.toByteArray();
        ByteArrayOutputStream ll = new ByteArrayOutputStream();
        ll.writeBytes(new byte[] {(byte) 0xD6, (byte) 0xBE, (byte) 0x89, (byte) 0x8E}); // advertising access address
        ll.write(0x02); // ADV_NONCONN_IND
        ll.write(6 + adv.length);
        ll.writeBytes(new byte[] {1, 2, 3, 4, 5, 6}); // AdvA
        ll.writeBytes(adv);
        ll.writeBytes(new byte[] {0x11, 0x22, 0x33}); // CRC
        return ll.toByteArray();
    }

    @Test
    void legacyAdvertisingCarriesOneMessage() throws Exception {
        byte[] ll = legacyAdvertisement(77);
        List<OdidPayload> ps = OdidTransport.fromCapturedPacket(new CapturedPacket(0, LinkType.BLUETOOTH_LE_LL, 0, ll.length, ll));
        assertThat(ps).singleElement().satisfies(p -> {
            assertThat(p.transport()).isEqualTo(OdidPayload.BLE);
            assertThat(p.counter()).isEqualTo(77);
            assertThat(p.crcOk()).isNull(); // this link type records no CRC verdict
            assertThat(p.payload()).isEqualTo(LOCATION);
        });
        OdidLocation l = (OdidLocation) new OdidDecoder().decode(ps.get(0).payload());
        assertThat(l.speedHorizontalMps()).isEqualTo(20.5);
    }

    @Test
    void pseudoHeaderCrcVerdictIsCarriedAndBadFramesAreCounted() {
        byte[] ll = legacyAdvertisement(5);
        for (boolean valid : new boolean[] {true, false}) {
            byte[] frame = new byte[10 + ll.length];
            int flags = 0x0400 | (valid ? 0x0800 : 0); // CRC checked, CRC valid
            frame[8] = (byte) flags;
            frame[9] = (byte) (flags >>> 8);
            System.arraycopy(ll, 0, frame, 10, ll.length);
            CapturedPacket p = new CapturedPacket(0, LinkType.BLUETOOTH_LE_LL_WITH_PHDR, 0, frame.length, frame);
            assertThat(OdidTransport.crcVerdict(p)).isEqualTo(valid);
            List<OdidPayload> ps = OdidTransport.fromCapturedPacket(p);
            assertThat(ps).singleElement().satisfies(x -> assertThat(x.crcOk()).isEqualTo(valid));
            RemoteIdReceiver receiver = new RemoteIdReceiver();
            assertThat(receiver.accept(ps.get(0)) == null).isEqualTo(!valid);
            assertThat(receiver.badCrc()).isEqualTo(valid ? 0 : 1);
        }
    }

    @Test
    void truncatedAdvertisementYieldsAShortPayloadThatTheDecoderRefuses() {
        byte[] ll = legacyAdvertisement(1);
        byte[] cut = java.util.Arrays.copyOf(ll, ll.length - 13);
        List<OdidPayload> ps = OdidTransport.fromCapturedPacket(new CapturedPacket(0, LinkType.BLUETOOTH_LE_LL, 0, cut.length, cut));
        assertThat(ps).singleElement().satisfies(p -> assertThat(p.payload().length).isLessThan(25));
        RemoteIdReceiver receiver = new RemoteIdReceiver();
        assertThat(receiver.accept(ps.get(0))).isNull();
        assertThat(receiver.malformed()).isEqualTo(1);
        assertThat(receiver.lastError()).contains("expected 25");
    }
}
