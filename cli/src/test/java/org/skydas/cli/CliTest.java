package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.skydas.geo.Lks94;
import org.skydas.model.Asset;
import org.skydas.model.AssetStatus;
import org.skydas.model.AssetType;
import org.skydas.model.BorderLine;
import org.skydas.model.Neighbour;
import org.skydas.model.Scenario;
import org.skydas.model.SectorCutter;
import org.skydas.model.demo.DemoScenario;
import org.skydas.store.ScenarioStore;

/** The command line as a user meets it: output, one-line errors, exit codes. */
class CliTest extends ConsoleTest {

    @TempDir
    Path dir;

    static Path smallScenario(Path dir) throws Exception {
        LineString line = Lks94.GRID.createLineString(new Coordinate[] {Lks94.toGrid(23.9, 53.95),
            Lks94.toGrid(24.25, 53.96)});
        BorderLine by = new BorderLine("border-BY", Neighbour.BY, Lks94.GRID.createMultiLineString(new LineString[] {line}));
        Asset fence = new Asset("fence-1", "Fence", AssetType.BARRIER_FENCE, line, AssetStatus.INSTALLED, 2.5e6, 1e4,
                null, 2026, null, Map.of());
        Scenario s = new Scenario(Map.of("name", "cli test"), List.of(by), new SectorCutter(10_000).cut(by), List.of(),
                List.of(), List.of(fence), DemoScenario.programme());
        Path f = dir.resolve("s.gpkg");
        ScenarioStore.write(s, f);
        return f;
    }

    @Test
    void helpListsEverySubcommand() {
        assertThat(Main.execute("--help")).isZero();
        assertThat(stdout()).contains("demo", "serve", "scenario", "programme");
        assertThat(Main.execute("scenario", "--help")).isZero();
        assertThat(stdout()).contains("init", "info", "export", "import");
    }

    @Test
    void serveRejectsBadRetentionAndStorageSettingsWithOneLine() throws Exception {
        Path f = smallScenario(dir);
        String data = dir.resolve("data").toString();
        assertThat(Main.execute("serve", "--scenario", f.toString(), "--data-dir", data, "--retain-detections", "7x"))
                .isEqualTo(2);
        assertThat(stderr()).contains("--retain-detections").contains("'7x'");
        assertThat(Main.execute("serve", "--scenario", f.toString(), "--data-dir", data, "--storage-low", "lots"))
                .isEqualTo(2);
        assertThat(stderr()).contains("--storage-low").contains("512M or 2G");
        assertThat(Main.execute("serve", "--scenario", f.toString(), "--data-dir", data, "--storage-low", "1G",
                "--storage-floor", "2G")).isEqualTo(2);
        assertThat(stderr()).contains("--storage-floor (2G) must not be above --storage-low (1G)");
        assertThat(ServeCommand.bytes("x", "512M")).isEqualTo(512L << 20);
        assertThat(ServeCommand.bytes("x", "2GiB")).isEqualTo(2L << 30);
    }

    @Test
    void infoShowsLayersAndBorderLengths() throws Exception {
        Path f = smallScenario(dir);
        assertThat(Main.execute("scenario", "info", f.toString())).isZero();
        assertThat(stdout()).contains("cli test").contains("sectors").contains("BY Belarus")
                .containsPattern("BY Belarus\\s+23\\.\\d km\\s+2 sectors");
    }

    @Test
    void programmeReportShowsTheRollUp() throws Exception {
        Path f = smallScenario(dir);
        assertThat(Main.execute("programme", "report", f.toString())).isZero();
        assertThat(stdout()).containsPattern("barriers_fortifications\\s+2026\\s+10,000,000\\s+2,500,000\\s+2,500,000\\s+2,500,000")
                .containsPattern("TOTAL\\s+all\\s+1,100,000,000\\s+2,500,000");
    }

    @Test
    void exportWritesGeoJson() throws Exception {
        Path f = smallScenario(dir);
        Path json = dir.resolve("sectors.geojson");
        assertThat(Main.execute("scenario", "export", f.toString(), "--layer", "sectors", "--geojson", json.toString()))
                .isZero();
        assertThat(Files.readString(json)).contains("\"BY-001\"", "\"BY-002\"");
    }

    @Test
    void aCorruptScenarioIsOneLineAndExitCode2() throws Exception {
        Path junk = dir.resolve("junk.gpkg");
        Files.writeString(junk, "not a database".repeat(200));
        assertThat(Main.execute("scenario", "info", junk.toString())).isEqualTo(2);
        assertThat(stderr().strip()).startsWith("skydas: ").contains("junk.gpkg").contains("not a GeoPackage")
                .doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void aBadImportIsOneLineExitCode2AndChangesNothing() throws Exception {
        Path f = smallScenario(dir);
        byte[] before = Files.readAllBytes(f);
        Path json = dir.resolve("bad.geojson");
        Files.writeString(json, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"t-1\","
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[24,54]},\"properties\":{\"type\":\"tower\","
                + "\"status\":\"proposed\",\"capex_eur\":1,\"year\":2026}}]}");
        assertThat(Main.execute("scenario", "import", f.toString(), "--layer", "assets", "--geojson", json.toString()))
                .isEqualTo(2);
        assertThat(stderr().strip()).contains("bad.geojson").contains("feature 't-1'")
                .contains("unknown asset type 'tower'").doesNotContain("\n");
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
    }

    @Test
    void unknownLayerAndExistingOutputAreUsageErrors() throws Exception {
        Path f = smallScenario(dir);
        assertThat(Main.execute("scenario", "export", f.toString(), "--layer", "roads", "--geojson", "x.json"))
                .isEqualTo(2);
        assertThat(stderr()).contains("unknown layer 'roads'");
        assertThat(Main.execute("scenario", "init", "--demo", "--out", f.toString())).isEqualTo(2);
        assertThat(stderr()).contains("exists (use --force to overwrite)");
    }

    @Test
    void serveRefusesWatchThresholdsNobodyMeantNamingTheKey() throws Exception {
        Path f = smallScenario(dir);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + f)) {
            c.createStatement().execute("INSERT OR REPLACE INTO skydas_metadata VALUES ('rules.approach_eta_s', 'soon')");
        }
        assertThat(Main.execute("serve", "--scenario", f.toString(), "--port", "0", "--cot-port", "-1", "--tak-port", "-1",
                "--asterix-port", "-1", "--remoteid-port", "-1", "--tak-out-port", "-1", "--data-dir",
                dir.resolve("data").toString())).isEqualTo(2);
        assertThat(stderr().strip()).contains("s.gpkg").contains("rules.approach_eta_s").contains("'soon'")
                .doesNotContain("\n");
    }
}
