package org.skydas.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.skydas.ingest.stanag4607.Gmti;
import org.skydas.ingest.stanag4607.Gmti4607Decoder;
import org.skydas.sim.encode.Gmti4607Encoder;

/** The simulator's STANAG 4607 packets read back by the ingest decoder, field by field, within the format's steps. */
class Gmti4607EncoderTest {

    private static final double SA32_STEP = 180.0 / (1L << 32);

    @Test
    void aPacketRoundTripsThroughTheIngestDecoder() throws Exception {
        Instant t = Instant.parse("2026-12-07T17:45:12.345Z");
        Gmti4607Encoder.Sensor sensor = new Gmti4607Encoder.Sensor(54.123456, 24.987654, 10, 54.16, -2.71, 5, 60);
        List<Gmti4607Encoder.Target> targets = List.of(
                new Gmti4607Encoder.Target(54.2001234, 25.0101234, 152, -1.234, 60, Gmti4607Encoder.CLASS_PERSON, 88,
                        10, 12.3, 10, 0.3),
                new Gmti4607Encoder.Target(-33.5, -70.25, -20, 17.89, 60, Gmti4607Encoder.CLASS_VEHICLE, 71, 25.5,
                        7.5, 4, 1.27));
        byte[] b = Gmti4607Encoder.packet("gsr-by-1", 4_607, 9, 2, 77, t, sensor, targets);

        Gmti.Packet p = new Gmti4607Decoder().decode(b, 0, b.length, null);
        assertThat(p.header().version()).isEqualTo("30");
        assertThat(p.header().packetSize()).isEqualTo(b.length);
        assertThat(p.header().platformId()).isEqualTo("gsr-by-1  ");
        assertThat(p.header().missionId()).isEqualTo(4_607);
        assertThat(p.header().jobId()).isEqualTo(9);
        assertThat(p.referenceDate()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(p.segments()).extracting(Gmti.Segment::type).containsExactly(1, 2);

        Gmti.Dwell d = (Gmti.Dwell) p.segments().get(1);
        assertThat(d.revisitIndex()).isEqualTo(2);
        assertThat(d.dwellIndex()).isEqualTo(77);
        assertThat(d.dwellTimeMs()).isEqualTo((17 * 3600 + 45 * 60 + 12) * 1000L + 345);
        assertThat(d.sensorLatDeg()).isCloseTo(54.123456, within(SA32_STEP));
        assertThat(d.sensorLonDeg()).isCloseTo(24.987654, within(2 * SA32_STEP));
        assertThat(d.sensorAltitudeM()).isEqualTo(10.0);
        assertThat(Gmti.signedLon(d.dwellCentreLonDeg())).isCloseTo(-2.71, within(1e-7));
        assertThat(d.rangeHalfExtentKm()).isEqualTo(5.0);
        assertThat(d.dwellAngleHalfExtentDeg()).isCloseTo(60, within(360.0 / 65_536));
        assertThat(d.targets()).hasSize(2);

        Gmti.Target a = d.targets().get(0);
        assertThat(a.reportIndex()).isZero();
        assertThat(a.latDeg()).isCloseTo(54.2001234, within(SA32_STEP));
        assertThat(a.lonDeg()).isCloseTo(25.0101234, within(2 * SA32_STEP));
        assertThat(a.geodeticHeightM()).isEqualTo(152);
        assertThat(a.radialVelocityMps()).isEqualTo(-1.23);
        assertThat(a.wrapVelocityMps()).isEqualTo(60.0);
        assertThat(a.classification()).isEqualTo(9);
        assertThat(a.classProbabilityPct()).isEqualTo(88);
        assertThat(a.slantRangeUncertaintyM()).isEqualTo(10.0);
        assertThat(a.crossRangeUncertaintyM()).isEqualTo(12.3);
        assertThat(a.heightUncertaintyM()).isEqualTo(10);
        assertThat(a.radialVelocityUncertaintyMps()).isEqualTo(0.3);

        Gmti.Target v = d.targets().get(1);
        assertThat(v.reportIndex()).isEqualTo(1);
        assertThat(v.latDeg()).isCloseTo(-33.5, within(SA32_STEP));
        assertThat(Gmti.signedLon(v.lonDeg())).isCloseTo(-70.25, within(2 * SA32_STEP));
        assertThat(v.geodeticHeightM()).isEqualTo(-20);
        assertThat(v.radialVelocityMps()).isEqualTo(17.89);
        assertThat(v.classification()).isEqualTo(10);
        assertThat(v.slantRangeUncertaintyM()).isEqualTo(25.5);
        assertThat(v.crossRangeUncertaintyM()).isEqualTo(7.5);
        assertThat(v.radialVelocityUncertaintyMps()).isEqualTo(1.27);
    }

    @Test
    void aDwellWithoutTargetsIsValid() throws Exception {
        byte[] b = Gmti4607Encoder.packet("r", 1, 1, 0, 0, Instant.parse("2026-01-01T00:00:00Z"),
                new Gmti4607Encoder.Sensor(54, 24, 0, 54, 24, 1, 180), List.of());
        Gmti.Packet p = new Gmti4607Decoder().decode(b, 0, b.length, null);
        assertThat(((Gmti.Dwell) p.segments().get(1)).targets()).isEmpty();
        assertThat(((Gmti.Dwell) p.segments().get(1)).dwellTimeMs()).isZero();
    }
}
