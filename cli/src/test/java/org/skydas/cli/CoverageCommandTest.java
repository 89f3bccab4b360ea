package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;
import org.skydas.geo.Lks94;
import org.skydas.model.Asset;
import org.skydas.model.AssetStatus;
import org.skydas.model.AssetType;
import org.skydas.model.BorderLine;
import org.skydas.model.Neighbour;
import org.skydas.model.Scenario;
import org.skydas.model.SectorCutter;
import org.skydas.model.SensorParameters;
import org.skydas.model.TargetClass;
import org.skydas.model.Zone;
import org.skydas.model.ZoneKind;
import org.skydas.model.demo.DemoScenario;
import org.skydas.store.ScenarioStore;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.io.DemReader;
import org.skydas.terrain.scenario.CoveragePalette;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/**
 * {@code skydas coverage} on a hand-made scenario on the bare ellipsoid: a straight 4 km border, a
 * 1.2 km strip centred on it, sensors whose Pd falls linearly from 0.9 to 0.1 over 1 000 m, so
 * Pd >= 0.5 exactly within 500 m slant range: a disc of known area and a known stretch of border.
 */
class CoverageCommandTest {

    static final double E0 = 500_000;
    static final double N0 = 6_000_000;

    @TempDir
    Path dir;

    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(oldErr);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Through Main once the lead registers the command there; directly until then. */
    static int run(String... args) {
        if (new CommandLine(new Main()).getSubcommands().containsKey("coverage")) {
            String[] all = new String[args.length + 1];
            all[0] = "coverage";
            System.arraycopy(args, 0, all, 1, args.length);
            return Main.execute(all);
        }
        return new CommandLine(new CoverageCommand()).execute(args);
    }

    static SensorParameters personSensor() {
        return new SensorParameters(10, Map.of(TargetClass.PERSON, 1000.0), 0, 0, -90, 90, 0.9, 0.1, 1, 10, 0);
    }

    static Asset sensor(String id, double e, AssetStatus status) {
        return new Asset(id, id, AssetType.EO_IR_CAMERA, Lks94.GRID.createPoint(new Coordinate(e, N0)), status, 1e5, 1e3,
                null, 2026, personSensor(), Map.of());
    }

    /** Border from E0 to E0 + 4 km along N0; strip 600 m each side; A operational at the middle. */
    static Path scenario(Path dir, List<Asset> assets) throws Exception {
        LineString line = Lks94.GRID.createLineString(new Coordinate[] {new Coordinate(E0, N0),
            new Coordinate(E0 + 4000, N0)});
        BorderLine by = new BorderLine("border-BY", Neighbour.BY,
                Lks94.GRID.createMultiLineString(new LineString[] {line}));
        Zone strip = new Zone("strip-BY", "strip", ZoneKind.BORDER_STRIP,
                Lks94.GRID.toGeometry(new Envelope(E0, E0 + 4000, N0 - 600, N0 + 600)), Map.of());
        Scenario s = new Scenario(Map.of("name", "coverage test"), List.of(by), new SectorCutter(10_000).cut(by),
                List.of(strip), List.of(), assets, DemoScenario.programme());
        Path f = dir.resolve("s.gpkg");
        ScenarioStore.write(s, f);
        return f;
    }

    static List<Asset> threeSensors() {
        return List.of(sensor("A", E0 + 2000, AssetStatus.OPERATIONAL), sensor("B", E0 + 500, AssetStatus.PROPOSED),
                sensor("C", E0 + 3500, AssetStatus.DECOMMISSIONED));
    }

    /** Area fraction of the strip within 500 m slant range of a 10 m mast for a 1.8 m target. */
    static double discPct() {
        double r = Math.sqrt(500 * 500 - 8.2 * 8.2);
        return 100 * Math.PI * r * r / (4000 * 1200);
    }

    @Test
    void oneOperationalSensorCoversItsDiscOfTheStrip() throws Exception {
        Path f = scenario(dir, threeSensors());
        Path out = dir.resolve("out");
        // A previous run's files: each output replaces its file whole (a new file renamed over it), none in place.
        Files.createDirectories(out);
        List<String> names = List.of("report.csv", "report.json", "gaps-person.geojson", "map-person.png",
                "coverage-person-count.tif", "coverage-person-probability.tif");
        Map<String, Object> inodes = new java.util.HashMap<>();
        for (String n : names) {
            inodes.put(n, Files.getAttribute(Files.writeString(out.resolve(n), "previous run"), "unix:ino"));
        }
        int code = run("--scenario", f.toString(), "--resolution", "20", "--sensors", "operational", "--out",
                out.toString());
        assertThat(code).as(stderr()).isZero();
        for (String n : names) {
            assertThat(Files.getAttribute(out.resolve(n), "unix:ino")).as("%s replaced by a rename", n)
                    .isNotEqualTo(inodes.get(n));
        }
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary left").noneMatch(n -> n.endsWith(".tmp"));
        }
        assertThat(stderr()).contains("terrain: bare ellipsoid").contains("coverage [");

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.get("terrain").asText()).contains("bare ellipsoid");
        assertThat(report.get("sensor_statuses").asText()).isEqualTo("operational");
        JsonNode person = classNode(report, "person");
        assertThat(person.get("sensors").toString()).isEqualTo("[\"A\"]");
        JsonNode sector = person.get("sectors").get(0);
        assertThat(person.get("sectors")).hasSize(1);
        assertThat(sector.get("strip_area_km2").asDouble()).isCloseTo(4.8, within(1e-9));
        assertThat(sector.get("covered_pct").asDouble()).isCloseTo(discPct(), within(0.25));
        // covered from 1500 to 2500 m along the line: the longest gap is 1500 m either side
        assertThat(sector.get("longest_gap_m").asDouble()).isCloseTo(1500, within(25.0));
        assertThat(sector.get("border_length_m").asDouble()).isCloseTo(4000, within(1e-6));
        // the sensor cannot see vehicles: the whole line is a gap
        JsonNode vehicle = classNode(report, "vehicle").get("sectors").get(0);
        assertThat(vehicle.get("covered_pct").asDouble()).isZero();
        assertThat(vehicle.get("longest_gap_m").asDouble()).isCloseTo(4000, within(1e-6));

        List<String> csv = Files.readAllLines(out.resolve("report.csv"));
        assertThat(csv).hasSize(1 + 4);
        assertThat(csv.get(0)).startsWith("sector,neighbour,target,");
        String personRow = csv.stream().filter(l -> l.contains(",person,")).findFirst().orElseThrow();
        assertThat(personRow).startsWith("BY-001,BY,person,1.8,1,4.8000,").endsWith(",\"terrain: bare ellipsoid (height 0 m, no DEM given)\"")
                .contains("terrain: bare ellipsoid");

        // rasters: Pd 0.9 - 0.8 r / 1000 at slant range r, one sensor, on the 20 m grid
        DemGrid p = DemReader.read(out.resolve("coverage-person-probability.tif"));
        DemGrid n = DemReader.read(out.resolve("coverage-person-count.tif"));
        assertThat(p.epsg()).isEqualTo(3346);
        assertThat(p.transform().dx()).isEqualTo(20.0);
        int c = (int) Math.floor(p.transform().col(E0 + 2310, N0 + 10));
        int r = (int) Math.floor(p.transform().row(E0 + 2310, N0 + 10));
        double cx = p.transform().x(c + 0.5, r + 0.5) - (E0 + 2000);
        double cy = p.transform().y(c + 0.5, r + 0.5) - N0;
        double slant = Math.sqrt(cx * cx + cy * cy + 8.2 * 8.2);
        assertThat((double) p.height(c, r)).isCloseTo(0.9 - 0.8 * slant / 1000, within(1e-3));
        assertThat(n.height(c, r)).isEqualTo(1f);
        int far = (int) Math.floor(p.transform().col(E0 + 3500, N0));
        assertThat(n.height(far, r)).isZero(); // C is decommissioned, B only proposed
        assertThat(p.height(far, r)).isZero();
        String tiffText = new String(Files.readAllBytes(out.resolve("coverage-person-count.tif")),
                StandardCharsets.US_ASCII);
        assertThat(tiffText).contains("terrain: bare ellipsoid");

        // gaps in WGS84: the strip minus the disc
        JsonNode gaps = new ObjectMapper().readTree(out.resolve("gaps-person.geojson").toFile());
        JsonNode feature = gaps.get("features").get(0);
        assertThat(feature.get("properties").get("terrain").asText()).contains("bare ellipsoid");
        assertThat(feature.get("properties").get("gap_area_km2").asDouble())
                .isCloseTo(4.8 * (1 - discPct() / 100), within(0.02));
        JsonNode first = firstPosition(feature.get("geometry"));
        assertThat(first.get(0).asDouble()).isBetween(23.9, 24.1); // LKS-94's central meridian is 24 E
        assertThat(first.get(1).asDouble()).isBetween(54.0, 54.2);

        BufferedImage map = ImageIO.read(out.resolve("map-person.png").toFile());
        assertThat(map.getWidth()).isGreaterThanOrEqualTo(800 + 300);
        List<Integer> colours = new ArrayList<>();
        for (int y = 0; y < map.getHeight(); y++) {
            for (int x = 0; x < 800; x++) {
                colours.add(map.getRGB(x, y) & 0xFFFFFF);
            }
        }
        assertThat(colours).contains(CoveragePalette.UNCOVERED_STRIP_RGB, CoveragePalette.RGB[3], CoveragePalette.RGB[0]);
    }

    @Test
    void plannedSensorsAddTheProposedOneButNeverTheDecommissioned() throws Exception {
        Path f = scenario(dir, threeSensors());
        Path out = dir.resolve("out");
        assertThat(run("--scenario", f.toString(), "--resolution", "20", "--targets", "person", "--out",
                out.toString())).as(stderr()).isZero();
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.get("classes")).hasSize(1);
        JsonNode person = classNode(report, "person");
        assertThat(person.get("sensors").toString()).isEqualTo("[\"A\",\"B\"]");
        // between A and B neither alone reaches 0.5 but together they do: 1 - (1 - PdA)(1 - PdB)
        double expected = combinedPct(E0 + 2000, E0 + 500);
        assertThat(expected).isGreaterThan(2 * discPct() + 1);
        assertThat(person.get("sectors").get(0).get("covered_pct").asDouble()).isCloseTo(expected, within(0.3));
        assertThat(Files.exists(out.resolve("map-vehicle.png"))).isFalse();
    }

    /** The covered share of the strip, integrated independently on a 2 m lattice. */
    static double combinedPct(double... sensorsE) {
        long in = 0;
        long all = 0;
        for (double x = E0 + 1; x < E0 + 4000; x += 2) {
            for (double y = N0 - 599; y < N0 + 600; y += 2) {
                double miss = 1;
                for (double e : sensorsE) {
                    double d = Math.hypot(x - e, y - N0);
                    double slant = Math.sqrt(d * d + 8.2 * 8.2);
                    if (d <= 1000) {
                        miss *= 1 - (0.9 - 0.8 * Math.min(slant, 1000) / 1000);
                    }
                }
                all++;
                in += 1 - miss >= 0.5 ? 1 : 0;
            }
        }
        return 100.0 * in / all;
    }

    @Test
    void badInputIsOneLineAndExitCode2() throws Exception {
        Path missing = dir.resolve("none.gpkg");
        assertThat(run("--scenario", missing.toString(), "--out", dir.resolve("o").toString())).isEqualTo(2);
        assertOneLineNaming(missing.toString());

        Path text = dir.resolve("text.gpkg");
        Files.writeString(text, "not a database at all, just some words to fill a page of text");
        assertThat(run("--scenario", text.toString(), "--out", dir.resolve("o").toString())).isEqualTo(2);
        assertOneLineNaming(text.toString());

        Path f = scenario(dir, threeSensors());
        Path dem = dir.resolve("cut.tif");
        Files.write(dem, Arrays.copyOf(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0}, 6));
        assertThat(run("--scenario", f.toString(), "--dem", dem.toString(), "--out", dir.resolve("o").toString()))
                .isEqualTo(2);
        assertOneLineNaming(dem.toString());

        Path noCrs = dir.resolve("no-crs.tif");
        org.skydas.terrain.io.GeoTiffWriter.writeFloat32(noCrs, DemGrid.wrap(10, 10, new float[100],
                org.skydas.terrain.GeoTransform.northUp(E0, N0, 10, -10), 0, Float.NaN),
                org.skydas.terrain.io.GeoTiffWriter.Compression.NONE);
        assertThat(run("--scenario", f.toString(), "--dem", noCrs.toString(), "--out", dir.resolve("o").toString()))
                .isEqualTo(2);
        assertOneLineNaming(noCrs + ": its CRS has no known EPSG code");

        assertThat(run("--scenario", f.toString(), "--threshold", "0", "--out", dir.resolve("o").toString()))
                .isEqualTo(2);
        assertOneLineNaming("threshold");
        assertThat(run("--scenario", f.toString(), "--targets", "tank", "--out", dir.resolve("o").toString()))
                .isEqualTo(2);
        assertOneLineNaming("tank");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    void assertOneLineNaming(String what) {
        String e = stderr();
        err.reset();
        assertThat(e.strip().lines()).as(e).hasSize(1);
        assertThat(e).startsWith("skydas coverage: ").contains(what);
    }

    static JsonNode classNode(JsonNode report, String target) {
        for (JsonNode c : report.get("classes")) {
            if (c.get("target").asText().equals(target)) {
                return c;
            }
        }
        throw new AssertionError("no class " + target + " in " + report);
    }

    static JsonNode firstPosition(JsonNode geometry) {
        JsonNode n = geometry.get("coordinates");
        while (n.get(0).isArray()) {
            n = n.get(0);
        }
        return n;
    }
}
