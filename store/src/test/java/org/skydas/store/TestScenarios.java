package org.skydas.store;

import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
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
import org.skydas.model.Site;
import org.skydas.model.TargetClass;
import org.skydas.model.Zone;
import org.skydas.model.ZoneKind;
import org.skydas.model.demo.DemoScenario;

/** A small scenario near Druskininkai, cheap to build, with one feature of every kind. */
final class TestScenarios {

    private TestScenarios() {
    }

    static Coordinate grid(double lon, double lat) {
        return Lks94.toGrid(lon, lat);
    }

    static Scenario small() {
        LineString line = Lks94.GRID.createLineString(new Coordinate[] {grid(23.90, 53.95), grid(24.00, 53.97),
            grid(24.10, 53.93), grid(24.25, 53.96)});
        BorderLine border = new BorderLine("border-BY", Neighbour.BY,
                Lks94.GRID.createMultiLineString(new LineString[] {line}));
        Zone zone = new Zone("strip-BY", "Strip", ZoneKind.BORDER_STRIP, line.buffer(1000), Map.of("width_m", 1000));
        Site site = new Site("site-1", "Tower 1", Lks94.GRID.createPoint(grid(24.0, 54.0)), true, 120.5, "road", 0);
        SensorParameters radar = new SensorParameters(20, Map.of(TargetClass.PERSON, 6000.0), 90, 270, -5, 20,
                0.9, 0.5, 2, 15, 0.1);
        Asset sensor = new Asset("radar-1", "Radar 1", AssetType.RADAR, site.geometry(), AssetStatus.OPERATIONAL,
                1e6, 5e4, null, 2026, radar, Map.of("site", "site-1"));
        Asset fence = new Asset("fence-1", "Fence", AssetType.BARRIER_FENCE, line, AssetStatus.CONTRACTED, 2e6, 1e4,
                null, 2027, null, Map.of("height_m", 4));
        return new Scenario(Map.of("name", "small test"), List.of(border), new SectorCutter(5000).cut(border),
                List.of(zone), List.of(site), List.of(sensor, fence), DemoScenario.programme());
    }
}
