package org.skydas.siting.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
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
import org.skydas.siting.SitingInstance;

/**
 * {@code --weights corridors} on a hand-made border 40 km long (Belarus south, the 5 km buffer north, flat ground):
 * an impassable fence across the buffer leaves a gap only at the east end, so every approach corridor runs through
 * that gap. Two candidate radars: one in the middle of the belt (it covers the most cells) and one by the gap (part
 * of its range falls east of the belt). With uniform weights the plan takes the middle one, with corridor weights the
 * one by the gap; the weights are 1 away from the corridors and at most 1 + 3 + 2 + 1 on them.
 */
class CorridorWeightsTest {

    static final double E0 = 450_000;
    static final double N0 = 6_150_000;

    static Scenario scenario() {
        LineString line = Lks94.GRID.createLineString(new Coordinate[] {new Coordinate(E0, N0),
            new Coordinate(E0 + 40_000, N0)});
        BorderLine by = new BorderLine("border-BY", Neighbour.BY, Lks94.GRID.createMultiLineString(new LineString[] {line}));
        Zone territory = new Zone("territory-LT", "LT", ZoneKind.NATIONAL_TERRITORY,
                Lks94.GRID.toGeometry(new Envelope(E0 - 30_000, E0 + 70_000, N0, N0 + 60_000)), Map.of());
        Zone buffer = new Zone("buffer-BY", "buffer", ZoneKind.BUFFER,
                Lks94.GRID.toGeometry(new Envelope(E0, E0 + 40_000, N0, N0 + 5_000)),
                Map.of("neighbour", "BY", "width_m", 5000));
        SensorParameters radar = new SensorParameters(25, Map.of(TargetClass.PERSON, 6_000.0), 0, 0, -5, 30, 0.95, 0.6,
                2, 20, 0.5);
        List<Asset> assets = List.of(
                new Asset("radar-template", null, AssetType.RADAR, Lks94.GRID.createPoint(new Coordinate(E0, N0 + 200_000)),
                        AssetStatus.PROPOSED, 900_000, 40_000, null, 2030, radar, Map.of()),
                // impassable from 20 km west of the belt to 6 km short of its east end
                new Asset("fence", null, AssetType.BARRIER_FENCE, Lks94.GRID.createLineString(new Coordinate[] {
                    new Coordinate(E0 - 20_000, N0 + 2_010), new Coordinate(E0 + 34_000, N0 + 2_010)}),
                        AssetStatus.OPERATIONAL, 1_000_000, 0, null, 2025, null, Map.of("passable", false)));
        return new Scenario(Map.of("name", "corridor weights test"), List.of(by), new SectorCutter(10_000).cut(by),
                List.of(territory, buffer), List.of(), assets, DemoScenario.programme());
    }

    static final List<ScenarioSiting.Candidate> CANDIDATES = List.of(
            new ScenarioSiting.Candidate("middle", E0 + 20_000, N0 + 2_500, 0, 100_000, false, null, null),
            new ScenarioSiting.Candidate("by-the-gap", E0 + 37_000, N0 + 2_500, 0, 100_000, false, null, null));

    static SitingPlanner.Plan plan(SitingPlanner.Weights weights) {
        // one site's cost: the plan takes exactly one of the two
        return SitingPlanner.run(scenario(), List.of(), null, new SitingPlanner.Request(TargetClass.PERSON,
                AssetType.RADAR, List.of(new SitingInstance.Period(2027, 1_000_000_00L)), false, 2027, CANDIDATES,
                5000, 100_000, weights, 250, 0.5, 10, List.of()), new SitingPlanner.Listener() { }, () -> false);
    }

    static List<String> built(SitingPlanner.Plan p) {
        return p.outputs().newSites().stream().map(s -> s.candidate().id()).toList();
    }

    @Test
    void corridorWeightsMoveTheSiteToWhereTheCorridorsRun() {
        SitingPlanner.Plan uniform = plan(SitingPlanner.Weights.UNIFORM);
        SitingPlanner.Plan corridors = plan(SitingPlanner.Weights.CORRIDORS);
        assertThat(built(uniform)).containsExactly("middle");
        assertThat(built(corridors)).containsExactly("by-the-gap");
        assertThat(corridors.result().bound()).isGreaterThanOrEqualTo(corridors.result().objective());
        assertThat(corridors.weightsNote()).contains("foot mover").contains("BY #1");

        // The weights: 1 in the west of the belt (far from the gap), more near the gap, never above 1 + 3 + 2 + 1.
        SitingInstance in = corridors.instance();
        int[] cells = corridors.siting().demandCells();
        var gt = corridors.siting().coverage().terrain().transform();
        int w = corridors.siting().coverage().terrain().width();
        double west = 0;
        double nearGap = 0;
        for (int i = 0; i < cells.length; i++) {
            double x = gt.x(cells[i] % w + 0.5, cells[i] / w + 0.5);
            double weight = in.demand().get(i).weight();
            assertThat(weight).isBetween(1.0, 7.0);
            if (x < E0 + 25_000) {
                assertThat(weight).as("x = %.0f", x).isEqualTo(1.0);
                west += weight;
            } else if (x > E0 + 34_000) {
                nearGap = Math.max(nearGap, weight);
            }
        }
        assertThat(west).isPositive();
        assertThat(nearGap).isGreaterThanOrEqualTo(4.0);
        // Uniform plan's share of the corridor-weighted demand is smaller than the corridor plan's.
        assertThat(corridors.outputs().coverageAfter()).isGreaterThan(
                weightedShare(in, uniform.instance().candidates().stream().filter(c -> c.id().equals("middle"))
                        .findFirst().orElseThrow().covers()));
    }

    static double weightedShare(SitingInstance in, int[] covers) {
        double total = in.demand().stream().mapToDouble(SitingInstance.Demand::weight).sum();
        double sum = 0;
        for (int i : covers) {
            sum += in.demand().get(i).weight();
        }
        return sum / total;
    }
}
