package org.skydas.watch.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.skydas.ingest.onvif.Onvif;
import org.skydas.ingest.onvif.OnvifMetadataParser;
import org.skydas.model.Asset;
import org.skydas.model.TargetKind;
import org.skydas.model.demo.DemoScenario;
import org.skydas.testkit.SharedData;
import org.skydas.track.Detection;

/**
 * ONVIF events of the Axis samples placed in a demo camera's footprint: an object-analytics "human" change is a
 * person at half range on the sector's middle bearing; a motion change counts, its Initialized state does not;
 * an analytics object's box centre turns the bearing across the sector.
 */
class OnvifToDetectionTest {

    static final String AXIS = "data/protocols/onvif/samples/axis-kane610/metadatastream_events/";
    final OnvifMetadataParser parser = new OnvifMetadataParser();

    static Asset camera() {
        return new DemoScenario().build().assets().stream().filter(a -> a.id().startsWith("camera-")).findFirst()
                .orElseThrow();
    }

    Onvif.Document doc(String file) throws Exception {
        return parser.parse(Files.readAllBytes(SharedData.require(AXIS + file)));
    }

    @Test
    void objectAnalyticsHumanIsAPersonInTheFootprint() throws Exception {
        Asset cam = camera();
        OnvifToDetection.Footprint fp = OnvifToDetection.Footprint.of(cam);
        List<Detection> ds = OnvifToDetection.convert(doc("object_analytics_any_change.xml"), cam, 0);
        assertThat(ds).hasSize(1);
        Detection d = ds.get(0);
        assertThat(d.t()).isEqualTo(Instant.parse("2024-10-07T21:09:26.046851Z").toEpochMilli() / 1000.0);
        assertThat(d.classHint()).isEqualTo(TargetKind.PERSON);
        assertThat(d.externalId()).isEqualTo("onvif:" + cam.id() + ":234232");
        Point p = (Point) cam.geometry();
        assertThat(Math.hypot(d.x() - p.getX(), d.y() - p.getY())).isCloseTo(fp.rangeM() / 2, within(1e-6));
        double bearing = Math.toDegrees(Math.atan2(d.x() - p.getX(), d.y() - p.getY()));
        assertThat(((bearing - fp.bearingDeg()) % 360 + 540) % 360 - 180).isCloseTo(0, within(1e-6));
        assertThat(Math.sqrt(d.varX())).isCloseTo(fp.rangeM() / 3, within(1e-6));
    }

    @Test
    void onlyChangesToOnAreDetections() throws Exception {
        Asset cam = camera();
        assertThat(OnvifToDetection.convert(doc("vmd4_c1p1_change.xml"), cam, 0)).hasSize(1);
        assertThat(OnvifToDetection.convert(doc("vmd4_c1p1_init.xml"), cam, 0)).isEmpty();
        assertThat(OnvifToDetection.convert(doc("rule_engine_region_detector_init.xml"), cam, 0)).isEmpty();
        assertThat(OnvifToDetection.convert(doc("pir_change.xml"), cam, 0)).as("a PIR is no image rule").isEmpty();
        assertThat(OnvifToDetection.convert(doc("storage_alert_init.xml"), cam, 0)).isEmpty();
    }

    @Test
    void anAnalyticsObjectsBoxTurnsTheBearing() {
        Asset cam = camera();
        OnvifToDetection.Footprint fp = OnvifToDetection.Footprint.of(cam);
        Onvif.Object right = new Onvif.Object("7", 0.8, 0.2, 1.0, -0.4,
                List.of(new Onvif.ClassLikelihood("Vehicle", 0.9)), null, null);
        Onvif.Document d = new Onvif.Document(List.of(), List.of(new Onvif.Frame(Instant.EPOCH, "v", List.of(right))));
        Detection det = OnvifToDetection.convert(d, cam, 0).get(0);
        Point p = (Point) cam.geometry();
        double bearing = Math.toDegrees(Math.atan2(det.x() - p.getX(), det.y() - p.getY()));
        assertThat(((bearing - fp.bearingDeg() - 0.9 * fp.halfWidthDeg()) % 360 + 540) % 360 - 180).isCloseTo(0, within(1e-6));
        assertThat(det.classHint()).isEqualTo(TargetKind.VEHICLE);
        assertThat(det.classConfidence()).isEqualTo(0.9);
        assertThat(OnvifToDetection.cameras(List.of(cam))).isEqualTo(Map.of(cam.id(), cam));
    }
}
