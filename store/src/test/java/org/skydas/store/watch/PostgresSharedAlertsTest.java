package org.skydas.store.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

/**
 * Several nodes over one PostgreSQL watch store (cluster mode, ADR 0024): {@link WatchStore#raiseShared} keeps one
 * open alert per subject and rule whatever store raised it, and ids and audit sequences of different stores never
 * collide. Each test gets a new database on the server {@link PostgresWatchStoreTest} uses.
 */
class PostgresSharedAlertsTest {

    String database;
    final List<WatchStore> open = new ArrayList<>();

    @BeforeEach
    void createDatabase() throws Exception {
        database = PostgresWatchStoreTest.newDatabase("skydas_shared_");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        for (WatchStore s : open) {
            s.close();
        }
        PostgresWatchStoreTest.dropDatabase(database);
    }

    WatchStore node() throws Exception {
        WatchStore s = WatchStore.openPostgres(PostgresWatchStoreTest.SERVER + "/" + database).sharedWithOtherNodes();
        open.add(s);
        return s;
    }

    static Finding crossing(String subject, double t) {
        return new Finding(RuleKind.BORDER_CROSSING, Severity.HIGH, subject, t, 510_000 + t, 6_100_000, "BY-002", null,
                "crossed");
    }

    @Test
    void theSameFindingsRaisedByTwoNodesOrTwiceMakeOneAlert() throws Exception {
        WatchStore a = node();
        WatchStore b = node();
        List<WatchStore.SharedRaise> first = a.raiseShared(List.of(crossing("track:7", 100)), "tracker-1");
        List<WatchStore.SharedRaise> again = b.raiseShared(List.of(crossing("track:7", 101)), "tracker-2");
        List<WatchStore.SharedRaise> replay = a.raiseShared(List.of(crossing("track:7", 100)), "tracker-1");
        assertThat(first.get(0).isNew()).isTrue();
        assertThat(first.get(0).audit().action()).isEqualTo("raised");
        assertThat(again.get(0).isNew()).isFalse();
        assertThat(replay.get(0).isNew()).isFalse();
        assertThat(again.get(0).alert().id()).isEqualTo(first.get(0).alert().id());
        assertThat(a.queryLong("SELECT count(*) FROM alerts")).isEqualTo(1);
        assertThat(a.queryLong("SELECT count(*) FROM audit")).isEqualTo(1);
        assertThat(a.alert(first.get(0).alert().id()).occurrences()).isEqualTo(3);
        assertThat(a.alert(first.get(0).alert().id()).updatedAt()).isEqualTo(101);
        // Two findings of one subject and rule in one call: one alert too.
        List<WatchStore.SharedRaise> pair = b.raiseShared(List.of(crossing("track:8", 5), crossing("track:8", 6)), "t");
        assertThat(pair).extracting(WatchStore.SharedRaise::isNew).containsExactly(true, false);
    }

    @Test
    void aSharedAlertKeepsItsMessageKeyAndParametersThroughRepeats() throws Exception {
        WatchStore a = node();
        WatchStore b = node();
        org.skydas.alert.AlertText text = org.skydas.alert.AlertMessage.BORDER_CROSSING.text(9L,
                org.skydas.model.TargetKind.PERSON, org.skydas.model.Neighbour.BY, "BY-002", 12.0, 1.4);
        Finding f = new Finding(RuleKind.BORDER_CROSSING, Severity.HIGH, "track:9", 50, 510_000, 6_100_000, "BY-002",
                null, text);
        long id = a.raiseShared(List.of(f), "tracker-1").get(0).alert().id();
        b.raiseShared(List.of(f), "tracker-2");
        Alert stored = b.alert(id);
        assertThat(stored.occurrences()).isEqualTo(2);
        assertThat(stored.messageKey()).isEqualTo("alert.border_crossing");
        assertThat(stored.messageParams()).isEqualTo(text.params());
        assertThat(stored.message()).isEqualTo(text.english());
    }

    @Test
    void twoNodesRaisingAtOnceNeverShareAnIdOrAnAuditSequence() throws Exception {
        WatchStore a = node();
        WatchStore b = node();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Long>>> runs = new ArrayList<>();
            for (WatchStore s : List.of(a, b)) {
                String me = s == a ? "a" : "b";
                runs.add(pool.submit(() -> {
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < 40; i++) {
                        // Both nodes also raise the same shared subjects: one alert each, whoever comes first.
                        List<Finding> fs = List.of(crossing("track:" + me + i, i), crossing("track:shared" + i, i));
                        for (WatchStore.SharedRaise r : s.raiseShared(fs, me)) {
                            if (r.isNew()) {
                                ids.add(r.alert().id());
                            }
                        }
                    }
                    return ids;
                }));
            }
            Set<Long> ids = new HashSet<>();
            int n = 0;
            for (Future<List<Long>> f : runs) {
                List<Long> got = f.get();
                n += got.size();
                ids.addAll(got);
            }
            assertThat(n).isEqualTo(120);
            assertThat(ids).hasSize(120);
            assertThat(a.queryLong("SELECT count(*) FROM alerts")).isEqualTo(120);
            assertThat(a.queryLong("SELECT count(DISTINCT sequence) FROM audit")).isEqualTo(120);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anApiNodesAuditAfterATrackerNodesMovesUpAndAResolvedAlertLetsANewOneBeRaised() throws Exception {
        WatchStore tracker = node();
        WatchStore api = node();
        Alert raised = tracker.raiseShared(List.of(crossing("track:9", 10)), "tracker-1").get(0).alert();
        // The API node's own book would number its first audit event 1: taken by the tracker node's "raised".
        Alert resolved = new Alert(raised.id(), raised.rule(), raised.severity(), raised.subject(), AlertStatus.RESOLVED,
                Resolution.CONFIRMED, raised.raisedAt(), 20, raised.x(), raised.y(), raised.sectorId(), raised.zoneId(),
                raised.message(), false, 1, null, null, "operator", "seen", raised.coverage());
        api.record(resolved, new AuditEvent(1, 20, "operator", raised.id(), "resolved", raised, resolved));
        assertThat(api.queryLong("SELECT count(*) FROM audit")).isEqualTo(2);
        assertThat(api.queryLong("SELECT max(sequence) FROM audit WHERE action = 'resolved'")).isEqualTo(2);
        List<WatchStore.SharedRaise> later = tracker.raiseShared(List.of(crossing("track:9", 30)), "tracker-1");
        assertThat(later.get(0).isNew()).as("the open one was resolved: a new crossing is a new alert").isTrue();
        assertThat(later.get(0).alert().id()).isGreaterThan(raised.id());
    }

    @Test
    void twoApiNodesEscalatingAtOnceEscalateEachDueAlertOnceWithOneAuditEntry() throws Exception {
        WatchStore tracker = node();
        WatchStore apiA = node();
        WatchStore apiB = node();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            findings.add(crossing("track:" + i, i)); // raised at 0..59: due at now 1000 after 300 s
        }
        findings.add(crossing("track:recent", 900)); // 100 s old at 1000: not due
        findings.add(crossing("track:seen", 5));
        List<WatchStore.SharedRaise> raised = tracker.raiseShared(findings, "tracker-1");
        Alert seen = raised.get(61).alert();
        Alert acknowledged = new Alert(seen.id(), seen.rule(), seen.severity(), seen.subject(), AlertStatus.ACKNOWLEDGED,
                null, seen.raisedAt(), 10, seen.x(), seen.y(), seen.sectorId(), seen.zoneId(), seen.message(), false, 1,
                "operator", "on it", null, null, seen.coverage());
        apiA.record(acknowledged, new AuditEvent(1, 10, "operator", seen.id(), "acknowledged", seen, acknowledged));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<AuditEvent> events = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (WatchStore api : List.of(apiA, apiB)) {
                runs.add(pool.submit(() -> {
                    // Small batches, each node round after round: both keep finding work while any is left.
                    for (int round = 0; round < 40; round++) {
                        events.addAll(api.escalateShared(1000, 300, 3));
                    }
                    return null;
                }));
            }
            for (Future<?> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(events).hasSize(60);
        assertThat(events).extracting(AuditEvent::alertId).doesNotHaveDuplicates();
        assertThat(events).allSatisfy(e -> {
            assertThat(e.action()).isEqualTo("escalated");
            assertThat(e.actor()).isEqualTo("system");
            assertThat(e.before().escalated()).isFalse();
            assertThat(e.after().escalated()).isTrue();
            assertThat(e.after().severity()).isEqualTo(Severity.HIGH.escalated());
        });
        assertThat(tracker.queryLong("SELECT count(*) FROM audit WHERE action = 'escalated'")).isEqualTo(60);
        assertThat(tracker.queryLong("SELECT count(DISTINCT sequence) FROM audit")).isEqualTo(62 + 1 + 60);
        assertThat(tracker.queryLong("SELECT count(*) FROM alerts WHERE escalated AND severity = '"
                + Severity.HIGH.escalated().name() + "'")).isEqualTo(60);
        assertThat(tracker.openAlert("track:recent", RuleKind.BORDER_CROSSING).escalated()).isFalse();
        assertThat(tracker.alert(seen.id()).escalated()).as("acknowledged: not escalated").isFalse();
        // Nothing is escalated twice later either; the recent one is, once it is due.
        assertThat(apiB.escalateShared(1000, 300, 100)).isEmpty();
        assertThat(apiA.escalateShared(1200, 300, 100)).extracting(e -> e.after().subject())
                .containsExactly("track:recent");
    }

    @Test
    void anOperatorsChangeFromAStateAnotherNodeChangedIsRefusedAndNothingWritten() throws Exception {
        WatchStore tracker = node();
        WatchStore api = node();
        Alert raised = tracker.raiseShared(List.of(crossing("track:3", 1)), "tracker-1").get(0).alert();
        Alert escalated = api.escalateShared(1000, 300, 10).get(0).after();
        // An operator on another API node acknowledges the alert as its memory had it before the escalation.
        Alert ack = new Alert(raised.id(), raised.rule(), raised.severity(), raised.subject(), AlertStatus.ACKNOWLEDGED,
                null, raised.raisedAt(), 1001, raised.x(), raised.y(), raised.sectorId(), raised.zoneId(),
                raised.message(), false, 1, "operator", null, null, null, raised.coverage());
        assertThatThrownBy(() -> tracker.record(ack, new AuditEvent(5, 1001, "operator", raised.id(), "acknowledged",
                raised, ack))).isInstanceOf(WatchStore.ChangedElsewhere.class).hasMessageContaining("another node");
        assertThat(api.alert(raised.id())).isEqualTo(escalated);
        assertThat(api.queryLong("SELECT count(*) FROM audit")).isEqualTo(2);
        // Made from the state the store has now, it is written.
        Alert ack2 = new Alert(escalated.id(), escalated.rule(), escalated.severity(), escalated.subject(),
                AlertStatus.ACKNOWLEDGED, null, escalated.raisedAt(), 1001, escalated.x(), escalated.y(),
                escalated.sectorId(), escalated.zoneId(), escalated.message(), true, 1, "operator", null, null, null,
                escalated.coverage());
        tracker.record(ack2, new AuditEvent(5, 1001, "operator", raised.id(), "acknowledged", escalated, ack2));
        assertThat(api.alert(raised.id()).status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(api.alert(raised.id()).escalated()).isTrue();
    }

    @Test
    void theDatabaseItselfRefusesASecondOpenAlertOfOneSubjectAndRule() throws Exception {
        WatchStore a = node();
        Alert raised = a.raiseShared(List.of(crossing("track:5", 1)), "t").get(0).alert();
        Alert copy = new Alert(raised.id() + 100, raised.rule(), raised.severity(), raised.subject(), AlertStatus.NEW,
                null, 2, 2, raised.x(), raised.y(), raised.sectorId(), null, raised.message(), false, 1, null, null, null,
                null, null);
        assertThatThrownBy(() -> a.record(copy, null)).isInstanceOf(java.sql.SQLException.class);
        assertThat(a.queryLong("SELECT count(*) FROM alerts")).isEqualTo(1);
    }

    @Test
    void sqliteIsRefusedForSharing(@TempDir Path dir) throws Exception {
        try (WatchStore s = WatchStore.openSqlite(dir)) {
            assertThatThrownBy(s::sharedWithOtherNodes).hasMessageContaining("PostgreSQL");
            assertThatThrownBy(() -> s.raiseShared(List.of(crossing("track:1", 1)), "t"))
                    .hasMessageContaining("PostgreSQL");
            assertThatThrownBy(() -> s.escalateShared(1000, 300, 10)).hasMessageContaining("PostgreSQL");
        }
    }
}
