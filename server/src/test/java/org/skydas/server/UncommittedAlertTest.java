package org.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.alert.Alert;
import org.skydas.alert.AlertBook;
import org.skydas.alert.AlertStatus;
import org.skydas.alert.Finding;
import org.skydas.alert.Resolution;
import org.skydas.alert.RuleKind;
import org.skydas.alert.Severity;
import org.skydas.store.watch.WatchStore;

/**
 * An alert change that the store could not commit is not shown either: the in-memory alert book goes back to what
 * was committed (a store that fails on purpose: a trigger, put in through a second connection, that aborts every
 * write to the alerts table). Before, the book kept the change: the API showed an alert the database did not have,
 * and a retry of the same finding was folded into that phantom as a repeat, so its "raised" audit was never stored.
 */
class UncommittedAlertTest {

    @TempDir
    Path dir;

    WatchServices watch;

    @BeforeEach
    void open() throws Exception {
        watch = new WatchServices(WatchStore.openSqlite(dir));
    }

    @AfterEach
    void close() throws Exception {
        watch.close();
    }

    static Finding crossing(int track) {
        return new Finding(RuleKind.BORDER_CROSSING, Severity.HIGH, Finding.track(track), 1000.0 + track, 500_000,
                6_000_000, "BY-001", null, "track " + track + " crossed the border from Belarus in sector BY-001");
    }

    private void failAlertWrites(boolean fail) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("watch.db"));
             Statement st = db.createStatement()) {
            st.execute("PRAGMA busy_timeout = 5000");
            if (fail) {
                st.execute("CREATE TRIGGER fail_insert BEFORE INSERT ON alerts BEGIN SELECT RAISE(ABORT, 'disk full (on purpose)'); END");
                st.execute("CREATE TRIGGER fail_update BEFORE UPDATE ON alerts BEGIN SELECT RAISE(ABORT, 'disk full (on purpose)'); END");
            } else {
                st.execute("DROP TRIGGER fail_insert");
                st.execute("DROP TRIGGER fail_update");
            }
        }
    }

    @Test
    void aFindingThatCouldNotBeCommittedLeavesNoAlertAndARetryRaisesItWithItsAudit() throws Exception {
        long before = watch.raise(crossing(1)).alert().id();
        failAlertWrites(true);
        assertThatThrownBy(() -> watch.raiseAll(List.of(crossing(2), crossing(3), crossing(1))))
                .isInstanceOf(SQLException.class).hasMessageContaining("on purpose");
        assertThat(watch.alerts(a -> true)).extracting(Alert::subject).containsExactly(Finding.track(1));
        assertThat(watch.alert(before).occurrences()).as("the repeat of track 1 was not committed either").isEqualTo(1);

        failAlertWrites(false);
        List<AlertBook.Raised> retried = watch.raiseAll(List.of(crossing(2), crossing(3), crossing(1)));
        assertThat(retried).extracting(AlertBook.Raised::isNew).containsExactly(true, true, false);
        assertThat(watch.alerts(a -> true)).extracting(Alert::subject)
                .containsExactlyInAnyOrder(Finding.track(1), Finding.track(2), Finding.track(3));
        // every alert shown is in the store, with its "raised" audit
        List<org.skydas.alert.AuditEvent> audit = watch.audit(0, 100);
        for (AlertBook.Raised r : retried.subList(0, 2)) {
            assertThat(audit).filteredOn(e -> e.alertId() == r.alert().id()).extracting(e -> e.action())
                    .containsExactly("raised");
        }
    }

    @Test
    void anAcknowledgementOrResolutionThatCouldNotBeCommittedIsNotShown() throws Exception {
        long id = watch.raise(crossing(4)).alert().id();
        failAlertWrites(true);
        assertThatThrownBy(() -> watch.acknowledge(id, "operator", "seen")).isInstanceOf(SQLException.class);
        assertThat(watch.alert(id).status()).isEqualTo(AlertStatus.NEW);
        assertThatThrownBy(() -> watch.resolve(id, "operator", Resolution.FALSE_ALARM, "deer"))
                .isInstanceOf(SQLException.class);
        assertThat(watch.alert(id).status()).isEqualTo(AlertStatus.NEW);
        assertThat(watch.alerts(Alert::isOpen)).extracting(Alert::id).containsExactly(id);

        failAlertWrites(false);
        assertThat(watch.acknowledge(id, "operator", "seen").status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
    }
}
