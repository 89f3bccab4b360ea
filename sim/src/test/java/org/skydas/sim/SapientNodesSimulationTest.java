package org.skydas.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.ingest.sapient.SapientCodec;
import org.skydas.model.Neighbour;
import org.skydas.model.Scenario;
import org.skydas.model.demo.DemoScenario;
import org.skydas.sim.encode.SapientEncoder;
import org.skydas.sim.script.DemoScript;
import org.skydas.sim.script.SapientNodeSpec;
import org.skydas.sim.script.SimScript;

import uk.gov.dstl.sapientmsg.bsiflex335v2.SapientMessage;

/**
 * The demo's simulated SAPIENT nodes: a counter-drone radar and an RF detector on the Belarus border, near where the
 * Belarus drone crosses. Each registers first, then reports status and that drone; every message is a framed, valid
 * v2.0 message; a run is the same byte for byte; and adding the nodes changes no other sensor's messages.
 */
class SapientNodesSimulationTest {

    static Scenario scenario;
    static SimScript script;
    static List<SapientNodeSpec> nodes;

    @BeforeAll
    static void build() {
        scenario = new DemoScenario().build();
        script = DemoScript.build(scenario);
        nodes = DemoScript.sapientNodes(scenario, script);
    }

    static List<SimMessage> run(boolean withNodes, double untilS) {
        Simulation sim = new Simulation(scenario, script);
        if (withNodes) {
            sim.withSapientNodes(nodes);
        }
        List<SimMessage> out = new ArrayList<>();
        sim.advanceTo(untilS, out::add);
        return out;
    }

    static SapientMessage unframe(SimMessage m) throws Exception {
        byte[] b = m.payload();
        int n = (b[0] & 0xFF) | (b[1] & 0xFF) << 8 | (b[2] & 0xFF) << 16 | (b[3] & 0xFF) << 24;
        assertThat(n).isEqualTo(b.length - 4);
        return SapientMessage.parseFrom(java.util.Arrays.copyOfRange(b, 4, b.length));
    }

    @Test
    void twoNodesStandOnTheBelarusBorderInside() {
        assertThat(nodes).extracting(SapientNodeSpec::kind)
                .containsExactly(SapientNodeSpec.Kind.RADAR, SapientNodeSpec.Kind.RF_DETECTOR);
        org.skydas.model.BorderLine by = scenario.border().stream().filter(b -> b.neighbour() == Neighbour.BY)
                .findFirst().orElseThrow();
        for (SapientNodeSpec n : nodes) {
            Coordinate g = Lks94.toGrid(n.lon(), n.lat());
            double d = by.geometry().distance(Lks94.GRID.createPoint(g));
            assertThat(d).as(n.id() + " metres from the Belarus border").isBetween(500.0, 2_500.0);
        }
    }

    @Test
    void nodesRegisterFirstThenReportValidMessagesOfTheDrone() throws Exception {
        List<SimMessage> run = run(true, 900);
        SapientCodec codec = new SapientCodec();
        Map<String, List<SapientMessage>> byNode = new LinkedHashMap<>();
        for (SimMessage m : run) {
            if (m.channel() == Channel.SAPIENT) {
                SapientMessage s = unframe(m);
                assertThat(codec.problems(s)).as(s.toString()).isEmpty();
                assertThat(s.getNodeId()).isEqualTo(SapientEncoder.nodeUuid(m.sourceId()));
                byNode.computeIfAbsent(m.sourceId(), k -> new ArrayList<>()).add(s);
            }
        }
        assertThat(byNode.keySet()).containsExactly("sapient-radar-by-1", "sapient-rf-by-1");
        for (List<SapientMessage> ms : byNode.values()) {
            assertThat(ms.get(0).hasRegistration()).isTrue();
            assertThat(ms.stream().filter(SapientMessage::hasRegistration).count()).isEqualTo(1);
            assertThat(ms.get(1).hasStatusReport()).isTrue();
            assertThat(ms.stream().filter(SapientMessage::hasDetectionReport).count()).as("drone reports").isPositive();
        }
        List<SapientMessage> radar = byNode.get("sapient-radar-by-1");
        assertThat(radar).filteredOn(SapientMessage::hasDetectionReport)
                .allMatch(s -> s.getDetectionReport().hasEnuVelocity()
                        && s.getDetectionReport().getClassification(0).getSubClass(0).getType().equals("UAV Rotary Wing"));
        // The radar tracks: one object id per drone (the script has three), not one per report.
        long drones = script.targets().stream().filter(t -> t.kind() == org.skydas.sim.script.ObjectKind.DRONE).count();
        assertThat(radar.stream().filter(SapientMessage::hasDetectionReport).map(s -> s.getDetectionReport().getObjectId())
                .distinct().count()).isBetween(1L, drones);
        // The RF detector raises one alert of its own per drone it hears.
        List<SapientMessage> rf = byNode.get("sapient-rf-by-1");
        assertThat(rf.stream().filter(SapientMessage::hasAlert).count()).isEqualTo(rf.stream()
                .filter(SapientMessage::hasDetectionReport).map(s -> s.getDetectionReport().getObjectId()).distinct().count());
        // Status every 5 s of simulated time, no more.
        assertThat(radar.stream().filter(SapientMessage::hasStatusReport).count()).isBetween(170L, 182L);
    }

    @Test
    void aRunIsReproducibleAndTheNodesChangeNoOtherSensor() {
        List<SimMessage> a = run(true, 600);
        assertThat(run(true, 600)).isEqualTo(a);
        List<SimMessage> others = a.stream().filter(m -> m.channel() != Channel.SAPIENT).toList();
        assertThat(run(false, 600)).isEqualTo(others);
    }
}
