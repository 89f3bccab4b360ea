package org.skydas.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.skydas.geo.Lks94;
import org.skydas.ingest.cot.CotXmlParser;
import org.skydas.ingest.json.DetectionParser;
import org.skydas.ingest.remoteid.OdidDecoder;
import org.skydas.ingest.remoteid.OdidMessagePack;
import org.skydas.model.BorderLine;
import org.skydas.model.Neighbour;
import org.skydas.model.Scenario;
import org.skydas.model.ZoneKind;
import org.skydas.model.demo.DemoScenario;
import org.skydas.sim.motion.SimObject;
import org.skydas.sim.script.DemoScript;
import org.skydas.sim.script.SimScript;
import org.skydas.sim.script.SimScriptIo;
import org.skydas.sim.sensor.SimDetection;

class DemoSimulationTest {

    static Scenario scenario;
    static SimScript script;
    static Geometry territory;
    static List<SimMessage> fullRun;
    static List<SimDetection> truth;

    @BeforeAll
    static void runDemo() {
        scenario = new DemoScenario().build();
        script = DemoScript.build(scenario);
        territory = scenario.zones().stream().filter(z -> z.kind() == ZoneKind.NATIONAL_TERRITORY).findFirst()
                .orElseThrow().geometry();
        Simulation sim = demo(script);
        truth = new ArrayList<>();
        sim.onDetection(truth::add);
        fullRun = new ArrayList<>();
        sim.runToEnd(fullRun::add);
    }

    /**
     * The demo's simulation: the scenario's sensors, the two SAPIENT nodes, the GMTI radar and the ONVIF camera, as
     * {@code skydas demo} runs it.
     */
    static Simulation demo(SimScript s) {
        return new Simulation(scenario, s).withSapientNodes(DemoScript.sapientNodes(scenario, s))
                .withGmtiRadars(DemoScript.gmtiRadars(scenario, s))
                .withOnvifCameras(DemoScript.onvifCameras(scenario, s));
    }

    private static SimObject object(Simulation sim, String id) {
        return sim.objects().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
    }

    private static LineString path(SimObject o) {
        Coordinate[] cs = o.trajectory().vertices().stream().map(v -> new Coordinate(v[0], v[1])).toArray(Coordinate[]::new);
        return Lks94.GRID.createLineString(cs);
    }

    private static BorderLine border(Neighbour n) {
        return scenario.border().stream().filter(b -> b.neighbour() == n).findFirst().orElseThrow();
    }

    @Test
    void footGroupCrossesTheRealBelarusBorderLine() {
        Simulation sim = new Simulation(scenario, script);
        SimObject foot = object(sim, "foot-group-1");
        LineString p = path(foot);
        assertThat(territory.contains(p.getStartPoint())).as("starts outside Lithuania").isFalse();
        assertThat(territory.contains(p.getEndPoint())).as("ends inside Lithuania").isTrue();
        assertThat(p.intersects(border(Neighbour.BY).geometry())).isTrue();
        // It starts a few hundred metres out (the tracker confirms it before it crosses)...
        assertThat(border(Neighbour.BY).geometry().distance(p.getStartPoint())).isGreaterThan(200.0);
        // Sampled over time, the group is first outside, later inside.
        double t0 = foot.trajectory().startS();
        double t1 = Math.min(foot.trajectory().endS(), script.durationS());
        assertThat(t1).as("the crossing completes within the run").isLessThan(script.durationS());
        boolean wasOutside = false;
        boolean thenInside = false;
        for (double t = t0; t <= t1; t += 10) {
            var s = foot.trajectory().stateAt(t);
            boolean in = territory.contains(Lks94.GRID.createPoint(new Coordinate(s.x(), s.y())));
            wasOutside |= !in;
            thenInside |= wasOutside && in;
        }
        assertThat(wasOutside && thenInside).isTrue();
        // ...and is across within 8 simulated minutes: inside the demo's first minute at its default 10x speed.
        double firstInside = Double.NaN;
        for (double t = t0; t <= t1 && Double.isNaN(firstInside); t += 5) {
            var s = foot.trajectory().stateAt(t);
            if (territory.contains(Lks94.GRID.createPoint(new Coordinate(s.x(), s.y())))) {
                firstInside = t;
            }
        }
        assertThat(firstInside).isLessThan(480.0);
        // And the sensors saw it.
        assertThat(truth.stream().filter(d -> "foot-group-1".equals(d.objectId())).count()).isGreaterThan(10);
    }

    @Test
    void dronesAndColumnCrossFromTheirNeighbours() {
        Simulation sim = new Simulation(scenario, script);
        Set<Neighbour> droneSides = new HashSet<>();
        for (String id : List.of("drone-remote-id", "drone-dark")) {
            LineString p = path(object(sim, id));
            assertThat(territory.contains(p.getStartPoint())).as(id + " starts outside").isFalse();
            assertThat(territory.contains(p.getEndPoint())).as(id + " ends inside").isTrue();
            for (Neighbour n : List.of(Neighbour.RU, Neighbour.BY)) {
                if (border(n).geometry().distance(p.getStartPoint()) < 5_000) {
                    droneSides.add(n);
                }
            }
        }
        assertThat(droneSides).containsExactlyInAnyOrder(Neighbour.RU, Neighbour.BY);
        LineString column = path(object(sim, "vehicle-column-1"));
        assertThat(column.intersects(border(Neighbour.BY).geometry())).isTrue();
        assertThat(border(Neighbour.PL).geometry().distance(column.getEndPoint())).isLessThan(2_500);
        Coordinate end = Lks94.toWgs84(column.getEndPoint().getX(), column.getEndPoint().getY());
        assertThat(end.x).isBetween(22.8, 23.6);
        assertThat(end.y).isBetween(53.9, 54.5);
    }

    @Test
    void everyEmittedMessageDecodesWithTheIngestDecoders() throws Exception {
        Map<Channel, Integer> counts = new EnumMap<>(Channel.class);
        DetectionParser json = new DetectionParser();
        OdidDecoder odid = new OdidDecoder();
        CotXmlParser cot = new CotXmlParser();
        int plots = 0;
        for (SimMessage m : fullRun) {
            counts.merge(m.channel(), 1, Integer::sum);
            switch (m.channel()) {
                case ASTERIX -> {
                    List<JsonNode> recs = Decoders.asterix(m.payload());
                    assertThat(recs).isNotEmpty();
                    plots += (int) recs.stream().filter(r -> r.get("category").asInt() == 48).count();
                }
                case DETECTION_JSON -> assertThat(json.parse(m.text()).sensorId()).isEqualTo(m.sourceId());
                case REMOTE_ID -> assertThat(odid.decode(m.payload())).isInstanceOf(OdidMessagePack.class);
                case COT -> assertThat(cot.parse(m.text()).uid()).isEqualTo(m.sourceId());
                case SAPIENT -> assertThat(new org.skydas.ingest.sapient.SapientCodec().decode(
                        java.util.Arrays.copyOfRange(m.payload(), 4, m.length())).getNodeId())
                        .isEqualTo(org.skydas.sim.encode.SapientEncoder.nodeUuid(m.sourceId()));
                case GMTI -> assertThat(new org.skydas.ingest.stanag4607.Gmti4607Decoder().decode(m.payload(), 0,
                        m.length(), null).header().platformId().strip()).isEqualTo(m.sourceId());
                case ONVIF -> assertThat(new org.skydas.ingest.onvif.OnvifMetadataParser().parse(m.payload()).frames())
                        .singleElement().satisfies(f -> assertThat(f.objects()).isNotEmpty()
                                .allMatch(o -> o.latDeg() != null && o.lonDeg() != null && !o.classes().isEmpty()));
            }
        }
        assertThat(counts).containsOnlyKeys(Channel.values());
        assertThat(plots).isPositive();
        assertThat(fullRun).isSortedAccordingTo((a, b) -> Double.compare(a.simTimeS(), b.simTimeS()));
        // The dark drone is never heard over Remote ID; the broadcasting one is.
        assertThat(fullRun.stream().filter(m -> m.channel() == Channel.REMOTE_ID)
                .anyMatch(m -> new String(m.payload(), java.nio.charset.StandardCharsets.US_ASCII).contains("1596F3C9A2B74E0D8811")))
                .isTrue();
        assertThat(truth.stream().anyMatch(d -> "drone-dark".equals(d.objectId()) && d.sensorId().startsWith("remoteid")))
                .isFalse();
        // ...but other sensors see it, and the column approaching the gap.
        assertThat(truth).anyMatch(d -> "drone-dark".equals(d.objectId()));
        assertThat(truth).anyMatch(d -> "vehicle-column-1".equals(d.objectId()));
        // A radar tracks a drone: the second dark drone flies in over a Belarus-border tower.
        assertThat(truth).anyMatch(d -> "drone-dark-2".equals(d.objectId()) && d.sensorId().startsWith("radar-"));
        System.out.println("demo run: " + fullRun.size() + " messages " + counts + ", " + plots + " CAT048 plots, "
                + truth.size() + " reports of which " + truth.stream().filter(SimDetection::falseAlarm).count()
                + " false alarms");
    }

    @Test
    void sameSeedGivesIdenticalBytesHoweverTimeIsSliced() {
        List<SimMessage> a = demo(script).advanceTo(900);
        Simulation stepped = demo(script);
        List<SimMessage> b = new ArrayList<>();
        for (double t = 0.37; t < 900; t += 0.37) {
            stepped.advanceTo(t, b::add);
        }
        stepped.advanceTo(900, b::add);
        assertThat(a).isNotEmpty();
        assertThat(b).isEqualTo(a); // SimMessage equality compares payload bytes
        assertThat(fullRun.subList(0, a.size())).isEqualTo(a);
        SimScript other = DemoScript.build(scenario, DemoScript.DEFAULT_SEED + 1, script.start());
        assertThat(demo(other).advanceTo(900)).isNotEqualTo(a);
    }

    @Test
    void demoScriptSurvivesYaml() throws Exception {
        SimScriptIo io = new SimScriptIo();
        String yaml = io.write(script);
        assertThat(yaml).contains("foot-group-1").contains("remote_id").contains("speed_mps");
        assertThat(io.read(yaml)).isEqualTo(script);
    }
}
