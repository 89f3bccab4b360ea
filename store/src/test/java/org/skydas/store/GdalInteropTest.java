package org.skydas.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.model.Scenario;
import org.skydas.model.demo.DemoScenario;
import org.skydas.testkit.ExternalTool;

/** GDAL reads what we write: layers, feature counts, CRS and geometry types of the demo scenario. */
class GdalInteropTest {

    @TempDir
    Path dir;

    @Test
    void ogrinfoListsTheLayersWithTheirCounts() throws Exception {
        ExternalTool.require("ogrinfo");
        Scenario demo = new DemoScenario().build();
        Path f = dir.resolve("demo.gpkg");
        ScenarioStore.write(demo, f);

        ExternalTool.Result list = ExternalTool.run(List.of("ogrinfo", "-ro", f.toString()), null, 60);
        assertThat(list.exitCode()).as(list.stderr()).isZero();
        assertThat(list.stdout()).contains("1: border (Multi Line String)", "2: sectors (Multi Line String)",
                "3: zones (Multi Polygon)", "4: sites (Point)", "5: assets", "6: obstacle_fields", "7: programme (None)");
        assertThat(list.stderr()).doesNotContain("ERROR");

        assertCount(f, "border", demo.border().size());
        assertCount(f, "sectors", demo.sectors().size());
        assertCount(f, "zones", demo.zones().size());
        assertCount(f, "sites", demo.sites().size());
        assertCount(f, "assets", demo.assets().size());
        assertCount(f, "programme", demo.programme().envelope().size());

        ExternalTool.Result sectors = ExternalTool.run(List.of("ogrinfo", "-ro", "-so", f.toString(), "sectors"), null, 60);
        assertThat(sectors.stdout()).contains("LKS94 / Lithuania TM").contains("ID[\"EPSG\",3346]");

        // GDAL's SQL sees our geometry blobs: total sector length equals the border's.
        ExternalTool.Result len = ExternalTool.run(List.of("ogrinfo", "-ro", "-q", f.toString(), "-dialect", "SQLite",
                "-sql", "SELECT sum(ST_Length(geom)) AS total FROM sectors WHERE neighbour = 'PL'"), null, 60);
        double total = Double.parseDouble(len.stdout().replaceAll("(?s).*total \\(Real\\) = ([0-9.]+).*", "$1"));
        double expected = demo.border().stream().filter(b -> b.neighbour().code().equals("PL")).findFirst()
                .orElseThrow().lengthM();
        assertThat(total).isCloseTo(expected, org.assertj.core.api.Assertions.within(1.0));
    }

    private static void assertCount(Path f, String layer, int expected) {
        ExternalTool.Result r = ExternalTool.run(List.of("ogrinfo", "-ro", "-so", f.toString(), layer), null, 60);
        assertThat(r.stdout()).as(layer).contains("Feature Count: " + expected);
    }
}
