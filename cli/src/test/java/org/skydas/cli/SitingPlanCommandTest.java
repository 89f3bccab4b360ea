package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

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
import org.skydas.siting.scenario.ScenarioSiting;
import org.skydas.store.ScenarioStore;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.io.DemReader;
import org.skydas.terrain.landcover.LandCoverModel;
import org.skydas.terrain.scenario.CellMask;
import org.skydas.terrain.scenario.ClassCoverage;
import org.skydas.terrain.scenario.CoverageOptions;
import org.skydas.terrain.scenario.ScenarioCoverage;
import org.skydas.terrain.scenario.SensorSelection;
import org.skydas.testkit.SharedData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code skydas siting plan} on a 30 km stretch of the LT–BY border near Druskininkai on the shared DTED0 mosaic: a
 * 5 km buffer zone, one operational radar, radar candidates every 5 km; then {@code --apply}, and the coverage the
 * terrain module computes for the applied scenario must equal the plan's coverage_after.
 */
class SitingPlanCommandTest {

    static final double E0 = 540_000;
    static final double N0 = 6_000_000;

    @TempDir
    Path dir;

    static SensorParameters radar() {
        return new SensorParameters(25, Map.of(TargetClass.PERSON, 8_000.0), 0, 0, -5, 30, 0.95, 0.6, 2, 20, 0.5);
    }

    Path scenario() throws Exception {
        LineString line = Lks94.GRID.createLineString(new Coordinate[] {new Coordinate(E0, N0),
            new Coordinate(E0 + 30_000, N0)});
        BorderLine by = new BorderLine("border-BY", Neighbour.BY, Lks94.GRID.createMultiLineString(new LineString[] {line}));
        Zone strip = new Zone("strip-BY", "strip", ZoneKind.BORDER_STRIP,
                Lks94.GRID.toGeometry(new Envelope(E0, E0 + 30_000, N0, N0 + 1_000)), Map.of());
        Zone buffer = new Zone("buffer-BY", "buffer", ZoneKind.BUFFER,
                Lks94.GRID.toGeometry(new Envelope(E0, E0 + 30_000, N0, N0 + 5_000)), Map.of());
        List<Asset> assets = List.of(
                new Asset("radar-op", null, AssetType.RADAR, Lks94.GRID.createPoint(new Coordinate(E0 + 3_000, N0 + 2_000)),
                        AssetStatus.OPERATIONAL, 1_000_000, 50_000, null, 2025, radar(), Map.of()),
                // the template: parameters and cost; far away, so that it covers nothing here
                new Asset("radar-template", null, AssetType.RADAR,
                        Lks94.GRID.createPoint(new Coordinate(E0, N0 + 150_000)), AssetStatus.PROPOSED, 1_000_000,
                        50_000, null, 2030, radar(), Map.of()));
        Scenario s = new Scenario(Map.of("name", "siting test"), List.of(by), new SectorCutter(10_000).cut(by),
                List.of(strip, buffer), List.of(), assets, DemoScenario.programme());
        Path f = dir.resolve("s.gpkg");
        ScenarioStore.write(s, f);
        return f;
    }

    @Test
    void plansAppliesAndAgreesWithTheTerrainCoverage() throws Exception {
        Path dem = SharedData.require("data/geo/dem/region/lt_by_dted0.tif");
        Path gpkg = scenario();
        Path out = dir.resolve("out");
        int code = Main.execute("siting", "plan", "--scenario", gpkg.toString(), "--dem", dem.toString(),
                "--budget", "2500000", "--class", "person", "--sensor-type", "radar", "--resolution", "500",
                "--site-cost", "200000", "--year", "2027", "--time-limit", "10", "--apply", "--out", out.toString());
        assertThat(code).isEqualTo(0);

        JsonNode plan = new ObjectMapper().readTree(out.resolve("plan.json").toFile());
        assertThat(plan.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(plan.get("gap").asDouble()).isLessThan(1e-6);
        assertThat(plan.get("demand_cells").asInt()).isEqualTo(60 * 10); // 30 km x 5 km at 500 m
        JsonNode sites = plan.get("sites");
        assertThat(sites.size()).isBetween(1, 2); // 1.2 M EUR each, 2.5 M EUR budget
        assertThat(plan.get("spend_eur").asDouble()).isEqualTo(1_200_000.0 * sites.size());
        for (JsonNode site : sites) {
            assertThat(site.get("type").asText()).isEqualTo("radar");
            assertThat(site.get("year").asInt()).isEqualTo(2027);
            assertThat(site.get("cost_eur").asDouble()).isEqualTo(1_200_000.0);
            assertThat(site.get("lon").asDouble()).isBetween(23.0, 27.0);
            assertThat(site.get("lat").asDouble()).isBetween(53.5, 55.0);
            assertThat(site.get("cells_added").asInt()).isPositive();
        }
        double before = plan.get("coverage_before").asDouble();
        double after = plan.get("coverage_after").asDouble();
        assertThat(before).isGreaterThan(0);
        assertThat(after).isGreaterThan(before);
        assertThat(plan.get("sectors").size()).isEqualTo(3);

        List<String> rows = Files.readAllLines(out.resolve("frontier.csv"));
        assertThat(rows.get(0)).isEqualTo("budget_eur,spend_eur,coverage,coverage_bound,gap,status");
        assertThat(rows).hasSize(7);
        double previous = -1;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            assertThat(Double.parseDouble(f[1])).isLessThanOrEqualTo(Double.parseDouble(f[0]));
            assertThat(Double.parseDouble(f[2])).isGreaterThanOrEqualTo(previous); // more money never covers less
            previous = Double.parseDouble(f[2]);
        }
        assertThat(Double.parseDouble(rows.get(4).split(",")[2])).isCloseTo(after, within(1e-6)); // level 1 = the plan

        assertThat(new ObjectMapper().readTree(out.resolve("plan.geojson").toFile()).get("features")).hasSize(sites.size());
        assertThat(ImageIO.read(out.resolve("map.png").toFile()).getWidth()).isPositive();

        // --apply: the new sites and planned radars are in the scenario, nothing else changed.
        Scenario applied = ScenarioStore.read(gpkg);
        assertThat(applied.assets()).hasSize(2 + sites.size());
        assertThat(applied.sites()).hasSize(sites.size());
        assertThat(applied.zones()).hasSize(2);
        List<Asset> planned = new ArrayList<>(applied.assets().subList(2, applied.assets().size()));
        for (Asset a : planned) {
            assertThat(a.status()).isEqualTo(AssetStatus.PROPOSED);
            assertThat(a.year()).isEqualTo(2027);
            assertThat(a.capexEur()).isEqualTo(1_200_000.0);
            assertThat(a.sensor()).isEqualTo(radar());
        }

        // Cross-check: the terrain module's coverage of the applied scenario over the belt is the plan's figure.
        Map<TargetClass, Double> heights = new EnumMap<>(TargetClass.class);
        heights.put(TargetClass.PERSON, TargetClass.PERSON.defaultHeightM());
        CoverageOptions options = CoverageOptions.defaults(2027).withResolution(500).withTargets(heights)
                .withSelection(SensorSelection.PLANNED);
        DemGrid grid = DemReader.read(dem);
        ScenarioCoverage cov = ScenarioCoverage.prepare(ScenarioSiting.coverageScenario(applied), List.of(grid), null,
                LandCoverModel.corineLevel1(), options);
        ClassCoverage cc = cov.compute(TargetClass.PERSON, null);
        boolean[] belt = CellMask.of(ScenarioSiting.belt(applied), cov.terrain().width(), cov.terrain().height(),
                cov.terrain().transform());
        int n = 0;
        int covered = 0;
        for (int i = 0; i < belt.length; i++) {
            if (belt[i]) {
                n++;
                covered += cc.result().probability(i) >= 0.5 ? 1 : 0;
            }
        }
        assertThat(n).isEqualTo(600);
        assertThat((double) covered / n).isCloseTo(after, within(1e-9));

    }

    @Test
    void multiPeriodWithGivenCandidates() throws Exception {
        Path dem = SharedData.require("data/geo/dem/region/lt_by_dted0.tif");
        Path gpkg = scenario();
        StringBuilder fc = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int k = 0; k < 4; k++) {
            Coordinate ll = Lks94.toWgs84(E0 + 6_000 + k * 7_000, N0 + 2_500);
            fc.append(k > 0 ? "," : "").append("{\"type\":\"Feature\",\"id\":\"mast-").append(k)
                    .append("\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[").append(ll.x).append(',')
                    .append(ll.y).append("]},\"properties\":{\"cost_eur\":").append(100_000 * (k + 1)).append("}}");
        }
        Path cands = dir.resolve("c.geojson");
        Files.writeString(cands, fc.append("]}").toString());
        Path out = dir.resolve("out");
        assertThat(Main.execute("siting", "plan", "--scenario", gpkg.toString(), "--dem", dem.toString(),
                "--budget-per-year", "2026:1150000,2027:1300000", "--class", "person", "--resolution", "500",
                "--candidates", cands.toString(), "--time-limit", "10", "--frontier", "0.5,1,2,3,4",
                "--out", out.toString())).isEqualTo(0);
        JsonNode plan = new ObjectMapper().readTree(out.resolve("plan.json").toFile());
        assertThat(plan.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(plan.get("candidates").asInt()).isEqualTo(4);
        // mast-0 (1.1 M) fits 2026 only; 2027 affords one of mast-0..2 (1.1, 1.2, 1.3 M); mast-3 (1.4 M) never.
        JsonNode periods = plan.get("periods");
        assertThat(periods.get(0).get("year").asInt()).isEqualTo(2026);
        assertThat(periods.get(0).get("spend_eur").asDouble()).isLessThanOrEqualTo(1_150_000);
        assertThat(periods.get(1).get("spend_eur").asDouble()).isLessThanOrEqualTo(1_300_000);
        assertThat(periods.get(1).get("coverage").asDouble()).isGreaterThanOrEqualTo(periods.get(0).get("coverage").asDouble());
        for (JsonNode site : plan.get("sites")) {
            assertThat(site.get("id").asText()).isIn("mast-0", "mast-1", "mast-2");
            assertThat(site.get("year").asInt()).isIn(2026, 2027);
        }
        assertThat(Files.readAllLines(out.resolve("frontier.csv"))).hasSize(6);

        Files.writeString(cands, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"m\","
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[24.9,54.1]},\"properties\":{\"cost_eur\":-5}}]}");
        assertThat(Main.execute("siting", "plan", "--scenario", gpkg.toString(), "--budget", "1", "--class", "person",
                "--candidates", cands.toString(), "--out", dir.resolve("bad").toString())).isEqualTo(2);
    }

    @Test
    void badOptionsAreOneLineAndExitTwo() throws Exception {
        Path gpkg = scenario();
        String out = dir.resolve("o").toString();
        assertThat(Main.execute("siting", "plan", "--scenario", gpkg.toString(), "--budget", "1", "--class", "tank",
                "--out", out)).isEqualTo(2);
        assertThat(Main.execute("siting", "plan", "--scenario", gpkg.toString(), "--budget", "-1", "--class", "person",
                "--out", out)).isEqualTo(2);
        assertThat(Main.execute("siting", "plan", "--scenario", gpkg.toString(), "--budget", "1",
                "--budget-per-year", "2026:1", "--class", "person", "--out", out)).isEqualTo(2);
        assertThat(Main.execute("siting", "plan", "--scenario", gpkg.toString(), "--budget-per-year", "2027:1,2026:1",
                "--class", "person", "--out", out)).isEqualTo(2);
        assertThat(Main.execute("siting", "plan", "--scenario", gpkg.toString(), "--budget", "1", "--class", "person",
                "--sensor-type", "thermal_camera", "--out", out)).isEqualTo(2); // no asset of that type to copy
        assertThat(Main.execute("siting", "plan", "--scenario", gpkg.toString(), "--budget", "1", "--class", "person",
                "--weights", "roads", "--out", out)).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("o"))).isFalse();
    }
}
