package org.skydas.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.model.Asset;
import org.skydas.model.Scenario;
import org.skydas.model.layer.Layer;

class LayerExchangeTest {

    @TempDir
    Path dir;
    Path gpkg;

    @BeforeEach
    void write() throws Exception {
        gpkg = dir.resolve("s.gpkg");
        ScenarioStore.write(TestScenarios.small(), gpkg);
    }

    @Test
    void exportThenImportIntoAnotherScenarioRoundTrips() throws Exception {
        for (Layer layer : Layer.values()) {
            Path json = dir.resolve(layer.tableName() + ".geojson");
            LayerExchange.exportLayer(gpkg, layer, json);
            String text = Files.readString(json);
            assertThat(text).startsWith("{\"type\":\"FeatureCollection\"");
        }
        // Export is WGS84: the site near Druskininkai has lon 24, lat 54.
        assertThat(Files.readString(dir.resolve("sites.geojson"))).contains("\"coordinates\":[24,54]");

        Path other = dir.resolve("other.gpkg");
        Scenario empty = TestScenarios.small().withAssets(java.util.List.of());
        ScenarioStore.write(empty, other);
        LayerExchange.ImportResult r = LayerExchange.importLayer(other, Layer.ASSETS, dir.resolve("assets.geojson"));
        assertThat(r.added()).isEqualTo(2);
        assertThat(r.replaced()).isZero();
        Scenario back = ScenarioStore.read(other);
        for (Asset original : TestScenarios.small().assets()) {
            Asset a = back.assets().stream().filter(x -> x.id().equals(original.id())).findFirst().orElseThrow();
            assertThat(a).usingRecursiveComparison().ignoringFields("geometry").isEqualTo(original);
            // Through WGS84 at 7 decimals and back: within a few centimetres.
            assertThat(a.geometry().equalsExact(original.geometry(), 0.05)).isTrue();
        }
        // Importing the same file again replaces instead of duplicating.
        LayerExchange.ImportResult again = LayerExchange.importLayer(other, Layer.ASSETS, dir.resolve("assets.geojson"));
        assertThat(again.replaced()).isEqualTo(2);
        assertThat(ScenarioStore.read(other).assets()).hasSize(2);
    }

    private Path geojson(String name, String featureJson) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, "{\"type\":\"FeatureCollection\",\"features\":[" + featureJson + "]}");
        return f;
    }

    static String asset(String id, String type, double capex, String geometry) {
        return "{\"type\":\"Feature\",\"id\":\"" + id + "\",\"geometry\":" + geometry + ",\"properties\":{\"type\":\""
                + type + "\",\"status\":\"proposed\",\"capex_eur\":" + capex + ",\"year\":2027}}";
    }

    static final String POINT = "{\"type\":\"Point\",\"coordinates\":[24.1,54.0]}";

    void assertRejectedAndUnchanged(Path geojson, String... messageParts) throws Exception {
        byte[] before = Files.readAllBytes(gpkg);
        assertThatThrownBy(() -> LayerExchange.importLayer(gpkg, Layer.ASSETS, geojson))
                .isInstanceOf(StoreException.class).hasMessageContaining(geojson.getFileName().toString())
                .satisfies(e -> assertThat(e.getMessage()).contains(messageParts))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(Files.readAllBytes(gpkg)).isEqualTo(before);
        assertThat(ScenarioStore.read(gpkg).assets()).hasSize(2);
    }

    @Test
    void rejectsAnInvalidGeometry() throws Exception {
        String bowtie = "{\"type\":\"Polygon\",\"coordinates\":[[[24,54],[24.1,54.1],[24.1,54],[24,54.1],[24,54]]]}";
        assertRejectedAndUnchanged(geojson("bowtie.geojson", asset("ok", "barrier_fence", 1, POINT) + ","
                + asset("area-7", "obstacle_belt", 10, bowtie)), "feature 'area-7'", "invalid geometry", "Self-intersection");
    }

    @Test
    void rejectsAnotherCrs() throws Exception {
        Path f = dir.resolve("lks.geojson");
        Files.writeString(f, "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
                + "\"urn:ogc:def:crs:EPSG::3346\"}},\"features\":[" + asset("a", "barrier_fence", 1,
                "{\"type\":\"Point\",\"coordinates\":[582510,6061948]}") + "]}");
        assertRejectedAndUnchanged(f, "EPSG::3346", "WGS84");
    }

    @Test
    void rejectsProjectedCoordinatesWithoutACrsMember() throws Exception {
        assertRejectedAndUnchanged(geojson("projected.geojson", asset("p-1", "barrier_fence", 1,
                "{\"type\":\"Point\",\"coordinates\":[582510,6061948]}")), "feature 'p-1'", "another CRS");
    }

    @Test
    void rejectsAnUnknownAssetType() throws Exception {
        assertRejectedAndUnchanged(geojson("type.geojson", asset("x-1", "laser_cannon", 1, POINT)),
                "feature 'x-1'", "unknown asset type 'laser_cannon'");
    }

    @Test
    void rejectsANegativeCost() throws Exception {
        assertRejectedAndUnchanged(geojson("cost.geojson", asset("c-1", "barrier_fence", -5, POINT)),
                "feature 'c-1'", "capex_eur must be a number >= 0");
    }

    @Test
    void rejectsASensorWithoutParameters() throws Exception {
        assertRejectedAndUnchanged(geojson("radar.geojson", asset("r-9", "radar", 5, POINT)),
                "feature 'r-9'", "needs sensor parameters");
    }

    @Test
    void rejectsMalformedJson() throws Exception {
        Path f = dir.resolve("broken.geojson");
        Files.writeString(f, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",");
        assertRejectedAndUnchanged(f, "malformed JSON");
    }
}
