package org.skydas.model.demo;

import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;
import org.skydas.geo.Lks94;
import org.skydas.model.Asset;
import org.skydas.model.BorderLine;
import org.skydas.model.Neighbour;
import org.skydas.model.Scenario;
import org.skydas.model.SectorCutter;
import org.skydas.model.Zone;
import org.skydas.model.ZoneKind;

/**
 * A small hand-made scenario for examples and tests: a straight east-west border with Belarus of
 * {@code lengthM} starting at (e0, n0) in LKS-94 (Belarus south, Lithuania north), our territory
 * around it, the 5 km buffer zone north of it, sectors of 10 km, no sites. Far from the real border
 * (e.g. in central Lithuania), the neighbour's side is the whole band south of the line.
 */
public final class StraightBorder {

    private StraightBorder() {
    }

    public static Scenario scenario(double e0, double n0, double lengthM, List<Asset> assets) {
        LineString line = Lks94.GRID.createLineString(new Coordinate[] {new Coordinate(e0, n0),
            new Coordinate(e0 + lengthM, n0)});
        BorderLine by = new BorderLine("border-BY", Neighbour.BY,
                Lks94.GRID.createMultiLineString(new LineString[] {line}));
        Zone territory = new Zone("territory-LT", "LT", ZoneKind.NATIONAL_TERRITORY,
                Lks94.GRID.toGeometry(new Envelope(e0 - 30_000, e0 + lengthM + 30_000, n0, n0 + 60_000)), Map.of());
        Zone buffer = new Zone("buffer-BY", "buffer", ZoneKind.BUFFER,
                Lks94.GRID.toGeometry(new Envelope(e0, e0 + lengthM, n0, n0 + 5_000)),
                Map.of("neighbour", "BY", "width_m", 5000));
        return new Scenario(Map.of("name", "straight border"), List.of(by), new SectorCutter(10_000).cut(by),
                List.of(territory, buffer), List.of(), assets, DemoScenario.programme());
    }
}
