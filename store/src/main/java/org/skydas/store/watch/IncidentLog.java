package org.skydas.store.watch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Incident reports (issue 22): each stored as its JSON record with its status and version, every change written
 * to an append-only audit in the same transaction. The record's fields are the server's to check; this class keeps
 * them, numbers them and refuses a change made to a stale version.
 */
public final class IncidentLog {

    /** A stored incident: its record as JSON (without id, version or status, which are columns). */
    public record Stored(long id, int version, String status, String record, double createdAt, double updatedAt) {
    }

    /** One line of the incident audit. */
    public record AuditEntry(long sequence, double time, String actor, long incidentId, String action, int version,
                             String note, String after) {
    }

    /** A change that lost a race: the incident changed since the caller read it (the API answers 409). */
    public static final class VersionConflict extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public VersionConflict(String message) {
            super(message);
        }
    }

    private final Connection c;

    IncidentLog(Connection c) {
        this.c = c;
    }

    /** Stores a new incident (status "open", version 1); returns it with its id. */
    public Stored create(String record, double t, String actor) throws SQLException {
        try {
            long id;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) + 1 FROM incidents");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO incidents (id, status, version, record, created_at, "
                    + "updated_at) VALUES (?, 'open', 1, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, record);
                ps.setDouble(3, t);
                ps.setDouble(4, t);
                ps.executeUpdate();
            }
            audit(t, actor, id, "created", 1, null, record);
            c.commit();
            return new Stored(id, 1, "open", record, t, t);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    /** Writes a new state of an incident made from {@code expectedVersion}; the action and note go to the audit. */
    public Stored update(long id, int expectedVersion, String status, String record, double t, String actor,
                         String action, String note) throws SQLException {
        try {
            Stored before = find(id).orElseThrow(() -> new java.util.NoSuchElementException("no incident " + id));
            if (before.version() != expectedVersion) {
                throw new VersionConflict("incident " + id + " is at version " + before.version()
                        + ", the change was made to version " + expectedVersion);
            }
            int version = before.version() + 1;
            try (PreparedStatement ps = c.prepareStatement("UPDATE incidents SET status = ?, version = ?, record = ?, "
                    + "updated_at = ? WHERE id = ? AND version = ?")) {
                ps.setString(1, status);
                ps.setInt(2, version);
                ps.setString(3, record);
                ps.setDouble(4, t);
                ps.setLong(5, id);
                ps.setInt(6, expectedVersion);
                if (ps.executeUpdate() != 1) {
                    throw new VersionConflict("incident " + id + " changed meanwhile");
                }
            }
            audit(t, actor, id, action, version, note, record);
            c.commit();
            return new Stored(id, version, status, record, before.createdAt(), t);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    public Optional<Stored> get(long id) throws SQLException {
        Optional<Stored> s = find(id);
        c.commit();
        return s;
    }

    /** Every incident, newest first. */
    public List<Stored> list() throws SQLException {
        List<Stored> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, version, status, record, created_at, updated_at "
                + "FROM incidents ORDER BY id DESC"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(stored(rs));
            }
        }
        c.commit();
        return out;
    }

    /** The audit of one incident, oldest first. */
    public List<AuditEntry> audit(long incidentId) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT sequence, time, actor, incident_id, action, version, note, "
                + "after_json FROM incident_audit WHERE incident_id = ? ORDER BY sequence")) {
            ps.setLong(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getLong(1), rs.getDouble(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8)));
                }
            }
        }
        c.commit();
        return out;
    }

    private Optional<Stored> find(long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, version, status, record, created_at, updated_at "
                + "FROM incidents WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(stored(rs)) : Optional.empty();
            }
        }
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        return new Stored(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getDouble(5), rs.getDouble(6));
    }

    private void audit(double t, String actor, long id, String action, int version, String note, String after)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO incident_audit (time, actor, incident_id, action, "
                + "version, note, after_json) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setDouble(1, t);
            ps.setString(2, actor);
            ps.setLong(3, id);
            ps.setString(4, action);
            ps.setInt(5, version);
            ps.setString(6, note);
            ps.setString(7, after);
            ps.executeUpdate();
        }
    }
}
