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
    private final Sessions sessions;
    private final org.skydas.server.auth.LoginThrottle throttle = org.skydas.server.auth.LoginThrottle.defaults();
    private final java.util.Map<String, Long> throttleAudited = new java.util.concurrent.ConcurrentHashMap<>();
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
        this(store, Sessions.DEFAULT_TTL);
    }

    /** With tokens valid for {@code tokenLifetime} (default {@link Sessions#DEFAULT_TTL}). */
    public WatchServices(WatchStore store, java.time.Duration tokenLifetime) throws SQLException {
        this.store = store;
        List<Alert> recent = store.alertsOpenOrResolvedSince(now() - KEEP_RESOLVED_S, MAX_HELD);
        this.book = new AlertBook(recent, store.lastAuditSequence(), store.lastAlertId());
        book.openElsewhere(store.openAlertCount() - recent.stream().filter(Alert::isOpen).count());
        this.sessions = new Sessions(tokenLifetime.toMillis());
    }

    /** The actor recorded for changes made on this machine's command line: {@code cli:OSUSER}. */
    public static String cliActor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    /** Bad input to an account action (a 400, or exit code 2 on the command line). */
    public static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public Invalid(String m) {
            super(m);
        }
    }

    /** An action that contradicts the current state (a 409): a name taken, the last admin disabled, … */
    public static final class Conflict extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Conflict(String m) {
            super(m);
        }
    }

    /** A login refused without checking the password, because of too many failures (a 429). */
    public static final class Throttled extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        Throttled(long retryAfterSeconds) {
            super("too many failed logins: try again in " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 1024;

    /** The password rules for every account, the first admin's too: 12 to 1024 characters, not the user name. */
    public static void checkPassword(String username, String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new Invalid("a password needs at least " + MIN_PASSWORD + " characters");
        }
        if (password.length() > MAX_PASSWORD) {
            throw new Invalid("a password has at most " + MAX_PASSWORD + " characters");
        }
        if (password.strip().equalsIgnoreCase(username)) {
            throw new Invalid("a password must not be the user name");
        }
    }

    static void checkUsername(String username) {
        if (username == null || !username.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new Invalid("a user name is 1-64 letters, digits, '.', '_' or '-'");
        }
    }

    /**
     * Creates the first admin when there are no users: with {@code password} if given (from
     * SKYDAS_ADMIN_PASSWORD; it must follow the password rules), else a generated one, which is returned
     * so that the caller can hand it over once (never logged).
     */
    public synchronized Optional<String> ensureAdmin(String password) throws SQLException {
        if (store.userCount() > 0) {
            return Optional.empty();
        }
        boolean given = password != null && !password.isEmpty();
        String pw = given ? password : PasswordHasher.randomPassword();
        checkPassword("admin", pw);
        store.addUser(new UserRecord("admin", Role.ADMIN.wireName(), PasswordHasher.hash(pw.toCharArray())),
                event("system", "user_added", "admin", null, "role=admin first admin, password "
                        + (given ? "from SKYDAS_ADMIN_PASSWORD" : "generated")));
        LOG.info("event=admin_created username=admin password_source={}", given ? "SKYDAS_ADMIN_PASSWORD" : "generated");
        return Optional.of(pw);
    }

    /** Adds a user as the system (tests, tools); see {@link #addUser(String, String, String, Role, String)}. */
    public boolean addUser(String username, Role role, String password) throws SQLException {
        return addUser("system", null, username, role, password);
    }

    /** Adds a user, audited with its {@code actor} (and the actor's {@code address}, may be null); false if the name is taken. */
    public synchronized boolean addUser(String actor, String address, String username, Role role, String password)
            throws SQLException {
        checkUsername(username);
        checkPassword(username, password);
        boolean added = store.addUser(new UserRecord(username, role.wireName(), PasswordHasher.hash(password.toCharArray())),
                event(actor, "user_added", username, address, "role=" + role.wireName()));
        if (added) {
            LOG.info("event=user_added username={} role={} actor={}", username, role.wireName(), actor);
        }
        return added;
    }

    /** A user's saved console preferences (JSON), if any. */
    public synchronized java.util.Optional<String> prefs(String username) throws SQLException {
        return store.userPrefs(username);
    }

    /** Saves a user's console preferences (JSON already checked by the caller). */
    public synchronized void savePrefs(String username, String prefsJson) throws SQLException {
        store.setUserPrefs(username, prefsJson, now());
    }

    /** Every account (password hashes included: callers show name, role and state only). */
    public synchronized List<UserRecord> users() throws SQLException {
        return store.users();
    }

    /**
     * Disables an account and logs all its tokens out. Refused ({@link Conflict}) for the last enabled
     * admin, so that nobody locks the system out of administration.
     */
    public synchronized void disableUser(String actor, String address, String username) throws SQLException {
        UserRecord u = store.user(username).orElseThrow(() -> new java.util.NoSuchElementException(
                "no user '" + org.skydas.server.auth.Text.clip(username) + "'"));
        if (u.disabled()) {
            return;
        }
        if (u.role().equals(Role.ADMIN.wireName()) && store.users().stream()
                .filter(x -> x.role().equals(Role.ADMIN.wireName()) && !x.disabled()).count() <= 1) {
            throw new Conflict("'" + username + "' is the last enabled admin: add another admin first");
        }
        store.setDisabled(username, true, event(actor, "user_disabled", username, address, null));
        int revoked = sessions.revokeUser(username);
        LOG.info("event=user_disabled username={} actor={} tokens_revoked={}", username, actor, revoked);
    }

    /** Sets a new password (same rules) and logs all the user's tokens out. */
    public synchronized void setPassword(String actor, String address, String username, String password)
            throws SQLException {
        checkPassword(username, password);
        if (!store.setPasswordHash(username, PasswordHasher.hash(password.toCharArray()),
                event(actor, "password_changed", username, address, null))) {
            throw new java.util.NoSuchElementException("no user '" + org.skydas.server.auth.Text.clip(username) + "'");
        }
        int revoked = sessions.revokeUser(username);
        LOG.info("event=password_changed username={} actor={} tokens_revoked={}", username, actor, revoked);
    }

    /** An account's state at login; a session whose account's stamp changed is logged out. */
    private static long stamp(UserRecord u) {
        long h = (u.passwordHash() + "|" + u.role()).hashCode() * 31L + 17;
        return h == 0 ? 1 : h;
    }

    /**
     * Logs out the sessions of accounts disabled, deleted or given a new password or role since login,
     * also when that was done by another process (the {@code skydas users} command on the same store).
     * The server runs this every few seconds.
     */
    public int revalidateSessions() {
        return sessions.revalidate(name -> {
            try {
                Optional<UserRecord> u;
                synchronized (this) {
                    u = store.user(name);
                }
                return u.filter(x -> !x.disabled()).map(WatchServices::stamp);
            } catch (SQLException e) {
                LOG.warn("event=session_revalidation_failed error=\"{}\"", e.getMessage());
                return null; // the store cannot say now: keep the sessions (operators stay logged in)
            }
        });
    }

    /** Logs a token out (audited); false when it was not valid. */
    public synchronized boolean logout(String token, String address) throws SQLException {
        Optional<Sessions.Session> s = sessions.find(token);
        if (s.isEmpty() || !sessions.revoke(token)) {
            return false;
        }
        store.recordAccountEvent(event(s.get().username(), "logout", s.get().username(), address, null));
        return true;
    }

    /** The account audit: additions, changes, logins that failed or were throttled, logouts. */
    public synchronized List<org.skydas.store.watch.AccountEvent> accountAudit(long after, int limit) throws SQLException {
        return store.accountEvents(after, limit);
    }

    private static org.skydas.store.watch.AccountEvent event(String actor, String action, String subject, String address,
                                                            String detail) {
        return new org.skydas.store.watch.AccountEvent(0, now(), actor, action, subject, address, detail);
    }

    /** A bearer token for valid credentials of an enabled user; see {@link #login(String, String, String)}. */
    public Optional<String> login(String username, String password) throws SQLException {
        return login(username, password, null);
    }

    /**
     * A bearer token for valid credentials of an enabled user, or empty. Throws {@link Throttled} without
     * hashing anything when the user name or the {@code address} has failed too often (audited once per
     * refusal streak, then counted in the log only).
     */
    public Optional<String> login(String username, String password, String address) throws SQLException {
        String safeName = username.replaceAll("[^A-Za-z0-9._-]", "?");
        safeName = safeName.length() > 64 ? safeName.substring(0, 64) : safeName;
        long now = System.currentTimeMillis();
        long wait = throttle.retryAfterSeconds(username, address, now);
        if (wait > 0) {
            LOG.warn("event=login_throttled username=\"{}\" address={} retry_after_s={}", safeName, address, wait);
            // Audited at most once a minute per name and address: a flood of refused tries must not flood the store.
            if (throttleAudited.size() > 10_000) {
                throttleAudited.clear();
            }
            Long last = throttleAudited.put(safeName + "|" + address, now);
            if (last == null || now - last > 60_000) {
                synchronized (this) {
                    store.recordAccountEvent(event(safeName, "login_throttled", safeName, address, "retry_after_s=" + wait));
                }
            }
            throw new Throttled(wait);
        }
        Optional<UserRecord> u;
        synchronized (this) {
            u = store.user(username);
        }
        // Hash even for unknown users, so that timing does not tell which names exist.
        String stored = u.map(UserRecord::passwordHash).orElse(DUMMY_HASH);
        boolean ok = PasswordHasher.verify(password.toCharArray(), stored) && u.isPresent() && !u.get().disabled();
        if (!ok) {
            throttle.failed(username, address, now);
            LOG.warn("event=login_failed username=\"{}\" address={}", safeName, address);
            synchronized (this) {
                store.recordAccountEvent(event(safeName, "login_failed", safeName, address,
                        u.isPresent() && u.get().disabled() ? "disabled account" : "wrong user name or password"));
            }
            return Optional.empty();
        }
        throttle.succeeded(username);
        LOG.info("event=login username={} role={} address={}", username, u.get().role(), address);
        return Optional.of(sessions.open(username, Role.parse(u.get().role()), stamp(u.get())));
    }

    private static final String DUMMY_HASH = PasswordHasher.hash("not a real password".toCharArray());

    public Sessions sessions() {
        return sessions;
    }

    /** A real query on the watch store (health): its schema version. */
    public synchronized int ping() throws SQLException {
        return store.ping();
    }

    /** Commits accepted detections to the journal; returns when they are durable, with their ids in order. */
    public synchronized long[] journal(List<org.skydas.watch.port.JournalEntry> entries) throws SQLException {
        return entries.isEmpty() ? new long[0] : store.appendDetections(entries);
    }

    /** Throws when the journal cannot be written now (a rolled-back trial insert). */
    public synchronized void probeJournal() throws SQLException {
        store.probeJournal();
    }

    public synchronized void trackHistory(List<org.skydas.watch.port.TrackPoint> points) throws SQLException {
        if (!points.isEmpty()) {
            store.appendTrackPoints(points);
        }
    }

    /** Replay: every track's stored points in {@code (from, to]}, oldest first, at most {@code limit}. */
    public synchronized List<org.skydas.watch.port.TrackPoint> trackPointsBetween(double from, double to, int limit)
            throws SQLException {
        return store.trackPointsBetween(from, to, limit);
    }

    /** Replay: the alerts' audit events in {@code (from, to]}, at most {@code limit}. */
    public synchronized List<AuditEvent> auditBetween(double from, double to, int limit) throws SQLException {
        return store.auditBetween(from, to, limit);
    }

    /** Replay: every alert as it was at {@code t} (its state after its last change until then). */
    public synchronized List<Alert> alertsAsOf(double t) throws SQLException {
        return store.alertsAsOf(t).stream().map(AuditEvent::after).toList();
    }

    public synchronized List<org.skydas.watch.port.TrackPoint> trackHistory(long id, int limit) throws SQLException {
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
                                          String subject, org.skydas.alert.AlertText text) {
        try {
            return raiseAll(List.of(new Finding(rule, severity, subject, now(), Double.NaN, Double.NaN, null, null,
                    text))).get(0).alert();
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
        List<Alert> alerts = store.alertsResolvedBefore(before); // memory may have let go of older ones already
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

    /** Appends an explicit action (not a purge) to the append-only admin log ({@code GET /api/admin/log}). */
    public synchronized void logAdminAction(String actor, String action, String detailJson) throws SQLException {
        store.appendAdminLog(actor, action, detailJson);
    }

    /** The append-only admin log: {time, actor, action, detail_json} per entry, oldest first. */
    public synchronized List<String[]> adminLog() throws SQLException {
        return store.adminLog();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper EXPORT_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Escalates alerts left new for {@code afterS} seconds. */
    public synchronized void escalate(double afterS) throws SQLException {
        double now = now();
        if (store.isShared()) {
            escalateShared(now, afterS);
            return;
        }
        if (book.mayMissOpen()) { // new alerts memory let go of escalate too
            for (Alert a : store.alertsToEscalate(now - afterS, ESCALATE_BATCH)) {
                book.hold(a);
            }
        }
        List<AuditEvent> events = book.escalate(now, afterS);
        if (!events.isEmpty()) {
            java.util.Map<Long, Alert> before = new java.util.HashMap<>();
            events.forEach(e -> before.put(e.alertId(), e.before()));
            try {
                store.recordAll(events.stream().map(AuditEvent::after).toList(), events);
            } catch (SQLException | RuntimeException x) {
                book.restore(before);
                throw x;
            }
            events.forEach(e -> changed(e.after()));
        }
        evictedResolved += book.evictResolvedBefore(now - keepResolvedS);
        trim();
    }

    /**
     * Cluster mode: tracker nodes raise alerts into the shared store, which this book never held, and other API nodes
     * escalate too; so the store escalates, under the lock of every node's alert writes (each alert once, whichever
     * node comes first), and memory takes the escalated states of the alerts it holds. Listeners hear of each.
     */
    private void escalateShared(double now, double afterS) throws SQLException {
        List<AuditEvent> events = store.escalateShared(now, afterS, ESCALATE_BATCH);
        for (AuditEvent e : events) {
            if (book.get(e.alertId()) != null) {
                book.restore(java.util.Map.of(e.alertId(), e.after()));
            }
            changed(e.after());
        }
        if (!events.isEmpty()) {
            LOG.info("event=alerts_escalated count={} shared=true", events.size());
        }
        evictedResolved += book.evictResolvedBefore(now - keepResolvedS);
        trim();
    }

    /** Alerts escalated from the store per call at most (the rest on the next call). */
    static final int ESCALATE_BATCH = 1_000;

    /**
     * Alerts held in memory at most (open ones too, the least recently changed go first): an alert storm of months
     * leaves memory bounded; every other alert is served from the store.
     */
    static final int MAX_HELD = 20_000;
    private int maxHeld = MAX_HELD;
    private long evictedOpen;

    /** How many alerts memory holds at most (tests lower it). */
    synchronized void holdAtMost(int n) {
        maxHeld = n;
        trim();
    }

    private void trim() {
        evictedOpen += book.trim(maxHeld);
    }

    /**
     * Takes alert {@code id} into memory from the store when memory let go of it (to change it); in a shared store,
     * also when the store's state differs from memory's.
     */
    private void holdFromStore(long id) throws SQLException {
        Alert held = book.get(id);
        if (held == null) {
            Alert a = store.alert(id);
            if (a != null) {
                book.hold(a);
            }
        } else if (store.isShared()) {
            // Other nodes change shared alerts (repeats, escalation, operators elsewhere): change the stored state.
            Alert a = store.alert(id);
            if (a != null && !a.equals(held)) {
                book.restore(java.util.Map.of(id, a));
            }
        }
    }

    /**
     * Resolved alerts stay in memory this long after their resolution (s), longer than the default sector impact
     * window; older ones are served from the store, so memory holds the open alerts and a day of resolved ones.
     */
    static final double KEEP_RESOLVED_S = 24 * 3600;
    private double keepResolvedS = KEEP_RESOLVED_S;
    private long evictedResolved;

    /** How long resolved alerts stay in memory, s (tests shorten it). */
    synchronized void keepResolvedFor(double seconds) {
        keepResolvedS = seconds;
    }

    /** Alerts held in memory, and resolved alerts let go of since the start (served from the store). */
    public synchronized java.util.Map<String, Long> alertMemory() {
        return java.util.Map.of("alerts_in_memory", (long) book.size(), "open_alerts_in_memory", (long) book.openHeld(),
                "resolved_alerts_evicted", evictedResolved, "open_alerts_evicted", evictedOpen);
    }

    /** A finding from the rules: a new alert, or one folded into the open alert for it. */
    public synchronized AlertBook.Raised raise(Finding f) throws SQLException {
        return raiseAll(List.of(f)).get(0);
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
        java.util.Map<Long, Alert> before = new java.util.HashMap<>();
        for (Finding f : findings) {
            Alert prior = book.openFor(f);
            if (prior == null && book.mayMissOpen()) { // memory let go of it: fold into the stored one, never a duplicate
                prior = store.openAlert(f.subject(), f.rule());
                if (prior != null) {
                    book.hold(prior);
                }
            }
            AlertBook.Raised r = book.raise(f);
            if (!before.containsKey(r.alert().id())) {
                before.put(r.alert().id(), prior); // null: raised by this batch
            }
            raised.add(r);
            alerts.add(r.alert());
            audits.add(r.audit());
        }
        try {
            store.recordAll(alerts, audits);
        } catch (SQLException | RuntimeException e) {
            book.restore(before); // nothing is shown that is not committed
            throw e;
        }
        for (int i = 0; i < raised.size(); i++) {
            AlertBook.Raised r = raised.get(i);
            changed(r.alert(), r.isNew() && receivedAtMillis != null ? receivedAtMillis.get(i) : 0);
        }
        trim();
        return raised;
    }

    public synchronized Alert acknowledge(long id, String user, String note) throws SQLException {
        AuditEvent e = change(id, () -> book.acknowledge(id, user, note, now())); // Conflict: acknowledged or resolved
        LOG.info("event=alert_acknowledged alert={} user={}", id, user);
        trim();
        return changed(e.after());
    }

    public synchronized Alert resolve(long id, String user, Resolution r, String note) throws SQLException {
        AuditEvent e = change(id, () -> book.resolve(id, user, r, note, now())); // Conflict: already resolved
        LOG.info("event=alert_resolved alert={} user={} resolution={}", id, user, r);
        trim();
        return changed(e.after());
    }

    /**
     * One operator's change of alert {@code id} in the book, committed. In a shared store another node may change the
     * alert between reading it and committing (a repeat, an escalation): the store refuses a change made from an
     * outdated state, and it is made once more from the state the store has now.
     */
    private AuditEvent change(long id, java.util.function.Supplier<AuditEvent> change) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            holdFromStore(id);
            AuditEvent e;
            try {
                e = change.get();
            } catch (IllegalStateException x) {
                throw new Conflict(x.getMessage());
            }
            try {
                storeOrUndo(e);
                return e;
            } catch (WatchStore.ChangedElsewhere x) {
                if (attempt >= 3) {
                    throw x;
                }
                LOG.info("event=alert_changed_elsewhere alert={} attempt={}", id, attempt);
            }
        }
    }

    /** Commits one change of the book, or puts the book back as it was before it and rethrows. */
    private void storeOrUndo(AuditEvent e) throws SQLException {
        try {
            store.record(e.after(), e);
        } catch (SQLException | RuntimeException x) {
            java.util.Map<Long, Alert> before = new java.util.HashMap<>();
            before.put(e.alertId(), e.before());
            book.restore(before);
            throw x;
        }
    }

    /**
     * The alerts held in memory that pass {@code filter}: the recently changed ones (open, and recently resolved:
     * {@link #KEEP_RESOLVED_S}), at most {@link #MAX_HELD}.
     */
    public synchronized List<Alert> alerts(Predicate<Alert> filter) {
        return sorted(book.all().stream().filter(filter));
    }

    /**
     * As {@link #alerts(Predicate)}, and with {@code fromStore} also the alerts that memory let go of (open or
     * resolved), read from the store (the API's list: every alert the store holds).
     */
    public synchronized List<Alert> alerts(Predicate<Alert> filter, boolean fromStore) throws SQLException {
        if (!fromStore) {
            return alerts(filter);
        }
        java.util.Map<Long, Alert> all = new java.util.LinkedHashMap<>();
        for (Alert a : store.alerts()) { // memory holds a committed subset of these
            all.put(a.id(), a);
        }
        for (Alert a : book.all()) {
            all.put(a.id(), a); // memory is newer where both hold one
        }
        return sorted(all.values().stream().filter(filter));
    }

    /** One page of the API's alert listing, and how many alerts match on all pages. */
    public record AlertPage(List<Alert> alerts, long total, boolean more) {
    }

    /**
     * A page of the alerts {@code q} selects, read from the store (every change memory holds is committed before it
     * is shown), in the listing order of {@link WatchStore#alertsPage}; {@code more} says whether a next page has any.
     */
    public synchronized AlertPage alertsPage(WatchStore.AlertQuery q) throws SQLException {
        WatchStore.AlertQuery probe = new WatchStore.AlertQuery(q.statuses(), q.sectorId(), q.rule(), q.since(), q.after(),
                q.limit() + 1);
        List<Alert> page = store.alertsPage(probe);
        boolean more = page.size() > q.limit();
        return new AlertPage(more ? page.subList(0, q.limit()) : page, store.alertCount(q), more);
    }

    private static List<Alert> sorted(java.util.stream.Stream<Alert> alerts) {
        return alerts
                .sorted(Comparator.comparing(Alert::severity).reversed().thenComparing(Alert::raisedAt,
                        Comparator.reverseOrder()))
                .toList();
    }

    public synchronized Alert alert(long id) throws SQLException {
        Alert a = store.isShared() ? null : book.get(id); // a shared alert changes on other nodes: the store's state
        return a != null ? a : store.alert(id);
    }

    public synchronized List<AuditEvent> audit(long after, int limit) throws SQLException {
        return store.audit(after, limit);
    }

    /** Work on the obstacle register, under the same lock as every other change to the watch store. */
    @FunctionalInterface
    public interface RegisterWork<T> {
        T run(org.skydas.store.watch.ObstacleRegister register) throws SQLException;
    }

    public synchronized <T> T obstacles(RegisterWork<T> work) throws SQLException {
        return work.run(store.obstacleRegister());
    }

    /** Work on the incident reports, under the same lock as every other change to the watch store. */
    @FunctionalInterface
    public interface IncidentWork<T> {
        T run(org.skydas.store.watch.IncidentLog log) throws SQLException;
    }

    public synchronized <T> T incidents(IncidentWork<T> work) throws SQLException {
        return work.run(store.incidents());
    }

    /**
     * Fills an empty obstacle register from the scenario's {@code obstacle_fields} layer (records keep
     * their history; the audit says who seeded them). Returns how many were added (0 if the register
     * already had records).
     */
    public synchronized int seedObstacles(List<org.skydas.obstacles.ObstacleField> fields, String source)
            throws SQLException {
        var register = store.obstacleRegister();
        if (register.count() > 0 || fields.isEmpty()) {
            return 0;
        }
        java.time.Instant now = java.time.Instant.now();
        for (var f : fields) {
            register.create(f, "system", "admin", now);
        }
        LOG.info("event=obstacle_register_seeded fields={} source=\"{}\"", fields.size(), source);
        return fields.size();
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
