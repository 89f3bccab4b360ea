package org.skydas.store.watch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;
import org.skydas.geo.Lks94;
import org.skydas.obstacles.ObstacleField;
import org.skydas.obstacles.ObstacleJson;
import org.skydas.obstacles.Records.StatusChange;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The obstacle register in the watch store: the current record of each field ({@code obstacle_fields},
 * with a PostGIS geometry on PostgreSQL), every version ever written ({@code obstacle_field_versions}),
 * the status history ({@code obstacle_field_status}) and the register's own audit log
 * ({@code obstacle_audit}) — the last three append-only in the database itself. Each change is one
 * transaction: record, version, status step and audit entry commit together or not at all.
 *
 * <p>Shares the watch store's connection: callers serialise their calls as they do for the store.
 */
public final class ObstacleRegister {

    /** One line of the register's audit log ({@code before} null on creation). */
    public record AuditEntry(long sequence, Instant time, String actor, String role, String fieldId, boolean explosive,
                             String action, int version, String before, String after) {
    }

    /** A stored version of a record. */
    public record Version(int version, Instant writtenAt, String writtenBy, ObstacleField record) {
    }

    /** A write that lost a race: the record changed since the caller read it (the API answers 409). */
    public static final class VersionConflict extends RuntimeException {
        public VersionConflict(String message) {
            super(message);
        }
    }

    private final Connection c;

    ObstacleRegister(Connection c) {
        this.c = c;
    }

    /** Stores a new record (id assigned when it has none) with its history so far. */
    public ObstacleField create(ObstacleField f, String actor, String role, Instant at) throws SQLException {
        return inTransaction(() -> {
            String id = f.id() != null ? f.id() : nextId();
            if (find(id).isPresent()) {
                throw new VersionConflict("obstacle field " + id + " exists already");
            }
            ObstacleField stored = f.withIdentity(id, Math.max(1, f.version()), f.status(), f.history());
            insertCurrent(stored, actor, at);
            insertVersion(stored, actor, at);
            for (int i = 0; i < stored.history().size(); i++) {
                insertStatus(id, i + 1, stored.history().get(i));
            }
            audit(at, actor, role, stored, "create", null);
            return stored;
        });
    }

    /**
     * A new version of the record's content. Status and history stay as stored (they change only by
     * {@link #transition}); {@code expectedVersion}, when given, must be the stored one.
     */
    public ObstacleField update(String id, ObstacleField content, Integer expectedVersion, String actor, String role,
                                Instant at) throws SQLException {
        return inTransaction(() -> {
            ObstacleField before = find(id).orElseThrow(() -> new java.util.NoSuchElementException(
                    "no obstacle field " + id));
            checkVersion(before, expectedVersion);
            if (before.kind().explosive() != content.kind().explosive()) {
                throw new org.skydas.obstacles.ObstacleException("kind",
                        "an explosive field cannot become a non-explosive obstacle or the other way round");
            }
            ObstacleField after = content.withIdentity(id, before.version() + 1, before.status(), before.history());
            replaceCurrent(after, actor, at);
            insertVersion(after, actor, at);
            audit(at, actor, role, after, "update", before);
            return after;
        });
    }

    /** Stores the record after a life-cycle step ({@code after}'s last history entry is the step). */
    public ObstacleField transition(ObstacleField before, ObstacleField after, Integer expectedVersion, String actor,
                                    String role, Instant at) throws SQLException {
        return inTransaction(() -> {
            ObstacleField current = find(before.id()).orElseThrow(() -> new java.util.NoSuchElementException(
                    "no obstacle field " + before.id()));
            checkVersion(current, expectedVersion);
            if (current.version() != before.version()) {
                throw new VersionConflict("obstacle field " + before.id() + " changed meanwhile (version "
                        + current.version() + ")");
            }
            replaceCurrent(after, actor, at);
            insertVersion(after, actor, at);
            StatusChange step = after.history().get(after.history().size() - 1);
            insertStatus(after.id(), after.history().size(), step);
            audit(at, actor, role, after, "transition:" + step.to().wire(), current);
            return after;
        });
    }

    public Optional<ObstacleField> get(String id) throws SQLException {
        Optional<ObstacleField> f = find(id);
        c.commit();
        return f;
    }

    public List<ObstacleField> list() throws SQLException {
        List<ObstacleField> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT record, geom_wkt FROM obstacle_fields ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(decode(rs.getString(1), rs.getString(2)));
            }
        }
        c.commit();
        return out;
    }

    public long count() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM obstacle_fields");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            long n = rs.getLong(1);
            c.commit();
            return n;
        }
    }

    public List<Version> versions(String id) throws SQLException {
        List<Version> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT version, written_at, written_by, record, geom_wkt "
                + "FROM obstacle_field_versions WHERE id = ? ORDER BY version")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Version(rs.getInt(1), Instant.parse(rs.getString(2)), rs.getString(3),
                            decode(rs.getString(4), rs.getString(5))));
                }
            }
        }
        c.commit();
        return out;
    }

    /** Audit entries after {@code afterSequence}, oldest first; {@code fieldId} null for all fields. */
    public List<AuditEntry> audit(long afterSequence, String fieldId, int limit) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT sequence, time, actor, role, field_id, explosive, action, "
                + "version, before_json, after_json FROM obstacle_audit WHERE sequence > ?"
                + (fieldId == null ? "" : " AND field_id = ?") + " ORDER BY sequence LIMIT ?")) {
            int i = 1;
            ps.setLong(i++, afterSequence);
            if (fieldId != null) {
                ps.setString(i++, fieldId);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getLong(1), Instant.parse(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getInt(8),
                            rs.getString(9), rs.getString(10)));
                }
            }
        }
        c.commit();
        return out;
    }

    // ---- internals ------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T inTransaction(Work<T> w) throws SQLException {
        try {
            T t = w.run();
            c.commit();
            return t;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    private static void checkVersion(ObstacleField stored, Integer expected) {
        if (expected != null && expected != stored.version()) {
            throw new VersionConflict("obstacle field " + stored.id() + " is at version " + stored.version()
                    + ", the change was made to version " + expected);
        }
    }

    private String nextId() throws SQLException {
        long n;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM obstacle_fields");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            n = rs.getLong(1);
        }
        String id;
        do {
            id = String.format("OF-%05d", ++n);
        } while (find(id).isPresent());
        return id;
    }

    private Optional<ObstacleField> find(String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT record, geom_wkt FROM obstacle_fields WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(decode(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    private void insertCurrent(ObstacleField f, String actor, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO obstacle_fields (id, kind, explosive, name, status, "
                + "version, record, geom_wkt, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, f.id());
            ps.setString(2, f.kind().wire());
            ps.setBoolean(3, f.kind().explosive());
            ps.setString(4, f.name());
            ps.setString(5, f.status().wire());
            ps.setInt(6, f.version());
            ps.setString(7, json(f));
            ps.setString(8, wkt(f.geometry()));
            ps.setString(9, at.toString());
            ps.setString(10, actor);
            ps.executeUpdate();
        }
    }

    /** The current row is a copy of the newest version: replace it (the versions table keeps the past). */
    private void replaceCurrent(ObstacleField f, String actor, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM obstacle_fields WHERE id = ?")) {
            ps.setString(1, f.id());
            ps.executeUpdate();
        }
        insertCurrent(f, actor, at);
    }

    private void insertVersion(ObstacleField f, String actor, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO obstacle_field_versions (id, version, record, "
                + "geom_wkt, written_at, written_by) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, f.id());
            ps.setInt(2, f.version());
            ps.setString(3, json(f));
            ps.setString(4, wkt(f.geometry()));
            ps.setString(5, at.toString());
            ps.setString(6, actor);
            ps.executeUpdate();
        }
    }

    private void insertStatus(String id, int seq, StatusChange s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO obstacle_field_status (id, seq, from_status, "
                + "to_status, at, actor, role, note, clearance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setInt(2, seq);
            ps.setString(3, s.from() == null ? null : s.from().wire());
            ps.setString(4, s.to().wire());
            ps.setString(5, String.valueOf(s.at()));
            ps.setString(6, s.actor());
            ps.setString(7, s.role());
            ps.setString(8, s.note());
            ps.setString(9, s.clearance() == null ? null : ObstacleJson.write(s).get("clearance").toString());
            ps.executeUpdate();
        }
    }

    private void audit(Instant at, String actor, String role, ObstacleField after, String action, ObstacleField before)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO obstacle_audit (time, actor, role, field_id, "
                + "explosive, action, version, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, at.toString());
            ps.setString(2, actor);
            ps.setString(3, role);
            ps.setString(4, after.id());
            ps.setBoolean(5, after.kind().explosive());
            ps.setString(6, action);
            ps.setInt(7, after.version());
            ps.setString(8, before == null ? null : json(before));
            ps.setString(9, json(after));
            ps.executeUpdate();
        }
    }

    private static String json(ObstacleField f) throws SQLException {
        try {
            return ObstacleJson.MAPPER.writeValueAsString(ObstacleJson.write(f));
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot encode obstacle field " + f.id() + ": " + e.getMessage(), e);
        }
    }

    private static String wkt(Geometry g) {
        return new WKTWriter().write(g);
    }

    /** The stored JSON, with the exact grid geometry from the WKT column (the JSON's is rounded WGS84). */
    private static ObstacleField decode(String json, String wkt) throws SQLException {
        ObstacleField f = ObstacleJson.read(json);
        try {
            Geometry g = new WKTReader(Lks94.GRID).read(wkt);
            return f.withGeometry(g);
        } catch (ParseException e) {
            throw new SQLException("corrupt geometry of obstacle field " + f.id() + ": " + e.getMessage(), e);
        }
    }
}
