package org.skydas.ingest.onvif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.skydas.ingest.DecodeException;
import org.skydas.testkit.SharedData;

/**
 * The Axis metadata-stream samples decode (every one of the 37, topics with their namespaces resolved whatever the
 * prefix), the object-analytics event carries its class and object id, the RTP packets reassemble into documents
 * (one split inside an attribute value), and an analytics frame's transformation is applied to its boxes.
 */
class OnvifMetadataTest {

    static final String AXIS = "data/protocols/onvif/samples/axis-kane610/";
    final OnvifMetadataParser parser = new OnvifMetadataParser();

    static List<Path> samples() throws IOException {
        try (Stream<Path> s = Files.list(SharedData.require(AXIS + "metadatastream_events"))) {
            return s.sorted().toList();
        }
    }

    Onvif.Event only(String file) throws Exception {
        Onvif.Document d = parser.parse(Files.readAllBytes(SharedData.require(AXIS + "metadatastream_events/" + file)));
        assertThat(d.events()).hasSize(1);
        return d.events().get(0);
    }

    @Test
    void everyAxisSampleDecodes() throws Exception {
        List<Path> all = samples();
        assertThat(all).hasSize(37);
        int events = 0;
        for (Path p : all) {
            Onvif.Document d = parser.parse(Files.readAllBytes(p));
            events += d.events().size();
            for (Onvif.Event e : d.events()) {
                assertThat(e.topic()).as(p.getFileName().toString()).matches("(tns1|tnsaxis):.*");
                assertThat(e.operation()).isIn("Initialized", "Changed", "Deleted");
            }
        }
        assertThat(events).as("every sample but the empty first message holds one event").isEqualTo(36);
    }

    @Test
    void objectAnalyticsAndMotionEvents() throws Exception {
        Onvif.Event oa = only("object_analytics_any_change.xml");
        assertThat(oa.topic()).isEqualTo("tnsaxis:CameraApplicationPlatform/ObjectAnalytics/Device1Scenario1");
        assertThat(oa.utcTime()).isEqualTo(Instant.parse("2024-10-07T21:09:26.046851Z"));
        assertThat(oa.operation()).isEqualTo("Changed");
        assertThat(oa.data()).isEqualTo(Map.of("classTypes", "human", "active", "1", "objectId", "234232"));
        assertThat(oa.isTrue("active")).isTrue();
        Onvif.Event vmd = only("vmd4_c1p1_change.xml");
        assertThat(vmd.topic()).isEqualTo("tnsaxis:CameraApplicationPlatform/VMD/Camera1Profile1");
        assertThat(vmd.isTrue("active")).isTrue();
        Onvif.Event region = only("rule_engine_region_detector_init.xml");
        assertThat(region.topic()).isEqualTo("tns1:RuleEngine/MotionRegionDetector/Motion");
        assertThat(region.operation()).isEqualTo("Initialized");
        assertThat(region.isTrue("State")).isFalse();
    }

    @Test
    void rtpPacketsReassemble() throws Exception {
        OnvifRtp rtp = new OnvifRtp(1 << 20);
        byte[] full = Files.readAllBytes(SharedData.require(AXIS + "rtp_metadata_packets/rtp_packet1_full.bin"));
        byte[] doc1 = rtp.add(full, 0, full.length);
        assertThat(doc1).hasSize(full.length - 12);
        assertThat(parser.parse(doc1).events().get(0).topic()).isEqualTo("tnsaxis:Storage/Recording");
        byte[] f1 = Files.readAllBytes(SharedData.require(AXIS + "rtp_metadata_packets/rtp_packet2_fragment1.bin"));
        byte[] f2 = Files.readAllBytes(SharedData.require(AXIS + "rtp_metadata_packets/rtp_packet2_fragment2.bin"));
        assertThat(rtp.add(f1, 0, f1.length)).isNull();
        assertThatThrownBy(() -> parser.parse(java.util.Arrays.copyOfRange(f1, 12, f1.length)))
                .isInstanceOf(DecodeException.class);
        byte[] doc2 = rtp.add(f2, 0, f2.length);
        assertThat(doc2).hasSize(1562);
        Onvif.Event e = parser.parse(doc2).events().get(0);
        assertThat(e.topic()).isEqualTo("tnsaxis:CameraApplicationPlatform/ObjectAnalytics/xinternal_data");
        assertThat(e.data().get("svgframe")).startsWith("<svg");
        assertThat(rtp.discarded()).isZero();
        // The second fragment alone: its document has no beginning, and the next full packet discards nothing whole.
        OnvifRtp lossy = new OnvifRtp(1 << 20);
        assertThat(lossy.add(f1, 0, f1.length)).isNull();
        assertThat(lossy.add(full, 0, full.length)).isNotNull();
        assertThat(lossy.discarded()).isEqualTo(1);
    }

    @Test
    void analyticsFramesApplyTheirTransformation() throws Exception {
        // Written here from metadatastream.xsd (no licensed camera recording of analytics frames exists in the shared
        // data): 320x240 pixels, origin lower-left, as the Analytics spec's transformation example.
        String xml = "<tt:MetadataStream xmlns:tt=\"http://www.onvif.org/ver10/schema\"><tt:VideoAnalytics>"
                + "<tt:Frame UtcTime=\"2026-05-01T10:00:00.5\" Source=\"VideoSource_1\"><tt:Transformation>"
                + "<tt:Translate x=\"-1.0\" y=\"-1.0\"/><tt:Scale x=\"0.00625\" y=\"0.00833333\"/></tt:Transformation>"
                + "<tt:Object ObjectId=\"12\"><tt:Appearance><tt:Shape><tt:BoundingBox left=\"20.0\" top=\"180.0\" "
                + "right=\"100.0\" bottom=\"30.0\"/></tt:Shape><tt:Class><tt:Type Likelihood=\"0.8\">Human</tt:Type>"
                + "</tt:Class><tt:VehicleInfo><tt:Type>Car</tt:Type></tt:VehicleInfo></tt:Appearance></tt:Object>"
                + "</tt:Frame></tt:VideoAnalytics></tt:MetadataStream>";
        Onvif.Document d = parser.parse(xml.getBytes(StandardCharsets.UTF_8));
        Onvif.Frame f = d.frames().get(0);
        assertThat(f.utcTime()).isEqualTo(Instant.parse("2026-05-01T10:00:00.5Z"));
        Onvif.Object o = f.objects().get(0);
        assertThat(o.objectId()).isEqualTo("12");
        assertThat(o.left()).isCloseTo(-0.875, within(1e-9));
        assertThat(o.right()).isCloseTo(-0.375, within(1e-9));
        assertThat(o.top()).isCloseTo(0.5, within(1e-6));
        assertThat(o.bottom()).isCloseTo(-0.75, within(1e-6));
        assertThat(o.classes()).containsExactly(new Onvif.ClassLikelihood("Human", 0.8));
    }

    @Test
    void notMetadataIsRefused() {
        assertThatThrownBy(() -> parser.parse("<html/>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("not an ONVIF metadata stream");
        assertThatThrownBy(() -> parser.parse("<tt:MetadataStream".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("malformed XML");
    }
}
