package org.skydas.watch;

import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;
import org.skydas.geo.Lks94;
import org.skydas.model.BorderLine;
import org.skydas.model.Neighbour;
import org.skydas.model.Scenario;
import org.skydas.model.SectorCutter;
import org.skydas.model.Zone;
import org.skydas.model.ZoneKind;
import org.skydas.model.demo.DemoScenario;

/** The test country: a 10 km square whose west edge (x = 500 000) is the border with Belarus. */
public final class Square {

    public static final double X0 = 500_000;
    public static final double Y0 = 6_000_000;

    private Square() {
    }

    public static Scenario scenario() {
        LineString west = Lks94.GRID.createLineString(new Coordinate[] {new Coordinate(X0, Y0), new Coordinate(X0, Y0 + 10_000)});
        BorderLine by = new BorderLine("border-BY", Neighbour.BY, Lks94.GRID.createMultiLineString(new LineString[] {west}));
        Zone land = new Zone("territory", "land", ZoneKind.NATIONAL_TERRITORY,
                Lks94.GRID.toGeometry(new Envelope(X0, X0 + 10_000, Y0, Y0 + 10_000)), Map.of());
        return new Scenario(Map.of("name", "square"), List.of(by), new SectorCutter(5_000).cut(by), List.of(land),
                List.of(), List.of(), DemoScenario.programme());
    }
}
