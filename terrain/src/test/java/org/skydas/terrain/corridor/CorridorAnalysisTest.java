package org.skydas.terrain.corridor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.model.Neighbour;
import org.skydas.model.Scenario;
import org.skydas.model.demo.StraightBorder;
import org.skydas.terrain.warp.GridSpec;

/**
 * Corridors on a hand-made scenario: a straight east-west border 40 km long at N0 (Belarus south,
 * Lithuania north), the 5 km buffer north of it, flat ground (the bare ellipsoid), 250 m cells.
 */
class CorridorAnalysisTest {

    // central Lithuania, far from any real neighbour: origins are then the whole band south of the line
    static final double E0 = 450_000;
    static final double N0 = 6_150_000;

    @TempDir
    Path tmp;

    static Scenario scenario() {
        return StraightBorder.scenario(E0, N0, 40_000, List.of());
    }

    static CorridorAnalysis.Result run(Mover mover, List<Obstacle> obstacles, CorridorAnalysis.DetectionField f, int k) {
        Scenario s = scenario();
        CorridorAnalysis.Options o = new CorridorAnalysis.Options(Neighbour.BY, null, k, mover, 0.6, 10_000, 250);
        GridSpec grid = CorridorAnalysis.grid(s, o);
        return CorridorAnalysis.run(s, grid, null, f, obstacles, o, (d, n) -> { });
    }

    static Obstacle fence(String id, double northing, double fromE, double toE, Double delay, Boolean passable,
            String kind) {
        return new Obstacle(id, kind, Lks94.GRID.createLineString(new Coordinate[] {new Coordinate(fromE, northing),
            new Coordinate(toE, northing)}), delay, passable);
    }

    @Test
    void walkersCrossTheBufferAtWalkingSpeed() {
        CorridorAnalysis.Result r = run(Mover.FOOT, List.of(), (x, y) -> 0, 1);
        CorridorAnalysis.Corridor c = r.corridors().get(0);
        // from the border (origins start right beside it) to the buffer's inner edge: about 5 km at 0.72 s/m
        assertThat(c.travelS()).isBetween(0.72 * 4_500, 0.72 * 5_300);
        assertThat(c.path()[0].y).isLessThan(N0);
        assertThat(c.path()[c.path().length - 1].y).isGreaterThan(N0 + 4_500);
        assertThat(c.firstDetectionS()).isNull();
        assertThat(c.sectors()).hasSize(1);
        // travel time is the time to the objective at the corridor's origin
        int origin = c.cells()[0];
        assertThat((double) r.timeToObjective()[origin]).isCloseTo(c.travelS(), within(1e-3 * c.travelS()));
    }

    @Test
    void anObstacleNeverLowersAnyTravelTimeAndItsDelayIsReported() {
        for (Mover m : Mover.values()) {
            CorridorAnalysis.Result before = run(m, List.of(), (x, y) -> 0, 1);
            List<Obstacle> obstacles = List.of(fence("f1", N0 + 2_010, E0 - 20_000, E0 + 60_000, 300.0, null, "fence"),
                    fence("d1", N0 + 3_010, E0 - 20_000, E0 + 20_000, null, null, "ditch"));
            CorridorAnalysis.Result after = run(m, obstacles, (x, y) -> 0, 1);
            float[] a = before.timeToObjective();
            float[] b = after.timeToObjective();
            for (int i = 0; i < a.length; i++) {
                if (Float.isNaN(a[i])) {
                    assertThat(b[i]).as("%s cell %d", m, i).isNaN();
                } else if (!Float.isNaN(b[i])) {
                    assertThat(b[i]).as("%s cell %d", m, i).isGreaterThanOrEqualTo(a[i] * (1 - 1e-6f));
                }
            }
            CorridorAnalysis.Corridor c = after.corridors().get(0);
            if (m == Mover.DRONE) {
                assertThat(c.obstacleDelayS()).isZero();
            } else {
                // the fence spans the whole width: every corridor crosses it once, paying about 300 s
                assertThat(c.obstacleDelayS()).as(m.name()).isBetween(250.0, 700.0);
                assertThat(c.travelS()).isGreaterThan(before.corridors().get(0).travelS() + 250);
            }
            if (m == Mover.VEHICLE) {
                // a ditch stops wheeled vehicles: they go round its east end
                assertThat(c.path()).anyMatch(p -> p.x > E0 + 20_000);
            }
        }
    }

    @Test
    void anImpassableLineCannotBeJumpedDiagonally() {
        // a diagonal line (staircase of cells) across the whole grid: passable false blocks every move across
        Obstacle wall = new Obstacle("wall", "barrier", Lks94.GRID.createLineString(new Coordinate[] {
            new Coordinate(E0 - 40_000, N0 + 1_000), new Coordinate(E0 + 80_000, N0 + 4_000)}), null, false);
        CorridorAnalysis.Result r = run(Mover.FOOT, List.of(wall), (x, y) -> 0, 1);
        assertThat(r.corridors()).isEmpty();
    }

    @Test
    void warningTimeIsTravelAfterFirstDetection() {
        // a sensor line 1-1.5 km inside: p = 0.4 per cell, so the second cell inside brings the cumulative to 0.64
        CorridorAnalysis.Result r = run(Mover.FOOT, List.of(),
                (x, y) -> y > N0 + 1_000 && y < N0 + 1_500 ? 0.4 : 0, 3);
        assertThat(r.corridors()).hasSize(3);
        for (CorridorAnalysis.Corridor c : r.corridors()) {
            assertThat(c.firstDetectionS()).isNotNull();
            assertThat(c.warningS()).isCloseTo(c.travelS() - c.firstDetectionS(), within(1e-9));
            assertThat(c.firstDetectionS()).isBetween(0.72 * 1_000, 0.72 * 2_000);
        }
        // diverse: each shares at most 60 % of its cells with a faster one
        List<Set<Integer>> seen = new ArrayList<>();
        for (CorridorAnalysis.Corridor c : r.corridors()) {
            assertThat(c.overlapWithBetter()).isLessThanOrEqualTo(0.6);
            Set<Integer> cells = new HashSet<>();
            for (int x : c.cells()) {
                cells.add(x);
            }
            seen.add(cells);
        }
        assertThat(r.corridors()).isSortedAccordingTo((a, b) -> Double.compare(a.travelS(), b.travelS()));
        assertThat(r.sectors()).allMatch(s -> s.minWarningS() != null);
    }

    @Test
    void writesEveryOutput() throws Exception {
        CorridorAnalysis.Result r = run(Mover.FOOT, List.of(), (x, y) -> y > N0 + 1_000 ? 0.3 : 0, 2);
        CorridorOutputs.write(tmp, scenario(), r, "bare ellipsoid");
        for (String f : List.of("corridors.geojson", "isochrones.geojson", "time_to_objective.tif", "report.json",
                "report.csv", "map.png")) {
            assertThat(tmp.resolve(f)).isRegularFile();
        }
        String json = Files.readString(tmp.resolve("corridors.geojson"));
        assertThat(json).contains("\"LineString\"").contains("\"warning_time_s\"").contains("\"rank\":1");
        assertThat(Files.readString(tmp.resolve("report.csv"))).contains("corridor,1,BY-");
        assertThat(Files.readString(tmp.resolve("isochrones.geojson"))).contains("\"from_min\":0");
    }
}
