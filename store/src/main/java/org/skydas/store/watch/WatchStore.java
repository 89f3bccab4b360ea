package org.skydas.store.watch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.skydas.alert.Alert;
import org.skydas.alert.AlertStatus;
import org.skydas.alert.AuditEvent;
import org.skydas.alert.CoverageVerdict;
import org.skydas.alert.Finding;
import org.skydas.alert.Resolution;
import org.skydas.alert.RuleKind;
import org.skydas.alert.Severity;
import org.skydas.store.StoreException;
import org.skydas.watch.port.JournalEntry;
import org.skydas.watch.port.TrackPoint;
import org.sqlite.SQLiteConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What WATCH must not lose: the journal of accepted detections, alerts, the append-only audit log
 * and downsampled track history. One JDBC connection, used from one writer thread.
 *
 * <p>Durability: a method returns only after its transaction committed. On SQLite the journal runs
 * in WAL mode with {@code synchronous=NORMAL}: a committed transaction survives the process being
 * killed at any moment (it is in the OS's page cache and the WAL), though not a power cut; set
 * {@code synchronous=FULL} ({@link #openSqlite(Path, boolean)}) where that matters more than speed.
 */
public final class WatchStore implements AutoCloseable {

    // Audit entries outlive code versions: read what is known, ignore derived or newer fields.
    /**
     * The audit's alert states as JSON: without null fields and without the derived {@code open} (an alert storm's
     * audit is most of the legal record's bytes: 676 → 5xx B per row); rows written with them still read.
     */
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            // An alert's message parameters read back as written: whole numbers as Long (track ids), others Double.
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.USE_LONG_FOR_INTS, true)
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            .addMixIn(Alert.class, AuditJsonMixIn.class);

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties({"open"})
    private interface AuditJsonMixIn {
    }

    private final Connection c;
    private final Dialect dialect;
    private SqliteCheckpointer checkpointer;
    private final ObstacleRegister obstacles;
    private final IncidentLog incidents;
    private final JournalSources journal;

    private WatchStore(Connection c, Dialect dialect) throws SQLException {
        this.c = c;
        this.dialect = dialect;
        WatchMigrations.apply(c, dialect);
        c.setAutoCommit(false);
        this.obstacles = new ObstacleRegister(c);
        this.incidents = new IncidentLog(c);
        this.journal = JournalSources.load(c);
    }

    /** The embedded store: {@code DIR/watch.db}, created when missing. */
    public static WatchStore openSqlite(Path dataDir) throws StoreException {
        return openSqlite(dataDir, false);
    }

    public static WatchStore openSqlite(Path dataDir, boolean syncEveryCommit) throws StoreException {
        return openSqlite(dataDir, syncEveryCommit, SqliteCheckpointer.DEFAULT_WAL_LIMIT_BYTES,
                SqliteCheckpointer.PERIOD_MS);
    }

    /**
     * {@code walLimitBytes}: above this size the background checkpointer makes the WAL start over (see
     * {@link SqliteCheckpointer}); {@code checkpointPeriodMs}: how often it looks.
     */
    public static WatchStore openSqlite(Path dataDir, boolean syncEveryCommit, long walLimitBytes,
                                        long checkpointPeriodMs) throws StoreException {
        Path file = dataDir.resolve("watch.db");
        try {
            Files.createDirectories(dataDir);
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(syncEveryCommit ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
            config.setBusyTimeout(5_000);
            // Checkpoints copy the WAL into the database and fsync it: hundreds of milliseconds on a busy disk.
            // The committing (pipeline) thread must not pay that, so a background checkpointer does it.
            String url = "jdbc:sqlite:" + file.toAbsolutePath();
            Connection conn = DriverManager.getConnection(url, config.toProperties());
            try (Statement st = conn.createStatement()) {
                st.execute("PRAGMA wal_autocheckpoint=0");
                // When the WAL starts over, a file grown past this is cut back to it.
                st.execute("PRAGMA journal_size_limit=" + walLimitBytes);
            }
            WatchStore store = new WatchStore(conn, Dialect.SQLITE);
            store.checkpointer = SqliteCheckpointer.start(url, file, walLimitBytes, checkpointPeriodMs);
            return store;
        } catch (SQLException | java.io.IOException e) {
            throw new StoreException(file + ": cannot open the watch store: " + e.getMessage(), e);
        }
    }

    /** Server mode: {@code postgresql://user[:password]@host[:port]/database} or a {@code jdbc:postgresql:} URL. */
    public static WatchStore openPostgres(String url) throws StoreException {
        String jdbc = url.startsWith("jdbc:") ? url : "jdbc:" + url;
        Properties props = new Properties();
        try {
            // libpq-style user:password@ is not understood by the JDBC driver: move it to properties.
            java.net.URI u = new java.net.URI(jdbc.substring(5));
            if (u.getUserInfo() != null) {
                String[] up = u.getUserInfo().split(":", 2);
                props.setProperty("user", up[0]);
                if (up.length > 1) {
                    props.setProperty("password", up[1]);
                }
                jdbc = "jdbc:postgresql://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "") + u.getPath()
                        + (u.getQuery() != null ? "?" + u.getQuery() : "");
            }
            return new WatchStore(DriverManager.getConnection(jdbc, props), Dialect.POSTGRESQL);
        } catch (SQLException | java.net.URISyntaxException e) {
            throw new StoreException(url.replaceAll(":[^:@/]*@", ":***@") + ": cannot open the watch store: "
                    + e.getMessage(), e);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Whether the journal can be written now: inserts a row and rolls it back (nothing is left). A server whose
     * journal failed asks this before it accepts detections again.
     */
    public void probeJournal() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO detections (received_ms, source_id, codec, payload) "
                + "VALUES (0, 0, 0, ?)")) {
            ps.setBytes(1, new byte[0]);
            ps.executeUpdate();
        } finally {
            c.rollback();
        }
    }

    /** The obstacle register, on this store's connection (serialise calls as for the store's own methods). */
    public ObstacleRegister obstacleRegister() {
        return obstacles;
    }

    /** The incident reports (issue 22). */
    public IncidentLog incidents() {
        return incidents;
    }

    /** Appends detections in one transaction; returns their ids, in order. */
    public long[] appendDetections(List<JournalEntry> entries) throws SQLException {
        long[] ids = new long[entries.size()];
        if (entries.isEmpty()) {
            return ids;
        }
        if (dialect == Dialect.POSTGRESQL) {
            journal.ensurePartitions(c, entries);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO detections (received_ms, source_id, codec, payload) "
                + "VALUES (?, ?, ?, ?)", dialect == Dialect.POSTGRESQL ? new String[] {"id"} : new String[0])) {
            for (JournalEntry e : entries) {
                long ms = Math.round(e.receivedAt() * 1000);
                ps.setLong(1, ms);
                ps.setInt(2, journal.sourceId(c, e.sensorId(), e.protocol(), ms));
                int codec = journal.codec(c, e.protocol(), e.payload());
                ps.setInt(3, codec);
                ps.setBytes(4, journal.codecs().encode(codec, e.payload()));
                ps.addBatch();
            }
            ps.executeBatch();
            if (dialect == Dialect.POSTGRESQL) {
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    int i = 0;
                    while (keys.next() && i < ids.length) {
                        ids[i++] = keys.getLong(1);
                    }
                }
            } else {
                // One writer, one transaction: the batch's rowids are consecutive and end at the last one.
                long last = lastRowId();
                for (int k = 0; k < ids.length; k++) {
                    ids[k] = last - ids.length + 1 + k;
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw rolledBack(e);
        }
        return ids;
    }

    /** Rolls back a journal write and forgets what memory learnt in it; returns {@code e} to throw. */
    private SQLException rolledBack(SQLException e) {
        try {
            c.rollback();
            journal.forgetUncommitted(c);
        } catch (SQLException again) {
            e.addSuppressed(again);
        }
        return e;
    }

    private long lastRowId() throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * A change of a shared alert made from a state another node has changed since (a repeat, an escalation, another
     * operator): refused, nothing written; the caller reads the alert again and makes its change from that.
     */
    public static final class ChangedElsewhere extends SQLException {
        private static final long serialVersionUID = 1L;

        ChangedElsewhere(long id) {
            super("alert " + id + " was changed by another node meanwhile");
        }
    }

    /**
     * Stores an alert's new state together with the audit event that records the change. In a shared store a change
     * whose audit has a {@code before} state is refused with {@link ChangedElsewhere} when the stored alert is no
     * longer that state (checked under the lock of every node's alert writes).
     */
    public void record(Alert alert, AuditEvent audit) throws SQLException {
        try {
            lockSharedAlertsFirst();
            if (shared && audit != null && audit.before() != null) {
                List<Alert> now = alertsWhereInTransaction("id = ?", alert.id());
                if (!now.isEmpty() && !now.get(0).equals(audit.before())) {
                    throw new ChangedElsewhere(alert.id());
                }
            }
            upsert(alert);
            if (audit != null) {
                append(audit);
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    /**
     * Stores several alerts' new states with their audit events in one transaction: a burst of findings costs one
     * durable commit, not one per alert. {@code audits.get(i)} belongs to {@code alerts.get(i)} and may be null.
     */
    public void recordAll(List<Alert> alerts, List<AuditEvent> audits) throws SQLException {
        if (alerts.size() != audits.size()) {
            throw new IllegalArgumentException("one audit entry (or null) per alert");
        }
        if (alerts.isEmpty()) {
            return;
        }
        try {
            lockSharedAlertsFirst();
            for (int i = 0; i < alerts.size(); i++) {
                upsert(alerts.get(i));
                if (audits.get(i) != null) {
                    append(audits.get(i));
                }
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    /** What became of one finding raised by {@link #raiseShared}: the alert as stored, and its audit when it is new. */
    public record SharedRaise(Alert alert, boolean isNew, AuditEvent audit) {
    }

    /** The advisory lock (PostgreSQL) that orders the alert writes of every node sharing one store. */
    static final long SHARED_ALERTS_LOCK = 0x5_4B_59_44_41_53L; // "SKYDAS"

    /**
     * Cluster mode (several tracker and API nodes over one PostgreSQL; docs/adr/0024-kafka-scale-out.md): raises
     * {@code findings} in one transaction with the store itself as the one alert book. A finding whose subject and rule
     * have an open alert — raised by any node, or by this one before a crash and a replay — folds into it (one more
     * occurrence, its latest time and place; no audit entry, as {@code AlertBook} does); otherwise a new alert is
     * inserted with the next alert id and a {@code raised} audit entry with the next audit sequence. Both numbers come
     * from the tables under a transaction-level advisory lock that every node's alert write takes, and a unique index on
     * the open (subject, rule) pairs (migration 12) refuses a second open alert whatever wrote it. So raising the same
     * findings twice — at-least-once delivery after a failover — never makes a second alert: the alert key is
     * (subject, rule) while open. {@code actor} is the audit's actor (the node). PostgreSQL only.
     */
    public List<SharedRaise> raiseShared(List<Finding> findings, String actor) throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            throw new SQLException("alerts shared between nodes need the PostgreSQL watch store (--db)");
        }
        List<SharedRaise> out = new ArrayList<>(findings.size());
        if (findings.isEmpty()) {
            return out;
        }
        try {
            lockSharedAlerts();
            long nextId = lastAlertIdInTransaction() + 1;
            long nextSequence = lastAuditSequenceInTransaction() + 1;
            for (Finding f : findings) {
                List<Alert> open = alertsWhereInTransaction("subject = ? AND rule = ? AND status <> 'RESOLVED'",
                        f.subject(), f.rule().name());
                if (!open.isEmpty()) {
                    Alert o = open.get(0);
                    Alert repeated = new Alert(o.id(), o.rule(), o.severity(), o.subject(), o.status(), o.resolution(),
                            o.raisedAt(), Math.max(o.updatedAt(), f.time()), f.x(), f.y(), o.sectorId(), o.zoneId(),
                            o.message(), o.escalated(), o.occurrences() + 1, o.acknowledgedBy(), o.acknowledgeNote(),
                            o.resolvedBy(), o.resolveNote(), o.coverage(), o.messageKey(), o.messageParams());
                    upsert(repeated);
                    out.add(new SharedRaise(repeated, false, null));
                    continue;
                }
                Alert a = Alert.raised(nextId++, f);
                AuditEvent raised = new AuditEvent(nextSequence++, f.time(), actor, a.id(), "raised", null, a);
                upsert(a);
                insertAudit(raised);
                out.add(new SharedRaise(a, true, raised));
            }
            c.commit();
            return out;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    /**
     * Cluster mode (ADR 0024): escalates, in one transaction under the lock every node's alert write takes, the alerts
     * left new and not yet escalated since at least {@code afterS} seconds before {@code now} (oldest first, at most
     * {@code limit}), each one severity step with its {@code escalated} audit entry (actor {@code system}, as
     * {@code AlertBook} does) numbered with the next audit sequence of the table. The candidates are read after the
     * lock is held, so an alert another node escalated (or an operator acknowledged) in the meantime is no longer one:
     * several API nodes running this at once escalate each alert once. Returns the audit entries written (their
     * {@code after} is the alert as stored). PostgreSQL only.
     */
    public List<AuditEvent> escalateShared(double now, double afterS, int limit) throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            throw new SQLException("alerts shared between nodes need the PostgreSQL watch store (--db)");
        }
        String dueWhere = "status = 'NEW' AND NOT escalated AND raised_at <= ? ORDER BY raised_at, id LIMIT ";
        try {
            // Most rounds find nothing due: they look without the lock, which the tracker nodes' alert writes need.
            if (alertsWhereInTransaction(dueWhere + 1, now - afterS).isEmpty()) {
                c.commit();
                return List.of();
            }
            lockSharedAlerts();
            List<Alert> due = alertsWhereInTransaction(dueWhere + limit, now - afterS);
            List<AuditEvent> out = new ArrayList<>(due.size());
            long nextSequence = lastAuditSequenceInTransaction() + 1;
            for (Alert a : due) {
                Alert after = a.escalatedAt(now);
                AuditEvent e = new AuditEvent(nextSequence++, now, "system", a.id(), "escalated", a, after);
                upsert(after);
                insertAudit(e);
                out.add(e);
            }
            c.commit();
            return out;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    /** Whether this store shares its alerts with other nodes ({@link #sharedWithOtherNodes}). */
    public boolean isShared() {
        return shared;
    }

    /**
     * Cluster mode: this store shares its alerts and audit with other nodes' stores ({@link #raiseShared}), so the
     * audit sequence a caller's in-memory book gives an event may already be taken by another node: each audit append
     * then takes the shared lock and uses the next free sequence at or above the one given. PostgreSQL only.
     */
    public WatchStore sharedWithOtherNodes() throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            throw new SQLException("a watch store shared between nodes must be PostgreSQL (--db)");
        }
        this.shared = true;
        return this;
    }

    private boolean shared;

    /**
     * A shared store's alert change takes the lock before it touches a row: {@link #raiseShared} and
     * {@link #escalateShared} lock first and then update rows, so a writer that updated a row first and then waited
     * for the lock (in {@link #append}) could deadlock with them.
     */
    private void lockSharedAlertsFirst() throws SQLException {
        if (shared) {
            lockSharedAlerts();
        }
    }

    private void lockSharedAlerts() throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_xact_lock(" + SHARED_ALERTS_LOCK + ")");
        }
    }

    private void upsert(Alert a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alerts (id, rule, severity, subject, status, "
                + "resolution, raised_at, updated_at, x, y, sector_id, zone_id, message, escalated, occurrences, "
                + "acknowledged_by, acknowledge_note, resolved_by, resolve_note, coverage, message_key, message_params) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (id) DO UPDATE SET severity = excluded.severity, "
                + "status = excluded.status, resolution = excluded.resolution, updated_at = excluded.updated_at, "
                + "x = excluded.x, y = excluded.y, escalated = excluded.escalated, occurrences = excluded.occurrences, "
                + "acknowledged_by = excluded.acknowledged_by, acknowledge_note = excluded.acknowledge_note, "
                + "resolved_by = excluded.resolved_by, resolve_note = excluded.resolve_note")) {
            ps.setLong(1, a.id());
            ps.setString(2, a.rule().name());
            ps.setString(3, a.severity().name());
            ps.setString(4, a.subject());
            ps.setString(5, a.status().name());
            ps.setString(6, a.resolution() == null ? null : a.resolution().name());
            ps.setDouble(7, a.raisedAt());
            ps.setDouble(8, a.updatedAt());
            setNullableDouble(ps, 9, a.x());
            setNullableDouble(ps, 10, a.y());
            ps.setString(11, a.sectorId());
            ps.setString(12, a.zoneId());
            ps.setString(13, a.message());
            ps.setBoolean(14, a.escalated());
            ps.setInt(15, a.occurrences());
            ps.setString(16, a.acknowledgedBy());
            ps.setString(17, a.acknowledgeNote());
            ps.setString(18, a.resolvedBy());
            ps.setString(19, a.resolveNote());
            ps.setString(20, a.coverage() == null ? null : a.coverage().wireName());
            ps.setString(21, a.messageKey());
            ps.setString(22, a.messageParams() == null ? null : paramsJson(a));
            ps.executeUpdate();
        }
    }

    private static String paramsJson(Alert a) throws SQLException {
        try {
            return JSON.writeValueAsString(a.messageParams());
        } catch (JsonProcessingException ex) {
            throw new SQLException("cannot encode the message parameters of alert " + a.id() + ": " + ex.getMessage(), ex);
        }
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> params(long id, String json) throws SQLException {
        if (json == null) {
            return null;
        }
        try {
            return java.util.Collections.unmodifiableMap(JSON.readValue(json, java.util.LinkedHashMap.class));
        } catch (JsonProcessingException e) {
            throw new SQLException("corrupt message parameters of alert " + id + ": " + e.getOriginalMessage(), e);
        }
    }

    private static void setNullableDouble(PreparedStatement ps, int i, double v) throws SQLException {
        if (Double.isNaN(v)) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    private void append(AuditEvent e) throws SQLException {
        if (shared) {
            lockSharedAlerts();
            long free = lastAuditSequenceInTransaction() + 1;
            if (free > e.sequence()) {
                e = new AuditEvent(free, e.time(), e.actor(), e.alertId(), e.action(), e.before(), e.after());
            }
        }
        insertAudit(e);
    }

    private void insertAudit(AuditEvent e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit (sequence, time, actor, alert_id, action, "
                + "before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, e.sequence());
            ps.setDouble(2, e.time());
            ps.setString(3, e.actor());
            ps.setLong(4, e.alertId());
            ps.setString(5, e.action());
            ps.setString(6, e.before() == null ? null : json(e.before()));
            ps.setString(7, json(e.after()));
            ps.executeUpdate();
        }
    }

    private static String json(Alert a) throws SQLException {
        try {
            return JSON.writeValueAsString(a);
        } catch (JsonProcessingException ex) {
            throw new SQLException("cannot encode alert " + a.id() + ": " + ex.getMessage(), ex);
        }
    }

    public void appendTrackPoints(List<TrackPoint> points) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO track_history (track_id, t, x, y, vx, vy, "
                + "target_class) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (track_id, t) DO NOTHING")) {
            for (TrackPoint p : points) {
                ps.setLong(1, p.trackId());
                ps.setDouble(2, p.t());
                ps.setDouble(3, p.x());
                ps.setDouble(4, p.y());
                ps.setDouble(5, p.vx());
                ps.setDouble(6, p.vy());
                ps.setString(7, p.targetClass());
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    // ---- reading --------------------------------------------------------------------------------

    /** A track's downsampled history, oldest first, at most {@code limit} points. */
    public List<TrackPoint> trackHistory(long trackId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT track_id, t, x, y, vx, vy, target_class FROM track_history "
                + "WHERE track_id = ? ORDER BY t LIMIT ?")) {
            ps.setLong(1, trackId);
            ps.setInt(2, limit);
            return readTrackPoints(ps);
        }
    }

    private List<TrackPoint> readTrackPoints(PreparedStatement ps) throws SQLException {
        List<TrackPoint> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new TrackPoint(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                        rs.getDouble(5), rs.getDouble(6), rs.getString(7)));
            }
        }
        c.commit();
        return out;
    }

    /** Every track's history points with {@code from < t <= to}, oldest first, at most {@code limit} (for replay). */
    public List<TrackPoint> trackPointsBetween(double from, double to, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT track_id, t, x, y, vx, vy, target_class FROM track_history "
                + "WHERE t > ? AND t <= ? ORDER BY t, track_id LIMIT ?")) {
            ps.setDouble(1, from);
            ps.setDouble(2, to);
            ps.setInt(3, limit);
            return readTrackPoints(ps);
        }
    }

    /** The audit events with {@code from < time <= to}, in order, at most {@code limit}: the alerts' changes then. */
    public List<AuditEvent> auditBetween(double from, double to, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sequence, time, actor, alert_id, action, before_json, "
                + "after_json FROM audit WHERE time > ? AND time <= ? ORDER BY sequence LIMIT ?")) {
            ps.setDouble(1, from);
            ps.setDouble(2, to);
            ps.setInt(3, limit);
            return readAudit(ps);
        }
    }

    /** Each alert's last audit event at or before {@code t}: every alert as it was then (for replay). */
    public List<AuditEvent> alertsAsOf(double t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sequence, time, actor, alert_id, action, before_json, "
                + "after_json FROM audit WHERE sequence IN (SELECT MAX(sequence) FROM audit WHERE time <= ? "
                + "GROUP BY alert_id) ORDER BY alert_id")) {
            ps.setDouble(1, t);
            return readAudit(ps);
        }
    }

    public List<Alert> alerts() throws SQLException {
        return alertsWhere("TRUE", Double.NaN);
    }

    /**
     * The open alerts and those resolved at or after {@code resolvedSince}, at most {@code limit}, the most recently
     * changed (what a server holds in memory after a restart).
     */
    public List<Alert> alertsOpenOrResolvedSince(double resolvedSince, int limit) throws SQLException {
        return alertsWhere("status <> 'RESOLVED' OR updated_at >= ? ORDER BY updated_at DESC LIMIT " + limit,
                resolvedSince);
    }

    /**
     * Which alerts {@link #alertsPage} lists: statuses (empty: all), a sector, a rule (null: any), changed at or after
     * {@code since} (NaN: any time), after the position {@code after} (null: from the start), at most {@code limit}.
     */
    public record AlertQuery(java.util.Set<AlertStatus> statuses, String sectorId, RuleKind rule, double since,
                             AlertPosition after, int limit) {
        public AlertQuery {
            statuses = statuses == null ? java.util.Set.of() : java.util.Set.copyOf(statuses);
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1, is " + limit);
            }
        }
    }

    /**
     * A place in the listing order of {@link #alertsPage}: open before resolved, then critical … low, then the
     * newest raised first, then the highest id first. A page continues after the last alert of the one before.
     */
    public record AlertPosition(boolean resolved, Severity severity, double raisedAt, long id) {
        public static AlertPosition of(Alert a) {
            return new AlertPosition(!a.isOpen(), a.severity(), a.raisedAt(), a.id());
        }
    }

    /** 0 for open, 1 for resolved: open alerts come first. */
    private static final String RESOLVED_RANK = "(CASE WHEN status = 'RESOLVED' THEN 1 ELSE 0 END)";
    /** 0 for the most severe: critical first, whatever severities there are. */
    private static final String SEVERITY_RANK;

    static {
        StringBuilder b = new StringBuilder("(CASE severity");
        Severity[] all = Severity.values();
        for (Severity v : all) {
            b.append(" WHEN '").append(v.name()).append("' THEN ").append(all.length - 1 - v.ordinal());
        }
        SEVERITY_RANK = b.append(" ELSE ").append(all.length).append(" END)").toString();
    }

    private static int severityRank(Severity s) {
        return Severity.values().length - 1 - s.ordinal();
    }

    /**
     * One page of alerts in the listing order ({@link AlertPosition}): what {@code GET /api/alerts} serves, read from
     * the store alone (every change the server shows is committed first). The open alerts — what an operator works
     * on — come first and are found by the status index.
     */
    public List<Alert> alertsPage(AlertQuery q) throws SQLException {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(filter(q, params));
        AlertPosition p = q.after();
        if (p != null) {
            int r = p.resolved() ? 1 : 0;
            int sev = severityRank(p.severity());
            where.append(" AND (" + RESOLVED_RANK + " > ? OR (" + RESOLVED_RANK + " = ? AND (" + SEVERITY_RANK + " > ? OR ("
                    + SEVERITY_RANK + " = ? AND (raised_at < ? OR (raised_at = ? AND id < ?))))))");
            params.addAll(List.of(r, r, sev, sev, p.raisedAt(), p.raisedAt(), p.id()));
        }
        where.append(" ORDER BY " + RESOLVED_RANK + ", " + SEVERITY_RANK + ", raised_at DESC, id DESC LIMIT ")
                .append(q.limit());
        return alertsWhere(where.toString(), params.toArray());
    }

    /** How many alerts {@code q} matches on all its pages (its position and limit ignored). */
    public long alertCount(AlertQuery q) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = filter(q, params);
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM alerts WHERE " + where)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                c.commit();
                return n;
            }
        }
    }

    private static String filter(AlertQuery q, List<Object> params) {
        StringBuilder w = new StringBuilder("TRUE");
        if (!q.statuses().isEmpty()) {
            // IN (…) rather than <>: the status index serves it.
            w.append(" AND status IN (");
            List<AlertStatus> sorted = q.statuses().stream().sorted().toList();
            for (int i = 0; i < sorted.size(); i++) {
                w.append(i == 0 ? "?" : ", ?");
                params.add(sorted.get(i).name());
            }
            w.append(")");
        }
        if (q.sectorId() != null) {
            w.append(" AND sector_id = ?");
            params.add(q.sectorId());
        }
        if (q.rule() != null) {
            w.append(" AND rule = ?");
            params.add(q.rule().name());
        }
        if (!Double.isNaN(q.since())) {
            w.append(" AND updated_at >= ?");
            params.add(q.since());
        }
        return w.toString();
    }

    /** How many alerts are open (new or acknowledged). */
    public long openAlertCount() throws SQLException {
        return queryLong("SELECT count(*) FROM alerts WHERE status <> 'RESOLVED'");
    }

    /** The open alert of {@code subject} and {@code rule}, or null (there is at most one). */
    public Alert openAlert(String subject, RuleKind rule) throws SQLException {
        List<Alert> a = alertsWhere("subject = ? AND rule = ? AND status <> 'RESOLVED'", subject, rule.name());
        return a.isEmpty() ? null : a.get(0);
    }

    /** New alerts not yet escalated that were raised at or before {@code raisedBy}, oldest first, at most {@code limit}. */
    public List<Alert> alertsToEscalate(double raisedBy, int limit) throws SQLException {
        return alertsWhere("status = 'NEW' AND NOT escalated AND raised_at <= ? ORDER BY raised_at LIMIT " + limit,
                raisedBy);
    }

    /** The resolved alerts resolved before {@code before} (those a server no longer holds in memory). */
    public List<Alert> alertsResolvedBefore(double before) throws SQLException {
        return alertsWhere("status = 'RESOLVED' AND updated_at < ?", before);
    }

    /** One alert, or null. */
    public Alert alert(long id) throws SQLException {
        List<Alert> a = alertsWhere("id = ?", id);
        return a.isEmpty() ? null : a.get(0);
    }

    private List<Alert> alertsWhere(String where, double param) throws SQLException {
        if (Double.isNaN(param)) {
            return alertsWhere(where);
        }
        return alertsWhere(where, where.startsWith("id") ? (Object) (long) param : (Object) param);
    }

    /** The alerts matching {@code where} with its parameters; ordered by id unless {@code where} says an order. */
    private List<Alert> alertsWhere(String where, Object... params) throws SQLException {
        List<Alert> out = alertsWhereInTransaction(where, params);
        c.commit();
        return out;
    }

    /** As {@link #alertsWhere} without ending the transaction (locks taken in it stay held). */
    private List<Alert> alertsWhereInTransaction(String where, Object... params) throws SQLException {
        List<Alert> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT id, rule, severity, subject, "
                + "status, resolution, raised_at, updated_at, x, y, sector_id, zone_id, message, escalated, occurrences, "
                + "acknowledged_by, acknowledge_note, resolved_by, resolve_note, coverage, message_key, message_params "
                + "FROM alerts WHERE " + where
                + (where.contains(" ORDER BY ") ? "" : " ORDER BY id"))) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            ResultSet rs = st.executeQuery();
            while (rs.next()) {
                String resolution = rs.getString(6);
                out.add(new Alert(rs.getLong(1), RuleKind.valueOf(rs.getString(2)), Severity.valueOf(rs.getString(3)),
                        rs.getString(4), AlertStatus.valueOf(rs.getString(5)),
                        resolution == null ? null : Resolution.valueOf(resolution), rs.getDouble(7), rs.getDouble(8),
                        nullableDouble(rs, 9), nullableDouble(rs, 10), rs.getString(11), rs.getString(12),
                        rs.getString(13), rs.getBoolean(14), rs.getInt(15), rs.getString(16), rs.getString(17),
                        rs.getString(18), rs.getString(19), CoverageVerdict.ofWireName(rs.getString(20)), rs.getString(21),
                        params(rs.getLong(1), rs.getString(22))));
            }
        }
        return out;
    }

    private static double nullableDouble(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? Double.NaN : v;
    }

    /** Audit events after {@code afterSequence}, oldest first, at most {@code limit}. */
    public List<AuditEvent> audit(long afterSequence, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sequence, time, actor, alert_id, action, before_json, "
                + "after_json FROM audit WHERE sequence > ? ORDER BY sequence LIMIT ?")) {
            ps.setLong(1, afterSequence);
            ps.setInt(2, limit);
            return readAudit(ps);
        }
    }

    private List<AuditEvent> readAudit(PreparedStatement ps) throws SQLException {
        List<AuditEvent> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String before = rs.getString(6);
                out.add(new AuditEvent(rs.getLong(1), rs.getDouble(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), before == null ? null : alert(before), alert(rs.getString(7))));
            }
        }
        c.commit();
        return out;
    }

    private static final String RESOLVED_BEFORE = "SELECT id FROM alerts WHERE status = 'RESOLVED' AND updated_at < ?";

    /** The audit trail of the alerts resolved before {@code t}: what an admin purge exports first. */
    public List<AuditEvent> auditOfAlertsResolvedBefore(double t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sequence, time, actor, alert_id, action, before_json, "
                + "after_json FROM audit WHERE alert_id IN (" + RESOLVED_BEFORE + ") ORDER BY sequence")) {
            ps.setDouble(1, t);
            return readAudit(ps);
        }
    }

    /**
     * The explicit admin purge of the legal record: deletes the alerts resolved before {@code t} and their audit trail,
     * and records who did it, why and where the export went ({@code detailJson}) in the append-only admin log, all in
     * one transaction. Open alerts are never purged. Returns {alerts, audit events} deleted.
     */
    public long[] purgeAlertsResolvedBefore(double t, String actor, String detailJson) throws SQLException {
        try (Statement st = c.createStatement()) {
            long maxAlert = lastAlertIdInTransaction();
            long maxSequence = lastAuditSequenceInTransaction();
            st.execute(dialect == Dialect.SQLITE ? "DROP TRIGGER audit_no_delete"
                    : "ALTER TABLE audit DISABLE TRIGGER audit_append_only");
            long audits;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM audit WHERE alert_id IN (" + RESOLVED_BEFORE + ")")) {
                ps.setDouble(1, t);
                audits = ps.executeUpdate();
            }
            st.execute(dialect == Dialect.SQLITE ? WatchMigrations.SQLITE_AUDIT_NO_DELETE
                    : "ALTER TABLE audit ENABLE TRIGGER audit_append_only");
            long alerts;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM alerts WHERE status = 'RESOLVED' AND updated_at < ?")) {
                ps.setDouble(1, t);
                alerts = ps.executeUpdate();
            }
            insertAdminLog(actor, "purge_alerts", detailJson, maxAlert, maxSequence);
            c.commit();
            return new long[] {alerts, audits};
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    /**
     * Records an explicit action of {@code actor} other than a purge (e.g. {@code apply_siting_plan}) in the append-only
     * admin log, with the highest alert id and audit sequence as they are (nothing is removed).
     */
    public void appendAdminLog(String actor, String action, String detailJson) throws SQLException {
        try {
            insertAdminLog(actor, action, detailJson, lastAlertIdInTransaction(), lastAuditSequenceInTransaction());
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    private void insertAdminLog(String actor, String action, String detailJson, long maxAlert, long maxSequence)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO admin_log (time, actor, action, detail_json, "
                + "max_alert_id, max_audit_sequence) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setDouble(1, System.currentTimeMillis() / 1000.0);
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, detailJson);
            ps.setLong(5, maxAlert);
            ps.setLong(6, maxSequence);
            ps.executeUpdate();
        }
    }

    /** The highest alert id ever used, purged ones included (ids are never reused). */
    public long lastAlertId() throws SQLException {
        long v = lastAlertIdInTransaction();
        c.commit();
        return v;
    }

    private long lastAlertIdInTransaction() throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT max(m) FROM (SELECT "
                + "coalesce(max(id), 0) AS m FROM alerts UNION ALL SELECT coalesce(max(max_alert_id), 0) FROM admin_log) x")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long lastAuditSequenceInTransaction() throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT max(m) FROM (SELECT "
                + "coalesce(max(sequence), 0) AS m FROM audit UNION ALL SELECT coalesce(max(max_audit_sequence), 0) "
                + "FROM admin_log) x")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The admin log, oldest first: {time, actor, action, detail_json} per entry. */
    public List<String[]> adminLog() throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT time, actor, action, detail_json "
                + "FROM admin_log ORDER BY sequence")) {
            while (rs.next()) {
                out.add(new String[] {Double.toString(rs.getDouble(1)), rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        c.commit();
        return out;
    }

    /** The highest audit sequence ever used, purged ones included. */
    public long lastAuditSequence() throws SQLException {
        long v = lastAuditSequenceInTransaction();
        c.commit();
        return v;
    }

    private static Alert alert(String json) throws SQLException {
        try {
            return JSON.readValue(json, Alert.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("corrupt audit entry: " + e.getOriginalMessage(), e);
        }
    }

    /** Journal entries received at or after {@code since}, oldest first. */
    public List<JournalEntry> detections(double since, int limit) throws SQLException {
        List<JournalEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT d.id, d.received_ms, s.sensor_id, s.protocol, d.codec, "
                + "d.payload FROM detections d JOIN journal_sources s ON s.id = d.source_id WHERE d.received_ms >= ? "
                + "ORDER BY d.id LIMIT ?")) {
            ps.setLong(1, Double.isInfinite(since) ? Long.MIN_VALUE : (long) Math.ceil(since * 1000));
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new JournalEntry(rs.getLong(1), rs.getLong(2) / 1000.0, rs.getString(3), rs.getString(4),
                            journal.codecs().decode(rs.getInt(5), rs.getBytes(6))));
                }
            }
        }
        c.commit();
        return out;
    }

    public long detectionCount() throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM detections")) {
            rs.next();
            long n = rs.getLong(1);
            c.commit();
            return n;
        }
    }

    /**
     * Retention: drops at most {@code maxRows} journal entries received before {@code t} (seconds since the epoch), in
     * one short transaction, so that a caller purging in a loop never holds the writer for long; returns how many
     * went. On PostgreSQL whole partitions older than {@code t} are dropped first (counted as their rows).
     */
    public long purgeDetectionsBefore(double t, int maxRows) throws SQLException {
        long cutoff = (long) Math.floor(t * 1000);
        try {
            long n = 0;
            if (dialect == Dialect.POSTGRESQL) {
                n += journal.dropPartitionsBefore(c, cutoff);
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM detections WHERE received_ms < ? AND id IN "
                    + "(SELECT id FROM detections WHERE received_ms < ? ORDER BY received_ms LIMIT ?)")) {
                ps.setLong(1, cutoff);
                ps.setLong(2, cutoff);
                ps.setInt(3, maxRows);
                n += ps.executeUpdate();
            }
            if (n == 0) {
                // All detections before the cutoff are gone: so may their sources that have not been heard since.
                journal.purgeSourcesBefore(c, cutoff - JournalSources.LAST_SEEN_STEP_MS * 2);
            }
            c.commit();
            return n;
        } catch (SQLException e) {
            throw rolledBack(e);
        }
    }

    /** Retention of track history: drops at most {@code maxRows} points older than {@code t}; returns how many. */
    public int purgeTrackHistoryBefore(double t, int maxRows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM track_history WHERE t < ? AND (track_id, t) IN "
                + "(SELECT track_id, t FROM track_history WHERE t < ? ORDER BY t LIMIT ?)")) {
            ps.setDouble(1, t);
            ps.setDouble(2, t);
            ps.setInt(3, maxRows);
            int n = ps.executeUpdate();
            c.commit();
            return n;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    /** For tests: narrower PostgreSQL journal partitions than a day. */
    void journalPartitionMillis(long ms) {
        journal.partitionMillis(ms);
    }

    /** The SQLite WAL file's size now, bytes; 0 on PostgreSQL (its WAL is the server's to manage). */
    public long walBytes() {
        return checkpointer == null ? 0 : checkpointer.walBytes();
    }

    /** Checkpoints that had to hold the writer off to rewind the WAL, and the longest such hold, ms. */
    public long[] walRestarts() {
        return checkpointer == null ? new long[] {0, 0}
                : new long[] {checkpointer.restarts(), checkpointer.longestRestartMillis()};
    }

    // ---- users ----------------------------------------------------------------------------------

    /** Adds a user; false when the name is taken. */
    public boolean addUser(UserRecord u) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (username, role, password_hash, created_at) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (username) DO NOTHING")) {
            ps.setString(1, u.username());
            ps.setString(2, u.role());
            ps.setString(3, u.passwordHash());
            ps.setString(4, java.time.Instant.now().toString());
            int n = ps.executeUpdate();
            c.commit();
            return n == 1;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    public java.util.Optional<UserRecord> user(String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT username, role, password_hash, disabled FROM users "
                + "WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                java.util.Optional<UserRecord> out = rs.next() ? java.util.Optional.of(userRow(rs)) : java.util.Optional.empty();
                c.commit();
                return out;
            }
        }
    }

    private static UserRecord userRow(ResultSet rs) throws SQLException {
        return new UserRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4));
    }

    /** A user's console preferences as the JSON they were saved in, if any were saved. */
    public java.util.Optional<String> userPrefs(String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT prefs_json FROM user_prefs WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                java.util.Optional<String> out = rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.empty();
                c.commit();
                return out;
            }
        }
    }

    /** Saves (replaces) a user's console preferences. */
    public void setUserPrefs(String username, String prefsJson, double t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_prefs (username, prefs_json, updated_at) "
                + "VALUES (?, ?, ?) ON CONFLICT (username) DO UPDATE SET prefs_json = excluded.prefs_json, "
                + "updated_at = excluded.updated_at")) {
            ps.setString(1, username);
            ps.setString(2, prefsJson);
            ps.setDouble(3, t);
            ps.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    /** Every user, by name. */
    public List<UserRecord> users() throws SQLException {
        List<UserRecord> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT username, role, password_hash, disabled FROM users ORDER BY username")) {
            while (rs.next()) {
                out.add(userRow(rs));
            }
            c.commit();
        }
        return out;
    }

    /** Disables a user (or enables one again) together with its audit entry; false when there is no such user. */
    public boolean setDisabled(String username, boolean disabled, AccountEvent audit) throws SQLException {
        return updateUser("UPDATE users SET disabled = ? WHERE username = ?", ps -> ps.setBoolean(1, disabled),
                username, audit);
    }

    /** Replaces a user's password hash together with its audit entry; false when there is no such user. */
    public boolean setPasswordHash(String username, String passwordHash, AccountEvent audit) throws SQLException {
        return updateUser("UPDATE users SET password_hash = ? WHERE username = ?", ps -> ps.setString(1, passwordHash),
                username, audit);
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private boolean updateUser(String sql, Binder first, String username, AccountEvent audit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            first.bind(ps);
            ps.setString(2, username);
            boolean found = ps.executeUpdate() == 1;
            if (found) {
                appendAccountEvent(audit);
            }
            c.commit();
            return found;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    /** Adds a user together with its audit entry; false (and no audit entry) when the name is taken. */
    public boolean addUser(UserRecord u, AccountEvent audit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (username, role, password_hash, created_at, "
                + "disabled) VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING")) {
            ps.setString(1, u.username());
            ps.setString(2, u.role());
            ps.setString(3, u.passwordHash());
            ps.setString(4, java.time.Instant.now().toString());
            ps.setBoolean(5, u.disabled());
            boolean added = ps.executeUpdate() == 1;
            if (added) {
                appendAccountEvent(audit);
            }
            c.commit();
            return added;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    /** Appends one account audit entry in its own transaction. */
    public void recordAccountEvent(AccountEvent e) throws SQLException {
        try {
            appendAccountEvent(e);
            c.commit();
        } catch (SQLException x) {
            c.rollback();
            throw x;
        }
    }

    private void appendAccountEvent(AccountEvent e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO account_audit (time, actor, action, subject, address, "
                + "detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setDouble(1, e.time());
            ps.setString(2, e.actor());
            ps.setString(3, e.action());
            ps.setString(4, e.subject());
            ps.setString(5, e.address());
            ps.setString(6, e.detail());
            ps.executeUpdate();
        }
    }

    /** Account audit entries after {@code afterSequence}, oldest first, at most {@code limit}. */
    public List<AccountEvent> accountEvents(long afterSequence, int limit) throws SQLException {
        List<AccountEvent> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT sequence, time, actor, action, subject, address, detail "
                + "FROM account_audit WHERE sequence > ? ORDER BY sequence LIMIT ?")) {
            ps.setLong(1, afterSequence);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AccountEvent(rs.getLong(1), rs.getDouble(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
            c.commit();
        }
        return out;
    }

    /** A real round trip to the database (health checks): the schema version. */
    public int ping() throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM skydas_watch_schema")) {
            rs.next();
            int v = rs.getInt(1);
            c.commit();
            return v;
        }
    }

    public long userCount() throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM users")) {
            rs.next();
            long n = rs.getLong(1);
            c.commit();
            return n;
        }
    }

    /** The one number a query answers (counts; tests and tools). */
    long queryLong(String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            long v = rs.getLong(1);
            c.commit();
            return v;
        }
    }

    /** For tests and tools: run one statement in its own transaction. */
    void execute(String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        if (checkpointer != null) {
            checkpointer.close();
        }
        c.close();
    }
}
