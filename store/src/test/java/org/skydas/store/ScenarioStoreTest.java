package org.skydas.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.model.Asset;
import org.skydas.model.Scenario;
import org.skydas.model.Sector;

class ScenarioStoreTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReadsBackEveryLayer() throws Exception {
        Scenario s = TestScenarios.small();
        Path f = dir.resolve("s.gpkg");
        ScenarioStore.write(s, f);
        Scenario back = ScenarioStore.read(f);

        assertThat(back.metadata()).containsEntry("name", "small test");
        assertThat(back.border()).hasSize(1);
        assertThat(back.border().get(0).geometry().equalsExact(s.border().get(0).geometry(), 1e-6)).isTrue();
        assertThat(back.sectors()).extracting(Sector::id).containsExactlyElementsOf(
                s.sectors().stream().map(Sector::id).toList());
        assertThat(back.sectors().get(0).geometry().equalsExact(s.sectors().get(0).geometry(), 1e-6)).isTrue();
        assertThat(back.zones().get(0).geometry().equalsExact(s.zones().get(0).geometry(), 1e-6)).isTrue();
        assertThat(back.zones().get(0).params()).containsEntry("width_m", 1000);
        assertThat(back.sites()).containsExactlyElementsOf(s.sites());
        Asset radar = back.assets().stream().filter(a -> a.id().equals("radar-1")).findFirst().orElseThrow();
        Asset original = s.assets().get(0);
        assertThat(radar.sensor()).isEqualTo(original.sensor());
        assertThat(radar).usingRecursiveComparison().ignoringFields("geometry").isEqualTo(original);
        assertThat(back.programme()).isEqualTo(s.programme());
    }

    @Test
    void isAGeoPackageWithRtreeIndexes() throws Exception {
        Path f = dir.resolve("s.gpkg");
        ScenarioStore.write(TestScenarios.small(), f);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA application_id")) {
                assertThat(rs.getInt(1)).isEqualTo(0x47504B47);
            }
            try (ResultSet rs = st.executeQuery("SELECT table_name, data_type, srs_id FROM gpkg_contents ORDER BY table_name")) {
                StringBuilder b = new StringBuilder();
                while (rs.next()) {
                    b.append(rs.getString(1)).append(':').append(rs.getString(2)).append(':').append(rs.getObject(3)).append(' ');
                }
                assertThat(b.toString().trim()).isEqualTo("assets:features:3346 border:features:3346 "
                        + "obstacle_fields:features:3346 programme:attributes:null sectors:features:3346 sites:features:3346 zones:features:3346");
            }
            // The R-tree holds one box per feature, matching the geometry's envelope (in float32).
            try (ResultSet rs = st.executeQuery("SELECT count(*), min(minx), max(maxx) FROM rtree_sectors_geom")) {
                assertThat(rs.getInt(1)).isEqualTo(TestScenarios.small().sectors().size());
                org.locationtech.jts.geom.Envelope e = TestScenarios.small().border().get(0).geometry().getEnvelopeInternal();
                assertThat(rs.getDouble(2)).isCloseTo(e.getMinX(), org.assertj.core.api.Assertions.within(0.1));
                assertThat(rs.getDouble(3)).isCloseTo(e.getMaxX(), org.assertj.core.api.Assertions.within(0.1));
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index'")) {
                assertThat(rs.getInt(1)).isEqualTo(6);
            }
            try (ResultSet rs = st.executeQuery("SELECT max(version) FROM skydas_schema")) {
                assertThat(rs.getInt(1)).isEqualTo(Migrations.LATEST);
            }
        }
    }

    @Test
    void rejectsAFileThatIsNotADatabase() throws Exception {
        Path f = dir.resolve("junk.gpkg");
        Files.write(f, "this is not SQLite at all, just text that pretends".repeat(100).getBytes());
        assertThatThrownBy(() -> ScenarioStore.read(f)).isInstanceOf(StoreException.class)
                .hasMessageContaining("junk.gpkg").hasMessageContaining("not a GeoPackage");
    }

    @Test
    void rejectsATruncatedGeoPackage() throws Exception {
        Path f = dir.resolve("s.gpkg");
        ScenarioStore.write(TestScenarios.small(), f);
        byte[] all = Files.readAllBytes(f);
        Path cut = dir.resolve("cut.gpkg");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 3));
        assertThatThrownBy(() -> ScenarioStore.read(cut)).isInstanceOf(StoreException.class)
                .hasMessageContaining("cut.gpkg");
    }

    @Test
    void rejectsAnSqliteDatabaseThatIsNoGeoPackage() throws Exception {
        Path f = dir.resolve("plain.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (x)");
        }
        assertThatThrownBy(() -> ScenarioStore.read(f)).isInstanceOf(StoreException.class)
                .hasMessageContaining("plain.sqlite").hasMessageContaining("not a GeoPackage (SQLite application_id");
    }

    @Test
    void namesTheFeatureWhenAStoredValueIsBad() throws Exception {
        Path f = dir.resolve("s.gpkg");
        ScenarioStore.write(TestScenarios.small(), f);
        // Our own connection provides the ST_* functions that the GeoPackage R-tree triggers call.
        try (Connection c = ScenarioStore.connect(f, false); Statement st = c.createStatement()) {
            st.execute("UPDATE assets SET type = 'death_ray' WHERE id = 'fence-1'");
        }
        assertThatThrownBy(() -> ScenarioStore.read(f)).isInstanceOf(StoreException.class)
                .hasMessageContaining("layer assets, feature 'fence-1'").hasMessageContaining("unknown asset type 'death_ray'");
    }

    @Test
    void replacesAnExistingFileWhole() throws Exception {
        Path f = dir.resolve("s.gpkg");
        ScenarioStore.write(TestScenarios.small(), f);
        Scenario fewer = TestScenarios.small().withAssets(List.of(TestScenarios.small().assets().get(1)));
        ScenarioStore.write(fewer, f);
        assertThat(ScenarioStore.read(f).assets()).extracting(Asset::id).containsExactly("fence-1");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("s.gpkg");
        }
    }

    /**
     * {@code append}: the new site and asset are in the file, found by the R-tree and inside the layer's extent, and
     * everything else (the other features, a table another tool added) is as it was; a file changed since its digest
     * was taken is refused and left alone; a hook that fails leaves the file as it was.
     */
    @Test
    void appendAddsSitesAndAssetsAndNothingElse() throws Exception {
        Path f = dir.resolve("s.gpkg");
        Scenario s = TestScenarios.small();
        ScenarioStore.write(s, f);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE qgis_notes (note TEXT)");
            st.execute("INSERT INTO qgis_notes VALUES ('kept')");
        }
        Scenario before = ScenarioStore.read(f);
        org.locationtech.jts.geom.Point far = org.skydas.geo.Lks94.GRID.createPoint(
                new org.locationtech.jts.geom.Coordinate(700_000, 6_250_000));
        org.skydas.model.Site site = new org.skydas.model.Site("site-new", "New", far, false, null, null, 250_000);
        Asset planned = new Asset("plan-radar-1", "Planned radar", s.assets().get(0).type(), far,
                org.skydas.model.AssetStatus.PROPOSED, 1_450_000, 50_000, null, 2027, s.assets().get(0).sensor(),
                java.util.Map.of("site", "site-new"));

        // A hook that fails: nothing changes.
        byte[] original = Files.readAllBytes(f);
        assertThatThrownBy(() -> ScenarioStore.append(f, ScenarioStore.digest(f), List.of(site), List.of(planned), () -> {
            throw new java.sql.SQLException("audit store down");
        })).isInstanceOf(StoreException.class).hasMessageContaining("audit store down");
        assertThat(Files.readAllBytes(f)).isEqualTo(original);

        String digest = ScenarioStore.append(f, ScenarioStore.digest(f), List.of(site), List.of(planned), () -> { });
        assertThat(digest).isEqualTo(ScenarioStore.digest(f));
        Scenario after = ScenarioStore.read(f);
        assertThat(after.assets()).extracting(Asset::id).containsExactly("radar-1", "fence-1", "plan-radar-1");
        assertThat(after.assets().get(2)).usingRecursiveComparison().ignoringFields("geometry").isEqualTo(planned);
        assertThat(after.sites()).extracting(org.skydas.model.Site::id).containsExactly("site-1", "site-new");
        assertThat(after.sites().subList(0, before.sites().size())).isEqualTo(before.sites());
        assertThat(after.border()).isEqualTo(before.border());
        assertThat(after.sectors()).isEqualTo(before.sectors());
        assertThat(after.zones()).isEqualTo(before.zones());
        assertThat(after.programme()).isEqualTo(before.programme());
        assertThat(after.metadata()).isEqualTo(before.metadata());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT note FROM qgis_notes")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("kept");
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM rtree_assets_geom WHERE minx <= 700000 AND "
                    + "maxx >= 700000 AND miny <= 6250000 AND maxy >= 6250000")) {
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            try (ResultSet rs = st.executeQuery("SELECT min_x, max_x, max_y FROM gpkg_contents WHERE table_name = 'assets'")) {
                assertThat(rs.getDouble(2)).isEqualTo(700_000);
                assertThat(rs.getDouble(3)).isEqualTo(6_250_000);
                assertThat(rs.getDouble(1)).isLessThan(700_000); // the earlier assets are still inside
            }
        }

        // Changed since the digest was taken: refused, the change kept.
        String stale = ScenarioStore.digest(f);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            st.execute("INSERT INTO qgis_notes VALUES ('edited')");
        }
        byte[] edited = Files.readAllBytes(f);
        assertThatThrownBy(() -> ScenarioStore.append(f, stale, List.of(), List.of(planned), () -> { }))
                .isInstanceOf(ScenarioStore.Changed.class);
        assertThat(Files.readAllBytes(f)).isEqualTo(edited);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("s.gpkg");
        }
    }
}
