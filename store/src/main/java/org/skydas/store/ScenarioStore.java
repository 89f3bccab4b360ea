package org.skydas.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.skydas.geo.AtomicFile;
import org.skydas.geo.GeoJsonFeature;
import org.skydas.geo.Lks94;
import org.skydas.model.Asset;
import org.skydas.model.BudgetLine;
import org.skydas.model.Category;
import org.skydas.model.Programme;
import org.skydas.model.Scenario;
import org.skydas.model.Site;
import org.skydas.model.Wire;
import org.skydas.model.layer.Layer;
import org.skydas.model.layer.LayerCodec;
import org.sqlite.SQLiteConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A scenario as one GeoPackage 1.3 file (SQLite): feature layers {@code border}, {@code sectors},
 * {@code zones}, {@code sites}, {@code assets} in LKS-94 with R-tree indexes, the {@code programme}
 * attribute table and {@code skydas_metadata}. GDAL and QGIS open it as they open any GeoPackage.
 *
 * <p>Writes never leave a partial file: the whole scenario goes to a temporary file beside the
 * target, which is then renamed over it.
 */
public final class ScenarioStore {

    /** SQLite's application_id for GeoPackage: the ASCII bytes "GPKG". */
    static final int GPKG_APPLICATION_ID = 0x47504B47;
    /** GeoPackage 1.3.0 as user_version. */
    static final int GPKG_USER_VERSION = 10300;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScenarioStore() {
    }

    // ---- writing --------------------------------------------------------------------------------

    public static void write(Scenario scenario, Path file) throws StoreException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            Files.delete(tmp); // SQLite creates it
            try (Connection c = connect(tmp, false)) {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA application_id = " + GPKG_APPLICATION_ID);
                    st.execute("PRAGMA user_version = " + GPKG_USER_VERSION);
                }
                c.setAutoCommit(false);
                Migrations.apply(c);
                writeMetadata(c, scenario.metadata(), scenario.programme().name());
                for (Layer layer : Layer.values()) {
                    writeLayer(c, layer, LayerCodec.encode(scenario, layer), false);
                }
                writeProgramme(c, scenario.programme());
                c.commit();
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException | IOException e) {
            throw new StoreException(file + ": could not write the scenario: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temp file is hidden and named after the target
                }
            }
        }
    }

    /** Runs once the new file is complete, before it replaces the old one; throwing abandons the change. */
    @FunctionalInterface
    public interface BeforeReplace {
        void run() throws Exception;
    }

    /** The file is not the one the caller read: someone else changed it since. */
    public static final class Changed extends StoreException {
        private static final long serialVersionUID = 1L;

        Changed(String message) {
            super(message);
        }
    }

    /**
     * Adds sites and assets to the scenario in {@code file} and changes nothing else in it: the other layers, the
     * metadata, the programme, the {@code obstacle_fields} layer and any table a GIS tool added stay as they were
     * (unlike {@link #write}, which writes a whole scenario from the model). The file is copied beside itself, the
     * features go into the copy in one transaction (extents and R-tree indexes kept up to date), {@code beforeReplace}
     * runs, and the copy is renamed over the file ({@link AtomicFile}): a reader sees the old file or the new one.
     *
     * @param expectedDigest the {@link #digest} of the file as the caller read it; any other content is refused
     *                       with {@link Changed} and nothing is written
     * @return the new file's digest
     */
    public static String append(Path file, String expectedDigest, List<Site> sites, List<Asset> assets,
                                BeforeReplace beforeReplace) throws StoreException {
        Scenario added = new Scenario(Map.of(), List.of(), List.of(), List.of(), sites, assets,
                new Programme(null, List.of()));
        String[] digest = new String[1];
        try {
            AtomicFile.write(file, tmp -> {
                Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
                String found = digest(tmp);
                if (!found.equals(expectedDigest)) {
                    throw new ChangedOnDisk();
                }
                try (Connection c = connect(tmp, false)) {
                    checkGeoPackage(c, file);
                    c.setAutoCommit(false);
                    writeLayer(c, Layer.SITES, LayerCodec.encode(added, Layer.SITES), true);
                    writeLayer(c, Layer.ASSETS, LayerCodec.encode(added, Layer.ASSETS), true);
                    c.commit();
                } catch (SQLException | StoreException e) {
                    throw new java.io.IOException(e.getMessage(), e);
                }
                digest[0] = digest(tmp);
                try {
                    beforeReplace.run();
                } catch (java.io.IOException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new java.io.IOException(e.getMessage(), e);
                }
            });
        } catch (ChangedOnDisk e) {
            throw new Changed(file + ": changed since it was read (by another program or server): nothing written");
        } catch (java.io.IOException e) {
            throw new StoreException(file + ": could not add to the scenario: " + e.getMessage(), e);
        }
        return digest[0];
    }

    private static final class ChangedOnDisk extends java.io.IOException {
        private static final long serialVersionUID = 1L;
    }

    /** SHA-256 of the file's bytes (hex): what {@link #append} checks that nobody changed the file since it was read. */
    public static String digest(Path file) throws java.io.IOException {
        java.security.MessageDigest md;
        try {
            md = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }

    private static void writeMetadata(Connection c, Map<String, String> meta, String programmeName)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO skydas_metadata VALUES (?, ?)")) {
            for (Map.Entry<String, String> e : meta.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue());
                ps.addBatch();
            }
            ps.setString(1, "programme_name");
            ps.setString(2, programmeName);
            ps.addBatch();
            ps.executeBatch();
        }
    }

    /** Inserts the features; the layer's extent grows to take them in ({@code append}) or is theirs. */
    private static void writeLayer(Connection c, Layer layer, List<GeoJsonFeature> features, boolean append)
            throws SQLException {
        StringBuilder cols = new StringBuilder("geom, id");
        StringBuilder marks = new StringBuilder("?, ?");
        for (Layer.Column col : layer.columns()) {
            cols.append(", \"").append(col.name()).append('"');
            marks.append(", ?");
        }
        Envelope extent = new Envelope();
        if (append && !features.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents "
                    + "WHERE table_name = ? AND min_x IS NOT NULL")) {
                ps.setString(1, layer.tableName());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        extent.expandToInclude(rs.getDouble(1), rs.getDouble(2));
                        extent.expandToInclude(rs.getDouble(3), rs.getDouble(4));
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"" + layer.tableName() + "\" (" + cols
                + ") VALUES (" + marks + ")")) {
            for (GeoJsonFeature f : features) {
                Geometry g = asStoredType(layer, f.geometry());
                extent.expandToInclude(g.getEnvelopeInternal());
                ps.setBytes(1, GpkgGeometry.encode(g, Lks94.EPSG));
                ps.setString(2, f.id());
                int i = 3;
                for (Layer.Column col : layer.columns()) {
                    bind(ps, i++, col, f.properties().get(col.name()));
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (!extent.isNull()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, "
                    + "max_y = ?, last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name = ?")) {
                ps.setDouble(1, extent.getMinX());
                ps.setDouble(2, extent.getMinY());
                ps.setDouble(3, extent.getMaxX());
                ps.setDouble(4, extent.getMaxY());
                ps.setString(5, layer.tableName());
                ps.executeUpdate();
            }
        }
    }

    /** Single lines and polygons become one-part multis where the layer's geometry type says so. */
    private static Geometry asStoredType(Layer layer, Geometry g) {
        return switch (layer.geometryType()) {
            case "MULTILINESTRING" -> g instanceof LineString l
                    ? g.getFactory().createMultiLineString(new LineString[] {l}) : g;
            case "MULTIPOLYGON" -> g instanceof Polygon p ? g.getFactory().createMultiPolygon(new Polygon[] {p}) : g;
            default -> g;
        };
    }

    private static void bind(PreparedStatement ps, int i, Layer.Column col, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(i, switch (col.type()) {
                case INTEGER -> Types.INTEGER;
                case REAL -> Types.REAL;
                default -> Types.VARCHAR;
            });
            return;
        }
        switch (col.type()) {
            case TEXT -> ps.setString(i, v.toString());
            case INTEGER -> ps.setLong(i, v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).longValue());
            case REAL -> ps.setDouble(i, ((Number) v).doubleValue());
            case JSON -> {
                try {
                    ps.setString(i, JSON.writeValueAsString(v));
                } catch (JsonProcessingException e) {
                    throw new SQLException("cannot encode " + col.name() + " as JSON: " + e.getMessage(), e);
                }
            }
            default -> throw new IllegalStateException(col.type().name());
        }
    }

    private static void writeProgramme(Connection c, Programme p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO programme (category, year, envelope_eur) VALUES (?, ?, ?)")) {
            for (BudgetLine line : p.envelope()) {
                ps.setString(1, Wire.name(line.category()));
                ps.setInt(2, line.year());
                ps.setDouble(3, line.envelopeEur());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    // ---- reading --------------------------------------------------------------------------------

    /** Reads a whole scenario; any bad feature fails the read with its layer, id and reason. */
    public static Scenario read(Path file) throws StoreException {
        if (!Files.isRegularFile(file)) {
            throw new StoreException(file + ": no such file");
        }
        try (Connection c = connect(file, true)) {
            checkGeoPackage(c, file);
            Map<String, String> meta = new LinkedHashMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT key, value FROM skydas_metadata")) {
                while (rs.next()) {
                    meta.put(rs.getString(1), rs.getString(2));
                }
            }
            String programmeName = meta.remove("programme_name");
            return new Scenario(meta,
                    decode(file, Layer.BORDER, readLayer(c, Layer.BORDER), LayerCodec::border),
                    decode(file, Layer.SECTORS, readLayer(c, Layer.SECTORS), LayerCodec::sector),
                    decode(file, Layer.ZONES, readLayer(c, Layer.ZONES), LayerCodec::zone),
                    decode(file, Layer.SITES, readLayer(c, Layer.SITES), LayerCodec::site),
                    decode(file, Layer.ASSETS, readLayer(c, Layer.ASSETS), LayerCodec::asset),
                    readProgramme(c, file, programmeName));
        } catch (SQLException e) {
            throw new StoreException(file + ": " + sqliteReason(e));
        }
    }

    /** The raw features of one layer (grid geometries), for export and the API. */
    public static List<GeoJsonFeature> readLayer(Path file, Layer layer) throws StoreException {
        try (Connection c = connect(file, true)) {
            checkGeoPackage(c, file);
            return readLayer(c, layer);
        } catch (SQLException e) {
            throw new StoreException(file + ": " + sqliteReason(e));
        }
    }

    private static void checkGeoPackage(Connection c, Path file) throws SQLException, StoreException {
        try (Statement st = c.createStatement()) {
            int appId;
            try (ResultSet rs = st.executeQuery("PRAGMA application_id")) {
                appId = rs.getInt(1);
            }
            if (appId != GPKG_APPLICATION_ID) {
                throw new StoreException(file + ": not a GeoPackage (SQLite application_id is 0x"
                        + Integer.toHexString(appId) + ", expected 0x47504b47 'GPKG')");
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'skydas_schema'")) {
                if (rs.getInt(1) == 0) {
                    throw new StoreException(file + ": a GeoPackage, but not a Skydas scenario (no skydas_schema table)");
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT max(version) FROM skydas_schema")) {
                int v = rs.getInt(1);
                if (v > Migrations.LATEST) {
                    throw new StoreException(file + ": written by a newer Skydas (schema version " + v
                            + ", this one knows up to " + Migrations.LATEST + ")");
                }
            }
        }
    }

    private static List<GeoJsonFeature> readLayer(Connection c, Layer layer) throws SQLException {
        List<GeoJsonFeature> out = new ArrayList<>();
        StringBuilder cols = new StringBuilder("geom, id");
        for (Layer.Column col : layer.columns()) {
            cols.append(", \"").append(col.name()).append('"');
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + cols + " FROM \"" + layer.tableName() + "\" ORDER BY fid")) {
            while (rs.next()) {
                byte[] blob = rs.getBytes(1);
                String id = rs.getString(2);
                Geometry g;
                try {
                    g = blob == null ? null : GpkgGeometry.decode(blob, Lks94.GRID);
                } catch (IllegalArgumentException e) {
                    throw new SQLException("layer " + layer.tableName() + ", feature '" + id + "': " + e.getMessage());
                }
                Map<String, Object> props = new LinkedHashMap<>();
                int i = 3;
                for (Layer.Column col : layer.columns()) {
                    props.put(col.name(), readValue(rs, i++, col, layer, id));
                }
                out.add(new GeoJsonFeature(id, g, props));
            }
        }
        return out;
    }

    private static Object readValue(ResultSet rs, int i, Layer.Column col, Layer layer, String id)
            throws SQLException {
        Object raw = rs.getObject(i);
        if (raw == null) {
            return null;
        }
        return switch (col.type()) {
            case TEXT -> raw.toString();
            case INTEGER -> {
                long v = rs.getLong(i);
                // Small whole numbers read back as Integer, as GeoJSON parsing gives them.
                yield v == (int) v ? (Object) (int) v : (Object) v;
            }
            case REAL -> rs.getDouble(i);
            case JSON -> {
                try {
                    yield JSON.readValue(raw.toString(), new TypeReference<Map<String, Object>>() { });
                } catch (JsonProcessingException e) {
                    throw new SQLException("layer " + layer.tableName() + ", feature '" + id + "': column "
                            + col.name() + " is not a JSON object");
                }
            }
        };
    }

    private static <T> List<T> decode(Path file, Layer layer, List<GeoJsonFeature> features,
                                      Function<GeoJsonFeature, T> codec) throws StoreException {
        List<T> out = new ArrayList<>(features.size());
        for (GeoJsonFeature f : features) {
            try {
                out.add(codec.apply(f));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new StoreException(file + ": layer " + layer.tableName() + ", feature '" + f.id() + "': "
                        + e.getMessage());
            }
        }
        return out;
    }

    private static Programme readProgramme(Connection c, Path file, String name) throws SQLException, StoreException {
        List<BudgetLine> lines = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT category, year, envelope_eur FROM programme ORDER BY fid")) {
            while (rs.next()) {
                try {
                    lines.add(new BudgetLine(Wire.parse(Category.class, "category", rs.getString(1)), rs.getInt(2),
                            rs.getDouble(3)));
                } catch (IllegalArgumentException e) {
                    throw new StoreException(file + ": table programme: " + e.getMessage());
                }
            }
        }
        return new Programme(name, lines);
    }

    // ---- connections ----------------------------------------------------------------------------

    static Connection connect(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        config.enforceForeignKeys(false);
        if (readOnly) {
            config.setOpenMode(org.sqlite.SQLiteOpenMode.READONLY);
        }
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
        RtreeIndex.registerFunctions(c);
        return c;
    }

    /** SQLite's own words for a broken file are cryptic; say what they mean. */
    static String sqliteReason(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        if (m.contains("SQLITE_NOTADB") || m.contains("file is not a database")) {
            return "not a GeoPackage (not an SQLite database, or corrupt)";
        }
        if (m.contains("SQLITE_CORRUPT") || m.contains("malformed")) {
            return "corrupt GeoPackage (" + m + ")";
        }
        if (m.contains("no such table")) {
            return "not a Skydas scenario: " + m.replaceFirst(".*no such table", "missing table");
        }
        return m;
    }
}
