package org.skydas.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.skydas.model.TargetKind;
import org.skydas.track.TrackState;
import org.skydas.track.TrackStatus;

/** The rule engine with stub rules: it runs its list in order, passes what it remembers, and forwards every event. */
class RuleListTest {

    private final BorderIndex border = new BorderIndex(RuleEngineTest.square());

    /** Raises one finding per event, named by the rule and the event, and logs what it was given. */
    static final class Stub implements Rule {
        final String name;
        final List<String> log;

        Stub(String name, List<String> log) {
            this.name = name;
            this.log = log;
        }

        @Override
        public RuleKind kind() {
            return RuleKind.LOITERING;
        }

        private Finding finding(String what, double t) {
            return new Finding(RuleKind.LOITERING, Severity.LOW, "track:0", t, 0, 0, null, null, name + " " + what);
        }

        @Override
        public void onTrack(TrackState track, boolean onTerritory, TrackMemory previous, List<Finding> out) {
            log.add(name + " track " + track.id() + " inside=" + onTerritory + " previous="
                    + (previous == null ? "none" : (previous.confirmed() ? "confirmed" : "tentative")
                    + "@" + previous.t()));
            out.add(finding("track", track.t()));
        }

        @Override
        public void onTrackEnd(TrackState last, TrackMemory seen, List<Finding> out) {
            log.add(name + " end " + last.id() + " seen=" + (seen == null ? "none" : seen.confirmed()));
            out.add(finding("end", last.t()));
        }

        @Override
        public void onSensorData(String sensorId, double t) {
            log.add(name + " data " + sensorId);
        }

        @Override
        public void onTime(double now, List<Finding> out) {
            log.add(name + " time " + now);
        }
    }

    private static TrackState state(long id, double t, double x, TrackStatus status) {
        return RuleEngineTest.track(id, t, x, 5_000, 0, 0, status, TargetKind.PERSON);
    }

    @Test
    void theEngineRunsItsRulesInOrderAndOnlyConfirmedTracksReachThem() {
        List<String> log = new ArrayList<>();
        RuleEngine engine = new RuleEngine(border, List.of(new Stub("a", log), new Stub("b", log)));
        assertThat(engine.onTrack(state(7, 0, 5_000, TrackStatus.TENTATIVE))).isEmpty();
        assertThat(log).isEmpty();
        List<Finding> f = engine.onTrack(state(7, 1, -500, TrackStatus.CONFIRMED));
        assertThat(f).extracting(Finding::message).containsExactly("a track", "b track");
        // The tentative estimate was remembered: the rules see where the track was before, and that it was tentative.
        assertThat(log).containsExactly("a track 7 inside=false previous=tentative@0.0",
                "b track 7 inside=false previous=tentative@0.0");
        log.clear();
        engine.onTrack(state(7, 2, 5_000, TrackStatus.COASTING));
        assertThat(log).containsExactly("a track 7 inside=true previous=confirmed@1.0",
                "b track 7 inside=true previous=confirmed@1.0");
        log.clear();
        assertThat(engine.onTrackEnd(state(7, 3, 5_000, TrackStatus.DELETED))).extracting(Finding::message)
                .containsExactly("a end", "b end");
        // Forgotten at its end: a second end finds nothing remembered.
        engine.onTrackEnd(state(7, 3, 5_000, TrackStatus.DELETED));
        assertThat(log).containsExactly("a end 7 seen=true", "b end 7 seen=true", "a end 7 seen=none",
                "b end 7 seen=none");
        log.clear();
        engine.onSensorData("radar-1", 4);
        assertThat(engine.onTime(5)).isEmpty();
        assertThat(log).containsExactly("a data radar-1", "b data radar-1", "a time 5.0", "b time 5.0");
    }

    @Test
    void theDefaultRulesAreOneClassPerKind() {
        List<Rule> rules = RuleEngine.defaultRules(border, RuleConfig.defaults());
        assertThat(rules).extracting(Rule::kind).containsExactly(RuleKind.BORDER_CROSSING, RuleKind.APPROACH,
                RuleKind.DRONE_INCURSION, RuleKind.LOITERING, RuleKind.TRACK_LOST, RuleKind.SENSOR_DOWN);
        assertThat(rules).extracting(r -> r.getClass().getSimpleName()).doesNotHaveDuplicates();
        assertThat(new RuleEngine(border, RuleConfig.defaults()).rules()).extracting(Rule::kind)
                .containsExactlyElementsOf(rules.stream().map(Rule::kind).toList());
    }

    @Test
    void aRuleListWithoutSensorDownRaisesNoSensorDown() {
        List<Rule> withoutSensorDown = new ArrayList<>(RuleEngine.defaultRules(border, RuleConfig.defaults()));
        withoutSensorDown.removeIf(r -> r.kind() == RuleKind.SENSOR_DOWN);
        RuleEngine engine = new RuleEngine(border, withoutSensorDown);
        RuleEngine full = new RuleEngine(border, RuleConfig.defaults());
        engine.onSensorData("radar-1", 0);
        full.onSensorData("radar-1", 0);
        assertThat(engine.onTime(600)).isEmpty();
        assertThat(full.onTime(600)).extracting(Finding::rule).containsExactly(RuleKind.SENSOR_DOWN);
    }
}
