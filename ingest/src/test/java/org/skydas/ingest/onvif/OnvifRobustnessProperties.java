package org.skydas.ingest.onvif;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.skydas.ingest.DecodeException;
import org.skydas.ingest.tak.Mutations;
import org.skydas.testkit.SharedData;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.BeforeContainer;

/** 10^5 mutated ONVIF documents and RTP packets: each decodes or fails with a one-line DecodeException. */
class OnvifRobustnessProperties {

    static byte[][] seeds;

    @BeforeContainer
    static void load() throws Exception {
        String dir = "data/protocols/onvif/samples/axis-kane610/";
        seeds = new byte[][] {
                Files.readAllBytes(SharedData.require(dir + "metadatastream_events/object_analytics_any_change.xml")),
                Files.readAllBytes(SharedData.require(dir + "metadatastream_events/vmd4_c1p1_change.xml")),
                Files.readAllBytes(SharedData.require(dir + "rtp_metadata_packets/rtp_packet1_full.bin"))};
    }

    @Property(tries = 100_000)
    void mutatedInputDecodesOrFailsCleanly(@ForAll long seed) {
        int which = (int) Math.floorMod(seed, seeds.length);
        byte[] input = Mutations.mutate(seeds[which], seed);
        try {
            byte[] doc = input;
            if (which == 2) {
                doc = new OnvifRtp(1 << 16).add(input, 0, input.length);
                if (doc == null) {
                    return;
                }
            }
            Onvif.Document d = new OnvifMetadataParser().parse(doc);
            assertThat(d.events().size() + d.frames().size()).isLessThanOrEqualTo(doc.length);
        } catch (DecodeException expected) {
            assertThat(expected.getMessage()).isNotBlank().doesNotContain("\n");
        }
    }
}
