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

/** The sector topic's record value: every detection round-trips exactly; any other bytes are a clear error. */
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

    @Provide
    Arbitrary<SectorDetection> detections() {
        Arbitrary<Detection> d = Builders.withBuilder(() -> new double[11])
                .use(anyDouble().array(double[].class).ofSize(11)).in((b, v) -> v)
                .build(v -> v)
                .flatMap(v -> Arbitraries.of(TargetKind.class).injectNull(0.3).flatMap(cls ->
                        Arbitraries.of(Dimension.class).injectNull(0.5).flatMap(dim ->
                                text().injectNull(0.5).map(ext -> new Detection(v[0], 0, v[1], v[2], v[3], v[4], v[5],
                                        v[6], v[7], v[8], v[9], cls, v[10], ext, v[0] * 0.5, dim)))));
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
            assertThat(DetectionCodec.encode(d)).isEqualTo(value);
        } catch (MalformedRecordException e) {
            assertThat(e.getMessage()).contains("LV-003");
        }
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
        value[0] = 2;
        assertThatThrownBy(() -> DetectionCodec.decode("BY-001", value))
                .hasMessageContaining("codec version 2").hasMessageContaining("reads version 1");
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
