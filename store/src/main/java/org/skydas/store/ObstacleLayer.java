package org.skydas.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.skydas.geo.Lks94;
import org.skydas.obstacles.ObstacleException;
import org.skydas.obstacles.ObstacleField;
import org.skydas.obstacles.ObstacleJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The GeoPackage layer {@code obstacle_fields} (LKS-94) that carries the obstacle register between
 * Skydas and GIS tools. QGIS shows and edits the geometry and the plain columns (name, kind, budget
 * line, cost, year); the full record — reference points, devices, history — travels in the
 * {@code record} column as the API's JSON. On reading, the geometry and the plain columns win over the
 * JSON, so an edit made in QGIS is what Skydas validates.
 */
public final class ObstacleLayer {

    public static final String TABLE = "obstacle_fields";

    private ObstacleLayer() {
    }

    /** Migration 2 of the scenario GeoPackage. */
    static void createTable(Statement st) throws SQLException {
        st.execute("CREATE TABLE " + TABLE + " (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom GEOMETRY, "
                + "id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL, "
                + "version INTEGER NOT NULL, explosive INTEGER NOT NULL, budget_line TEXT, cost_eur REAL, year INTEGER, "
                + "sectors TEXT, laid_at TEXT, device_count INTEGER, example INTEGER NOT NULL, record TEXT NOT NULL)");
        st.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES ('"
                + TABLE + "', 'features', '" + TABLE + "', 'Skydas obstacle register: minefields and obstacles "
                + "(records, marking and clearance only)', 3346)");
        st.execute("INSERT INTO gpkg_geometry_columns VALUES ('" + TABLE + "', 'geom', 'GEOMETRY', 3346, 0, 0)");
        RtreeIndex.create(st, TABLE, "geom", "fid");
    }

    /** Replaces the layer's content with {@code fields}, in one transaction (the layer is created if missing). */
    public static void write(Path file, List<ObstacleField> fields) throws StoreException {
        if (!Files.isRegularFile(file)) {
            throw new StoreException(file + ": no such file");
        }
        try (Connection c = ScenarioStore.connect(file, false)) {
            c.setAutoCommit(false);
            try {
                Migrations.apply(c);
                try (Statement st = c.createStatement()) {
                    st.execute("DELETE FROM " + TABLE);
                }
                Envelope extent = new Envelope();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (geom, id, kind, name, status, "
                        + "version, explosive, budget_line, cost_eur, year, sectors, laid_at, device_count, example, "
                        + "record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (ObstacleField f : fields) {
                        extent.expandToInclude(f.geometry().getEnvelopeInternal());
                        ps.setBytes(1, GpkgGeometry.encode(f.geometry(), Lks94.EPSG));
                        ps.setString(2, f.id());
                        ps.setString(3, f.kind().wire());
                        ps.setString(4, f.name());
                        ps.setString(5, f.status().wire());
                        ps.setInt(6, f.version());
                        ps.setInt(7, f.kind().explosive() ? 1 : 0);
                        ps.setString(8, f.budgetLine());
                        ps.setDouble(9, f.costEur());
                        if (f.year() == null) {
                            ps.setNull(10, Types.INTEGER);
                        } else {
                            ps.setInt(10, f.year());
                        }
                        ps.setString(11, String.join(",", f.sectors()));
                        ps.setString(12, f.explosive() == null || f.explosive().laidAt() == null ? null
                                : f.explosive().laidAt().toString());
                        if (f.explosive() == null) {
                            ps.setNull(13, Types.INTEGER);
                        } else {
                            ps.setInt(13, f.explosive().deviceCount());
                        }
                        ps.setInt(14, f.example() ? 1 : 0);
                        ps.setString(15, ObstacleJson.MAPPER.writeValueAsString(ObstacleJson.write(f)));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                if (!extent.isNull()) {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE gpkg_contents SET min_x = ?, min_y = ?, "
                            + "max_x = ?, max_y = ?, last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') "
                            + "WHERE table_name = ?")) {
                        ps.setDouble(1, extent.getMinX());
                        ps.setDouble(2, extent.getMinY());
                        ps.setDouble(3, extent.getMaxX());
                        ps.setDouble(4, extent.getMaxY());
                        ps.setString(5, TABLE);
                        ps.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException | JsonProcessingException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException(file + ": could not write layer " + TABLE + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the layer (empty when the file has none). A feature that does not make a record fails the
     * read with its id and the field at fault: {@code feature 'OF-00002': reference_points: at least 2 required}.
     * Validation against the map is the caller's ({@link org.skydas.obstacles.ObstacleValidator}).
     */
    public static List<ObstacleField> read(Path file) throws StoreException {
        if (!Files.isRegularFile(file)) {
            throw new StoreException(file + ": no such file");
        }
        List<ObstacleField> out = new ArrayList<>();
        try (Connection c = ScenarioStore.connect(file, true)) {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = '" + TABLE + "'")) {
                if (rs.getInt(1) == 0) {
                    return out;
                }
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT geom, id, kind, name, "
                    + "budget_line, cost_eur, year, record FROM " + TABLE + " ORDER BY fid")) {
                int row = 0;
                while (rs.next()) {
                    row++;
                    String id = rs.getString(2);
                    String where = "feature '" + (id == null ? "#" + row : id) + "'";
                    try {
                        out.add(feature(rs, id));
                    } catch (IllegalArgumentException e) {
                        throw new StoreException(file + ": layer " + TABLE + ", " + where + ": " + e.getMessage());
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException(file + ": " + ScenarioStore.sqliteReason(e));
        }
        return out;
    }

    private static ObstacleField feature(ResultSet rs, String id) throws SQLException {
        String record = rs.getString(8);
        ObjectNode n;
        try {
            JsonNode parsed = record == null || record.isBlank() ? ObstacleJson.MAPPER.createObjectNode()
                    : ObstacleJson.MAPPER.readTree(record);
            if (!(parsed instanceof ObjectNode o)) {
                throw new ObstacleException("record", "not a JSON object");
            }
            n = o;
        } catch (JsonProcessingException e) {
            throw new ObstacleException("record", "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        byte[] blob = rs.getBytes(1);
        if (blob == null) {
            throw new ObstacleException("geometry", "required");
        }
        Geometry g = GpkgGeometry.decode(blob, Lks94.GRID);
        if (g.getNumGeometries() == 1 && g.getGeometryType().startsWith("Multi")) {
            g = g.getGeometryN(0); // QGIS may save single parts as multi
        }
        n.set("geometry", ObstacleJson.geometryNode(g));
        putText(n, "id", id);
        putText(n, "kind", rs.getString(3));
        putText(n, "name", rs.getString(4));
        putText(n, "budget_line", rs.getString(5));
        if (rs.getObject(6) != null) {
            n.put("cost_eur", rs.getDouble(6));
        }
        if (rs.getObject(7) != null) {
            n.put("year", rs.getInt(7));
        }
        ObstacleField f = ObstacleJson.read(n);
        // keep the exact grid geometry, not its WGS84 round trip
        return f.withGeometry(g);
    }

    private static void putText(ObjectNode n, String key, String value) {
        if (value != null) {
            n.put(key, value);
        }
    }
}
