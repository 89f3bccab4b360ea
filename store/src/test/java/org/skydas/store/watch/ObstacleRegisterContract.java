package org.skydas.store.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.skydas.obstacles.FieldStatus;
import org.skydas.obstacles.LifeCycle;
import org.skydas.obstacles.ObstacleField;
import org.skydas.store.ObstacleSamples;

/** The obstacle register on each database the watch store runs on. */
abstract class ObstacleRegisterContract {

    abstract WatchStore open() throws Exception;

    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

    @Test
    void createUpdateTransitionKeepVersionsStatusHistoryAndAudit() throws Exception {
        try (WatchStore store = open()) {
            ObstacleRegister reg = store.obstacleRegister();
            ObstacleField f = LifeCycle.recorded(ObstacleSamples.minefield("Field A"), "eng1", "engineer", T0, "new");
            ObstacleField created = reg.create(f, "eng1", "engineer", T0);
            assertThat(created.id()).isEqualTo("OF-00001");
            assertThat(created.version()).isEqualTo(1);
            ObstacleField got = reg.get("OF-00001").orElseThrow();
            assertThat(got.geometry().equalsExact(f.geometry())).isTrue();
            assertThat(got.explosive()).isEqualTo(f.explosive());

            ObstacleField renamed = reg.update("OF-00001", ObstacleSamples.minefield("Field A (re-surveyed)"), 1,
                    "eng2", "engineer", T0.plusSeconds(60));
            assertThat(renamed.version()).isEqualTo(2);
            assertThat(renamed.status()).isEqualTo(FieldStatus.PLANNED);
            assertThat(renamed.history()).hasSize(1);
            assertThatThrownBy(() -> reg.update("OF-00001", ObstacleSamples.minefield("stale"), 1, "eng2", "engineer",
                    T0.plusSeconds(61))).isInstanceOf(ObstacleRegister.VersionConflict.class);
            assertThatThrownBy(() -> reg.update("OF-00001", ObstacleSamples.ditch("other kind"), null, "eng2",
                    "engineer", T0.plusSeconds(61))).hasMessageStartingWith("kind: an explosive field cannot become");

            ObstacleField laid = LifeCycle.transition(renamed, FieldStatus.LAID, "eng1", "engineer", T0.plusSeconds(120),
                    "laid", null);
            reg.transition(renamed, laid, 2, "eng1", "engineer", T0.plusSeconds(120));
            ObstacleField now = reg.get("OF-00001").orElseThrow();
            assertThat(now.status()).isEqualTo(FieldStatus.LAID);
            assertThat(now.version()).isEqualTo(3);
            assertThat(now.name()).isEqualTo("Field A (re-surveyed)");
            assertThat(reg.versions("OF-00001")).extracting(ObstacleRegister.Version::version).containsExactly(1, 2, 3);
            assertThat(reg.versions("OF-00001").get(0).record().name()).isEqualTo("Field A");
            // the step from a stale copy is refused
            assertThatThrownBy(() -> reg.transition(renamed, laid, null, "eng1", "engineer", T0))
                    .isInstanceOf(ObstacleRegister.VersionConflict.class);

            List<ObstacleRegister.AuditEntry> audit = reg.audit(0, null, 100);
            assertThat(audit).extracting(ObstacleRegister.AuditEntry::action)
                    .containsExactly("create", "update", "transition:laid");
            assertThat(audit.get(1).before()).contains("\"name\":\"Field A\"");
            assertThat(audit.get(1).after()).contains("Field A (re-surveyed)");
            assertThat(audit).allMatch(ObstacleRegister.AuditEntry::explosive);

            reg.create(LifeCycle.recorded(ObstacleSamples.ditch("Ditch"), "p", "planner", T0, "new"), "p", "planner", T0);
            assertThat(reg.list()).extracting(ObstacleField::id).containsExactly("OF-00001", "OF-00002");
            assertThat(reg.count()).isEqualTo(2);
            assertThat(reg.audit(0, "OF-00002", 10)).hasSize(1);
        }
    }

    @Test
    void theAuditVersionsAndStatusHistoryAreAppendOnlyInTheDatabase() throws Exception {
        try (WatchStore store = open()) {
            ObstacleRegister reg = store.obstacleRegister();
            reg.create(LifeCycle.recorded(ObstacleSamples.minefield("F"), "e", "engineer", T0, "new"), "e", "engineer", T0);
            for (String sql : List.of("UPDATE obstacle_audit SET actor = 'mallory'", "DELETE FROM obstacle_audit",
                    "DELETE FROM obstacle_field_versions", "UPDATE obstacle_field_status SET actor = 'mallory'")) {
                assertThatThrownBy(() -> store.execute(sql)).as(sql).hasMessageContaining("append-only");
            }
            assertThat(reg.audit(0, null, 10)).extracting(ObstacleRegister.AuditEntry::actor).containsExactly("e");
        }
    }
}
