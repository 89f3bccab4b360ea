package org.skydas.terrain.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.skydas.model.AssetStatus;
import org.skydas.model.Scenario;
import org.skydas.model.SensorParameters;
import org.skydas.model.TargetClass;
import org.skydas.terrain.coverage.SensorFootprint;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class ScenarioSensorsTest {

    @Property(tries = 300)
    void sectorAgreesWithTheModel(@ForAll @DoubleRange(min = -720, max = 720) double from,
            @ForAll @DoubleRange(min = -720, max = 720) double to, @ForAll @DoubleRange(min = 0, max = 360) double az) {
        SensorParameters p = TestScenario.params(10, 1000, from, to);
        SensorFootprint f = ScenarioSensors.footprint(TestScenario.sensor("s", 0, 0, AssetStatus.OPERATIONAL, p),
                TargetClass.PERSON);
        double dx = Math.sin(Math.toRadians(az));
        double dy = Math.cos(Math.toRadians(az));
        // away from the sector's edges (rounding there may go either way)
        double span = ((to - from) % 360 + 360) % 360;
        double off = ((az - from) % 360 + 360) % 360;
        if (span != 0 && (Math.abs(off) < 1e-6 || Math.abs(off - span) < 1e-6 || Math.abs(off - 360) < 1e-6)) {
            return;
        }
        assertThat(f.inSector(dx, dy)).as("from %f to %f az %f", from, to, az).isEqualTo(p.inAzimuthSector(az));
    }

    @Test
    void statusesRangesAndPd() {
        SensorParameters p = TestScenario.params(12, 2000, 0, 0);
        Scenario s = TestScenario.of(4000, 10_000, List.of(
                TestScenario.sensor("op", 1, 2, AssetStatus.OPERATIONAL, p),
                TestScenario.sensor("inst", 3, 4, AssetStatus.INSTALLED, p),
                TestScenario.sensor("prop", 5, 6, AssetStatus.PROPOSED, p),
                TestScenario.sensor("old", 7, 8, AssetStatus.DECOMMISSIONED, p)));
        assertThat(ids(s, SensorSelection.OPERATIONAL)).containsExactly("op");
        assertThat(ids(s, SensorSelection.INSTALLED)).containsExactly("op", "inst");
        assertThat(ids(s, SensorSelection.PLANNED)).containsExactly("op", "inst", "prop");
        assertThat(SensorSelection.PLANNED.describe()).doesNotContain("decommissioned");
        // no range for vehicles: not a vehicle sensor
        assertThat(ScenarioSensors.footprints(s, TargetClass.VEHICLE, SensorSelection.PLANNED)).isEmpty();
        SensorFootprint f = ScenarioSensors.footprints(s, TargetClass.PERSON, SensorSelection.OPERATIONAL).get(0);
        assertThat(f.x()).isEqualTo(1);
        assertThat(f.y()).isEqualTo(2);
        assertThat(f.mastHeight()).isEqualTo(12);
        assertThat(f.maxRange()).isEqualTo(2000);
        assertThat(f.sectorWidthDeg()).isEqualTo(360);
        assertThat(f.pd().pd(0)).isCloseTo(0.9, within(1e-12));
        assertThat(f.pd().pd(1000)).isCloseTo(0.5, within(1e-12));
        // slant range beyond the horizontal limit keeps the Pd at maximum range
        assertThat(f.pd().pd(2003)).isCloseTo(0.1, within(1e-12));
    }

    private static List<String> ids(Scenario s, SensorSelection sel) {
        return ScenarioSensors.footprints(s, TargetClass.PERSON, sel).stream().map(SensorFootprint::id).toList();
    }
}
