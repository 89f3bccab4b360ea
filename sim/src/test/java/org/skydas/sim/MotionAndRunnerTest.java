package org.skydas.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.skydas.model.Asset;
import org.skydas.model.AssetType;
import org.skydas.sim.motion.Trajectory;
import org.skydas.sim.script.ScriptPatrol;
import org.skydas.sim.script.SimScript;
import org.skydas.sim.sensor.Visibility;

class MotionAndRunnerTest {

    @Property(tries = 200)
    void trajectoryMovesAtTheLegSpeedAndPassesItsVertices(@ForAll @DoubleRange(min = 0.5, max = 40) double v1,
                                                         @ForAll @DoubleRange(min = 0.5, max = 40) double v2,
                                                         @ForAll @DoubleRange(min = 0, max = 0.99) double f) { // at f = 1 the next leg begins
        Trajectory t = new Trajectory(100, new double[] {0, 3_000, 3_000}, new double[] {0, 4_000, 0},
                new double[] {v1, v2, 1});
        double leg1 = 5_000 / v1;
        double leg2 = 4_000 / v2;
        assertThat(t.endS()).isCloseTo(100 + leg1 + leg2, within(1e-6));
        Trajectory.State s = t.stateAt(100 + f * leg1);
        assertThat(Math.hypot(s.x(), s.y())).isCloseTo(f * 5_000, within(1e-6));
        assertThat(s.speed()).isCloseTo(v1, within(1e-9));
        Trajectory.State s2 = t.stateAt(100 + leg1 + f * leg2);
        assertThat(s2.x()).isCloseTo(3_000, within(1e-6));
        assertThat(s2.y()).isCloseTo(4_000 - f * 4_000, within(1e-6));
        assertThat(t.activeAt(99.9)).isFalse();
        assertThat(t.activeAt(t.endS() + 1)).isFalse();
    }

    @Test
    void bareEllipsoidHidesLowTargetsBeyondTheRadioHorizon() {
        Visibility v = Visibility.BARE_ELLIPSOID;
        assertThat(v.visible(0, 0, 25, 20_000, 0, 1.8)).isTrue();
        assertThat(v.visible(0, 0, 25, 30_000, 0, 1.8)).isFalse(); // horizon ≈ 20.6 + 5.5 km
        assertThat(v.visible(0, 0, 25, 30_000, 0, 120)).isTrue();
    }

    @Test
    void runnerPlaysTheScriptAgainstAScaledClock() throws Exception {
        Asset radar = TestWorld.pointSensor("radar-1", AssetType.RADAR, TestWorld.X0, TestWorld.Y0,
                TestWorld.params(5_000, 0, 0, 0.9, 0.6, 2.0, 15, 0));
        SimScript s = new SimScript("runner", 1, TestWorld.START, 120, null, null,
                List.of(new ScriptPatrol("p", null, null, 0.0, 5.0, List.of(TestWorld.at(100, 100, null)))), null, null);
        Simulation sim = new Simulation(TestWorld.scenario(radar), s);
        SimRunner runner = new SimRunner(sim, 10, Duration.ofMillis(500));
        List<SimMessage> out = new ArrayList<>();
        List<Double> wallAtSend = new ArrayList<>();
        double[] wall = {0};
        runner.run(m -> {
            out.add(m);
            wallAtSend.add(wall[0]);
        }, d -> wall[0] += d.toNanos() / 1e9);
        assertThat(sim.finished()).isTrue();
        assertThat(wall[0]).isCloseTo(12.0, within(0.5)); // 120 s at ×10
        assertThat(out).isEqualTo(new Simulation(TestWorld.scenario(radar), s).advanceTo(120));
        for (int i = 0; i < out.size(); i++) {
            // Sent no earlier than due, and at most one tick late.
            double due = out.get(i).simTimeS() / 10;
            assertThat(wallAtSend.get(i)).isBetween(due - 1e-9, due + 0.5 + 1e-9);
        }
        assertThat(out.stream().filter(m -> m.channel() == Channel.COT)).hasSize(25); // t = 0, 5, ..., 120
    }
}
