package org.skydas.terrain.scenario;

import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
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

/** Hand-made scenarios: a straight east-west border at N0 from E0, a strip 600 m each side. */
final class TestScenario {

    static final double E0 = 500_000;
    static final double N0 = 6_000_000;

    private TestScenario() {
    }

    static SensorParameters params(double mast, double range, double from, double to) {
        return new SensorParameters(mast, Map.of(TargetClass.PERSON, range), from, to, -90, 90, 0.9, 0.1, 1, 10, 0);
    }

    static Asset sensor(String id, double e, double n, AssetStatus status, SensorParameters p) {
        return new Asset(id, id, AssetType.RADAR, Lks94.GRID.createPoint(new Coordinate(e, n)), status, 1e5, 1e3, null,
                2026, p, Map.of());
    }

    static Asset forest(String id, Geometry area, int year, double canopy, double growthYears) {
        return new Asset(id, id, AssetType.REFORESTATION_AREA, area, AssetStatus.CONTRACTED, 1e5, 1e3, null, year, null,
                Map.of("canopy_height_m", canopy, "growth_years", growthYears));
    }

    static Geometry box(double minE, double maxE, double minN, double maxN) {
        return Lks94.GRID.toGeometry(new Envelope(minE, maxE, minN, maxN));
    }

    /** A border {@code lengthM} long cut into sectors of {@code sectorM}. */
    static Scenario of(double lengthM, double sectorM, List<Asset> assets) {
        LineString line = Lks94.GRID.createLineString(new Coordinate[] {new Coordinate(E0, N0),
            new Coordinate(E0 + lengthM, N0)});
        BorderLine by = new BorderLine("border-BY", Neighbour.BY,
                Lks94.GRID.createMultiLineString(new LineString[] {line}));
        Zone strip = new Zone("strip-BY", "strip", ZoneKind.BORDER_STRIP, box(E0, E0 + lengthM, N0 - 600, N0 + 600),
                Map.of());
        return new Scenario(Map.of("name", "test"), List.of(by), new SectorCutter(sectorM).cut(by), List.of(strip),
                List.of(), assets, DemoScenario.programme());
    }
}
