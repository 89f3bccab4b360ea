package org.skydas.obstacles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.skydas.obstacles.Records.Clearance;

class LifeCycleTest {

    private static final Instant T = Instant.parse("2026-06-01T12:00:00Z");
    private static final Map<FieldStatus, Set<FieldStatus>> ALLOWED = Map.of(
            FieldStatus.PLANNED, EnumSet.of(FieldStatus.LAID),
            FieldStatus.LAID, EnumSet.of(FieldStatus.MARKED, FieldStatus.BREACHED),
            FieldStatus.MARKED, EnumSet.of(FieldStatus.INSPECTED, FieldStatus.BREACHED),
            FieldStatus.INSPECTED, EnumSet.of(FieldStatus.CLEARED, FieldStatus.BREACHED),
            FieldStatus.BREACHED, EnumSet.of(FieldStatus.MARKED, FieldStatus.CLEARED),
            FieldStatus.CLEARED, EnumSet.of(FieldStatus.HANDED_OVER),
            FieldStatus.HANDED_OVER, EnumSet.noneOf(FieldStatus.class));

    private static Clearance clearance(boolean passed) {
        return ObstacleJson.clearance(Fixtures.clearance(passed), "clearance");
    }

    /** The minefield brought to {@code status} by the allowed steps. */
    private static ObstacleField at(FieldStatus status) {
        ObstacleField f = Fixtures.valid(Fixtures.minefield());
        List<FieldStatus> path = switch (status) {
            case PLANNED -> List.of();
            case LAID -> List.of(FieldStatus.LAID);
            case MARKED -> List.of(FieldStatus.LAID, FieldStatus.MARKED);
            case INSPECTED -> List.of(FieldStatus.LAID, FieldStatus.MARKED, FieldStatus.INSPECTED);
            case BREACHED -> List.of(FieldStatus.LAID, FieldStatus.BREACHED);
            case CLEARED -> List.of(FieldStatus.LAID, FieldStatus.MARKED, FieldStatus.INSPECTED, FieldStatus.CLEARED);
            case HANDED_OVER -> List.of(FieldStatus.LAID, FieldStatus.MARKED, FieldStatus.INSPECTED,
                    FieldStatus.CLEARED, FieldStatus.HANDED_OVER);
        };
        for (FieldStatus s : path) {
            f = step(f, s);
        }
        return f;
    }

    private static ObstacleField step(ObstacleField f, FieldStatus to) {
        return LifeCycle.transition(f, to, "eng1", "engineer", T, "note", to == FieldStatus.CLEARED ? clearance(true)
                : null);
    }

    static Stream<Arguments> everyPair() {
        List<Arguments> out = new ArrayList<>();
        for (FieldStatus from : FieldStatus.values()) {
            for (FieldStatus to : FieldStatus.values()) {
                out.add(Arguments.of(from, to));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void everyTransitionIsAllowedOrRefusedAsTheLifeCycleSays(FieldStatus from, FieldStatus to) {
        ObstacleField f = at(from);
        assertThat(f.status()).isEqualTo(from);
        if (ALLOWED.get(from).contains(to)) {
            ObstacleField g = step(f, to);
            assertThat(g.status()).isEqualTo(to);
            assertThat(g.version()).isEqualTo(f.version() + 1);
            var last = g.history().get(g.history().size() - 1);
            assertThat(last.from()).isEqualTo(from);
            assertThat(last.to()).isEqualTo(to);
            assertThat(last.actor()).isEqualTo("eng1");
            assertThat(last.at()).isEqualTo(T);
        } else {
            assertThatThrownBy(() -> step(f, to)).isInstanceOf(LifeCycle.IllegalTransition.class)
                    .hasMessageStartingWith("to: cannot go from " + from.wire() + " to " + to.wire());
        }
        assertThat(LifeCycle.next(from)).isEqualTo(ALLOWED.get(from));
    }

    @Test
    void clearingNeedsAClearanceRecordWithAPassedQualityCheck() {
        ObstacleField f = at(FieldStatus.INSPECTED);
        assertThatThrownBy(() -> LifeCycle.transition(f, FieldStatus.CLEARED, "eng1", "engineer", T, "done", null))
                .hasMessageStartingWith("clearance: required");
        assertThatThrownBy(() -> LifeCycle.transition(f, FieldStatus.CLEARED, "eng1", "engineer", T, "done",
                clearance(false))).hasMessageStartingWith("clearance.qm_check.passed:");
        var c = Fixtures.clearance(true);
        c.remove("method");
        assertThatThrownBy(() -> ObstacleJson.clearance(c, "clearance")).hasMessage("clearance.method: required");
        ObstacleField cleared = LifeCycle.transition(f, FieldStatus.CLEARED, "eng1", "engineer", T, "done",
                clearance(true));
        assertThat(cleared.history().get(cleared.history().size() - 1).clearance().devicesFound()).isEqualTo(120);
    }

    @Test
    void onlyTheClearingStepCarriesAClearanceRecord() {
        ObstacleField f = at(FieldStatus.LAID);
        assertThatThrownBy(() -> LifeCycle.transition(f, FieldStatus.MARKED, "eng1", "engineer", T, "x",
                clearance(true))).hasMessageStartingWith("clearance: only the transition to cleared");
    }

    @Test
    void aBreachNeedsANoteSayingWhatWasFound() {
        ObstacleField f = at(FieldStatus.MARKED);
        assertThatThrownBy(() -> LifeCycle.transition(f, FieldStatus.BREACHED, "eng1", "engineer", T, " ", null))
                .hasMessageStartingWith("note: required for breached");
    }

    @Test
    void layingAPlannedFieldWithoutALaidAtRecordsTheTransitionTime() {
        var n = Fixtures.minefield();
        n.remove("laid_at");
        ObstacleField f = Fixtures.valid(n);
        ObstacleField laid = LifeCycle.transition(f, FieldStatus.LAID, "eng1", "engineer", T, "laid", null);
        assertThat(laid.explosive().laidAt()).isEqualTo(T);
    }

    @ParameterizedTest
    @CsvSource({"engineer,true", "admin,true", "planner,false", "operator,false", "auditor,false", "nobody,false"})
    void onlyEngineersAndAdminsMoveAnExplosiveField(String role, boolean allowed) {
        ObstacleField f = at(FieldStatus.PLANNED);
        if (allowed) {
            assertThat(LifeCycle.transition(f, FieldStatus.LAID, "u", role, T, "n", null).status())
                    .isEqualTo(FieldStatus.LAID);
        } else {
            assertThatThrownBy(() -> LifeCycle.transition(f, FieldStatus.LAID, "u", role, T, "n", null))
                    .isInstanceOf(LifeCycle.NotAllowed.class);
        }
    }

    @ParameterizedTest
    @CsvSource({
        // role, explosive read, explosive write, obstacle read, obstacle write, obstacle transition
        "engineer,true,true,true,true,true",
        "admin,true,true,true,true,true",
        "planner,true,false,true,true,false",
        "operator,false,false,true,false,false",
        "auditor,false,false,true,false,false"})
    void accessRulesPerRole(String role, boolean exRead, boolean exWrite, boolean obRead, boolean obWrite,
                            boolean obTransition) {
        assertThat(Access.canRead(role, ObstacleKind.MINEFIELD)).isEqualTo(exRead);
        assertThat(Access.canReadExplosive(role)).isEqualTo(exRead);
        assertThat(Access.canWrite(role, ObstacleKind.REMOTELY_DELIVERED)).isEqualTo(exWrite);
        assertThat(Access.canTransition(role, ObstacleKind.MINED_AREA)).isEqualTo(exWrite);
        assertThat(Access.canRead(role, ObstacleKind.DITCH)).isEqualTo(obRead);
        assertThat(Access.canWrite(role, ObstacleKind.FENCE)).isEqualTo(obWrite);
        assertThat(Access.canTransition(role, ObstacleKind.TREE_LINE)).isEqualTo(obTransition);
    }

    @Test
    void recordingANewFieldNeedsAWritingRole() {
        ObstacleField f = Fixtures.valid(Fixtures.minefield());
        assertThatThrownBy(() -> LifeCycle.recorded(f, "p", "planner", T, "new"))
                .isInstanceOf(LifeCycle.NotAllowed.class);
        ObstacleField r = LifeCycle.recorded(f, "e", "engineer", T, "new");
        assertThat(r.history()).hasSize(1);
        assertThat(r.history().get(0).from()).isNull();
        assertThat(r.history().get(0).to()).isEqualTo(FieldStatus.PLANNED);
    }

    @Test
    void anImportedHistoryMustBeALifeCycleThatCouldHaveHappened() {
        ObstacleField cleared = at(FieldStatus.HANDED_OVER);
        ObstacleField recorded = LifeCycle.recorded(at(FieldStatus.PLANNED), "e", "engineer", T, "new");
        LifeCycle.checkHistory(recorded);
        ObstacleField withHistory = LifeCycle.transition(LifeCycle.transition(recorded, FieldStatus.LAID, "e",
                "engineer", T, "l", null), FieldStatus.BREACHED, "e", "engineer", T, "tracks across row 2", null);
        LifeCycle.checkHistory(withHistory);
        // a status without the steps to it
        ObstacleField skipped = withHistory.withIdentity("x", 1, FieldStatus.CLEARED, withHistory.history());
        assertThatThrownBy(() -> LifeCycle.checkHistory(skipped)).hasMessage("status: cleared but the history ends in breached");
        ObstacleField bare = cleared.withIdentity("x", 1, FieldStatus.LAID, List.of());
        assertThatThrownBy(() -> LifeCycle.checkHistory(bare)).hasMessageStartingWith("status: laid without a history");
        // a clearing without its clearance record
        var h = new ArrayList<>(withHistory.history());
        h.add(new Records.StatusChange(FieldStatus.BREACHED, FieldStatus.CLEARED, T, "e", "engineer", "x", null));
        ObstacleField noRecord = withHistory.withIdentity("x", 1, FieldStatus.CLEARED, h);
        assertThatThrownBy(() -> LifeCycle.checkHistory(noRecord)).hasMessage("history[3].clearance: required to clear a field");
        // a jump
        var j = new ArrayList<>(recorded.history());
        j.add(new Records.StatusChange(FieldStatus.PLANNED, FieldStatus.INSPECTED, T, "e", "engineer", "x", null));
        ObstacleField jump = recorded.withIdentity("x", 1, FieldStatus.INSPECTED, j);
        assertThatThrownBy(() -> LifeCycle.checkHistory(jump)).hasMessageStartingWith("history[1]: cannot go from planned to inspected");
    }
}
