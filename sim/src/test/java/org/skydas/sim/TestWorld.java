package org.skydas.sim;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.skydas.geo.Lks94;
import org.skydas.model.Asset;
import org.skydas.model.AssetStatus;
import org.skydas.model.AssetType;
import org.skydas.model.Scenario;
import org.skydas.model.SensorParameters;
import org.skydas.model.TargetClass;
import org.skydas.model.demo.DemoScenario;
import org.skydas.sim.script.Waypoint;

/** Small synthetic scenarios around a point in central Lithuania, for statistics and protocol tests. */
final class TestWorld {

    static final double X0 = 500_000;
    static final double Y0 = 6_100_000;
    static final Instant START = Instant.parse("2026-11-27T04:00:00Z");

    private TestWorld() {
    }

    static Scenario scenario(Asset... assets) {
        return new Scenario(Map.of("name", "test"), List.of(), List.of(), List.of(), List.of(), List.of(assets),
                DemoScenario.programme());
    }

    static Asset sensor(String id, AssetType type, Geometry g, SensorParameters p) {
        return new Asset(id, id, type, g, AssetStatus.OPERATIONAL, 0, 0, null, 2026, p, Map.of());
    }

    static Asset pointSensor(String id, AssetType type, double x, double y, SensorParameters p) {
        return sensor(id, type, Lks94.GRID.createPoint(new Coordinate(x, y)), p);
    }

    static SensorParameters params(double personRangeM, double azFrom, double azTo, double pdNear, double pdFar,
                                   double scanS, double noiseM, double faPerHour) {
        return new SensorParameters(25, Map.of(TargetClass.PERSON, personRangeM, TargetClass.VEHICLE, 2 * personRangeM,
                TargetClass.DRONE_120M, personRangeM), azFrom, azTo, -5, 30, pdNear, pdFar, scanS, noiseM, faPerHour);
    }

    /** A waypoint at grid offset (dx, dy) from (X0, Y0). */
    static Waypoint at(double dx, double dy, Double speed) {
        Coordinate w = Lks94.toWgs84(X0 + dx, Y0 + dy);
        return new Waypoint(w.x, w.y, speed);
    }
}
