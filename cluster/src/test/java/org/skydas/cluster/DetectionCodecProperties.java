package org.skydas.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.skydas.model.TargetKind;
import org.skydas.track.Detection;
import org.skydas.track.Dimension;
import org.skydas.track.RangeRate;

/**
 * The sector topic's record value: every detection round-trips exactly, its range rate included (version 2); version 1
 * records still decode; any other bytes are a clear error.
 */
class DetectionCodecProperties {

    /** Any double, NaN, infinities and -0.0 included, with NaN (an absent optional) often. */
    private static Arbitrary<Double> anyDouble() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.doubles()),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(Double.NaN)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0,
                        Double.MIN_VALUE, Double.MAX_VALUE)));
    }

    private static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars(":/-._ąčęėįšųūž@")
                .ofMinLength(0).ofMaxLength(40);
    }

    /** A range rate with any numbers (the codec carries them as they are), or null half the time. */
    private static Arbitrary<RangeRate> rangeRates() {
        return anyDouble().array(double[].class).ofSize(6)
                .map(r -> new RangeRate(r[0], r[1], r[2], r[3], r[4], r[5])).injectNull(0.5);
    }

    @Provide
    Arbitrary<SectorDetection> detections() {
        Arbitrary<Detection> d = Builders.withBuilder(() -> new double[11])
                .use(anyDouble().array(double[].class).ofSize(11)).in((b, v) -> v)
                .build(v -> v)
                .flatMap(v -> Arbitraries.of(TargetKind.class).injectNull(0.3).flatMap(cls ->
                        Arbitraries.of(Dimension.class).injectNull(0.5).flatMap(dim ->
                                rangeRates().flatMap(rr ->
                                text().injectNull(0.5).map(ext -> new Detection(v[0], 0, v[1], v[2], v[3], v[4], v[5],
                                        v[6], v[7], v[8], v[9], cls, v[10], ext, v[0] * 0.5, dim, rr))))));
        return Builders.withBuilder(() -> new Object[6])
                .use(Arbitraries.longs()).in((o, v) -> { o[0] = v; return o; })
                .use(text()).in((o, v) -> { o[1] = v; return o; })
                .use(text().injectNull(0.3)).in((o, v) -> { o[2] = v; return o; })
                .use(Arbitraries.longs()).in((o, v) -> { o[3] = v; return o; })
                .use(Arbitraries.of(true, false)).in((o, v) -> { o[4] = v; return o; })
                .use(d).in((o, v) -> { o[5] = v; return o; })
                .build(o -> new SectorDetection((Long) o[0], (String) o[1], (String) o[2], (Long) o[3], "BY-017",
                        (Boolean) o[4], (Detection) o[5]));
    }

    @Property(tries = 1000)
    void everyDetectionRoundTripsExactly(@ForAll("detections") SectorDetection d) throws Exception {
        byte[] value = DetectionCodec.encode(d);
        assertThat(DetectionCodec.decode("BY-017", value)).isEqualTo(d);
        assertThat(DetectionCodec.head(value))
                .isEqualTo(new DetectionCodec.Head(d.id(), d.halo(), d.receivedAtMillis()));
    }

    @Property(tries = 300)
    void aTruncatedRecordIsAClearError(@ForAll("detections") SectorDetection d, @ForAll @IntRange(min = 1) int cut) {
        byte[] value = DetectionCodec.encode(d);
        byte[] shorter = Arrays.copyOf(value, cut % value.length);
        assertThatThrownBy(() -> DetectionCodec.decode("BY-017", shorter))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("BY-017");
    }

    @Property(tries = 1000)
    void anyBytesDecodeOrFailOnlyAsMalformed(@ForAll byte[] value) {
        try {
            SectorDetection d = DetectionCodec.decode("LV-003", value);
            // Version 1 is version 2 without a range rate: what decodes is written back the same, as version 2.
            byte[] written = value.clone();
            written[0] = (byte) DetectionCodec.VERSION;
            assertThat(DetectionCodec.encode(d)).isEqualTo(written);
        } catch (MalformedRecordException e) {
            assertThat(e.getMessage()).contains("LV-003");
        }
    }

    @Property(tries = 500)
    void aVersion1RecordOfADetectionWithoutRangeRateDecodesToIt(@ForAll("detections") SectorDetection d)
            throws Exception {
        SectorDetection without = new SectorDetection(d.id(), d.source(), d.listener(), d.receivedAtMillis(), d.sector(),
                d.halo(), d.detection().withRangeRate(null));
        byte[] v1 = DetectionCodec.encode(without);
        v1[0] = 1; // what a version 1 writer made: the same bytes
        assertThat(DetectionCodec.decode("BY-017", v1)).isEqualTo(without);
    }

    /** Version 1 bytes laid out field by field as its writer made them (not by this codec): they still decode. */
    @Example
    void version1BytesStillDecode() throws Exception {
        byte[] source = "gmti:JSTARS-1".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] external = "T42".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1 + 2 + 16 + 48 + 16 + 1 + 8 + 2 + source.length + 2
                + external.length);
        int flags = 1 << 3 | 1 << 4 | 1 << 5 | 1 << 7 | 1 << 10; // VX, VY, CLASS, SNR, EXTERNAL_ID
        b.put((byte) 1).putShort((short) flags).putLong(77).putLong(1_700_000_000_123L);
        b.putDouble(1_700_000_000.0).putDouble(510_000).putDouble(6_100_000).putDouble(100).putDouble(5).putDouble(400);
        b.putDouble(3.5).putDouble(-1.25).put((byte) 1).putDouble(12.5);
        b.putShort((short) source.length).put(source).putShort((short) external.length).put(external);
        SectorDetection d = DetectionCodec.decode("LV-002", b.array());
        assertThat(d).isEqualTo(new SectorDetection(77, "gmti:JSTARS-1", null, 1_700_000_000_123L, "LV-002", false,
                new Detection(1_700_000_000.0, 0, 510_000, 6_100_000, Double.NaN, Double.NaN, 100, 5, 400, 3.5, -1.25,
                        TargetKind.VEHICLE, Double.NaN, "T42", 12.5, null, null)));
    }

    @Example
    void aRangeRateRoundTripsAndAVersion1RecordCannotCarryOne() throws Exception {
        RangeRate rr = new RangeRate(-7.5, 0.25, 480_000, 6_050_000, Double.NaN, 32.0);
        SectorDetection with = new SectorDetection(5, "gmti:S1", "gmti", 9, "LT-004", false,
                Detection.position(100, 0, 500_000, 6_100_000, 20).withRangeRate(rr));
        SectorDetection without = new SectorDetection(5, "gmti:S1", "gmti", 9, "LT-004", false,
                Detection.position(100, 0, 500_000, 6_100_000, 20));
        byte[] value = DetectionCodec.encode(with);
        assertThat(DetectionCodec.decode("LT-004", value).detection().rangeRate()).isEqualTo(rr);
        assertThat(DetectionCodec.decode("LT-004", value)).isEqualTo(with);
        assertThat(value).hasSize(DetectionCodec.encode(without).length + 6 * 8);
        assertThat(DetectionCodec.decode("LT-004", DetectionCodec.encode(without)).detection().rangeRate()).isNull();
        value[0] = 1;
        assertThatThrownBy(() -> DetectionCodec.decode("LT-004", value)).isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("unknown flags 0x800 for codec version 1");
    }

    @Property(tries = 200)
    void extraBytesAfterTheLastFieldAreAnError(@ForAll("detections") SectorDetection d) {
        byte[] value = Arrays.copyOf(DetectionCodec.encode(d), DetectionCodec.encode(d).length + 1);
        assertThatThrownBy(() -> DetectionCodec.decode("BY-017", value)).hasMessageContaining("after its last field");
    }

    @Example
    void anotherVersionIsRefusedNamingBoth() {
        SectorDetection d = new SectorDetection(1, "json:S1", null, 2, "BY-001", false,
                Detection.position(10, 0, 1, 2, 5));
        byte[] value = DetectionCodec.encode(d);
        value[0] = 3;
        assertThatThrownBy(() -> DetectionCodec.decode("BY-001", value)).isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("codec version 3").hasMessageContaining("reads versions 1 to 2");
        value[0] = 0;
        assertThatThrownBy(() -> DetectionCodec.decode("BY-001", value)).hasMessageContaining("codec version 0");
        assertThatThrownBy(() -> DetectionCodec.decode(null, value)).hasMessageContaining("no key");
        assertThatThrownBy(() -> DetectionCodec.decode("BY-001", new byte[0])).hasMessageContaining("no value");
    }

    @Example
    void aPositionOnlyDetectionIsCompact() {
        SectorDetection d = new SectorDetection(1, "json:S1", "json-http", 2, "BY-001", false,
                Detection.position(10, 0, 1, 2, 5));
        // 1 version + 2 flags + 2·8 id/time + 6·8 position and covariance + strings (2+7, 2+9)
        assertThat(DetectionCodec.encode(d)).hasSize(1 + 2 + 16 + 48 + 9 + 11);
    }
}
