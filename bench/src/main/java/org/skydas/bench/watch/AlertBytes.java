package org.skydas.bench.watch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.skydas.alert.AlertBook;
import org.skydas.alert.AlertMessage;
import org.skydas.alert.AuditEvent;
import org.skydas.alert.CoverageVerdict;
import org.skydas.alert.Finding;
import org.skydas.alert.RuleKind;
import org.skydas.alert.Severity;
import org.skydas.store.watch.WatchStore;

/**
 * What the legal record costs on disk (SQLite) in an alert storm that nobody acknowledges, as the soak's storm mode
 * makes one: {@code N} alerts raised as the rules raise them for border crossings (100 per transaction), each then
 * escalated once; prints the database bytes per alert (its row, its "raised" and "escalated" audit rows, the indexes)
 * and the mean size of an audit row's JSON.
 *
 * <p>Usage: {@code AlertBytes DIR [N=100000]}; DIR must not hold a watch store yet.
 */
public final class AlertBytes {

    private AlertBytes() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        if (Files.exists(dir.resolve("watch.db"))) {
            throw new IllegalArgumentException(dir + " already holds a watch store");
        }
        double t0 = 1.8e9;
        AlertBook book = new AlertBook();
        try (WatchStore store = WatchStore.openSqlite(dir)) {
            List<org.skydas.alert.Alert> alerts = new ArrayList<>();
            List<AuditEvent> audits = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int sector = 1 + i % 40;
                String sectorId = String.format(Locale.ROOT, "BY-%03d", sector);
                // As the border-crossing rule says it: a message key with its parameters, and their English.
                AlertBook.Raised r = book.raise(new Finding(RuleKind.BORDER_CROSSING, Severity.HIGH,
                        Finding.track(100_000 + i), t0 + i / 25.0, 500_000 + i % 1_000, 6_000_000 + i % 777, sectorId,
                        null, AlertMessage.BORDER_CROSSING.text(100_000L + i, "person", "BY", sectorId, 10.0 + i % 290,
                                0.8 + (i % 17) / 10.0)).withCoverage(CoverageVerdict.COVERED));
                alerts.add(r.alert());
                audits.add(r.audit());
                if (alerts.size() == 100) {
                    store.recordAll(alerts, audits);
                    alerts.clear();
                    audits.clear();
                }
                book.trim(10_000);
            }
            store.recordAll(alerts, audits);
            for (int k = 0; k < n; k += 1_000) {
                book.trim(0);
                for (var a : store.alertsToEscalate(t0 + n, 1_000)) {
                    book.hold(a);
                }
                List<AuditEvent> e = book.escalate(t0 + n, 60);
                store.recordAll(e.stream().map(AuditEvent::after).toList(), e);
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("watch.db"));
             Statement st = c.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            st.execute("VACUUM");
            long bytes = Files.size(dir.resolve("watch.db"));
            try (ResultSet rs = st.executeQuery("SELECT count(*), avg(length(coalesce(before_json, '')) "
                    + "+ length(after_json)), (SELECT count(*) FROM alerts) FROM audit")) {
                rs.next();
                System.out.printf(Locale.ROOT, "%d alerts, %d audit rows: %.0f B per alert on disk (database, "
                        + "vacuumed), %.0f B of JSON per audit row%n", rs.getLong(3), rs.getLong(1),
                        bytes / (double) rs.getLong(3), rs.getDouble(2));
            }
        }
    }
}
