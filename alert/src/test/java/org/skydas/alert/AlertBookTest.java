package org.skydas.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class AlertBookTest {

    static Finding finding(String subject, RuleKind rule, double t) {
        return new Finding(rule, Severity.HIGH, subject, t, 1, 2, "BY-001", null, "m");
    }

    @Test
    void oneOpenAlertPerSubjectAndRule() {
        AlertBook book = new AlertBook();
        AlertBook.Raised first = book.raise(finding("track:1", RuleKind.BORDER_CROSSING, 0));
        AlertBook.Raised again = book.raise(finding("track:1", RuleKind.BORDER_CROSSING, 5));
        AlertBook.Raised otherRule = book.raise(finding("track:1", RuleKind.LOITERING, 6));
        assertThat(first.isNew()).isTrue();
        assertThat(first.audit().action()).isEqualTo("raised");
        assertThat(again.isNew()).isFalse();
        assertThat(again.audit()).isNull();
        assertThat(again.alert().id()).isEqualTo(first.alert().id());
        assertThat(again.alert().occurrences()).isEqualTo(2);
        assertThat(otherRule.isNew()).isTrue();
        assertThat(book.all()).hasSize(2);
    }

    @Test
    void resolvedAlertsAreLetGoOfOnceOlderThanTheCutButOpenOnesStay() {
        AlertBook book = new AlertBook();
        long a = book.raise(finding("track:1", RuleKind.BORDER_CROSSING, 0)).alert().id();
        long b = book.raise(finding("track:2", RuleKind.BORDER_CROSSING, 0)).alert().id();
        long open = book.raise(finding("track:3", RuleKind.BORDER_CROSSING, 0)).alert().id();
        book.resolve(a, "op1", Resolution.CONFIRMED, null, 100);
        book.resolve(b, "op1", Resolution.FALSE_ALARM, null, 200);
        assertThat(book.evictResolvedBefore(50)).isZero();
        assertThat(book.evictResolvedBefore(150)).isEqualTo(1);
        assertThat(book.get(a)).isNull();
        assertThat(book.get(b)).isNotNull();
        assertThat(book.evictResolvedBefore(1e9)).isEqualTo(1);
        assertThat(book.all()).extracting(Alert::id).containsExactly(open);
        assertThat(book.size()).isEqualTo(1);
        // a new finding for an evicted subject opens a new alert with a new id
        assertThat(book.raise(finding("track:1", RuleKind.BORDER_CROSSING, 300)).alert().id()).isGreaterThan(open);
        // restored resolved alerts are evicted in order of resolution, whatever their order in storage
        Alert r1 = book.get(open).resolved("op1", Resolution.CONFIRMED, null, 500);
        Alert r2 = new Alert(9, RuleKind.LOITERING, Severity.HIGH, "track:9", AlertStatus.RESOLVED,
                Resolution.CONFIRMED, 0, 400, 1, 2, null, null, "m", false, 1, null, null, "op1", null, null);
        AlertBook restored = new AlertBook(List.of(r1, r2), 10, 9);
        assertThat(restored.evictResolvedBefore(450)).isEqualTo(1);
        assertThat(restored.get(9)).isNull();
        assertThat(restored.get(r1.id())).isNotNull();
    }

    @Test
    void acknowledgeThenResolveWithAnAuditTrail() {
        AlertBook book = new AlertBook();
        long id = book.raise(finding("track:1", RuleKind.BORDER_CROSSING, 0)).alert().id();
        AuditEvent ack = book.acknowledge(id, "op1", "patrol sent", 10);
        assertThat(ack.before().status()).isEqualTo(AlertStatus.NEW);
        assertThat(ack.after().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(ack.after().acknowledgedBy()).isEqualTo("op1");
        assertThat(ack.after().acknowledgeNote()).isEqualTo("patrol sent");
        AuditEvent res = book.resolve(id, "op1", Resolution.CONFIRMED, "apprehended", 50);
        assertThat(res.after().status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(res.after().resolution()).isEqualTo(Resolution.CONFIRMED);
        assertThat(res.sequence()).isGreaterThan(ack.sequence());
        // Resolved: the same finding now opens a new alert.
        assertThat(book.raise(finding("track:1", RuleKind.BORDER_CROSSING, 60)).alert().id()).isNotEqualTo(id);
    }

    @Test
    void illegalTransitionsSayWhy() {
        AlertBook book = new AlertBook();
        long id = book.raise(finding("track:1", RuleKind.APPROACH, 0)).alert().id();
        book.acknowledge(id, "op", null, 1);
        assertThatThrownBy(() -> book.acknowledge(id, "op", null, 2)).hasMessageContaining("is acknowledged");
        book.resolve(id, "op", Resolution.FALSE_ALARM, "deer", 3);
        assertThatThrownBy(() -> book.resolve(id, "op", Resolution.DUPLICATE, null, 4)).hasMessageContaining("already resolved");
        assertThatThrownBy(() -> book.acknowledge(999, "op", null, 4)).hasMessageContaining("no alert 999");
        long other = book.raise(finding("track:2", RuleKind.APPROACH, 5)).alert().id();
        assertThatThrownBy(() -> book.acknowledge(other, " ", null, 6)).hasMessageContaining("operator's name");
    }

    @Test
    void unacknowledgedAlertsEscalateOnce() {
        AlertBook book = new AlertBook();
        long a = book.raise(finding("track:1", RuleKind.APPROACH, 0)).alert().id();
        long b = book.raise(finding("track:2", RuleKind.APPROACH, 0)).alert().id();
        book.acknowledge(b, "op", null, 10);
        assertThat(book.escalate(100, 120)).isEmpty();
        List<AuditEvent> up = book.escalate(130, 120);
        assertThat(up).singleElement().satisfies(e -> {
            assertThat(e.alertId()).isEqualTo(a);
            assertThat(e.after().severity()).isEqualTo(Severity.CRITICAL);
            assertThat(e.after().escalated()).isTrue();
        });
        assertThat(book.escalate(500, 120)).isEmpty();
    }

    @Test
    void sectorImpactFollowsTheWindow() {
        SectorImpact impact = SectorImpact.defaults();
        assertThat(impact.level("BY-001", 0)).isEqualTo(SectorImpact.Level.LOW);
        impact.add("BY-001", Severity.MEDIUM, 0);
        impact.add("BY-001", Severity.MEDIUM, 10);
        assertThat(impact.level("BY-001", 20)).isEqualTo(SectorImpact.Level.MEDIUM);
        impact.add("BY-001", Severity.HIGH, 30);
        assertThat(impact.level("BY-001", 40)).isEqualTo(SectorImpact.Level.HIGH);
        impact.add("BY-001", Severity.CRITICAL, 50);
        assertThat(impact.level("BY-001", 60)).isEqualTo(SectorImpact.Level.CRITICAL);
        assertThat(impact.level("BY-002", 60)).isEqualTo(SectorImpact.Level.LOW);
        // An hour later only the critical one (weight 8) is left... then nothing.
        assertThat(impact.level("BY-001", 3_640)).isEqualTo(SectorImpact.Level.HIGH);
        assertThat(impact.level("BY-001", 3_700)).isEqualTo(SectorImpact.Level.LOW);
    }

    @Test
    void anAlertStormKeepsTheWorkingSetBoundedAndAHeldBackAlertStillDeduplicates() {
        AlertBook book = new AlertBook();
        List<Alert> store = new java.util.ArrayList<>(); // what the durable store would hold, by id - 1
        int evicted = 0;
        for (int i = 0; i < 200_000; i++) {
            Alert a = book.raise(finding("track:" + i, RuleKind.BORDER_CROSSING, i)).alert();
            store.add(a);
            if (i % 1_000 == 999) {
                evicted += book.trim(5_000);
                assertThat(book.size()).isLessThanOrEqualTo(5_000);
            }
        }
        assertThat(evicted).isEqualTo(195_000);
        assertThat(book.size()).isEqualTo(5_000);
        assertThat(book.openHeld()).isEqualTo(5_000);
        assertThat(book.mayMissOpen()).isTrue();
        // the newest stayed, the oldest went
        assertThat(book.get(200_000)).isNotNull();
        assertThat(book.get(1)).isNull();
        // memory has no open alert for track:7 any more: the caller finds it in the store and holds it; the
        // finding then folds into it instead of raising a second open alert for the same track and rule
        Finding again = finding("track:7", RuleKind.BORDER_CROSSING, 300_000);
        assertThat(book.openFor(again)).isNull();
        assertThat(book.hold(store.get(7))).isTrue();
        assertThat(book.hold(store.get(7))).as("held already").isFalse();
        AlertBook.Raised r = book.raise(again);
        assertThat(r.isNew()).isFalse();
        assertThat(r.alert().id()).isEqualTo(8);
        assertThat(r.alert().occurrences()).isEqualTo(2);
        // an alert memory let go of is acknowledged and resolved once held again, with its audit
        assertThat(book.hold(store.get(0))).isTrue();
        AuditEvent ack = book.acknowledge(1, "op1", "seen", 300_001);
        assertThat(ack.before().status()).isEqualTo(AlertStatus.NEW);
        AuditEvent res = book.resolve(1, "op1", Resolution.FALSE_ALARM, null, 300_002);
        assertThat(res.after().status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(res.sequence()).isEqualTo(ack.sequence() + 1);
        // new alerts keep the id sequence
        assertThat(book.raise(finding("track:x", RuleKind.APPROACH, 300_003)).alert().id()).isEqualTo(200_001);
        book.trim(5_000);
        assertThat(book.size()).isEqualTo(5_000);
        assertThat(book.get(8)).as("changed most recently: kept").isNotNull();
    }

    @Test
    void whenEveryOpenAlertIsHeldAgainNoStoreLookUpIsNeeded() {
        AlertBook book = new AlertBook();
        Alert a = book.raise(finding("track:1", RuleKind.BORDER_CROSSING, 0)).alert();
        book.raise(finding("track:2", RuleKind.BORDER_CROSSING, 1));
        assertThat(book.trim(1)).isEqualTo(1);
        assertThat(book.mayMissOpen()).isTrue();
        book.hold(a);
        assertThat(book.mayMissOpen()).isFalse();
        book.openElsewhere(3); // a restart that left three open alerts in the store
        assertThat(book.mayMissOpen()).isTrue();
    }
}
