package org.skydas.terrain.corridor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.skydas.geo.Lks94;
import org.skydas.model.Neighbour;
import org.skydas.model.Scenario;
import org.skydas.model.demo.StraightBorder;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.io.DemReader;
import org.skydas.terrain.warp.GridSpec;
import org.skydas.testkit.SharedData;

/**
 * Land cover, water and roads with the shared data: the CORINE 2006 raster of the Suwałki Landscape Park
 * (4 classes) slows every ground mover and never speeds one; the GSHHG lakes stop vehicles (no vehicle
 * corridor crosses the Kaunas Reservoir); a road is faster for vehicles and bridges a river.
 */
class GroundTest {

    static CorridorAnalysis.Result run(Scenario s, Ground ground, Mover mover, double depth, double res, int k) {
        CorridorAnalysis.Options o = new CorridorAnalysis.Options(Neighbour.BY, null, k, mover, 0.6, depth, res);
        GridSpec grid = CorridorAnalysis.grid(s, o);
        return CorridorAnalysis.run(s, grid, null, ground, (x, y) -> 0, List.of(), o, (d, n) -> { });
    }

    /** A straight border at the south of a point (lon, lat), {@code lengthM} long, starting {@code westM} west of it. */
    static Scenario borderAt(double lon, double lat, double westM, double lengthM) {
        Coordinate p = Lks94.toGrid(lon, lat);
        return StraightBorder.scenario(p.x - westM, p.y, lengthM, List.of());
    }

    @Test
    void corineLandCoverMakesEveryGroundMoverSlowerAndNoneFaster() throws Exception {
        DemGrid clc = DemReader.readWarpable(SharedData.require(
                "data/geo/landcover/suwalki_park_clc2006_4class_epsg2180.tif"));
        // a 10 km border across the park's south (54.215 N), its 5 km buffer over the park
        Scenario s = borderAt(22.78, 54.215, 0, 10_000);
        Ground lc = new Ground(clc, Cover.Coding.CORINE_4CLASS, List.of(), List.of());
        for (Mover m : List.of(Mover.FOOT, Mover.VEHICLE, Mover.TRACKED, Mover.DRONE)) {
            CorridorAnalysis.Result bare = run(s, Ground.NONE, m, 2_000, 100, 1);
            CorridorAnalysis.Result with = run(s, lc, m, 2_000, 100, 1);
            float[] a = bare.timeToObjective();
            float[] b = with.timeToObjective();
            int slower = 0;
            int stopped = 0;
            for (int i = 0; i < a.length; i++) {
                if (Float.isNaN(b[i])) {
                    stopped += Float.isNaN(a[i]) ? 0 : 1;
                    continue;
                }
                assertThat(b[i]).as("%s cell %d", m, i).isGreaterThanOrEqualTo(a[i] * (1 - 1e-6f));
                slower += b[i] > a[i] * 1.001f ? 1 : 0;
            }
            double before = bare.corridors().get(0).travelS();
            double after = with.corridors().get(0).travelS();
            if (m == Mover.DRONE) {
                assertThat(slower).isZero();
                assertThat(stopped).isZero();
                assertThat(after).isEqualTo(before);
            } else {
                // forest (2 249 cells of 90 m) and lakes (784) lie across the park: many cells take longer
                assertThat(slower).as(m.name()).isGreaterThan(500);
                // water is impassable to every ground mover, wetland to wheeled vehicles
                assertThat(stopped).as(m.name()).isGreaterThan(20);
                assertThat(after).as(m.name()).isGreaterThanOrEqualTo(before);
            }
        }
    }

    @Test
    void noVehicleCorridorCrossesALake() throws Exception {
        List<Geometry> water = Ground.readGeoJson(SharedData.require("data/geo/hydro/region_lakes_gshhg_full.geojson"));
        // the Kaunas Reservoir (23.99-24.24 E, 54.78-54.91 N): a border just south of it, the buffer over its south
        Coordinate inKaunas = Lks94.toGrid(24.1, 54.85);
        Geometry reservoir = water.stream().filter(g -> g instanceof Polygonal
                && g.getEnvelopeInternal().contains(inKaunas)).max(java.util.Comparator.comparingDouble(Geometry::getArea))
                .orElse(null);
        assertThat(reservoir).as("the Kaunas Reservoir in the shared lakes").isNotNull();
        Scenario s = borderAt(24.0, 54.775, 2_000, 20_000);
        Ground lakes = new Ground(null, null, water, List.of());
        PreparedGeometry wet = PreparedGeometryFactory.prepare(UnaryUnionOp.union(water.stream()
                .filter(g -> g.getEnvelopeInternal().intersects(reservoir.getEnvelopeInternal())).toList()));
        for (Mover m : List.of(Mover.VEHICLE, Mover.TRACKED, Mover.FOOT)) {
            CorridorAnalysis.Result r = run(s, lakes, m, 3_000, 100, 3);
            assertThat(r.corridors()).as(m.name()).isNotEmpty();
            for (CorridorAnalysis.Corridor c : r.corridors()) {
                for (Coordinate p : c.path()) {
                    assertThat(wet.contains(Lks94.GRID.createPoint(p))).as("%s corridor %d at %s", m, c.rank(), p)
                            .isFalse();
                }
            }
            // and the reservoir's cells cannot be reached at all
            CorridorAnalysis.Options o = r.options();
            GridSpec grid = r.grid();
            int inside = 0;
            for (int row = 0; row < grid.height(); row++) {
                for (int col = 0; col < grid.width(); col++) {
                    Coordinate p = new Coordinate(grid.transform().x(col + 0.5, row + 0.5),
                            grid.transform().y(col + 0.5, row + 0.5));
                    if (reservoir.contains(Lks94.GRID.createPoint(p))) {
                        inside++;
                        assertThat(r.timeToObjective(row * grid.width() + col)).as("%s in the lake", o.mover()).isNaN();
                    }
                }
            }
            assertThat(inside).isGreaterThan(100);
        }
    }

    @Test
    void aRoadIsFasterForVehiclesAndBridgesARiver() {
        Scenario s = StraightBorder.scenario(CorridorAnalysisTest.E0, CorridorAnalysisTest.N0, 20_000, List.of());
        double e = CorridorAnalysisTest.E0;
        double n = CorridorAnalysisTest.N0;
        // a river along the whole grid 2.5 km inside, and a road north across it
        Geometry river = Lks94.GRID.createLineString(new Coordinate[] {new Coordinate(e - 40_000, n + 2_510),
            new Coordinate(e + 60_000, n + 2_510)});
        Geometry road = Lks94.GRID.createLineString(new Coordinate[] {new Coordinate(e + 10_010, n - 3_000),
            new Coordinate(e + 10_010, n + 8_000)});
        CorridorAnalysis.Result off = run(s, Ground.NONE, Mover.VEHICLE, 3_000, 100, 1);
        CorridorAnalysis.Result blocked = run(s, new Ground(null, null, List.of(river), List.of()), Mover.VEHICLE, 3_000,
                100, 1);
        assertThat(blocked.corridors()).as("wheeled vehicles cannot cross a river without a bridge").isEmpty();
        CorridorAnalysis.Result bridged = run(s, new Ground(null, null, List.of(river), List.of(road)), Mover.VEHICLE,
                3_000, 100, 1);
        assertThat(bridged.corridors()).hasSize(1);
        CorridorAnalysis.Corridor c = bridged.corridors().get(0);
        // it crosses the river on the road: 60 km/h instead of 30 off road, so faster than without either
        Coordinate atRiver = java.util.Arrays.stream(c.path()).filter(p -> Math.abs(p.y - (n + 2_510)) < 100)
                .findFirst().orElseThrow();
        assertThat(Math.abs(atRiver.x - (e + 10_010))).isLessThan(100);
        assertThat(c.travelS()).isLessThan(off.corridors().get(0).travelS());
        // walkers wade: the river costs them its 1800 s once, never more than that plus a cell's walk
        CorridorAnalysis.Result dry = run(s, Ground.NONE, Mover.FOOT, 3_000, 100, 1);
        CorridorAnalysis.Result wet = run(s, new Ground(null, null, List.of(river), List.of()), Mover.FOOT, 3_000, 100, 1);
        double extra = wet.corridors().get(0).travelS() - dry.corridors().get(0).travelS();
        assertThat(extra).isBetween(0.0, 1800.0 + 0.72 * 150);
        assertThat(wet.corridors().get(0).obstacleDelayS()).as("water is ground, not an obstacle").isZero();
    }
}
