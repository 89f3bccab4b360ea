package org.skydas.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.skydas.ingest.asterix.AsterixDecoder;
import org.skydas.ingest.asterix.AsterixRecord;
import org.skydas.ingest.asterix.Cat048Plots;
import org.skydas.ingest.asterix.GeoPosition;
import org.skydas.ingest.asterix.PolarPlotLocator;
import org.skydas.ingest.asterix.RadarSite;
import org.skydas.ingest.cot.CotEvent;
import org.skydas.ingest.cot.CotXmlParser;
import org.skydas.ingest.json.ClassHint;
import org.skydas.ingest.json.Detection;
import org.skydas.ingest.json.DetectionKind;
import org.skydas.ingest.json.DetectionParser;
import org.skydas.ingest.remoteid.OdidBasicId;
import org.skydas.ingest.remoteid.OdidDecoder;
import org.skydas.ingest.remoteid.OdidLocation;
import org.skydas.ingest.remoteid.OdidMessagePack;
import org.skydas.ingest.remoteid.OdidOperatorId;
import org.skydas.sim.encode.Cat034Encoder;
import org.skydas.sim.encode.Cat048Encoder;
import org.skydas.sim.encode.DetectionWriter;
import org.skydas.sim.encode.OdidEncoder;
import org.skydas.sim.encode.PatrolCotWriter;
import org.skydas.sim.encode.RadarPlot;
import org.skydas.sim.sensor.Geodesy;

class EncodersTest {

    @Test
    void cat048PlotsRoundTripThroughTheIngestDecoder() {
        List<RadarPlot> plots = List.of(
                new RadarPlot(4 * 3600 + 12.5, 7_345.2, 123.456, 42, Double.NaN),
                new RadarPlot(4 * 3600 + 12.5, 2_000.0, 359.99, 4095, 120.0),
                new RadarPlot(86_399.9, 0.0, 0.0, 0, Double.NaN));
        List<byte[]> blocks = new Cat048Encoder(7, 9).encode(plots);
        assertThat(blocks).hasSize(1);
        List<JsonNode> recs = Decoders.asterix(blocks.get(0));
        assertThat(recs).hasSize(3);
        for (int i = 0; i < 3; i++) {
            RadarPlot p = plots.get(i);
            JsonNode items = recs.get(i).get("items");
            assertThat(recs.get(i).get("category").asInt()).isEqualTo(48);
            assertThat(items.get("I048/010").get("SAC").asInt()).isEqualTo(7);
            assertThat(items.get("I048/010").get("SIC").asInt()).isEqualTo(9);
            assertThat(items.get("I048/140").asDouble()).isCloseTo(p.timeOfDayS(), within(1 / 128.0));
            assertThat(items.get("I048/020").get("TYP").asInt()).isEqualTo(1);
            assertThat(items.get("I048/020").get("SIM").asInt()).isZero();
            assertThat(items.get("I048/040").get("RHO").asDouble() * 1852).isCloseTo(p.slantRangeM(), within(3.7));
            double theta = items.get("I048/040").get("THETA").asDouble();
            double dTheta = Math.abs(((theta - p.azimuthDeg()) % 360 + 540) % 360 - 180);
            assertThat(dTheta).isLessThan(0.003);
            assertThat(items.get("I048/161").get("TRN").asInt()).isEqualTo(p.trackNumber());
            if (Double.isNaN(p.heightM())) {
                assertThat(items.has("I048/110")).isFalse();
            } else {
                assertThat(items.get("I048/110").get("3DH").asDouble() * 0.3048).isCloseTo(p.heightM(), within(4.0));
            }
        }
    }

    @Test
    void manyPlotsSplitIntoDatagramsUnderTheLimit() {
        List<RadarPlot> plots = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            plots.add(new RadarPlot(100, 1000 + i, i, i, Double.NaN));
        }
        List<byte[]> blocks = new Cat048Encoder(1, 1).encode(plots);
        assertThat(blocks.size()).isGreaterThan(1);
        int total = 0;
        for (byte[] b : blocks) {
            assertThat(b.length).isLessThanOrEqualTo(Cat048Encoder.MAX_DATAGRAM);
            total += Decoders.asterix(b).size();
        }
        assertThat(total).isEqualTo(300);
    }

    @Test
    void encodedPlotDecodesBackToThePositionItWasMadeFrom() {
        double siteLat = 54.2;
        double siteLon = 24.1;
        double siteH = 25;
        double lat = 54.25;
        double lon = 24.16;
        double[] ra = Geodesy.rangeAzimuth(siteLat, siteLon, siteH, lat, lon, 1.8);
        byte[] b = new Cat048Encoder(1, 2).encode(List.of(new RadarPlot(10, ra[0], ra[1], 1, Double.NaN))).get(0);
        PolarPlotLocator locator = new PolarPlotLocator(new RadarSite(siteLat, siteLon, siteH));
        Cat048Plots plots = new Cat048Plots();
        List<GeoPosition> got = new ArrayList<>();
        new AsterixDecoder().decode(b, 0, b.length, (AsterixRecord r) -> got.add(plots.locate(r, locator)));
        assertThat(got).hasSize(1);
        double dn = (got.get(0).latitudeDeg() - lat) * 111_200;
        double de = (got.get(0).longitudeDeg() - lon) * 111_200 * Math.cos(Math.toRadians(lat));
        assertThat(Math.hypot(dn, de)).isLessThan(10.0); // rho LSB 7.2 m, theta LSB 0.0055° ≈ 0.7 m at 7 km
    }

    @Test
    void cat034NorthMarkerRoundTrips() {
        byte[] b = new Cat034Encoder(3, 4).northMarker(3600.25, 2.0, 54.123456, 23.654321, 25);
        List<JsonNode> recs = Decoders.asterix(b);
        assertThat(recs).hasSize(1);
        JsonNode items = recs.get(0).get("items");
        assertThat(recs.get(0).get("category").asInt()).isEqualTo(34);
        assertThat(items.get("I034/010").get("SAC").asInt()).isEqualTo(3);
        assertThat(items.get("I034/010").get("SIC").asInt()).isEqualTo(4);
        assertThat(items.get("I034/000").asInt()).isEqualTo(1);
        assertThat(items.get("I034/030").asDouble()).isCloseTo(3600.25, within(1 / 128.0));
        assertThat(items.get("I034/041").asDouble()).isCloseTo(2.0, within(1 / 128.0));
        assertThat(items.get("I034/120").get("LAT").asDouble()).isCloseTo(54.123456, within(3e-5));
        assertThat(items.get("I034/120").get("LON").asDouble()).isCloseTo(23.654321, within(3e-5));
        assertThat(items.get("I034/120").get("HGT").asDouble()).isEqualTo(25.0);
    }

    @Test
    void remoteIdPackDecodesWithTheIngestDecoder() throws Exception {
        OdidEncoder e = new OdidEncoder();
        byte[] pack = e.pack(List.of(e.basicId("1596F3C9A2B74E0D8811"),
                e.location(54.3210987, 23.4567891, 145.5, 120.0, 250.0, 18.3, -1.5, 12_345),
                e.operatorId("LTU87astrdge12k8")));
        OdidMessagePack p = (OdidMessagePack) new OdidDecoder().decode(pack);
        assertThat(p.messages()).hasSize(3);
        OdidBasicId id = (OdidBasicId) p.messages().get(0);
        assertThat(id.uasId()).isEqualTo("1596F3C9A2B74E0D8811");
        assertThat(id.idType()).isEqualTo(1);
        OdidLocation loc = (OdidLocation) p.messages().get(1);
        assertThat(loc.latDeg()).isCloseTo(54.3210987, within(1e-7));
        assertThat(loc.lonDeg()).isCloseTo(23.4567891, within(1e-7));
        assertThat(loc.altitudeGeoM()).isEqualTo(145.5);
        assertThat(loc.heightM()).isEqualTo(120.0);
        assertThat(loc.directionDeg()).isEqualTo(250.0);
        assertThat(loc.speedHorizontalMps()).isCloseTo(18.3, within(0.125));
        assertThat(loc.speedVerticalMps()).isEqualTo(-1.5);
        assertThat(loc.status()).isEqualTo(2);
        assertThat(loc.timestampTenths()).isEqualTo(12_345);
        assertThat(loc.horizontalAccuracyM()).isEqualTo(10.0);
        assertThat(((OdidOperatorId) p.messages().get(2)).operatorId()).isEqualTo("LTU87astrdge12k8");
        // Fast drones use the speed multiplier.
        OdidLocation fast = (OdidLocation) new OdidDecoder().decode(e.location(54, 24, 100, 100, 10, 80, 0, 0));
        assertThat(fast.speedHorizontalMps()).isCloseTo(80, within(0.375));
    }

    @Test
    void detectionsValidateWithTheIngestParser() throws Exception {
        DetectionWriter w = new DetectionWriter();
        Instant t = Instant.parse("2026-11-27T04:00:01.250Z");
        Detection cam = new DetectionParser().parse(w.write(new DetectionWriter.Fields("camera-BY-015", t, "camera",
                54.1234567, 24.7654321, 1.8, 359.999, null, Double.NaN, "group", 0.87, 10, "camera-BY-015/3")));
        assertThat(cam.kind()).isEqualTo(DetectionKind.CAMERA);
        assertThat(cam.time()).isEqualTo(t);
        assertThat(cam.position().lat()).isCloseTo(54.1234567, within(1e-9));
        assertThat(cam.bearingDeg()).isGreaterThanOrEqualTo(0).isLessThan(360);
        assertThat(cam.classHint()).isEqualTo(ClassHint.GROUP);
        assertThat(cam.positionErrorM()).isEqualTo(10.0);
        Detection fence = new DetectionParser().parse(w.write(new DetectionWriter.Fields("fence-1",
                Instant.parse("2026-11-27T04:00:00Z"), "fence", Double.NaN, Double.NaN, Double.NaN, Double.NaN, "fence-1",
                812.34, null, Double.NaN, 5, "fence-1/1")));
        assertThat(fence.line().distanceM()).isEqualTo(812.3);
        assertThat(fence.time()).isEqualTo(Instant.parse("2026-11-27T04:00:00Z"));
        Detection rf = new DetectionParser().parse(w.write(new DetectionWriter.Fields("rf-1", t, "rf", Double.NaN,
                Double.NaN, Double.NaN, 12.5, null, Double.NaN, "drone", 0.7, 0, "rf-1/1")));
        assertThat(rf.bearingDeg()).isEqualTo(12.5);
        assertThat(rf.position()).isNull();
    }

    @Test
    void patrolReportParsesAsCot() throws Exception {
        Instant t = Instant.parse("2026-11-27T04:00:10Z");
        String xml = new PatrolCotWriter().write("patrol-1", "VSAT Patrol 1", "Cyan", t, 10, 54.5, 25.1, 1.8, 1.5, 90);
        CotEvent e = new CotXmlParser().parse(xml);
        assertThat(e.uid()).isEqualTo("patrol-1");
        assertThat(e.type()).isEqualTo("a-f-G-U-C");
        assertThat(e.callsign()).isEqualTo("VSAT Patrol 1");
        assertThat(e.time()).isEqualTo(t);
        assertThat(e.stale()).isEqualTo(t.plusSeconds(30));
        assertThat(e.point().lat()).isEqualTo(54.5);
        assertThat(e.track().speed()).isEqualTo(1.5);
        assertThat(e.deviations()).isEmpty();
    }
}
