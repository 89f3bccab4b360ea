package org.skydas.ingest.stanag4607;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.skydas.ingest.DecodeException;
import org.skydas.ingest.tak.Mutations;
import org.skydas.testkit.SharedData;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * 10^5 mutated STANAG 4607 packets (the shared sample's two): each decodes or fails with a DecodeException whose
 * message is one line; a stream of them never throws, and whatever it hands on stays within the globe.
 */
class Gmti4607RobustnessProperties {

    static byte[] sample;

    @BeforeContainer
    static void load() throws Exception {
        sample = Files.readAllBytes(SharedData.require("data/protocols/stanag4607/samples/pentlandedge/list1.4607"));
    }

    @Property(tries = 100_000)
    void mutatedPacketsDecodeOrFailCleanly(@ForAll long seed) {
        byte[] input = Mutations.mutate(sample, seed);
        Gmti4607Decoder d = new Gmti4607Decoder();
        try {
            Gmti.Packet p = d.decode(input, 0, input.length, null);
            for (Gmti.Segment s : p.segments()) {
                if (s instanceof Gmti.Dwell dw) {
                    assertThat(Math.abs(dw.sensorLatDeg())).isLessThanOrEqualTo(90);
                    assertThat(dw.sensorLonDeg()).isBetween(0.0, 360.0);
                    for (Gmti.Target t : dw.targets()) {
                        assertThat(t.latDeg() == null || Math.abs(t.latDeg()) <= 90).isTrue();
                    }
                }
            }
        } catch (DecodeException expected) {
            assertThat(expected.getMessage()).isNotBlank().doesNotContain("\n");
        }
        Gmti4607Stream s = new Gmti4607Stream(1 << 16);
        s.feed(input, 0, input.length, new Gmti4607Stream.Handler() {
            public void packet(Gmti.Packet p) {
                assertThat(p.header().packetSize()).isBetween(32L, (long) input.length);
            }

            public void malformed(String reason) {
                assertThat(reason).isNotBlank();
            }
        });
    }
}
