package org.skydas.store.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.skydas.alert.Alert;
import org.skydas.alert.AlertBook;
import org.skydas.alert.AlertStatus;
import org.skydas.alert.AuditEvent;
import org.skydas.alert.Finding;
import org.skydas.alert.Resolution;
import org.skydas.alert.RuleKind;
import org.skydas.alert.Severity;

/** The same behaviour on every database the watch store runs on. */
abstract class WatchStoreContract {

    abstract WatchStore open() throws Exception;

    @Test
    void journalKeepsDetectionsInOrderWithIds() throws Exception {
        try (WatchStore s = open()) {
            List<JournalEntry> batch = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                batch.add(new JournalEntry(0, 100 + i, "radar-" + i, "asterix", "{\"n\":" + i + "}"));
            }
            long[] ids = s.appendDetections(batch);
            assertThat(ids).hasSize(5);
            for (int i = 1; i < ids.length; i++) {
                assertThat(ids[i]).isEqualTo(ids[i - 1] + 1);
            }
            List<JournalEntry> back = s.detections(102, 100);
            assertThat(back).extracting(JournalEntry::sensorId).containsExactly("radar-2", "radar-3", "radar-4");
            assertThat(back.get(0).id()).isEqualTo(ids[2]);
            assertThat(back.get(0).payload()).isEqualTo("{\"n\":2}");
            assertThat(s.purgeDetectionsBefore(103)).isEqualTo(3);
            assertThat(s.detectionCount()).isEqualTo(2);
        }
    }

    @Test
    void alertsAndTheirAuditSurviveReopeningAndTheBookContinues() throws Exception {
        AlertBook book = new AlertBook();
        try (WatchStore s = open()) {
            AlertBook.Raised r = book.raise(new Finding(RuleKind.BORDER_CROSSING, Severity.HIGH, "track:7", 10,
                    500_000, 6_000_000, "BY-017", null, "person crossed"));
            s.record(r.alert(), r.audit());
            AuditEvent ack = book.acknowledge(r.alert().id(), "op1", "patrol sent", 20);
            s.record(ack.after(), ack);
            AlertBook.Raised sensor = book.raise(new Finding(RuleKind.SENSOR_DOWN, Severity.HIGH, "sensor:r1", 30,
                    Double.NaN, Double.NaN, null, null, "silent"));
            s.record(sensor.alert(), sensor.audit());
        }
        try (WatchStore s = open()) {
            List<Alert> alerts = s.alerts();
            assertThat(alerts).hasSize(2);
            Alert crossing = alerts.get(0);
            assertThat(crossing.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
            assertThat(crossing.acknowledgedBy()).isEqualTo("op1");
            assertThat(crossing.acknowledgeNote()).isEqualTo("patrol sent");
            assertThat(crossing.sectorId()).isEqualTo("BY-017");
            assertThat(alerts.get(1).x()).isNaN();
            List<AuditEvent> audit = s.audit(0, 100);
            assertThat(audit).extracting(AuditEvent::action).containsExactly("raised", "acknowledged", "raised");
            assertThat(audit.get(1).before().status()).isEqualTo(AlertStatus.NEW);
            assertThat(audit.get(1).after()).isEqualTo(crossing);

            // After a restart the book goes on: same alerts, audit sequence continues.
            AlertBook restored = new AlertBook(alerts, s.lastAuditSequence());
            AuditEvent resolved = restored.resolve(crossing.id(), "op2", Resolution.CONFIRMED, "caught", 40);
            assertThat(resolved.sequence()).isEqualTo(4);
            s.record(resolved.after(), resolved);
            assertThat(restored.raise(new Finding(RuleKind.SENSOR_DOWN, Severity.HIGH, "sensor:r1", 50, 0, 0, null,
                    null, "still silent")).isNew()).isFalse();
            assertThat(s.alerts().get(0).resolution()).isEqualTo(Resolution.CONFIRMED);
        }
    }

    @Test
    void theAuditLogIsAppendOnlyInTheDatabase() throws Exception {
        try (WatchStore s = open()) {
            AlertBook book = new AlertBook();
            AlertBook.Raised r = book.raise(new Finding(RuleKind.APPROACH, Severity.MEDIUM, "track:1", 1, 0, 0, null,
                    null, "m"));
            s.record(r.alert(), r.audit());
            assertThatThrownBy(() -> s.execute("UPDATE audit SET actor = 'someone else'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.execute("DELETE FROM audit")).hasMessageContaining("append-only");
            assertThat(s.audit(0, 10)).singleElement().extracting(AuditEvent::actor).isEqualTo("system");
        }
    }

    @Test
    void usersAreDisabledAndGivenNewPasswordsWithAnAccountAuditThatCannotBeRewritten() throws Exception {
        try (WatchStore s = open()) {
            assertThat(s.ping()).isGreaterThanOrEqualTo(4);
            AccountEvent added = new AccountEvent(0, 10, "admin", "user_added", "op1", "10.0.0.5", "role=operator");
            assertThat(s.addUser(new UserRecord("op1", "operator", "hash-1"), added)).isTrue();
            assertThat(s.addUser(new UserRecord("op1", "planner", "hash-x"), added)).as("the name is taken").isFalse();
            assertThat(s.setDisabled("op1", true, new AccountEvent(0, 11, "admin", "user_disabled", "op1", null, null)))
                    .isTrue();
            assertThat(s.setPasswordHash("op1", "hash-2", new AccountEvent(0, 12, "cli:root", "password_changed", "op1",
                    null, null))).isTrue();
            assertThat(s.setDisabled("nobody", true, new AccountEvent(0, 13, "admin", "user_disabled", "nobody", null,
                    null))).as("no such user: no change, no audit").isFalse();
            s.recordAccountEvent(new AccountEvent(0, 14, "op1", "login_failed", "op1", "10.0.0.9", "wrong password"));
        }
        try (WatchStore s = open()) {
            assertThat(s.user("op1")).contains(new UserRecord("op1", "operator", "hash-2", true));
            assertThat(s.users()).extracting(UserRecord::username).containsExactly("op1");
            List<AccountEvent> events = s.accountEvents(0, 100);
            assertThat(events).extracting(AccountEvent::action)
                    .containsExactly("user_added", "user_disabled", "password_changed", "login_failed");
            assertThat(events.get(2).actor()).isEqualTo("cli:root");
            assertThat(events.get(0).address()).isEqualTo("10.0.0.5");
            assertThat(s.accountEvents(events.get(1).sequence(), 100)).hasSize(2);
            assertThatThrownBy(() -> s.execute("DELETE FROM account_audit")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.execute("UPDATE account_audit SET actor = 'x'")).hasMessageContaining("append-only");
        }
    }

    @Test
    void trackHistoryIgnoresRepeats() throws Exception {
        try (WatchStore s = open()) {
            s.appendTrackPoints(List.of(new TrackPoint(1, 0, 10, 20, 1, 0, "person"),
                    new TrackPoint(1, 1, 11, 20, 1, 0, "person")));
            // the same track and time again (a re-sent batch), even with other values: the first stays
            s.appendTrackPoints(List.of(new TrackPoint(1, 1, 99, 99, 5, 5, "vehicle"),
                    new TrackPoint(2, 1, 30, 40, 0, 1, "drone")));
            assertThat(s.trackHistory(1, 100)).containsExactly(new TrackPoint(1, 0, 10, 20, 1, 0, "person"),
                    new TrackPoint(1, 1, 11, 20, 1, 0, "person"));
            assertThat(s.trackHistory(2, 100)).containsExactly(new TrackPoint(2, 1, 30, 40, 0, 1, "drone"));
            assertThat(s.trackHistory(1, 1)).containsExactly(new TrackPoint(1, 0, 10, 20, 1, 0, "person"));
        }
    }

    @Test
    void aBurstOfAlertsIsRecordedTogetherWithWhereTheyAroseInCoverage() throws Exception {
        AlertBook book = new AlertBook();
        List<Alert> alerts = new ArrayList<>();
        List<AuditEvent> audits = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            AlertBook.Raised r = book.raise(new Finding(RuleKind.APPROACH, Severity.MEDIUM, "track:" + i, 10 + i,
                    500_000 + i, 6_000_000, "BY-001", null, "approaching").withCoverage(i == 1 ? Finding.GAP : Finding.COVERED));
            alerts.add(r.alert());
            audits.add(r.audit());
        }
        AlertBook.Raised unknown = book.raise(new Finding(RuleKind.SENSOR_DOWN, Severity.HIGH, "sensor:x", 20, Double.NaN,
                Double.NaN, null, null, "silent"));
        alerts.add(unknown.alert());
        audits.add(unknown.audit());
        try (WatchStore s = open()) {
            s.recordAll(alerts, audits);
        }
        try (WatchStore s = open()) {
            assertThat(s.alerts()).extracting(Alert::coverage).containsExactly("covered", "gap", "covered", null);
            assertThat(s.audit(0, 100)).hasSize(4);
        }
    }
}
