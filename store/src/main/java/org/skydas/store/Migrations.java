package org.skydas.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.skydas.model.layer.Layer;

/**
 * Versioned schema changes of a scenario GeoPackage. Each migration runs once, in order, inside the
 * caller's transaction, and is recorded in {@code skydas_schema}. Add new versions at the end; never
 * edit one that has shipped.
 */
final class Migrations {

    @FunctionalInterface
    interface Step {
        void apply(Statement st) throws SQLException;
    }

    record Migration(int version, String description, Step step) {
    }

    static final List<Migration> ALL = List.of(
            new Migration(1, "GeoPackage core tables, scenario layers, programme and metadata", Migrations::v1),
            new Migration(2, "obstacle_fields layer (the obstacle register for exchange)", ObstacleLayer::createTable));

    static final int LATEST = ALL.get(ALL.size() - 1).version();

    private Migrations() {
    }

    /** Current schema version of the open file (0 for a new file). */
    static int version(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS skydas_schema (version INTEGER PRIMARY KEY, "
                    + "description TEXT NOT NULL, applied_at TEXT NOT NULL)");
            try (var rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM skydas_schema")) {
                return rs.getInt(1);
            }
        }
    }

    /** Applies every migration newer than the file's version. */
    static void apply(Connection c) throws SQLException {
        int current = version(c);
        for (Migration m : ALL) {
            if (m.version() > current) {
                try (Statement st = c.createStatement()) {
                    m.step().apply(st);
                    st.execute("INSERT INTO skydas_schema VALUES (" + m.version() + ", '"
                            + m.description().replace("'", "''") + "', strftime('%Y-%m-%dT%H:%M:%fZ','now'))");
                }
            }
        }
    }

    private static void v1(Statement st) throws SQLException {
        st.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, "
                + "organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, "
                + "description TEXT)");
        st.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', "
                + "'undefined cartesian coordinate reference system')");
        st.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', "
                + "'undefined geographic coordinate reference system')");
        st.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, '"
                + SrsDefinitions.WGS84 + "', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')");
        st.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('LKS94 / Lithuania TM', 3346, 'EPSG', 3346, '"
                + SrsDefinitions.LKS94 + "', 'Lithuania national grid')");
        st.execute("CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, "
                + "identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT "
                + "(strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, "
                + "srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))");
        st.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, "
                + "geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, "
                + "CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), "
                + "CONSTRAINT uk_gc_table_name UNIQUE (table_name), "
                + "CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), "
                + "CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))");
        st.execute("CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, "
                + "definition TEXT NOT NULL, scope TEXT NOT NULL, "
                + "CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))");
        for (Layer layer : Layer.values()) {
            StringBuilder sql = new StringBuilder("CREATE TABLE \"").append(layer.tableName())
                    .append("\" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom ").append(layer.geometryType())
                    .append(", id TEXT NOT NULL UNIQUE");
            for (Layer.Column col : layer.columns()) {
                sql.append(", \"").append(col.name()).append("\" ").append(switch (col.type()) {
                    case TEXT, JSON -> "TEXT";
                    case INTEGER -> "INTEGER";
                    case REAL -> "REAL";
                });
            }
            st.execute(sql.append(")").toString());
            st.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES ('"
                    + layer.tableName() + "', 'features', '" + layer.tableName() + "', 'Skydas scenario layer "
                    + layer.tableName() + "', 3346)");
            st.execute("INSERT INTO gpkg_geometry_columns VALUES ('" + layer.tableName() + "', 'geom', '"
                    + layer.geometryType() + "', 3346, 0, 0)");
            RtreeIndex.create(st, layer.tableName(), "geom", "fid");
        }
        st.execute("CREATE TABLE programme (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, category TEXT NOT NULL, "
                + "year INTEGER NOT NULL, envelope_eur REAL NOT NULL, UNIQUE (category, year))");
        st.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES "
                + "('programme', 'attributes', 'programme', 'Budget envelope by category and year (EUR)')");
        st.execute("CREATE TABLE skydas_metadata (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    }
}
