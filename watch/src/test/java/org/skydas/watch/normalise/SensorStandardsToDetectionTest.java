package org.skydas.watch.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.ingest.sapient.SapientNode;
import org.skydas.ingest.sapient.SapientReport;
import org.skydas.ingest.stanag4607.Gmti;
import org.skydas.ingest.stanag4607.Gmti4607Stream;
import org.skydas.model.TargetKind;
import org.skydas.testkit.SharedData;
import org.skydas.track.Detection;
import org.skydas.track.Dimension;
import org.skydas.track.RangeRate;

import com.google.protobuf.Timestamp;

import uk.gov.dstl.sapientmsg.bsiflex335v2.DetectionReport;
import uk.gov.dstl.sapientmsg.bsiflex335v2.Location;
import uk.gov.dstl.sapientmsg.bsiflex335v2.LocationCoordinateSystem;
import uk.gov.dstl.sapientmsg.bsiflex335v2.LocationDatum;
import uk.gov.dstl.sapientmsg.bsiflex335v2.RangeBearing;
import uk.gov.dstl.sapientmsg.bsiflex335v2.RangeBearingCoordinateSystem;
import uk.gov.dstl.sapientmsg.bsiflex335v2.RangeBearingDatum;
import uk.gov.dstl.sapientmsg.bsiflex335v2.Registration;
import uk.gov.dstl.sapientmsg.bsiflex335v2.SapientMessage;
import uk.gov.dstl.sapientmsg.bsiflex335v2.StatusReport;

/** SAPIENT detection reports in each coordinate system, and the STANAG 4607 sample, as tracker detections. */
class SensorStandardsToDetectionTest {

    static final double LAT = 54.6;
    static final double LON = 25.3;
    static final Instant T = Instant.parse("2026-05-01T10:00:00.250Z");

    static SapientReport report(DetectionReport.Builder dr, StatusReport status) {
        SapientMessage m = SapientMessage.newBuilder()
                .setTimestamp(Timestamp.newBuilder().setSeconds(T.getEpochSecond()).setNanos(T.getNano()))
                .setNodeId("a8654cdf-4328-47de-81fa-c495589e30c9")
                .setDetectionReport(dr.setReportId("01GGYFBAXGDG7AGAHRZ6XSNY12").setObjectId("01GGYFBAXH4VYRQYEX7S3XGK3H"))
                .build();
        return new SapientReport(m, new SapientNode(m.getNodeId(), Registration.getDefaultInstance(), status));
    }

    static Location.Builder loc(double x, double y, LocationCoordinateSystem cs) {
        return Location.newBuilder().setX(x).setY(y).setCoordinateSystem(cs).setDatum(LocationDatum.LOCATION_DATUM_WGS84_E);
    }

    @Test
    void latLngDegreesAndRadiansLandOnTheSamePoint() throws Exception {
        Coordinate expected = Lks94.toGrid(LON, LAT);
        Detection deg = SapientToDetection.convert(report(DetectionReport.newBuilder().setLocation(
                loc(LON, LAT, LocationCoordinateSystem.LOCATION_COORDINATE_SYSTEM_LAT_LNG_DEG_M)), null));
        Detection rad = SapientToDetection.convert(report(DetectionReport.newBuilder().setLocation(
                loc(Math.toRadians(LON), Math.toRadians(LAT), LocationCoordinateSystem.LOCATION_COORDINATE_SYSTEM_LAT_LNG_RAD_M)), null));
        for (Detection d : List.of(deg, rad)) {
            assertThat(d.x()).isCloseTo(expected.x, within(0.01));
            assertThat(d.y()).isCloseTo(expected.y, within(0.01));
            assertThat(d.t()).isEqualTo(T.getEpochSecond() + 0.25);
            assertThat(d.externalId()).isEqualTo("sapient:a8654cdf-4328-47de-81fa-c495589e30c9:01GGYFBAXH4VYRQYEX7S3XGK3H");
        }
    }

    @Test
    void utmIsReadInItsZone() throws Exception {
        // 25.3 E, 54.6 N in UTM zone 35U (EPSG:32635, central meridian 27 E): about 109 km west of the 500 km false easting.
        org.locationtech.proj4j.CRSFactory f = new org.locationtech.proj4j.CRSFactory();
        var tr = new org.locationtech.proj4j.BasicCoordinateTransform(
                f.createFromParameters("w", "+proj=longlat +datum=WGS84"), f.createFromParameters("u", "+proj=utm +zone=35 +datum=WGS84"));
        var utm = tr.transform(new org.locationtech.proj4j.ProjCoordinate(LON, LAT), new org.locationtech.proj4j.ProjCoordinate());
        assertThat(utm.x).isBetween(385_000.0, 395_000.0);
        Detection d = SapientToDetection.convert(report(DetectionReport.newBuilder().setLocation(
                loc(utm.x, utm.y, LocationCoordinateSystem.LOCATION_COORDINATE_SYSTEM_UTM_M).setUtmZone("35U")
                        .setXError(6).setYError(6)), null));
        Coordinate expected = Lks94.toGrid(LON, LAT);
        assertThat(d.x()).isCloseTo(expected.x, within(0.05));
        assertThat(d.y()).isCloseTo(expected.y, within(0.05));
        assertThat(Math.sqrt(d.varX())).isCloseTo(6, within(1e-9));
        assertThatThrownBy(() -> SapientToDetection.convert(report(DetectionReport.newBuilder().setLocation(
                loc(utm.x, utm.y, LocationCoordinateSystem.LOCATION_COORDINATE_SYSTEM_UTM_M)), null)))
                .hasMessageContaining("utm_zone");
    }

    @Test
    void rangeBearingIsFromTheNodesReportedPosition() throws Exception {
        StatusReport status = StatusReport.newBuilder().setNodeLocation(
                loc(LON, LAT, LocationCoordinateSystem.LOCATION_COORDINATE_SYSTEM_LAT_LNG_DEG_M)).build();
        Detection d = SapientToDetection.convert(report(DetectionReport.newBuilder().setRangeBearing(RangeBearing.newBuilder()
                .setAzimuth(90).setRange(2).setElevation(60).setRangeError(0.01)
                .setCoordinateSystem(RangeBearingCoordinateSystem.RANGE_BEARING_COORDINATE_SYSTEM_DEGREES_KM)
                .setDatum(RangeBearingDatum.RANGE_BEARING_DATUM_TRUE)), status));
        Coordinate node = Lks94.toGrid(LON, LAT);
        assertThat(d.x() - node.x).as("2 km at 60 degrees elevation: 1 km east").isCloseTo(1000, within(0.5));
        assertThat(d.y() - node.y).isCloseTo(0, within(0.5));
        assertThat(Math.sqrt(d.varX())).isCloseTo(10, within(1e-9));
        assertThatThrownBy(() -> SapientToDetection.convert(report(DetectionReport.newBuilder().setRangeBearing(
                RangeBearing.newBuilder().setAzimuth(90).setRange(2)
                        .setCoordinateSystem(RangeBearingCoordinateSystem.RANGE_BEARING_COORDINATE_SYSTEM_DEGREES_KM)
                        .setDatum(RangeBearingDatum.RANGE_BEARING_DATUM_TRUE)), null)))
                .hasMessageContaining("before the node reported its location");
    }

    @Test
    void classesFollowTheTable() throws Exception {
        Detection d = SapientToDetection.convert(report(DetectionReport.newBuilder()
                .setLocation(loc(LON, LAT, LocationCoordinateSystem.LOCATION_COORDINATE_SYSTEM_LAT_LNG_DEG_M))
                .addClassification(DetectionReport.DetectionReportClassification.newBuilder().setType("Air Vehicle")
                        .setConfidence(0.7f).addSubClass(DetectionReport.SubClass.newBuilder().setType("UAV Rotary Wing").setLevel(1))), null));
        assertThat(d.classHint()).isEqualTo(TargetKind.DRONE);
        assertThat(d.classConfidence()).isCloseTo(0.7, within(1e-6));
        assertThat(d.dimension()).isEqualTo(Dimension.AIR);
        assertThat(SapientToDetection.classOf("Human")).isEqualTo(TargetKind.PERSON);
        assertThat(SapientToDetection.classOf("land_vehicle")).isEqualTo(TargetKind.VEHICLE);
        assertThat(SapientToDetection.classOf("Animal")).isNull();
    }

    @Test
    void theGmtiSampleDwellIsOneVehicleDetection() throws Exception {
        byte[] b = Files.readAllBytes(SharedData.require("data/protocols/stanag4607/samples/pentlandedge/list1.4607"));
        List<Gmti.Packet> packets = new ArrayList<>();
        new Gmti4607Stream(1 << 20).feed(b, 0, b.length, new Gmti4607Stream.Handler() {
            public void packet(Gmti.Packet p) {
                packets.add(p);
            }

            public void malformed(String reason) {
                throw new AssertionError(reason);
            }
        });
        List<Detection> ds = GmtiToDetection.convert(packets.get(1), System.currentTimeMillis());
        assertThat(ds).hasSize(1);
        Detection d = ds.get(0);
        assertThat(d.t()).isEqualTo(Instant.parse("2016-07-28T00:16:40Z").getEpochSecond());
        Coordinate expected = Lks94.toGrid(-2.71, 55.99869998);
        assertThat(d.x()).isCloseTo(expected.x, within(0.1));
        assertThat(d.y()).isCloseTo(expected.y, within(0.1));
        assertThat(Math.sqrt(d.varX())).as("the larger of slant (10 m) and cross range (200 m)").isEqualTo(200);
        assertThat(d.z()).isEqualTo(100);
        assertThat(d.classHint()).isEqualTo(TargetKind.VEHICLE);
        assertThat(d.classConfidence()).isEqualTo(0.9);
        assertThat(Double.isNaN(d.vx())).as("radial velocity is no vector").isTrue();
        // D32.7 530 cm/s, D32.15 5000 cm/s, D32.8 40000 cm/s, from the radar at D7/D8/D9.
        RangeRate rr = d.rangeRate();
        assertThat(rr).isNotNull();
        assertThat(rr.rate()).isCloseTo(5.30, within(1e-9));
        assertThat(rr.variance()).isCloseTo(50.0 * 50.0, within(1e-6));
        assertThat(rr.ambiguity()).isCloseTo(400.0, within(1e-9));
        Coordinate radar = Lks94.toGrid(-2.66115996, 55.92861298);
        assertThat(rr.sensorX()).isCloseTo(radar.x, within(0.1));
        assertThat(rr.sensorY()).isCloseTo(radar.y, within(0.1));
        assertThat(rr.sensorZ()).isCloseTo(1000.0, within(1e-6));
        assertThat(rr.heightAbove(d.z())).isCloseTo(900.0, within(1e-6));
    }
}
