package org.skydas.store.watch;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema of the watch store, the same tables on SQLite and PostgreSQL. Each version runs
 * once, in order, recorded in {@code skydas_watch_schema}. Append new versions; never edit one that
 * has shipped.
 */
final class WatchMigrations {

    record Migration(int version, String description, List<String> common, List<String> sqliteOnly,
                     List<String> postgresOnly) {
    }

    /** The audit's delete guard on SQLite, as migration 1 made it (an admin purge drops and re-creates it). */
    static final String SQLITE_AUDIT_NO_DELETE =
            "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END";

    static final List<Migration> ALL = List.of(new Migration(1, "detections journal, alerts, audit, track history",
            List.of(
                "CREATE TABLE detections_journal (id {ID}, received_at {REAL} NOT NULL, sensor_id TEXT NOT NULL, "
                    + "protocol TEXT NOT NULL, payload TEXT NOT NULL)",
                "CREATE INDEX detections_journal_received ON detections_journal (received_at)",
                "CREATE TABLE alerts (id BIGINT PRIMARY KEY, rule TEXT NOT NULL, severity TEXT NOT NULL, "
                    + "subject TEXT NOT NULL, status TEXT NOT NULL, resolution TEXT, raised_at {REAL} NOT NULL, "
                    + "updated_at {REAL} NOT NULL, x {REAL}, y {REAL}, sector_id TEXT, zone_id TEXT, message TEXT NOT NULL, "
                    + "escalated {BOOL} NOT NULL, occurrences INTEGER NOT NULL, acknowledged_by TEXT, acknowledge_note TEXT, "
                    + "resolved_by TEXT, resolve_note TEXT)",
                "CREATE INDEX alerts_status ON alerts (status)",
                "CREATE TABLE audit (sequence BIGINT PRIMARY KEY, time {REAL} NOT NULL, actor TEXT NOT NULL, "
                    + "alert_id BIGINT NOT NULL, action TEXT NOT NULL, before_json TEXT, after_json TEXT NOT NULL)",
                "CREATE TABLE track_history (track_id BIGINT NOT NULL, t {REAL} NOT NULL, x {REAL} NOT NULL, "
                    + "y {REAL} NOT NULL, vx {REAL}, vy {REAL}, target_class TEXT, PRIMARY KEY (track_id, t))"),
            List.of(
                // The audit log is append-only in the database itself, not only in our code.
                "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END",
                SQLITE_AUDIT_NO_DELETE),
            List.of(
                "CREATE FUNCTION skydas_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN RAISE EXCEPTION 'audit is append-only'; END $$",
                "CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit "
                    + "FOR EACH ROW EXECUTE FUNCTION skydas_audit_append_only()",
                // PostGIS geometry beside x/y, so that QGIS and spatial SQL see alerts and tracks.
                "CREATE EXTENSION IF NOT EXISTS postgis",
                "ALTER TABLE alerts ADD COLUMN geom geometry(Point, 3346) GENERATED ALWAYS AS "
                    + "(CASE WHEN x IS NULL OR y IS NULL OR x = 'NaN' OR y = 'NaN' THEN NULL "
                    + "ELSE ST_SetSRID(ST_MakePoint(x, y), 3346) END) STORED",
                "ALTER TABLE track_history ADD COLUMN geom geometry(Point, 3346) GENERATED ALWAYS AS "
                    + "(ST_SetSRID(ST_MakePoint(x, y), 3346)) STORED")),
            new Migration(2, "local users", List.of(
                "CREATE TABLE users (username TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL, "
                    + "created_at TEXT NOT NULL)"), List.of(), List.of()),
            new Migration(3, "alert coverage (covered or gap where it arose)", List.of(
                "ALTER TABLE alerts ADD COLUMN coverage TEXT"), List.of(), List.of()),
            new Migration(4, "accounts: disabled users, append-only account audit", List.of(
                "ALTER TABLE users ADD COLUMN disabled {BOOL} NOT NULL DEFAULT FALSE",
                "CREATE TABLE account_audit (sequence {ID}, time {REAL} NOT NULL, actor TEXT NOT NULL, "
                    + "action TEXT NOT NULL, subject TEXT, address TEXT, detail TEXT)"),
                List.of(
                    "CREATE TRIGGER account_audit_no_update BEFORE UPDATE ON account_audit "
                        + "BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END",
                    "CREATE TRIGGER account_audit_no_delete BEFORE DELETE ON account_audit "
                        + "BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END"),
                List.of(
                    "CREATE TRIGGER account_audit_append_only BEFORE UPDATE OR DELETE ON account_audit "
                        + "FOR EACH ROW EXECUTE FUNCTION skydas_audit_append_only()")),
            new Migration(5, "obstacle register: fields, versions, status history, append-only obstacle audit",
                List.of(
                    "CREATE TABLE obstacle_fields (id TEXT PRIMARY KEY, kind TEXT NOT NULL, explosive {BOOL} NOT NULL, "
                        + "name TEXT NOT NULL, status TEXT NOT NULL, version INTEGER NOT NULL, record TEXT NOT NULL, "
                        + "geom_wkt TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL)",
                    "CREATE TABLE obstacle_field_versions (id TEXT NOT NULL, version INTEGER NOT NULL, "
                        + "record TEXT NOT NULL, geom_wkt TEXT NOT NULL, written_at TEXT NOT NULL, "
                        + "written_by TEXT NOT NULL, PRIMARY KEY (id, version))",
                    "CREATE TABLE obstacle_field_status (id TEXT NOT NULL, seq INTEGER NOT NULL, from_status TEXT, "
                        + "to_status TEXT NOT NULL, at TEXT NOT NULL, actor TEXT NOT NULL, role TEXT, note TEXT, "
                        + "clearance TEXT, PRIMARY KEY (id, seq))",
                    "CREATE TABLE obstacle_audit (sequence {ID}, time TEXT NOT NULL, actor TEXT NOT NULL, role TEXT, "
                        + "field_id TEXT NOT NULL, explosive {BOOL} NOT NULL, action TEXT NOT NULL, "
                        + "version INTEGER NOT NULL, before_json TEXT, after_json TEXT NOT NULL)"),
                List.of(
                    "CREATE TRIGGER obstacle_audit_no_update BEFORE UPDATE ON obstacle_audit BEGIN "
                        + "SELECT RAISE(ABORT, 'audit is append-only'); END",
                    "CREATE TRIGGER obstacle_audit_no_delete BEFORE DELETE ON obstacle_audit BEGIN "
                        + "SELECT RAISE(ABORT, 'audit is append-only'); END",
                    "CREATE TRIGGER obstacle_versions_no_update BEFORE UPDATE ON obstacle_field_versions BEGIN "
                        + "SELECT RAISE(ABORT, 'versions are append-only'); END",
                    "CREATE TRIGGER obstacle_versions_no_delete BEFORE DELETE ON obstacle_field_versions BEGIN "
                        + "SELECT RAISE(ABORT, 'versions are append-only'); END",
                    "CREATE TRIGGER obstacle_status_no_update BEFORE UPDATE ON obstacle_field_status BEGIN "
                        + "SELECT RAISE(ABORT, 'status history is append-only'); END",
                    "CREATE TRIGGER obstacle_status_no_delete BEFORE DELETE ON obstacle_field_status BEGIN "
                        + "SELECT RAISE(ABORT, 'status history is append-only'); END"),
                List.of(
                    "CREATE TRIGGER obstacle_audit_append_only BEFORE UPDATE OR DELETE ON obstacle_audit "
                        + "FOR EACH ROW EXECUTE FUNCTION skydas_audit_append_only()",
                    "CREATE TRIGGER obstacle_versions_append_only BEFORE UPDATE OR DELETE ON obstacle_field_versions "
                        + "FOR EACH ROW EXECUTE FUNCTION skydas_audit_append_only()",
                    "CREATE TRIGGER obstacle_status_append_only BEFORE UPDATE OR DELETE ON obstacle_field_status "
                        + "FOR EACH ROW EXECUTE FUNCTION skydas_audit_append_only()",
                    // PostGIS geometry beside the WKT, so that QGIS and spatial SQL see the register.
                    "ALTER TABLE obstacle_fields ADD COLUMN geom geometry(Geometry, 3346) GENERATED ALWAYS AS "
                        + "(ST_GeomFromText(geom_wkt, 3346)) STORED",
                    "CREATE INDEX obstacle_fields_geom ON obstacle_fields USING GIST (geom)")),
            // Bounded disk (issue 21): the journal's sensor and protocol strings once per source, payloads compressed
            // against a per-protocol dictionary (JournalCodecs), receipt time in integer ms; on PostgreSQL the journal
            // is partitioned by receipt time so that retention drops whole partitions. Existing rows are kept (raw).
            new Migration(6, "compact detections journal, partitioned on PostgreSQL; retention indexes", List.of(),
                List.of(
                    "CREATE TABLE journal_sources (id INTEGER PRIMARY KEY, sensor_id TEXT NOT NULL, protocol TEXT NOT NULL, "
                        + "last_ms INTEGER NOT NULL, UNIQUE (sensor_id, protocol))",
                    "CREATE TABLE journal_codecs (id INTEGER PRIMARY KEY, protocol TEXT NOT NULL, method TEXT NOT NULL, "
                        + "dictionary BLOB NOT NULL)",
                    "INSERT INTO journal_codecs VALUES (0, '*', 'utf-8', x'')",
                    "CREATE TABLE detections (id INTEGER PRIMARY KEY AUTOINCREMENT, received_ms INTEGER NOT NULL, "
                        + "source_id INTEGER NOT NULL, codec INTEGER NOT NULL, payload BLOB NOT NULL)",
                    "INSERT INTO journal_sources (sensor_id, protocol, last_ms) SELECT sensor_id, protocol, "
                        + "CAST(max(received_at) * 1000 AS INTEGER) FROM detections_journal GROUP BY sensor_id, protocol",
                    "INSERT INTO detections (id, received_ms, source_id, codec, payload) SELECT j.id, "
                        + "CAST(round(j.received_at * 1000) AS INTEGER), s.id, 0, CAST(j.payload AS BLOB) FROM "
                        + "detections_journal j JOIN journal_sources s ON s.sensor_id = j.sensor_id AND s.protocol = j.protocol",
                    "DROP TABLE detections_journal",
                    "CREATE INDEX detections_received ON detections (received_ms)",
                    "CREATE INDEX journal_sources_last ON journal_sources (last_ms)",
                    "CREATE INDEX track_history_t ON track_history (t)"),
                List.of(
                    "CREATE TABLE journal_sources (id SERIAL PRIMARY KEY, sensor_id TEXT NOT NULL, protocol TEXT NOT NULL, "
                        + "last_ms BIGINT NOT NULL, UNIQUE (sensor_id, protocol))",
                    "CREATE TABLE journal_codecs (id INTEGER PRIMARY KEY, protocol TEXT NOT NULL, method TEXT NOT NULL, "
                        + "dictionary BYTEA NOT NULL)",
                    "INSERT INTO journal_codecs VALUES (0, '*', 'utf-8', ''::bytea)",
                    "CREATE TABLE detections (id BIGSERIAL, received_ms BIGINT NOT NULL, source_id INTEGER NOT NULL, "
                        + "codec INTEGER NOT NULL, payload BYTEA NOT NULL, PRIMARY KEY (id, received_ms)) "
                        + "PARTITION BY RANGE (received_ms)",
                    // Rows no dated partition takes (the migrated ones, a clock far off) are kept here, purged by rows.
                    "CREATE TABLE detections_default PARTITION OF detections DEFAULT",
                    "INSERT INTO journal_sources (sensor_id, protocol, last_ms) SELECT sensor_id, protocol, "
                        + "CAST(max(received_at) * 1000 AS BIGINT) FROM detections_journal GROUP BY sensor_id, protocol",
                    "INSERT INTO detections (id, received_ms, source_id, codec, payload) SELECT j.id, "
                        + "CAST(round(j.received_at * 1000) AS BIGINT), s.id, 0, convert_to(j.payload, 'UTF8') FROM "
                        + "detections_journal j JOIN journal_sources s ON s.sensor_id = j.sensor_id AND s.protocol = j.protocol",
                    "SELECT setval(pg_get_serial_sequence('detections', 'id'), "
                        + "(SELECT coalesce(max(id), 0) + 1 FROM detections), false)",
                    "DROP TABLE detections_journal",
                    "CREATE INDEX detections_received ON detections (received_ms)",
                    "CREATE INDEX journal_sources_last ON journal_sources (last_ms)",
                    "CREATE INDEX track_history_t ON track_history (t)")),
            // Purging the legal record is an explicit admin action, itself recorded here (append-only), with the
            // highest alert id and audit sequence it removed so that neither is ever reused.
            new Migration(7, "admin log of explicit purges", List.of(
                "CREATE TABLE admin_log (sequence {ID}, time {REAL} NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, "
                    + "detail_json TEXT NOT NULL, max_alert_id BIGINT NOT NULL, max_audit_sequence BIGINT NOT NULL)"),
                List.of(
                    "CREATE TRIGGER admin_log_no_update BEFORE UPDATE ON admin_log BEGIN SELECT RAISE(ABORT, "
                        + "'the admin log is append-only'); END",
                    "CREATE TRIGGER admin_log_no_delete BEFORE DELETE ON admin_log BEGIN SELECT RAISE(ABORT, "
                        + "'the admin log is append-only'); END"),
                List.of(
                    "CREATE TRIGGER admin_log_append_only BEFORE UPDATE OR DELETE ON admin_log "
                        + "FOR EACH ROW EXECUTE FUNCTION skydas_audit_append_only()")),
            // Incident reports (issue 22): the record as JSON, its status and version; every change audited.
            new Migration(8, "incident reports and their append-only audit", List.of(
                "CREATE TABLE incidents (id BIGINT PRIMARY KEY, status TEXT NOT NULL, version INTEGER NOT NULL, "
                    + "record TEXT NOT NULL, created_at {REAL} NOT NULL, updated_at {REAL} NOT NULL)",
                "CREATE TABLE incident_audit (sequence {ID}, time {REAL} NOT NULL, actor TEXT NOT NULL, "
                    + "incident_id BIGINT NOT NULL, action TEXT NOT NULL, version INTEGER NOT NULL, note TEXT, "
                    + "after_json TEXT NOT NULL)",
                "CREATE INDEX incident_audit_incident ON incident_audit (incident_id)"),
                List.of(
                    "CREATE TRIGGER incident_audit_no_update BEFORE UPDATE ON incident_audit BEGIN SELECT RAISE(ABORT, "
                        + "'audit is append-only'); END",
                    "CREATE TRIGGER incident_audit_no_delete BEFORE DELETE ON incident_audit BEGIN SELECT RAISE(ABORT, "
                        + "'audit is append-only'); END"),
                List.of(
                    "CREATE TRIGGER incident_audit_append_only BEFORE UPDATE OR DELETE ON incident_audit "
                        + "FOR EACH ROW EXECUTE FUNCTION skydas_audit_append_only()")),
            // Each user's console preferences (issue 22), so that they follow the user to another workstation.
            new Migration(9, "console preferences per user", List.of(
                "CREATE TABLE user_prefs (username TEXT PRIMARY KEY, prefs_json TEXT NOT NULL, updated_at {REAL} NOT NULL)"),
                List.of(), List.of()),
            // A server holds only a bounded working set of alerts (issue 21): the open alert of a subject and rule,
            // and the new alerts due for escalation, are found in the store by these (partial: open alerts only).
            new Migration(10, "indexes for alerts served from the store", List.of(
                "CREATE INDEX alerts_open_subject ON alerts (subject, rule) WHERE status <> 'RESOLVED'",
                "CREATE INDEX alerts_to_escalate ON alerts (raised_at) WHERE status = 'NEW' AND NOT escalated"),
                List.of(), List.of()),
            // Alert texts as a message key and its parameters (JSON), which the console translates (issue 22); the
            // English message stays. Rows stored before have neither: the console shows their message.
            new Migration(11, "alert message keys and parameters", List.of(
                "ALTER TABLE alerts ADD COLUMN message_key TEXT",
                "ALTER TABLE alerts ADD COLUMN message_params TEXT"),
                List.of(), List.of()),
            // Several nodes may share one PostgreSQL store (issue 17, ADR 0024): the database itself keeps one open
            // alert per subject and rule, whatever node wrote it (the key of the idempotent alert write).
            new Migration(12, "one open alert per subject and rule, enforced by the database", List.of(),
                List.of(),
                List.of("CREATE UNIQUE INDEX alerts_one_open ON alerts (subject, rule) WHERE status <> 'RESOLVED'")));

    static final int LATEST = ALL.get(ALL.size() - 1).version();

    /** The PostgreSQL advisory lock that orders the migrations of nodes starting together. */
    static final long MIGRATION_LOCK = 0x5_4B_59_44_41_4DL;

    private WatchMigrations() {
    }

    static void apply(Connection c, Dialect dialect) throws SQLException {
        apply(c, dialect, LATEST);
    }

    /** Applies the versions up to {@code upTo} (tests build databases of older versions with it). */
    static void apply(Connection c, Dialect dialect, int upTo) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            if (dialect == Dialect.POSTGRESQL) {
                // Several nodes may open one empty database at once (cluster mode, ADR 0024): one migrates at a time.
                st.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
            }
            st.execute("CREATE TABLE IF NOT EXISTS skydas_watch_schema (version INTEGER PRIMARY KEY, "
                    + "description TEXT NOT NULL, applied_at TEXT NOT NULL)");
            int current;
            try (var rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM skydas_watch_schema")) {
                rs.next();
                current = rs.getInt(1);
            }
            if (current > LATEST) {
                throw new SQLException("the watch store was written by a newer Skydas (schema " + current
                        + ", this one knows up to " + LATEST + ")");
            }
            for (Migration m : ALL) {
                if (m.version() <= current || m.version() > upTo) {
                    continue;
                }
                for (String sql : m.common()) {
                    st.execute(dialect.ddl(sql));
                }
                for (String sql : dialect == Dialect.POSTGRESQL ? m.postgresOnly() : m.sqliteOnly()) {
                    st.execute(sql);
                }
                st.execute("INSERT INTO skydas_watch_schema VALUES (" + m.version() + ", '"
                        + m.description().replace("'", "''") + "', '" + java.time.Instant.now() + "')");
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
