package org.skydas.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.skydas.sim.script.FalseAlarmSource;
import org.skydas.sim.script.ObjectKind;
import org.skydas.sim.script.SimScript;
import org.skydas.sim.script.SimScriptException;
import org.skydas.sim.script.SimScriptIo;

class ScriptAndClockTest {

    static final String EXAMPLE = """
            name: example
            seed: 42
            start: 2026-11-27T04:00:00Z
            duration_s: 1800
            targets:
              - id: walkers
                kind: person
                group_size: 4
                start_s: 30
                route:
                  - {lon: 24.010, lat: 54.020, speed_mps: 1.3}
                  - {lon: 24.030, lat: 54.030}
              - id: uav-1
                kind: drone
                altitude_m: 60
                remote_id: {serial: ABC123, operator_id: LTUop1}
                route:
                  - {lon: 24.0, lat: 54.0, speed_mps: 15}
                  - {lon: 24.1, lat: 54.1}
            patrols:
              - id: p1
                callsign: Patrol 1
                route: [{lon: 24.02, lat: 54.02}]
            false_alarms:
              - {id: boars, kind: animals, lon: 24.02, lat: 54.01, radius_m: 800, count: 3}
              - {id: wet-field, kind: clutter, lon: 24.05, lat: 54.05, radius_m: 300, per_hour: 12}
            background: {vehicles: 2, drones: 1, lon_min: 23.9, lat_min: 53.9, lon_max: 24.2, lat_max: 54.2}
            """;

    @Test
    void readsTheDocumentedFormat() throws Exception {
        SimScript s = new SimScriptIo().read(EXAMPLE);
        assertThat(s.seed()).isEqualTo(42);
        assertThat(s.start()).isEqualTo(Instant.parse("2026-11-27T04:00:00Z"));
        assertThat(s.targets()).hasSize(2);
        assertThat(s.targets().get(0).groupSize()).isEqualTo(4);
        assertThat(s.targets().get(0).route().get(1).speedMps()).isNull();
        assertThat(s.targets().get(1).kind()).isEqualTo(ObjectKind.DRONE);
        assertThat(s.targets().get(1).remoteId().serial()).isEqualTo("ABC123");
        assertThat(s.patrols().get(0).reportPeriodS()).isEqualTo(10.0);
        assertThat(s.falseAlarms().get(1).kind()).isEqualTo(FalseAlarmSource.Kind.CLUTTER);
        assertThat(s.background().drones()).isEqualTo(1);
        assertThat(new SimScriptIo().read(new SimScriptIo().write(s))).isEqualTo(s);
        // The world it makes: 2 targets + 1 patrol + 3 boars + 3 background objects.
        Simulation sim = new Simulation(TestWorld.scenario(), s);
        assertThat(sim.objects()).hasSize(9);
        assertThat(sim.objects().stream().filter(o -> o.remoteId() != null)).hasSize(2);
    }

    @Test
    void badScriptsFailWithAReason() {
        SimScriptIo io = new SimScriptIo();
        assertThatThrownBy(() -> io.read(EXAMPLE.replace("group_size", "groupsize")))
                .isInstanceOf(SimScriptException.class).hasMessageContaining("groupsize");
        assertThatThrownBy(() -> io.read(EXAMPLE.replace("speed_mps: 1.3", "speed_mps: -1")))
                .isInstanceOf(SimScriptException.class).hasMessageContaining("speed_mps");
        assertThatThrownBy(() -> io.read(EXAMPLE.replace("kind: person", "kind: tank")))
                .isInstanceOf(SimScriptException.class);
        assertThatThrownBy(() -> io.read(EXAMPLE.replace("id: uav-1", "id: walkers")))
                .isInstanceOf(SimScriptException.class).hasMessageContaining("duplicate id");
        assertThatThrownBy(() -> io.read(EXAMPLE.replace("start: 2026-11-27T04:00:00Z\n", "")))
                .isInstanceOf(SimScriptException.class).hasMessageContaining("start");
        assertThatThrownBy(() -> io.read("")).isInstanceOf(SimScriptException.class);
    }

    @Test
    void clockScalesWallTimeBySpeedUp() {
        SimClock c = new SimClock(Instant.parse("2026-11-27T04:00:00Z"), 5);
        assertThat(c.advanceWall(Duration.ofMillis(2_000))).isCloseTo(10.0, within(1e-9));
        assertThat(c.now()).isEqualTo(Instant.parse("2026-11-27T04:00:10Z"));
        assertThat(c.wallUntil(20)).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.wallUntil(5)).isEqualTo(Duration.ZERO);
        assertThat(c.advanceBy(1.5)).isEqualTo(11.5);
        assertThatThrownBy(() -> c.advanceBy(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimClock(Instant.EPOCH, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
