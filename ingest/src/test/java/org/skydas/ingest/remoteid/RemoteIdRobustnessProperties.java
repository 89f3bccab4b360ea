package org.skydas.ingest.remoteid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

import org.skydas.ingest.DecodeException;
import org.skydas.ingest.pcap.CapturedPacket;
import org.skydas.ingest.tak.Mutations;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Remote ID decoding and transport parsing never throw anything but DecodeException, whatever the bytes. */
class RemoteIdRobustnessProperties {

    /** Frame 1 of the beacon capture (pack of 5) and a radiotap beacon and a Nordic BT5 frame around such packs. */
    static final byte[] PACK = HexFormat.of().parseHex("f0190500004d464731413031323334353637383900000000000050f610005c527ebcba251ba88cb4b6"
            + "0000aa099808394100000a00300052656372656174696f6e616c00000000000000000000004004a485251b6edbb3b60100320000000015"
            + "0000000000000050004742522d4f502d31323341424344000000000000000000");
    static final byte[] BEACON = HexFormat.of().parseHex("000011000000000000000000000000000080000000ffffffffffff84cca860432484cca8604324000d"
            + "0000000000000000b80b2104030106000e4742522d4f502d31323341424344dd85fa0bbc0dd0"
            + HexFormat.of().formatHex(PACK));
    static final byte[] NORDIC = HexFormat.of().parseHex("0308010377be020a2123360000c1e8bda0d6be898e0007f409091c2febea7de0750ee916faff0d25"
            + HexFormat.of().formatHex(PACK) + "d8844f");

    private final OdidDecoder decoder = new OdidDecoder();

    @Example
    void seedsAreRealFramesBeforeMutation() {
        assertThat(OdidTransport.fromCapturedPacket(new CapturedPacket(0, 127, 0, BEACON.length, BEACON)))
                .singleElement().satisfies(p -> assertThat(p.payload()).isEqualTo(PACK));
        assertThat(OdidTransport.fromCapturedPacket(new CapturedPacket(0, OdidTransport.LINKTYPE_NORDIC_BLE, 0, NORDIC.length, NORDIC)))
                .singleElement().satisfies(p -> assertThat(p.payload()).isEqualTo(PACK));
    }

    @Property(tries = 10_000)
    void mutatedPacksDecodeOrFailCleanly(@ForAll long seed) {
        byte[] input = Mutations.mutate(PACK, seed);
        try {
            OdidMessage m = decoder.decode(input);
            if (m instanceof OdidMessagePack p) {
                assertThat(3 + p.messages().size() * 25).isLessThanOrEqualTo(input.length);
            }
        } catch (DecodeException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 10_000)
    void mutatedFramesNeverBreakTheTransportLayer(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int which) {
        byte[] frame = Mutations.mutate(which == 2 ? NORDIC : BEACON, seed);
        int linkType = which == 2 ? OdidTransport.LINKTYPE_NORDIC_BLE : which == 1 ? 105 : 127;
        for (OdidPayload p : OdidTransport.fromCapturedPacket(new CapturedPacket(0, linkType, 0, frame.length, frame))) {
            assertThat(p.payload().length).isLessThanOrEqualTo(frame.length);
            new RemoteIdReceiver().accept(p); // counts, never throws
        }
    }

    @Property(tries = 10_000)
    void randomBytesEverywhere(@ForAll @Size(max = 300) byte[] b) {
        try {
            decoder.decode(b);
        } catch (DecodeException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
        OdidTransport.fromIeee80211(b, 0, b.length);
        OdidTransport.fromBleAdvData(b, 0, b.length, null);
        OdidTransport.fromBleLinkLayer(b, 0, b.length, true, true);
        OdidTransport.fromNordicBle(b);
    }
}
