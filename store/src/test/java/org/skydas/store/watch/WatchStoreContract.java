package org.skydas.store.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.skydas.alert.Alert;
import org.skydas.alert.AlertBook;
import org.skydas.alert.AlertMessage;
import org.skydas.alert.AlertStatus;
import org.skydas.alert.AlertText;
import org.skydas.alert.AuditEvent;
import org.skydas.alert.CoverageVerdict;
import org.skydas.alert.Finding;
import org.skydas.alert.Resolution;
import org.skydas.alert.RuleKind;
import org.skydas.alert.Severity;
import org.skydas.watch.port.JournalEntry;
import org.skydas.watch.port.TrackPoint;

/** The same behaviour on every database the watch store runs on. */
abstract class WatchStoreContract {

    abstract WatchStore open() throws Exception;

    /** A plain connection to the same database, for building one of an older schema. */
    abstract java.sql.Connection raw() throws Exception;

    static String cot(int i, double t) {
        String time = java.time.Instant.ofEpochMilli((long) (t * 1000)).toString();
        return String.format(java.util.Locale.ROOT, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<event version=\"2.0\" uid=\"walker-%d\" type=\"a-u-G-U\" how=\"m-g\" time=\"%s\" start=\"%s\" "
                + "stale=\"%s\"><point lat=\"%.7f\" lon=\"%.7f\" hae=\"150\" ce=\"5\" le=\"10\"/><detail/></event>",
                i, time, time, time, 54.1 + i * 1e-4, 24.3 - i * 1.7e-4);
    }

    @Test
    void anAdminPurgeRemovesOnlyAlertsResolvedBeforeTheDateIsLoggedAndNeverReusesIdsOrSequences() throws Exception {
        AlertBook book = new AlertBook();
        try (WatchStore s = open()) {
            for (int i = 1; i <= 3; i++) {
                AlertBook.Raised r = book.raise(new Finding(RuleKind.BORDER_CROSSING, Severity.HIGH, "track:" + i, 10 * i,
                        1, 2, "BY-001", null, "crossed"));
                s.record(r.alert(), r.audit());
            }
            AuditEvent old = book.resolve(1, "op1", Resolution.FALSE_ALARM, "a deer", 100);
            s.record(old.after(), old);
            AuditEvent recent = book.resolve(3, "op1", Resolution.CONFIRMED, "patrol", 900);
            s.record(recent.after(), recent);
            assertThat(s.auditOfAlertsResolvedBefore(500)).extracting(AuditEvent::alertId).containsOnly(1L).hasSize(2);
            assertThat(s.purgeAlertsResolvedBefore(500, "admin", "{\"reason\":\"test\"}")).containsExactly(1, 2);
            assertThat(s.alerts()).extracting(Alert::id).containsExactly(2L, 3L);
            assertThat(s.audit(0, 100)).extracting(AuditEvent::alertId).doesNotContain(1L).hasSize(3);
            // The guard is back: the audit is append-only again, and so is the admin log.
            assertThatThrownBy(() -> s.execute("DELETE FROM audit")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.execute("DELETE FROM admin_log")).hasMessageContaining("append-only");
            assertThat(s.adminLog()).singleElement().satisfies(e -> {
                assertThat(e[1]).isEqualTo("admin");
                assertThat(e[2]).isEqualTo("purge_alerts");
            });
        }
        // Everything resolved and purged, the newest included: ids and audit sequences still continue.
        try (WatchStore s = open()) {
            AuditEvent r2 = book.resolve(2, "op1", Resolution.DUPLICATE, null, 950);
            s.record(r2.after(), r2);
            long lastSequence = s.lastAuditSequence();
            s.purgeAlertsResolvedBefore(10_000, "admin", "{}");
            assertThat(s.alerts()).isEmpty();
            assertThat(s.lastAlertId()).isEqualTo(3);
            assertThat(s.lastAuditSequence()).isEqualTo(lastSequence);
            AlertBook restored = new AlertBook(s.alerts(), s.lastAuditSequence(), s.lastAlertId());
            AlertBook.Raised again = restored.raise(new Finding(RuleKind.APPROACH, Severity.LOW, "track:9", 1_000, 1, 2,
                    null, null, "m"));
            assertThat(again.alert().id()).isEqualTo(4);
            assertThat(again.audit().sequence()).isEqualTo(lastSequence + 1);
            // Another explicit action (a siting plan applied) goes into the same log after the purges, removing
            // nothing: the ids still continue from where they were.
            s.appendAdminLog("pl1", "apply_siting_plan", "{\"plan\":\"p-1\"}");
            assertThat(s.adminLog()).extracting(e -> e[2]).containsExactly("purge_alerts", "purge_alerts",
                    "apply_siting_plan");
            assertThat(s.adminLog().get(2)[1]).isEqualTo("pl1");
            assertThat(s.adminLog().get(2)[3]).isEqualTo("{\"plan\":\"p-1\"}");
            assertThat(s.lastAlertId()).isEqualTo(3);
            assertThat(s.lastAuditSequence()).isEqualTo(lastSequence);
        }
    }

    @Test
    void alertsMemoryLetGoOfAreFoundByTheirSubjectAndRuleOrWhenDueForEscalation() throws Exception {
        AlertBook book = new AlertBook();
        try (WatchStore s = open()) {
            for (int i = 1; i <= 4; i++) {
                AlertBook.Raised r = book.raise(new Finding(RuleKind.BORDER_CROSSING, Severity.HIGH, "track:" + i,
                        10 * i, 1, 2, "BY-001", null, "crossed"));
                s.record(r.alert(), r.audit());
            }
            AuditEvent resolved = book.resolve(1, "op1", Resolution.FALSE_ALARM, null, 50);
            s.record(resolved.after(), resolved);
            AuditEvent acked = book.acknowledge(2, "op1", null, 60);
            s.record(acked.after(), acked);
            for (AuditEvent e : book.escalate(100, 65)) { // alert 3 (raised at 30) goes up; 4 (at 40) not yet
                s.record(e.after(), e);
            }
            AlertBook.Raised r5 = book.raise(new Finding(RuleKind.BORDER_CROSSING, Severity.HIGH, "track:1", 200, 1, 2,
                    "BY-001", null, "crossed again"));
            s.record(r5.alert(), r5.audit());

            assertThat(s.openAlertCount()).isEqualTo(4);
            assertThat(s.openAlert("track:1", RuleKind.BORDER_CROSSING).id()).as("the open one, not the resolved").isEqualTo(5);
            assertThat(s.openAlert("track:2", RuleKind.BORDER_CROSSING).status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
            assertThat(s.openAlert("track:2", RuleKind.APPROACH)).isNull();
            assertThat(s.openAlert("track:9", RuleKind.BORDER_CROSSING)).isNull();
            assertThat(s.alertsToEscalate(1_000, 10)).extracting(Alert::id).containsExactly(4L, 5L);
            assertThat(s.alertsToEscalate(1_000, 1)).extracting(Alert::id).containsExactly(4L);
            assertThat(s.alertsToEscalate(35, 10)).as("1 resolved, 2 acknowledged, 3 escalated").isEmpty();
            // the most recently changed first: 5 raised at 200, 3 escalated at 100, 2 acknowledged at 60, 1 resolved at 50, 4 raised at 40
            assertThat(s.alertsOpenOrResolvedSince(40, 3)).extracting(Alert::id).containsExactly(5L, 3L, 2L);
            assertThat(s.alertsOpenOrResolvedSince(40, 10)).extracting(Alert::id).containsExactly(5L, 3L, 2L, 1L, 4L);
            assertThat(s.alertsOpenOrResolvedSince(55, 10)).extracting(Alert::id).containsExactly(5L, 3L, 2L, 4L);
        }
    }

    @Test
    void retentionPurgesDetectionsInSmallBatchesOldestFirstAndKeepsAlertsAndAudit() throws Exception {
        try (WatchStore s = open()) {
            List<JournalEntry> batch = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                batch.add(new JournalEntry(0, 1_000 + i, "walker-" + (i % 7), "cot-tcp", cot(i, 1_000 + i)));
            }
            s.appendDetections(batch);
            AlertBook book = new AlertBook();
            AlertBook.Raised r = book.raise(new Finding(RuleKind.BORDER_CROSSING, Severity.HIGH, "track:1", 1_000, 1, 2,
                    "BY-001", null, "crossed"));
            s.record(r.alert(), r.audit());
            List<Long> sizes = new ArrayList<>();
            long n;
            while ((n = s.purgeDetectionsBefore(1_030, 8)) > 0) {
                sizes.add(n);
            }
            assertThat(sizes).allMatch(k -> k <= 8).hasSize(4);
            assertThat(sizes.stream().mapToLong(Long::longValue).sum()).isEqualTo(30);
            List<JournalEntry> left = s.detections(Double.NEGATIVE_INFINITY, 100);
            assertThat(left).hasSize(20);
            assertThat(left.get(0).receivedAt()).isEqualTo(1_030.0);
            assertThat(left.get(0).payload()).isEqualTo(cot(30, 1_030));
            assertThat(s.alerts()).hasSize(1);
            assertThat(s.audit(0, 10)).hasSize(1);
        }
    }

    @Test
    void payloadsAreStoredCompressedAndReadBackExactlyAfterReopening() throws Exception {
        List<JournalEntry> sent = new ArrayList<>();
        try (WatchStore s = open()) {
            for (int b = 0; b < 4; b++) {
                List<JournalEntry> batch = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    int k = b * 25 + i;
                    batch.add(new JournalEntry(0, 2_000 + k * 0.01, "cot:walker-" + (k % 9), "cot-tcp", cot(k, 2_000 + k)));
                }
                s.appendDetections(batch);
                sent.addAll(batch);
            }
            s.appendDetections(List.of(new JournalEntry(0, 2_001.5, "cam-1", "json-http", "{\"sensor_id\":\"cam-1\"}")));
        }
        try (WatchStore s = open()) {
            List<JournalEntry> back = s.detections(Double.NEGATIVE_INFINITY, 1_000);
            assertThat(back).hasSize(101);
            List<JournalEntry> cot = back.stream().filter(e -> e.protocol().equals("cot-tcp")).toList();
            for (int i = 0; i < sent.size(); i++) {
                assertThat(cot.get(i).payload()).isEqualTo(sent.get(i).payload());
                assertThat(cot.get(i).sensorId()).isEqualTo(sent.get(i).sensorId());
                assertThat(cot.get(i).receivedAt()).isCloseTo(sent.get(i).receivedAt(), org.assertj.core.data.Offset.offset(5e-4));
            }
            // The first messages teach the dictionary and stay raw; the rest are much smaller than the text.
            long raw = sent.get(0).payload().length();
            long compressed = s.queryLong("SELECT max(length(payload)) FROM detections WHERE codec > 0");
            assertThat(s.queryLong("SELECT count(*) FROM detections WHERE codec > 0"))
                    .isEqualTo(100 - JournalCodecs.TRAINING_SAMPLES);
            assertThat(compressed).isLessThan(raw / 3);
            assertThat(s.queryLong("SELECT count(*) FROM journal_sources")).isEqualTo(10);
            // Appending after reopening uses the stored dictionary.
            s.appendDetections(List.of(new JournalEntry(0, 2_002, "cot:walker-1", "cot-tcp", cot(1, 2_002))));
            assertThat(s.detections(2_002, 10).get(0).payload()).isEqualTo(cot(1, 2_002));
        }
    }

    /** Deflate-compressed rows of an older version (its codec method) stay readable; new rows use Zstandard. */
    @Test
    void rowsOfTheOlderDeflateCodecStayReadableAndNewRowsUseZstandard() throws Exception {
        List<JournalEntry> training = new ArrayList<>();
        for (int k = 0; k < JournalCodecs.TRAINING_SAMPLES; k++) {
            training.add(new JournalEntry(0, 3_000 + k, "cot:walker-" + k, "cot-tcp", cot(k, 3_000 + k)));
        }
        try (WatchStore s = open()) {
            s.appendDetections(training);
        }
        // What the older version wrote: its codec was DEFLATE (raw, RFC 1951) with the same dictionary.
        String old = cot(50, 3_050);
        try (java.sql.Connection c = raw(); java.sql.Statement st = c.createStatement()) {
            byte[] dict;
            try (java.sql.ResultSet rs = st.executeQuery("SELECT method, dictionary FROM journal_codecs WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(JournalCodecs.ZSTD);
                dict = rs.getBytes(2);
            }
            st.executeUpdate("UPDATE journal_codecs SET method = '" + JournalCodecs.DEFLATE + "' WHERE id = 1");
            java.util.zip.Deflater d = new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true);
            d.setDictionary(dict);
            d.setInput(old.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            d.finish();
            byte[] buf = new byte[4096];
            int n = d.deflate(buf);
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO detections (received_ms, source_id, "
                    + "codec, payload) SELECT 3050000, min(source_id), 1, ? FROM detections")) {
                ps.setBytes(1, java.util.Arrays.copyOf(buf, n));
                ps.executeUpdate();
            }
            c.commit();
        }
        try (WatchStore s = open()) {
            s.appendDetections(List.of(new JournalEntry(0, 3_060, "cot:walker-1", "cot-tcp", cot(60, 3_060)),
                    new JournalEntry(0, 3_061, "cot:walker-2", "cot-tcp", cot(61, 3_061))));
            assertThat(s.detections(Double.NEGATIVE_INFINITY, 100)).extracting(JournalEntry::payload)
                    .containsExactly(cot(0, 3_000), cot(1, 3_001), cot(2, 3_002), cot(3, 3_003), old, cot(60, 3_060),
                            cot(61, 3_061));
            assertThat(s.queryLong("SELECT count(*) FROM journal_codecs WHERE method = '" + JournalCodecs.ZSTD + "'"))
                    .isEqualTo(1);
            assertThat(s.queryLong("SELECT count(*) FROM detections WHERE codec = 2")).as("new rows, new codec")
                    .isEqualTo(2);
            assertThat(s.queryLong("SELECT max(length(payload)) FROM detections WHERE codec = 2"))
                    .isLessThan(old.length() / 3);
        }
        try (WatchStore s = open()) {
            assertThat(s.detections(3_050, 100)).extracting(JournalEntry::payload).startsWith(old, cot(60, 3_060));
        }
    }

    @Test
    void trackHistoryRetentionDropsOldPointsInBatches() throws Exception {
        try (WatchStore s = open()) {
            List<TrackPoint> pts = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                pts.add(new TrackPoint(i % 3, 100 + i, i, i, 1, 0, "person"));
            }
            s.appendTrackPoints(pts);
            assertThat(s.purgeTrackHistoryBefore(120, 7)).isEqualTo(7);
            int total = 7;
            int n;
            while ((n = s.purgeTrackHistoryBefore(120, 7)) > 0) {
                total += n;
            }
            assertThat(total).isEqualTo(20);
            assertThat(s.trackHistory(0, 100)).extracting(TrackPoint::t).containsExactly(121.0, 124.0, 127.0);
        }
    }

    /** A database of schema {@code version} (the migrations up to it) holding what {@code inserts} put in. */
    void olderSchema(int version, String... inserts) throws Exception {
        try (java.sql.Connection c = raw()) {
            Dialect d = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")
                    ? Dialect.POSTGRESQL : Dialect.SQLITE;
            WatchMigrations.apply(c, d, version);
            try (java.sql.Statement st = c.createStatement()) {
                for (String sql : inserts) {
                    st.execute(sql);
                }
            }
            c.commit();
        }
    }

    @Test
    void aJournalOfSchema3IsMigratedAndStaysReadable() throws Exception {
        olderSchema(3, "INSERT INTO detections_journal (received_at, sensor_id, protocol, payload) VALUES "
                + "(10.5, 'radar-1', 'asterix', '{\"a\":1}'), (11.25, 'cam-2', 'json-http', '{\"b\":\"ž\"}')");
        try (WatchStore s = open()) {
            List<JournalEntry> back = s.detections(Double.NEGATIVE_INFINITY, 10);
            assertThat(back).extracting(JournalEntry::payload).containsExactly("{\"a\":1}", "{\"b\":\"ž\"}");
            assertThat(back).extracting(JournalEntry::receivedAt).containsExactly(10.5, 11.25);
            assertThat(back).extracting(JournalEntry::id).containsExactly(1L, 2L);
            long[] ids = s.appendDetections(List.of(new JournalEntry(0, 12, "radar-1", "asterix", "{\"a\":2}")));
            assertThat(ids[0]).isEqualTo(3L);
            assertThat(s.purgeDetectionsBefore(11, 100)).isEqualTo(1);
        }
    }

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
            assertThat(s.purgeDetectionsBefore(103, 1_000)).isEqualTo(3);
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
    void consolePreferencesAreKeptPerUserAndReplacedWhenSavedAgain() throws Exception {
        try (WatchStore s = open()) {
            assertThat(s.userPrefs("op1")).isEmpty();
            s.setUserPrefs("op1", "{\"lang\":\"lt\"}", 100);
            s.setUserPrefs("op2", "{\"theme\":\"night\"}", 101);
            s.setUserPrefs("op1", "{\"lang\":\"en\",\"muted\":true}", 102);
            assertThat(s.userPrefs("op1")).contains("{\"lang\":\"en\",\"muted\":true}");
            assertThat(s.userPrefs("op2")).contains("{\"theme\":\"night\"}");
        }
        try (WatchStore s = open()) {
            assertThat(s.userPrefs("op1")).as("after reopening").contains("{\"lang\":\"en\",\"muted\":true}");
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
    void replayReadsTrackPointsAlertChangesAndEachAlertAsItWasAtATime() throws Exception {
        try (WatchStore s = open()) {
            s.appendTrackPoints(List.of(new TrackPoint(1, 100, 10, 20, 1, 0, "person"),
                    new TrackPoint(2, 105, 30, 40, 0, 1, "drone"), new TrackPoint(1, 110, 20, 20, 1, 0, "person"),
                    new TrackPoint(1, 200, 30, 20, 1, 0, "person")));
            assertThat(s.trackPointsBetween(100, 110, 100)).extracting(TrackPoint::t).containsExactly(105.0, 110.0);
            assertThat(s.trackPointsBetween(0, 1000, 2)).hasSize(2);
            AlertBook book = new AlertBook();
            AlertBook.Raised r = book.raise(new Finding(RuleKind.BORDER_CROSSING, Severity.HIGH, "track:1", 120, 0, 0,
                    "BY-001", null, "crossed"));
            s.record(r.alert(), r.audit());
            AuditEvent ack = book.acknowledge(r.alert().id(), "op1", "patrol", 150);
            s.record(ack.after(), ack);
            assertThat(s.alertsAsOf(119)).isEmpty();
            assertThat(s.alertsAsOf(130)).singleElement().extracting(e -> e.after().status()).isEqualTo(AlertStatus.NEW);
            assertThat(s.alertsAsOf(150)).singleElement().extracting(e -> e.after().status())
                    .isEqualTo(AlertStatus.ACKNOWLEDGED);
            assertThat(s.auditBetween(120, 200, 10)).extracting(AuditEvent::action).containsExactly("acknowledged");
            assertThat(s.auditBetween(100, 200, 10)).hasSize(2);
        }
    }

    @Test
    void incidentsAreNumberedVersionedAndTheirAuditCannotBeRewritten() throws Exception {
        try (WatchStore s = open()) {
            IncidentLog log = s.incidents();
            IncidentLog.Stored a = log.create("{\"type\":\"smuggling\"}", 100, "op1");
            IncidentLog.Stored b = log.create("{\"type\":\"other\"}", 101, "op2");
            assertThat(b.id()).isEqualTo(a.id() + 1);
            IncidentLog.Stored reported = log.update(a.id(), 1, "reported", "{\"type\":\"smuggling\",\"x\":1}", 200,
                    "op1", "reported", "to the centre");
            assertThat(reported.version()).isEqualTo(2);
            assertThatThrownBy(() -> log.update(a.id(), 1, "closed", "{}", 300, "op2", "closed", null))
                    .isInstanceOf(IncidentLog.VersionConflict.class);
            assertThat(log.get(a.id())).get().extracting(IncidentLog.Stored::status).isEqualTo("reported");
            assertThat(log.list()).extracting(IncidentLog.Stored::id).containsExactly(b.id(), a.id());
            assertThat(log.audit(a.id())).extracting(IncidentLog.AuditEntry::action).containsExactly("created", "reported");
            assertThat(log.audit(a.id()).get(1).note()).isEqualTo("to the centre");
            assertThatThrownBy(() -> s.execute("DELETE FROM incident_audit")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.execute("UPDATE incident_audit SET actor = 'x'")).hasMessageContaining("append-only");
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
                    500_000 + i, 6_000_000, "BY-001", null, "approaching").withCoverage(i == 1 ? CoverageVerdict.GAP : CoverageVerdict.COVERED));
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
            assertThat(s.alerts()).extracting(Alert::coverage).containsExactly(CoverageVerdict.COVERED,
                    CoverageVerdict.GAP, CoverageVerdict.COVERED, null);
            assertThat(s.audit(0, 100)).hasSize(4).extracting(e -> e.after().coverage())
                    .containsExactly(CoverageVerdict.COVERED, CoverageVerdict.GAP, CoverageVerdict.COVERED, null);
        }
        // The column and the audit JSON keep the lower-case names older versions wrote and read.
        try (java.sql.Connection c = raw(); java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SELECT a.coverage, u.after_json FROM alerts a JOIN audit u "
                        + "ON u.alert_id = a.id ORDER BY a.id")) {
            List<String> columns = new ArrayList<>();
            List<String> auditJson = new ArrayList<>();
            while (rs.next()) {
                columns.add(rs.getString(1));
                auditJson.add(rs.getString(2));
            }
            assertThat(columns).containsExactly("covered", "gap", "covered", null);
            assertThat(auditJson.get(0)).contains("\"coverage\":\"covered\"");
            assertThat(auditJson.get(1)).contains("\"coverage\":\"gap\"");
            assertThat(auditJson.get(3)).doesNotContain("coverage");
        }
    }

    @Test
    void aMessageKeyAndItsParametersAreStoredWithTheAlertAndItsAuditAndOlderRowsHaveNone() throws Exception {
        // A row of schema 10, before message keys: it keeps its English message and has no key.
        olderSchema(10, "INSERT INTO alerts (id, rule, severity, subject, status, raised_at, updated_at, x, y, sector_id, "
                + "message, escalated, occurrences) VALUES (1, 'BORDER_CROSSING', 'HIGH', 'track:1', 'NEW', 10, 10, "
                + "1, 2, 'BY-001', 'person crossed the border from Belarus in sector BY-001', FALSE, 1)");
        AlertText text = AlertMessage.BORDER_CROSSING.text(7L, "vehicle", "BY", "BY-017", 35.26, 8.04);
        try (WatchStore s = open()) {
            Alert old = s.alert(1);
            assertThat(old.message()).isEqualTo("person crossed the border from Belarus in sector BY-001");
            assertThat(old.messageKey()).isNull();
            assertThat(old.messageParams()).isNull();
            AlertBook book = new AlertBook(s.alerts(), s.lastAuditSequence(), s.lastAlertId());
            AlertBook.Raised r = book.raise(new Finding(RuleKind.BORDER_CROSSING, Severity.CRITICAL, "track:7", 20,
                    500_000, 6_000_000, "BY-017", null, text));
            s.record(r.alert(), r.audit());
            AuditEvent ack = book.acknowledge(r.alert().id(), "op1", null, 30);
            s.record(ack.after(), ack);
        }
        try (WatchStore s = open()) {
            Alert a = s.alert(2);
            assertThat(a.message()).isEqualTo(text.english());
            assertThat(a.messageKey()).isEqualTo("alert.border_crossing");
            // Read back as written: the track id a whole number, measurements rounded, codes as codes.
            assertThat(a.messageParams()).containsExactly(java.util.Map.entry("track", 7L),
                    java.util.Map.entry("class", "vehicle"), java.util.Map.entry("neighbour", "BY"),
                    java.util.Map.entry("sector", "BY-017"), java.util.Map.entry("distance_m", 35.0),
                    java.util.Map.entry("speed_mps", 8.0));
            assertThat(a.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
            // The legal record holds them too: the audit's states (and so replay) say the same.
            List<AuditEvent> audit = s.audit(0, 10);
            assertThat(audit).extracting(e -> e.after().messageKey()).containsExactly("alert.border_crossing",
                    "alert.border_crossing");
            assertThat(audit.get(1).after()).isEqualTo(a);
            assertThat(s.alertsAsOf(25)).singleElement().satisfies(e -> assertThat(e.after().messageParams())
                    .isEqualTo(a.messageParams()));
        }
    }

    @Test
    void alertPagesListOpenAlertsFirstThenBySeverityAndNewestAndContinueAfterACursor() throws Exception {
        AlertBook book = new AlertBook();
        List<Alert> alerts = new ArrayList<>();
        List<AuditEvent> audits = new ArrayList<>();
        // id: severity, raised at; 2 and 5 get resolved, 3 acknowledged. 6 and 7 raised at the same time.
        Severity[] sev = {Severity.LOW, Severity.CRITICAL, Severity.HIGH, Severity.LOW, Severity.CRITICAL, Severity.HIGH,
                Severity.HIGH};
        double[] at = {10, 20, 30, 40, 50, 60, 60};
        for (int i = 0; i < sev.length; i++) {
            AlertBook.Raised r = book.raise(new Finding(i % 2 == 0 ? RuleKind.APPROACH : RuleKind.BORDER_CROSSING, sev[i],
                    "track:" + (i + 1), at[i], 1, 2, i < 4 ? "BY-001" : "BY-002", null, "m"));
            alerts.add(r.alert());
            audits.add(r.audit());
        }
        try (WatchStore s = open()) {
            s.recordAll(alerts, audits);
            for (AuditEvent e : List.of(book.resolve(2, "op1", Resolution.CONFIRMED, null, 100),
                    book.resolve(5, "op1", Resolution.FALSE_ALARM, null, 110), book.acknowledge(3, "op1", null, 120))) {
                s.record(e.after(), e);
            }
            WatchStore.AlertQuery all = new WatchStore.AlertQuery(null, null, null, Double.NaN, null, 100);
            // open: high 7, 6 (same time: the higher id first), 3; low 4, 1; then resolved: critical 5, 2
            assertThat(s.alertsPage(all)).extracting(Alert::id).containsExactly(7L, 6L, 3L, 4L, 1L, 5L, 2L);
            assertThat(s.alertCount(all)).isEqualTo(7);
            List<Long> paged = new ArrayList<>();
            WatchStore.AlertPosition after = null;
            for (int page = 0; page < 4; page++) {
                List<Alert> p = s.alertsPage(new WatchStore.AlertQuery(null, null, null, Double.NaN, after, 2));
                assertThat(p.size()).isLessThanOrEqualTo(2);
                p.forEach(a -> paged.add(a.id()));
                after = p.isEmpty() ? after : WatchStore.AlertPosition.of(p.get(p.size() - 1));
            }
            assertThat(paged).containsExactly(7L, 6L, 3L, 4L, 1L, 5L, 2L);
            WatchStore.AlertQuery open = new WatchStore.AlertQuery(java.util.Set.of(AlertStatus.NEW,
                    AlertStatus.ACKNOWLEDGED), null, null, Double.NaN, null, 3);
            assertThat(s.alertsPage(open)).extracting(Alert::id).containsExactly(7L, 6L, 3L);
            assertThat(s.alertCount(open)).isEqualTo(5);
            assertThat(s.alertsPage(new WatchStore.AlertQuery(java.util.Set.of(AlertStatus.RESOLVED), "BY-001",
                    RuleKind.BORDER_CROSSING, Double.NaN, null, 10))).extracting(Alert::id).containsExactly(2L);
            assertThat(s.alertsPage(new WatchStore.AlertQuery(null, null, RuleKind.APPROACH, 105, null, 10)))
                    .extracting(Alert::id).as("approach alerts changed at or after 105: 3 (acknowledged at 120, open), "
                            + "5 (resolved at 110)").containsExactly(3L, 5L);
        }
    }
}
