package org.skydas.ingest.stanag4607;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.skydas.testkit.SharedData;

/**
 * The shared sample {@code list1.4607} (PE's encoder, 2016) decodes to the values of the notes' table, including
 * the dwell-centre longitude that the old encoder wrote with SA32 scaling (a correct decoder reads 354.56359198°,
 * not the intended -2.718204°), and agrees with tshark's dissection field by field (tshark's SA16 formatting is
 * wrong, but the sample has no SA16 field).
 */
class Gmti4607DecoderTest {

    static final String DIR = "data/protocols/stanag4607/";

    static List<Gmti.Packet> list1() throws Exception {
        byte[] b = Files.readAllBytes(SharedData.require(DIR + "samples/pentlandedge/list1.4607"));
        List<Gmti.Packet> packets = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        Gmti4607Stream s = new Gmti4607Stream(1 << 20);
        // In uneven pieces, as a TCP stream would bring it.
        for (int i = 0; i < b.length; i += 7) {
            s.feed(b, i, Math.min(7, b.length - i), new Gmti4607Stream.Handler() {
                public void packet(Gmti.Packet p) {
                    packets.add(p);
                }

                public void malformed(String reason) {
                    bad.add(reason);
                }
            });
        }
        assertThat(bad).isEmpty();
        assertThat(s.buffered()).isZero();
        return packets;
    }

    @Test
    void theSampleDecodesToTheNotesValues() throws Exception {
        List<Gmti.Packet> packets = list1();
        assertThat(packets).hasSize(2);
        Gmti.Header h = packets.get(0).header();
        assertThat(h).isEqualTo(new Gmti.Header("31", 76, "UK", 1, "UK", 0, 0x80, "Pico1     ", 287454020L, 1432778632L));
        assertThat(packets.get(1).header().packetSize()).isEqualTo(112);
        assertThat(packets.get(0).segments().get(0)).isEqualTo(
                new Gmti.Mission("Drifter 1   ", "A1234       ", 255, "Build 1   ", 2016, 7, 28));
        assertThat(packets.get(1).referenceDate()).isEqualTo(LocalDate.of(2016, 7, 28));

        Gmti.Dwell d = (Gmti.Dwell) packets.get(1).segments().get(0);
        assertThat(Long.toHexString(d.existenceMask())).isEqualTo("ff0003c39fff0000");
        assertThat(List.of(d.revisitIndex(), d.dwellIndex(), d.lastDwellOfRevisit(), d.targetReportCount()))
                .containsExactly(100, 20000, 1, 1);
        assertThat(d.dwellTimeMs()).isEqualTo(1_000_000);
        assertThat(d.sensorLatDeg()).isCloseTo(55.92861298, within(5e-9));
        assertThat(d.sensorLonDeg()).isCloseTo(357.33884004, within(5e-9));
        assertThat(d.sensorAltitudeM()).isEqualTo(1000.0);
        assertThat(d.dwellCentreLatDeg()).isCloseTo(55.99959102, within(5e-9));
        assertThat(d.dwellCentreLonDeg()).as("D25, written with SA32 scaling by the 2016 encoder")
                .isCloseTo(354.56359198, within(5e-9));
        assertThat(d.rangeHalfExtentKm()).isEqualTo(2.5);
        assertThat(d.dwellAngleHalfExtentDeg()).isEqualTo(22.5);
        assertThat(d.latScaleFactorDeg()).isNull();
        assertThat(d.sensorTrackDeg()).isNull();

        Gmti.Target t = d.targets().get(0);
        assertThat(t.reportIndex()).isEqualTo(34);
        assertThat(t.latDeg()).isCloseTo(55.99869998, within(5e-9));
        assertThat(t.lonDeg()).isCloseTo(357.29000003, within(5e-9));
        assertThat(Gmti.signedLon(t.lonDeg())).isCloseTo(-2.71, within(1e-7));
        assertThat(t.geodeticHeightM()).isEqualTo(100);
        assertThat(t.radialVelocityMps()).isEqualTo(5.30);
        assertThat(t.wrapVelocityMps()).isEqualTo(400.0);
        assertThat(t.snrDb()).isEqualTo(-128);
        assertThat(t.classification()).isEqualTo(10);
        assertThat(t.classProbabilityPct()).isEqualTo(90);
        assertThat(t.slantRangeUncertaintyM()).isEqualTo(10.0);
        assertThat(t.crossRangeUncertaintyM()).isEqualTo(200.0);
        assertThat(t.heightUncertaintyM()).isEqualTo(200);
        assertThat(t.radialVelocityUncertaintyMps()).isEqualTo(50.0);
        assertThat(t.truthTagApplication()).isEqualTo(200);
        assertThat(t.truthTagEntity()).isEqualTo(10000L);
        assertThat(t.rcsHalfDbsm()).isEqualTo(10);
    }

    @Test
    void agreesWithTsharksDissection() throws Exception {
        String tshark = Files.readString(SharedData.require(DIR + "expected/list1.tshark-4.0.17-V.txt"));
        Gmti.Dwell d = (Gmti.Dwell) list1().get(1).segments().get(0);
        Gmti.Target t = d.targets().get(0);
        assertThat(number(tshark, "Sensor Position Latitude: ([0-9.]+)")).isCloseTo(d.sensorLatDeg(), within(5e-9));
        assertThat(number(tshark, "Sensor Position Longitude: ([0-9.]+)")).isCloseTo(d.sensorLonDeg(), within(5e-9));
        assertThat(number(tshark, "Sensor Position Altitude: ([0-9.]+)")).isEqualTo(d.sensorAltitudeM());
        assertThat(number(tshark, "Dwell Area Center Latitude: ([0-9.]+)")).isCloseTo(d.dwellCentreLatDeg(), within(5e-9));
        assertThat(number(tshark, "Dwell Area Center Longitude: ([0-9.]+)")).isCloseTo(d.dwellCentreLonDeg(), within(5e-9));
        assertThat(number(tshark, "Dwell Area Range Half Extent: ([0-9.]+)")).isEqualTo(d.rangeHalfExtentKm());
        assertThat(number(tshark, "Dwell Area Dwell Angle Half Extent: ([0-9.]+)")).isEqualTo(d.dwellAngleHalfExtentDeg());
        assertThat(number(tshark, "Dwell Time: ([0-9.]+)")).isEqualTo(d.dwellTimeMs() / 1000.0);
        assertThat(number(tshark, "Hi-Res Latitude: ([0-9.]+)")).isCloseTo(t.latDeg(), within(5e-9));
        assertThat(number(tshark, "Hi-Res Longitude: ([0-9.]+)")).isCloseTo(t.lonDeg(), within(5e-9));
        assertThat(number(tshark, "Line of Sight Component: ([0-9.]+)")).isEqualTo(t.radialVelocityMps());
        assertThat(number(tshark, "Target Wrap Velocity: ([0-9.]+)")).isEqualTo(t.wrapVelocityMps());
        assertThat(number(tshark, "Uncertainty Slant Range: ([0-9.]+)")).isEqualTo(t.slantRangeUncertaintyM());
        assertThat(number(tshark, "Uncertainty Cross Range: ([0-9.]+)")).isEqualTo(t.crossRangeUncertaintyM());
        assertThat(number(tshark, "Uncertainty Radial Velocity: ([0-9.]+)")).isEqualTo(t.radialVelocityUncertaintyMps());
        assertThat(number(tshark, "Target SNR: (-?[0-9]+)")).isEqualTo((double) t.snrDb());
        assertThat(number(tshark, "Target Class Probability: ([0-9]+)")).isEqualTo((double) t.classProbabilityPct());
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
