package org.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.alert.Alert;
import org.skydas.alert.AlertStatus;
import org.skydas.alert.AuditEvent;
import org.skydas.alert.Finding;
import org.skydas.alert.Resolution;
import org.skydas.alert.RuleKind;
import org.skydas.alert.Severity;
import org.skydas.store.watch.WatchStore;

/**
 * An alert storm on the real embedded store (issue 21): 20 000 open alerts (AlertBookTest storms the book itself with 200 000) nobody acknowledges leave memory
 * bounded, and every alert memory let go of is still served, acknowledged, resolved, escalated and deduplicated
 * from the store, with its audit.
 */
class AlertWorkingSetTest {

    static final int STORM = 20_000;
    static final int HELD = 500;

    @TempDir
    Path dir;

    WatchServices watch;

    @BeforeEach
    void open() throws Exception {
        watch = new WatchServices(WatchStore.openSqlite(dir));
        watch.holdAtMost(HELD);
    }

    @AfterEach
    void close() throws Exception {
        watch.close();
    }

    static Finding crossing(long track, RuleKind rule) {
        return new Finding(rule, Severity.HIGH, Finding.track(track), WatchServices.now(), 500_000, 6_000_000,
                "BY-001", null, "track " + track + " crossed the border from Belarus in sector BY-001");
    }

    private void storm(int from, int to) throws Exception {
        List<Finding> batch = new ArrayList<>();
        for (int i = from; i < to; i++) {
            batch.add(crossing(i, RuleKind.BORDER_CROSSING));
            if (batch.size() == 1_000) {
                watch.raiseAll(batch);
                batch.clear();
                assertThat(watch.alertMemory().get("alerts_in_memory")).isLessThanOrEqualTo(HELD);
            }
        }
        if (!batch.isEmpty()) {
            watch.raiseAll(batch);
        }
    }

    @Test
    void anAlertStormStaysBoundedInMemoryAndEvictedAlertsStillWork() throws Exception {
        storm(0, STORM);
        assertThat(watch.alertMemory()).containsEntry("alerts_in_memory", (long) HELD)
                .containsEntry("open_alerts_evicted", (long) STORM - HELD);
        long evicted = 1; // the first alert: long gone from memory
        assertThat(watch.alerts(a -> a.id() == evicted)).isEmpty();
        assertThat(watch.alert(evicted).status()).isEqualTo(AlertStatus.NEW);

        // a repeated finding for an evicted alert's track folds into it: no second open alert for that track and rule
        var again = watch.raise(crossing(0, RuleKind.BORDER_CROSSING));
        assertThat(again.isNew()).isFalse();
        assertThat(again.alert().id()).isEqualTo(evicted);
        assertThat(again.alert().occurrences()).isEqualTo(2);
        // another rule for the same track is a new alert
        assertThat(watch.raise(crossing(0, RuleKind.LOITERING)).isNew()).isTrue();

        // acknowledge and resolve alerts memory let go of, each audited
        long other = 5;
        assertThat(watch.alert(other).status()).isEqualTo(AlertStatus.NEW);
        Alert acked = watch.acknowledge(other, "op1", "patrol sent");
        assertThat(acked.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        Alert resolved = watch.resolve(other, "op1", Resolution.FALSE_ALARM, "elk");
        assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
        watch.holdAtMost(HELD); // let go of it again: the store has it
        assertThat(watch.alert(other).status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(watch.alert(other).acknowledgedBy()).isEqualTo("op1");
        List<AuditEvent> trail = watch.audit(STORM, 100).stream().filter(e -> e.alertId() == other).toList();
        assertThat(trail).extracting(AuditEvent::action).containsExactly("acknowledged", "resolved");
        assertThat(trail.get(0).before().status()).isEqualTo(AlertStatus.NEW);
        assertThat(trail.get(1).actor()).isEqualTo("op1");
        // the API's list still has every alert
        assertThat(watch.alerts(a -> true, true)).hasSize(STORM + 1);
        assertThat(watch.alertMemory().get("alerts_in_memory")).isLessThanOrEqualTo(HELD);
    }

    @Test
    void newAlertsMemoryLetGoOfStillEscalateAndARestartHoldsOnlyTheRecentOnes() throws Exception {
        storm(0, 3_000);
        Thread.sleep(5);
        for (int round = 0; round < 10; round++) {
            watch.escalate(0);
        }
        assertThat(watch.alert(1).escalated()).isTrue();
        assertThat(watch.alert(1).severity()).isEqualTo(Severity.HIGH.escalated());
        assertThat(watch.alerts(a -> !a.escalated(), true)).isEmpty();
        long escalations = watch.audit(0, 20_000).stream().filter(e -> e.action().equals("escalated")).count();
        assertThat(escalations).isEqualTo(3_000);
        assertThat(watch.alertMemory().get("alerts_in_memory")).isLessThanOrEqualTo(HELD);

        watch.close();
        watch = new WatchServices(WatchStore.openSqlite(dir));
        assertThat(watch.alertMemory().get("alerts_in_memory")).isEqualTo(3_000L);
        watch.holdAtMost(HELD);
        var again = watch.raise(crossing(3, RuleKind.BORDER_CROSSING));
        assertThat(again.isNew()).as("the open alert of track 3 is in the store after the restart").isFalse();
        assertThat(again.alert().id()).isEqualTo(4);
    }
}
