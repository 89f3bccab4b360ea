package org.skydas.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.skydas.ingest.tak.Mutations;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Damaged detection documents are refused with field errors, never with another exception. */
class DetectionRobustnessProperties {

    private final DetectionParser parser = new DetectionParser();

    @Property(tries = 10_000)
    void mutatedDocumentsParseOrFailWithReasons(@ForAll long seed) {
        String seedDoc = (seed & 1) == 0 ? DetectionParserTest.CAMERA : DetectionParserTest.FENCE;
        String doc = new String(Mutations.mutate(seedDoc.getBytes(StandardCharsets.UTF_8), seed), StandardCharsets.UTF_8);
        try {
            Detection d = parser.parse(doc);
            assertThat(d.sensorId()).isNotEmpty();
        } catch (DetectionFormatException expected) {
            assertThat(expected.errors()).isNotEmpty();
            assertThat(expected.errors()).allSatisfy(e -> assertThat(e.reason()).isNotBlank());
        }
    }
}
