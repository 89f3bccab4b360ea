package org.skydas.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.ingest.asterix.AsterixDecoder;
import org.skydas.ingest.asterix.Cat048Plots;
import org.skydas.ingest.asterix.GeoPosition;
import org.skydas.ingest.asterix.PolarPlotLocator;
import org.skydas.ingest.asterix.RadarSite;
import org.skydas.ingest.json.Detection;
import org.skydas.ingest.json.DetectionParser;
import org.skydas.model.Asset;
import org.skydas.model.AssetType;
import org.skydas.model.SensorParameters;
import org.skydas.model.TargetClass;
import org.skydas.sim.script.FalseAlarmSource;
import org.skydas.sim.script.ObjectKind;
import org.skydas.sim.script.ScriptTarget;
import org.skydas.sim.script.SimScript;
import org.skydas.sim.sensor.SimDetection;
import org.skydas.sim.sensor.Visibility;

class SensorModelTest {

    /** |k − np| within 4.5 binomial standard deviations (a false failure about once in 150 000 runs). */
    private static void assertBinomial(long k, long n, double p) {
        double sd = Math.sqrt(n * p * (1 - p));
        assertThat((double) k).as("k of n = %d at p = %f", n, p).isCloseTo(n * p, within(4.5 * sd + 1));
    }

    private static ScriptTarget still(String id, double dx, double dy) {
        return new ScriptTarget(id, ObjectKind.PERSON, 1, 0.0, null, null, List.of(TestWorld.at(dx, dy, null)));
    }

    @Test
    void detectionsFollowPdOfRangeAndStayInsideRangeAndSector() {
        SensorParameters p = TestWorld.params(8_000, 0, 180, 0.95, 0.6, 1.0, 20, 0);
        Asset radar = TestWorld.pointSensor("radar-1", AssetType.RADAR, TestWorld.X0, TestWorld.Y0, p);
        // Ranges 1, 4, 7 km inside the eastern half-plane sector; one beyond range; one behind the sector.
        List<ScriptTarget> targets = List.of(still("r1", 1_000, 0), still("r4", 0, 4_000), still("r7", 7_000 * 0.6, -7_000 * 0.8),
                still("far", 9_000, 0), still("behind", -2_000, 0));
        SimScript script = new SimScript("pd", 7, TestWorld.START, 5_000, null, targets, null, null, null);
        Simulation sim = new Simulation(TestWorld.scenario(radar), script, Visibility.ALWAYS, a -> true);
        Map<String, List<SimDetection>> by = new HashMap<>();
        sim.onDetection(d -> by.computeIfAbsent(String.valueOf(d.objectId()), k -> new ArrayList<>()).add(d));
        List<SimMessage> msgs = sim.advanceTo(5_000);
        long scans = msgs.stream().filter(m -> Decoders.asterix(m.payload()).get(0).get("category").asInt() == 34).count();
        assertThat(scans).isBetween(4_999L, 5_001L);
        assertBinomial(by.get("r1").size(), scans, p.pdAt(TargetClass.PERSON, 1_000));
        assertBinomial(by.get("r4").size(), scans, p.pdAt(TargetClass.PERSON, 4_000));
        assertBinomial(by.get("r7").size(), scans, p.pdAt(TargetClass.PERSON, 7_000));
        assertThat(by).doesNotContainKeys("far", "behind", "null");
        // Position noise: one-sigma 20 m per axis.
        double sum2 = 0;
        for (SimDetection d : by.get("r4")) {
            sum2 += Math.pow(d.x() - TestWorld.X0, 2);
        }
        assertThat(Math.sqrt(sum2 / by.get("r4").size())).isCloseTo(20, within(2.0));
        // Every detection went out as exactly one decodable CAT048 plot.
        long plots = msgs.stream().flatMap(m -> Decoders.asterix(m.payload()).stream())
                .filter(r -> r.get("category").asInt() == 48).count();
        assertThat(plots).isEqualTo(by.values().stream().mapToLong(List::size).sum());
    }

    @Test
    void falseAlarmsArriveAtTheSensorRatePlusClutter() {
        SensorParameters p = TestWorld.params(5_000, 0, 0, 0.9, 0.5, 2.0, 10, 36);
        Asset radar = TestWorld.pointSensor("radar-1", AssetType.RADAR, TestWorld.X0, TestWorld.Y0, p);
        Coordinate c = Lks94.toWgs84(TestWorld.X0 + 3_000, TestWorld.Y0);
        SimScript script = new SimScript("fa", 11, TestWorld.START, 20_000, null, null, null,
                List.of(new FalseAlarmSource("clutter", FalseAlarmSource.Kind.CLUTTER, c.x, c.y, 500, null, null, 180.0)),
                null);
        Simulation sim = new Simulation(TestWorld.scenario(radar), script, Visibility.ALWAYS, a -> true);
        List<SimDetection> fa = new ArrayList<>();
        sim.onDetection(fa::add);
        sim.advanceTo(20_000);
        double mean = (36 + 180) * 20_000 / 3600.0; // 1200
        assertThat(fa).allMatch(SimDetection::falseAlarm);
        assertThat((double) fa.size()).isCloseTo(mean, within(4.5 * Math.sqrt(mean)));
        long inClutter = fa.stream().filter(d -> Math.hypot(d.x() - TestWorld.X0 - 3_000, d.y() - TestWorld.Y0) <= 500).count();
        // Clutter plots all fall in its disc; the sensor's own spread over its 10 km (vehicle) coverage adds little.
        assertThat((double) inClutter).isCloseTo(180 * 20_000 / 3600.0, within(4.5 * Math.sqrt(1000) + 10));
        assertThat(fa).allMatch(d -> Math.hypot(d.x() - TestWorld.X0, d.y() - TestWorld.Y0) <= 10_000 + 1e-6); // largest class range
    }

    @Test
    void cameraFenceAndRfReportValidJsonDetections() throws Exception {
        SensorParameters cam = TestWorld.params(3_000, 0, 0, 0.9, 0.5, 1.0, 5, 0);
        SensorParameters fence = new SensorParameters(0, Map.of(TargetClass.PERSON, 20.0, TargetClass.VEHICLE, 20.0),
                0, 0, -90, 90, 0.99, 0.95, 1.0, 3, 0);
        SensorParameters rf = new SensorParameters(5, Map.of(TargetClass.DRONE_120M, 4_000.0, TargetClass.DRONE_50M, 3_000.0),
                0, 0, -90, 90, 0.9, 0.9, 1.0, 50, 0);
        Asset camera = TestWorld.pointSensor("camera-1", AssetType.EO_IR_CAMERA, TestWorld.X0, TestWorld.Y0, cam);
        // A 2 km fence along x = X0 + 1000, from y = Y0 - 1000 to Y0 + 1000.
        Asset fenceAsset = TestWorld.sensor("fence-1", AssetType.FENCE_SENSOR, Lks94.GRID.createLineString(new Coordinate[] {
            new Coordinate(TestWorld.X0 + 1_000, TestWorld.Y0 - 1_000), new Coordinate(TestWorld.X0 + 1_000, TestWorld.Y0 + 1_000)}), fence);
        Asset rfAsset = TestWorld.pointSensor("rf-1", AssetType.RF_DETECTOR, TestWorld.X0, TestWorld.Y0, rf);
        List<ScriptTarget> targets = List.of(
                new ScriptTarget("walker", ObjectKind.PERSON, 3, 0.0, null, null,
                        List.of(TestWorld.at(0, 300, 1.5), TestWorld.at(2_000, 300, null))),
                new ScriptTarget("uav", ObjectKind.DRONE, 1, 0.0, 120.0, null,
                        List.of(TestWorld.at(-1_000, -1_000, 10.0), TestWorld.at(1_000, 1_000, null))));
        SimScript script = new SimScript("json", 3, TestWorld.START, 1_500, null, targets, null, null, null);
        Simulation sim = new Simulation(TestWorld.scenario(camera, fenceAsset, rfAsset), script);
        DetectionParser parser = new DetectionParser();
        Map<String, List<Detection>> bySensor = new HashMap<>();
        for (SimMessage m : sim.advanceTo(1_500)) {
            assertThat(m.channel()).isEqualTo(Channel.DETECTION_JSON);
            bySensor.computeIfAbsent(m.sourceId(), k -> new ArrayList<>()).add(parser.parse(m.text()));
        }
        assertThat(bySensor).containsOnlyKeys("camera-1", "fence-1", "rf-1");
        assertThat(bySensor.get("camera-1")).extracting(d -> d.classHint().wire()).contains("group", "drone");
        // The walker crosses the fence 1300 m from its start; reports are within a few sigma of that.
        assertThat(bySensor.get("fence-1")).isNotEmpty().allSatisfy(d -> {
            assertThat(d.line().lineId()).isEqualTo("fence-1");
            assertThat(d.line().distanceM()).isCloseTo(1_300, within(40.0));
        });
        // RF hears the drone only, by bearing.
        assertThat(bySensor.get("rf-1")).isNotEmpty().allSatisfy(d -> {
            assertThat(d.classHint().wire()).isEqualTo("drone");
            assertThat(d.position()).isNull();
        });
    }

    @Test
    void radarPlotsDecodeToWhereTheTargetIs() {
        SensorParameters p = TestWorld.params(8_000, 0, 0, 1.0, 1.0, 2.0, 0, 0); // no noise, always detected
        Asset radar = TestWorld.pointSensor("radar-1", AssetType.RADAR, TestWorld.X0, TestWorld.Y0, p);
        List<ScriptTarget> targets = List.of(still("ne", 3_000, 4_000), still("sw", -5_000, -2_000),
                new ScriptTarget("uav", ObjectKind.DRONE, 1, 0.0, 120.0, null, List.of(TestWorld.at(-1_000, 6_000, null))));
        SimScript script = new SimScript("geo", 1, TestWorld.START, 60, 9, targets, null, null, null);
        Simulation sim = new Simulation(TestWorld.scenario(radar), script, Visibility.ALWAYS, a -> true);
        var site = sim.radars().get(0);
        var locator = new PolarPlotLocator(
                new RadarSite(site.siteLatDeg(), site.siteLonDeg(), site.siteHeightM()));
        var plots = new Cat048Plots();
        List<GeoPosition> got = new ArrayList<>();
        for (SimMessage m : sim.advanceTo(60)) {
            byte[] b = m.payload();
            var items = Decoders.asterix(b).get(0).get("items");
            var source = items.has("I048/010") ? items.get("I048/010") : items.get("I034/010");
            assertThat(source.get("SAC").asInt()).as("SAC from the script").isEqualTo(9);
            assertThat(source.get("SIC").asInt()).isEqualTo(1);
            new AsterixDecoder().decode(b, 0, b.length, r -> {
                var g = plots.locate(r, locator);
                if (g != null) {
                    got.add(g);
                }
            });
        }
        assertThat(got).hasSize(3 * 30);
        for (var g : got) {
            Coordinate c = Lks94.toGrid(g.longitudeDeg(), g.latitudeDeg());
            double best = Math.min(Math.hypot(c.x - TestWorld.X0 - 3_000, c.y - TestWorld.Y0 - 4_000),
                    Math.min(Math.hypot(c.x - TestWorld.X0 + 5_000, c.y - TestWorld.Y0 + 2_000),
                            Math.hypot(c.x - TestWorld.X0 + 1_000, c.y - TestWorld.Y0 - 6_000)));
            assertThat(best).isLessThan(10.0); // quantisation: rho 7.2 m, theta 0.6 m at 6 km
        }
    }
}
