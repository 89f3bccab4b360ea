package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.skydas.geo.Lks94;
import org.skydas.model.Scenario;
import org.skydas.model.demo.StraightBorder;
import org.skydas.testkit.SharedData;
import org.skydas.store.ScenarioStore;

/**
 * {@code skydas corridors} on a small hand-made scenario (a straight 20 km border in central Lithuania):
 * the files it writes, an obstacle from --obstacles adding its delay, and bad input as one line with exit 2.
 */
class CorridorsCommandTest {

    static final double E0 = 450_000;
    static final double N0 = 6_150_000;

    @TempDir
    Path tmp;

    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldErr;
    Path gpkg;

    @BeforeEach
    void setUp() throws Exception {
        oldErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        Scenario s = StraightBorder.scenario(E0, N0, 20_000, List.of());
        gpkg = tmp.resolve("s.gpkg");
        ScenarioStore.write(s, gpkg);
    }

    @AfterEach
    void restore() {
        System.setErr(oldErr);
    }

    private JsonNode run(String dir, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("corridors", "--scenario", gpkg.toString(), "--from", "BY",
                "--k", "1", "--resolution", "250", "--out", tmp.resolve(dir).toString()));
        args.addAll(List.of(extra));
        assertThat(Main.execute(args.toArray(String[]::new))).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return new ObjectMapper().readTree(tmp.resolve(dir).resolve("report.json").toFile());
    }

    @Test
    void writesTheCorridorsAndCountsAnObstaclesDelay() throws Exception {
        JsonNode plain = run("plain");
        for (String f : List.of("corridors.geojson", "isochrones.geojson", "time_to_objective.tif", "report.csv",
                "map.png")) {
            assertThat(tmp.resolve("plain").resolve(f)).isRegularFile();
        }
        double travel = plain.get("corridors").get(0).get("travel_time_s").asDouble();
        assertThat(travel).isBetween(0.72 * 4_500, 0.72 * 5_300);
        // a fence across the whole approach, 2 km inside, from a WGS84 GeoJSON file
        Coordinate a = Lks94.toWgs84(E0 - 15_000, N0 + 2_010);
        Coordinate b = Lks94.toWgs84(E0 + 35_000, N0 + 2_010);
        Path obstacles = tmp.resolve("fence.geojson");
        Files.writeString(obstacles, String.format(java.util.Locale.ROOT, "{\"type\":\"FeatureCollection\",\"features\":"
                + "[{\"type\":\"Feature\",\"id\":\"fence-1\",\"properties\":{\"kind\":\"fence\",\"delay_s\":600},"
                + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[%.7f,%.7f],[%.7f,%.7f]]}}]}",
                a.x, a.y, b.x, b.y));
        JsonNode fenced = run("fenced", "--obstacles", obstacles.toString());
        JsonNode c = fenced.get("corridors").get(0);
        // paid once, whatever the angle of the crossing: 600 s plus at most a cell's walk (250 m)
        assertThat(c.get("obstacle_delay_s").asDouble()).isBetween(590.0, 600.0 + 0.72 * 250 * 1.5);
        assertThat(c.get("travel_time_s").asDouble()).isGreaterThan(travel + 550);
    }

    @Test
    void landCoverWaterAndRoadsFromTheSharedDataGoIntoTheRun() throws Exception {
        Path lakes = SharedData.require("data/geo/hydro/region_lakes_gshhg_full.geojson");
        Path rivers = SharedData.require("data/geo/hydro/region_rivers_wdbii_gshhg.geojson");
        Path clc = SharedData.require("data/geo/landcover/suwalki_park_clc2006_4class_epsg2180.tif");
        double plain = run("plain", "--mover", "tracked").get("corridors").get(0).get("travel_time_s").asDouble();
        JsonNode r = run("ground", "--mover", "tracked", "--landcover", clc.toString(), "--landcover-classes",
                "corine-4class", "--water", lakes.toString(), rivers.toString());
        assertThat(r.get("terrain").asText()).contains("land cover (corine-4class)").contains("water: 40 river line(s), "
                + "171 lake(s)");
        assertThat(r.get("corridors").get(0).get("travel_time_s").asDouble()).isGreaterThanOrEqualTo(plain);
        Path point = tmp.resolve("point.geojson");
        Files.writeString(point, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"p\","
                + "\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[23.1,55.4]}}]}");
        assertThat(Main.execute("corridors", "--scenario", gpkg.toString(), "--from", "BY", "--roads", point.toString(),
                "--out", tmp.resolve("y").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("feature 'p': a line or polygon is needed");
        assertThat(Main.execute("corridors", "--scenario", gpkg.toString(), "--from", "BY", "--landcover-classes",
                "glc2000", "--out", tmp.resolve("y").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown land-cover coding 'glc2000'");
        assertThat(tmp.resolve("y")).doesNotExist();
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path bad = tmp.resolve("bad.geojson");
        Files.writeString(bad, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"x\","
                + "\"properties\":{\"kind\":\"moat\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":"
                + "[[23.1,55.4],[23.2,55.4]]}}]}");
        assertThat(Main.execute("corridors", "--scenario", gpkg.toString(), "--from", "BY", "--obstacles",
                bad.toString(), "--out", tmp.resolve("x").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown kind 'moat'");
        assertThat(Main.execute("corridors", "--scenario", gpkg.toString(), "--from", "EE", "--out",
                tmp.resolve("x").toString())).isEqualTo(2);
        assertThat(Main.execute("corridors", "--scenario", gpkg.toString(), "--from", "RU", "--out",
                tmp.resolve("x").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no border line with RU");
        assertThat(tmp.resolve("x")).doesNotExist();
    }
}
