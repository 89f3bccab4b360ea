package org.skydas.server;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.skydas.alert.Alert;
import org.skydas.alert.AlertBook;
import org.skydas.alert.AuditEvent;
import org.skydas.alert.Finding;
import org.skydas.alert.Resolution;
import org.skydas.server.auth.PasswordHasher;
import org.skydas.server.auth.Role;
import org.skydas.server.auth.Sessions;
import org.skydas.store.watch.UserRecord;
import org.skydas.store.watch.WatchStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable side of WATCH behind the API: users and logins, alerts and their audit trail. Every
 * change is committed to the watch store before the call returns; one lock orders all of them.
 */
public final class WatchServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WatchServices.class);

    private final WatchStore store;
    private final AlertBook book;
    private final Sessions sessions = new Sessions(12 * 3600 * 1000L);
    private final List<java.util.function.Consumer<AlertChange>> alertListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AlertLatency alertLatency = new AlertLatency();

    /**
     * A committed alert change. {@code receivedAtMillis} is when the detection that raised a new alert was received
     * (epoch ms), 0 for every other change (acknowledgement, escalation, a repeat folded into an open alert, an alert
     * without a triggering detection); {@code committedAtMillis} is when the change became durable.
     */
    public record AlertChange(Alert alert, long receivedAtMillis, long committedAtMillis) {
    }

    /** Called (on the changing thread) after every committed alert change. */
    public void onAlertChange(java.util.function.Consumer<Alert> listener) {
        alertListeners.add(c -> listener.accept(c.alert()));
    }

    /**
     * Called (on the committing thread, at once after the commit: it must not block) with every committed alert
     * change and, for new alerts, the receipt time of their detection: for pushing alerts to operators the moment
     * they exist and timing how long they took ({@link #alertLatency()}).
     */
    public void onAlertCommitted(java.util.function.Consumer<AlertChange> listener) {
        alertListeners.add(listener);
    }

    /** The end-to-end alert latency histograms that the pipeline and the pushes to operators fill in. */
    public AlertLatency alertLatency() {
        return alertLatency;
    }

    private Alert changed(Alert a) {
        return changed(a, 0);
    }

    private Alert changed(Alert a, long receivedAtMillis) {
        AlertChange c = new AlertChange(a, receivedAtMillis, System.currentTimeMillis());
        if (receivedAtMillis > 0) {
            alertLatency.record(AlertLatency.Stage.COMMITTED, c.committedAtMillis() - receivedAtMillis);
        }
        alertListeners.forEach(l -> l.accept(c));
        return a;
    }

    public WatchServices(WatchStore store) throws SQLException {
        this.store = store;
        this.book = new AlertBook(store.alerts(), store.lastAuditSequence(), store.lastAlertId());
    }

    /**
     * Creates the first admin when there are no users: with {@code password} if given (from
     * SKYDAS_ADMIN_PASSWORD), else a generated one, which is returned so it can be shown once.
     */
    public synchronized Optional<String> ensureAdmin(String password) throws SQLException {
        if (store.userCount() > 0) {
            return Optional.empty();
        }
        String pw = password == null || password.isEmpty() ? PasswordHasher.randomPassword() : password;
        store.addUser(new UserRecord("admin", Role.ADMIN.wireName(), PasswordHasher.hash(pw.toCharArray())));
        LOG.info("event=admin_created username=admin password_source={}", password == null || password.isEmpty()
                ? "generated" : "SKYDAS_ADMIN_PASSWORD");
        return Optional.of(pw);
    }

    public synchronized boolean addUser(String username, Role role, String password) throws SQLException {
        if (username == null || !username.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("a username is 1-64 letters, digits, '.', '_' or '-'");
        }
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("a password needs at least 8 characters");
        }
        return store.addUser(new UserRecord(username, role.wireName(), PasswordHasher.hash(password.toCharArray())));
    }

    /** A bearer token for valid credentials. */
    public Optional<String> login(String username, String password) throws SQLException {
        Optional<UserRecord> u;
        synchronized (this) {
            u = store.user(username);
        }
        // Hash even for unknown users, so that timing does not tell which names exist.
        String stored = u.map(UserRecord::passwordHash).orElse(DUMMY_HASH);
        boolean ok = PasswordHasher.verify(password.toCharArray(), stored) && u.isPresent();
        if (!ok) {
            LOG.warn("event=login_failed username=\"{}\"", username.replaceAll("[^A-Za-z0-9._-]", "?"));
            return Optional.empty();
        }
        LOG.info("event=login username={} role={}", username, u.get().role());
        return Optional.of(sessions.open(username, Role.parse(u.get().role())));
    }

    private static final String DUMMY_HASH = PasswordHasher.hash("not a real password".toCharArray());

    public Sessions sessions() {
        return sessions;
    }

    /** Commits accepted detections to the journal; returns when they are durable. */
    public synchronized void journal(List<org.skydas.store.watch.JournalEntry> entries) throws SQLException {
        if (!entries.isEmpty()) {
            store.appendDetections(entries);
        }
    }

    public synchronized void trackHistory(List<org.skydas.store.watch.TrackPoint> points) throws SQLException {
        if (!points.isEmpty()) {
            store.appendTrackPoints(points);
        }
    }

    public synchronized List<org.skydas.store.watch.TrackPoint> trackHistory(long id, int limit) throws SQLException {
        return store.trackHistory(id, limit);
    }

    /** Retention: one batch of journal entries received before {@code t} (epoch s); returns how many went. */
    public synchronized long purgeDetectionsBefore(double t, int maxRows) throws SQLException {
        return store.purgeDetectionsBefore(t, maxRows);
    }

    /** Retention: one batch of track history points older than {@code t}; returns how many went. */
    public synchronized long purgeTrackHistoryBefore(double t, int maxRows) throws SQLException {
        return store.purgeTrackHistoryBefore(t, maxRows);
    }

    /** The watch store's SQLite WAL, bytes (0 on PostgreSQL). Not synchronized: a file size. */
    public long walBytes() {
        return store.walBytes();
    }

    /** Checkpoints that had to rewind the WAL, and the longest the writer was held for one, ms. */
    public long[] walRestarts() {
        return store.walRestarts();
    }

    /**
     * The server's own health: a {@code storage_low} alert (subject {@code storage:WHAT}), folded into the open one
     * while it lasts. Returns the alert, or null when it could not be recorded (the disk may be full).
     */
    public synchronized Alert raiseHealth(org.skydas.alert.RuleKind rule, org.skydas.alert.Severity severity,
                                          String subject, String message) {
        try {
            AlertBook.Raised r = book.raise(new Finding(rule, severity, subject, now(), Double.NaN, Double.NaN, null, null,
                    message));
            store.record(r.alert(), r.audit());
            return changed(r.alert());
        } catch (SQLException e) {
            LOG.error("event=health_alert_not_recorded rule={} error=\"{}\"", rule, e.getMessage());
            return null;
        }
    }

    /** What an explicit purge of the legal record did: the export written first, and what was deleted. */
    public record Purge(java.nio.file.Path export, String sha256, long alerts, long auditEvents) {
    }

    /**
     * The explicit, audited admin purge of alerts resolved before {@code before} (epoch s) and their audit trail:
     * first the export (JSON: the alerts and every audit event of theirs) is written to {@code exportDir} and synced
     * to disk; only then are they deleted, in one transaction that also records actor, reason, export file and its
     * SHA-256 in the append-only admin log. Open alerts are never purged.
     */
    public synchronized Purge purgeResolvedAlerts(double before, String actor, String reason, java.nio.file.Path exportDir)
            throws SQLException, java.io.IOException {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a purge of the legal record needs a reason");
        }
        List<Alert> alerts = book.all().stream()
                .filter(a -> a.status() == org.skydas.alert.AlertStatus.RESOLVED && a.updatedAt() < before).toList();
        List<AuditEvent> audit = store.auditOfAlertsResolvedBefore(before);
        java.util.Map<String, Object> export = new java.util.LinkedHashMap<>();
        export.put("exported_at", java.time.Instant.now().toString());
        export.put("actor", actor);
        export.put("reason", reason);
        export.put("resolved_before", java.time.Instant.ofEpochMilli((long) (before * 1000)).toString());
        export.put("alerts", alerts);
        export.put("audit", audit);
        byte[] bytes = EXPORT_JSON.writeValueAsBytes(export);
        java.nio.file.Files.createDirectories(exportDir);
        java.nio.file.Path file = exportDir.resolve("alerts-purge-" + java.time.Instant.now().toString()
                .replace(":", "") + ".json");
        java.nio.file.Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp,
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(bytes));
            ch.force(true);
        }
        java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        String sha;
        try {
            sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String detail = EXPORT_JSON.writeValueAsString(java.util.Map.of("reason", reason, "export", file.toString(),
                "sha256", sha, "resolved_before", export.get("resolved_before"), "alerts", alerts.size(),
                "audit_events", audit.size()));
        long[] n = store.purgeAlertsResolvedBefore(before, actor, detail);
        book.forgetResolved(alerts.stream().map(Alert::id).toList());
        LOG.warn("event=alerts_purged actor={} alerts={} audit_events={} export={} sha256={}", actor, n[0], n[1], file, sha);
        return new Purge(file, sha, n[0], n[1]);
    }

    /** The append-only admin log: {time, actor, action, detail_json} per entry, oldest first. */
    public synchronized List<String[]> adminLog() throws SQLException {
        return store.adminLog();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper EXPORT_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Escalates alerts left new for {@code afterS} seconds. */
    public synchronized void escalate(double afterS) throws SQLException {
        for (AuditEvent e : book.escalate(now(), afterS)) {
            store.record(e.after(), e);
            changed(e.after());
        }
    }

    /** A finding from the rules: a new alert, or one folded into the open alert for it. */
    public synchronized AlertBook.Raised raise(Finding f) throws SQLException {
        AlertBook.Raised r = book.raise(f);
        store.record(r.alert(), r.audit());
        changed(r.alert());
        return r;
    }

    /** Several findings at once, committed together (one durable write for a burst); results in the same order. */
    public synchronized List<AlertBook.Raised> raiseAll(List<Finding> findings) throws SQLException {
        return raiseAll(findings, null);
    }

    /**
     * As {@link #raiseAll(List)}, with the receipt time (epoch ms, 0 unknown) of the detection behind each finding,
     * passed on with each new alert to {@link #onAlertCommitted} listeners.
     */
    public synchronized List<AlertBook.Raised> raiseAll(List<Finding> findings, List<Long> receivedAtMillis)
            throws SQLException {
        List<AlertBook.Raised> raised = new java.util.ArrayList<>(findings.size());
        List<Alert> alerts = new java.util.ArrayList<>(findings.size());
        List<AuditEvent> audits = new java.util.ArrayList<>(findings.size());
        for (Finding f : findings) {
            AlertBook.Raised r = book.raise(f);
            raised.add(r);
            alerts.add(r.alert());
            audits.add(r.audit());
        }
        store.recordAll(alerts, audits);
        for (int i = 0; i < raised.size(); i++) {
            AlertBook.Raised r = raised.get(i);
            changed(r.alert(), r.isNew() && receivedAtMillis != null ? receivedAtMillis.get(i) : 0);
        }
        return raised;
    }

    public synchronized Alert acknowledge(long id, String user, String note) throws SQLException {
        AuditEvent e = book.acknowledge(id, user, note, now());
        store.record(e.after(), e);
        LOG.info("event=alert_acknowledged alert={} user={}", id, user);
        return changed(e.after());
    }

    public synchronized Alert resolve(long id, String user, Resolution r, String note) throws SQLException {
        AuditEvent e = book.resolve(id, user, r, note, now());
        store.record(e.after(), e);
        LOG.info("event=alert_resolved alert={} user={} resolution={}", id, user, r);
        return changed(e.after());
    }

    public synchronized List<Alert> alerts(Predicate<Alert> filter) {
        return book.all().stream().filter(filter)
                .sorted(Comparator.comparing(Alert::severity).reversed().thenComparing(Alert::raisedAt,
                        Comparator.reverseOrder()))
                .toList();
    }

    public synchronized Alert alert(long id) {
        return book.get(id);
    }

    public synchronized List<AuditEvent> audit(long after, int limit) throws SQLException {
        return store.audit(after, limit);
    }

    /** Wall-clock time in seconds since the epoch, the time base of alerts. */
    public static double now() {
        return System.currentTimeMillis() / 1000.0;
    }

    @Override
    public synchronized void close() throws SQLException {
        store.close();
    }
}
