package org.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skydas.alert.Alert;
import org.skydas.alert.AlertStatus;
import org.skydas.alert.AuditEvent;
import org.skydas.alert.Finding;
import org.skydas.alert.RuleKind;
import org.skydas.alert.Severity;
import org.skydas.store.watch.WatchStore;
import org.skydas.testkit.TestPostgres;

/**
 * Cluster mode (ADR 0024): API nodes escalate the alerts tracker nodes raised into the shared store — each once,
 * whichever API node runs first, the others' listeners not told twice — and an operator's acknowledgement on a node
 * whose memory held the alert from before the escalation keeps the escalation.
 */
class SharedEscalationTest {

    /** Closed last first: the nodes' stores, then the database (dropped). */
    final java.util.Deque<AutoCloseable> open = new java.util.ArrayDeque<>();
    String url;

    @BeforeEach
    void createDatabase() throws Exception {
        TestPostgres.Database db = TestPostgres.create("skydas_escalation_");
        open.push(db);
        url = db.url();
    }

    @AfterEach
    void closeAll() throws Exception {
        while (!open.isEmpty()) {
            open.pop().close();
        }
    }

    WatchStore store() throws Exception {
        WatchStore s = WatchStore.openPostgres(url).sharedWithOtherNodes();
        open.push(s);
        return s;
    }

    WatchServices apiNode() throws Exception {
        WatchServices w = new WatchServices(store());
        open.push(w);
        return w;
    }

    static Finding crossing(String subject, double t) {
        return new Finding(RuleKind.BORDER_CROSSING, Severity.HIGH, subject, t, 510_000, 6_100_000, "BY-002", null,
                "crossed");
    }

    @Test
    void apiNodesEscalateATrackerNodesAlertsOnceAndAnAcknowledgementKeepsTheEscalation() throws Exception {
        WatchStore tracker = store();
        double old = WatchServices.now() - 400;
        long before = tracker.raiseShared(List.of(crossing("track:1", old)), "tracker-11").get(0).alert().id();
        WatchServices a = apiNode(); // holds alert 'before' in memory, new and not escalated
        WatchServices b = apiNode();
        long after = tracker.raiseShared(List.of(crossing("track:2", old), crossing("track:3", WatchServices.now())),
                "tracker-12").get(0).alert().id(); // raised after both API nodes started: in neither's memory
        List<Alert> heardA = new CopyOnWriteArrayList<>();
        List<Alert> heardB = new CopyOnWriteArrayList<>();
        a.onAlertChange(heardA::add);
        b.onAlertChange(heardB::add);

        b.escalate(300);
        a.escalate(300);
        b.escalate(300);

        assertThat(heardB).extracting(Alert::id).containsExactlyInAnyOrder(before, after);
        assertThat(heardB).allSatisfy(x -> assertThat(x.escalated()).isTrue());
        assertThat(heardA).as("escalated by the other API node: nothing more to do here").isEmpty();
        assertThat(a.alert(before).severity()).as("the store's state, not memory's").isEqualTo(Severity.CRITICAL);
        assertThat(tracker.openAlert("track:3", RuleKind.BORDER_CROSSING).escalated()).as("not yet due").isFalse();

        Alert acknowledged = a.acknowledge(before, "operator", "seen");
        assertThat(acknowledged.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(acknowledged.escalated()).isTrue();
        assertThat(acknowledged.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(tracker.alert(before)).isEqualTo(acknowledged);
        List<AuditEvent> trail = a.audit(0, 100).stream().filter(e -> e.alertId() == before).toList();
        assertThat(trail).extracting(AuditEvent::action).containsExactly("raised", "escalated", "acknowledged");
        assertThat(trail.get(2).before().escalated()).isTrue();
        assertThat(a.audit(0, 100)).extracting(AuditEvent::sequence).doesNotHaveDuplicates();
    }
}
