package org.skydas.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.obstacles.ObstacleField;
import org.skydas.testkit.ExternalTool;

class ObstacleLayerTest {

    @TempDir
    Path dir;

    private Path scenarioWithFields() throws Exception {
        Path f = dir.resolve("s.gpkg");
        ScenarioStore.write(TestScenarios.small(), f);
        ObstacleField mf = ObstacleSamples.minefield("Field A").withIdentity("OF-1", 1,
                org.skydas.obstacles.FieldStatus.PLANNED, List.of());
        ObstacleField ditch = ObstacleSamples.ditch("Ditch B").withIdentity("OF-2", 3,
                org.skydas.obstacles.FieldStatus.PLANNED, List.of());
        ObstacleLayer.write(f, List.of(mf, ditch));
        return f;
    }

    @Test
    void theLayerRoundTripsTheRecordsWithTheirExactGridGeometry() throws Exception {
        Path f = scenarioWithFields();
        List<ObstacleField> back = ObstacleLayer.read(f);
        assertThat(back).extracting(ObstacleField::id).containsExactly("OF-1", "OF-2");
        ObstacleField mf = ObstacleSamples.minefield("Field A");
        assertThat(back.get(0).geometry().equalsExact(mf.geometry(), 1e-6)).isTrue();
        assertThat(back.get(0).explosive()).isEqualTo(mf.explosive());
        assertThat(back.get(1).version()).isEqualTo(3);
        assertThat(back.get(1).barrier().depthM()).isEqualTo(3.0);
        // the scenario itself still reads
        assertThat(ScenarioStore.read(f).border()).hasSize(1);
        // writing again replaces the layer
        ObstacleLayer.write(f, List.of(back.get(1)));
        assertThat(ObstacleLayer.read(f)).extracting(ObstacleField::id).containsExactly("OF-2");
    }

    @Test
    void editsMadeInAGisToTheColumnsWinOverTheRecordAndBadEditsNameTheFeatureAndField() throws Exception {
        Path f = scenarioWithFields();
        try (Connection c = ScenarioStore.connect(f, false); Statement st = c.createStatement()) {
            st.execute("UPDATE obstacle_fields SET name = 'Renamed in QGIS', cost_eur = 99 WHERE id = 'OF-1'");
        }
        ObstacleField edited = ObstacleLayer.read(f).get(0);
        assertThat(edited.name()).isEqualTo("Renamed in QGIS");
        assertThat(edited.costEur()).isEqualTo(99);
        try (Connection c = ScenarioStore.connect(f, false); Statement st = c.createStatement()) {
            st.execute("UPDATE obstacle_fields SET record = json_remove(record, '$.reference_points[1]') WHERE id = 'OF-1'");
        }
        assertThatThrownBy(() -> ObstacleLayer.read(f)).isInstanceOf(StoreException.class)
                .hasMessageEndingWith("layer obstacle_fields, feature 'OF-1': reference_points: at least 2 required");
    }

    @Test
    void aScenarioWithoutTheLayerHasAnEmptyRegister() throws Exception {
        Path f = dir.resolve("s.gpkg");
        ScenarioStore.write(TestScenarios.small(), f);
        assertThat(ObstacleLayer.read(f)).isEmpty();
    }

    @Test
    void gdalSeesTheLayerInLks94() throws Exception {
        ExternalTool.require("ogrinfo");
        Path f = scenarioWithFields();
        ExternalTool.Result r = ExternalTool.run(List.of("ogrinfo", "-ro", "-so", f.toString(), "obstacle_fields"),
                null, 60);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("Feature Count: 2", "LKS94 / Lithuania TM", "kind: String", "record: String");
        ExternalTool.Result area = ExternalTool.run(List.of("ogrinfo", "-ro", "-q", f.toString(), "-dialect", "SQLite",
                "-sql", "SELECT ST_Area(geom) AS a FROM obstacle_fields WHERE id = 'OF-1'"), null, 60);
        double a = Double.parseDouble(area.stdout().replaceAll("(?s).*a \\(Real\\) = ([0-9.]+).*", "$1"));
        assertThat(a).isCloseTo(ObstacleSamples.minefield("x").areaM2(), org.assertj.core.api.Assertions.within(0.01));
    }
}
