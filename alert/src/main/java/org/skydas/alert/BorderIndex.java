package org.skydas.alert;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.skydas.model.Scenario;
import org.skydas.model.Sector;
import org.skydas.model.Zone;
import org.skydas.model.ZoneKind;

/**
 * The border as the rules query it, fast: which sector is nearest to a point and how far, whether a
 * point is on national territory, which watched zones hold it. Segments of every sector go into one
 * STR-tree; zones are prepared geometries. Built once per scenario; immutable and thread-safe.
 */
public final class BorderIndex {

    /** The nearest stretch of border to a point. */
    public record Nearest(Sector sector, double distanceM, Coordinate point) {
    }

    private record SectorSegment(Sector sector, LineSegment segment) {
    }

    private final STRtree segments = new STRtree();
    private final PreparedGeometry territory;
    private final List<Zone> zones;
    private final List<PreparedGeometry> prepared = new ArrayList<>();
    private final GeometryFactory gf;

    public BorderIndex(Scenario scenario) {
        gf = org.skydas.geo.Lks94.GRID;
        for (Sector s : scenario.sectors()) {
            Geometry g = s.geometry();
            for (int p = 0; p < g.getNumGeometries(); p++) {
                Coordinate[] c = g.getGeometryN(p).getCoordinates();
                for (int i = 0; i + 1 < c.length; i++) {
                    LineSegment seg = new LineSegment(c[i], c[i + 1]);
                    segments.insert(new org.locationtech.jts.geom.Envelope(c[i], c[i + 1]), new SectorSegment(s, seg));
                }
            }
        }
        segments.build();
        Zone land = scenario.zones().stream().filter(z -> z.kind() == ZoneKind.NATIONAL_TERRITORY).findFirst()
                .orElse(null);
        territory = land == null ? null : PreparedGeometryFactory.prepare(land.geometry());
        zones = List.copyOf(scenario.zones());
        for (Zone z : zones) {
            prepared.add(PreparedGeometryFactory.prepare(z.geometry()));
        }
    }

    /** True when the scenario says where the national territory is (needed by crossing and incursion rules). */
    public boolean hasTerritory() {
        return territory != null;
    }

    public boolean onTerritory(double x, double y) {
        return territory != null && territory.covers(gf.createPoint(new Coordinate(x, y)));
    }

    /** The nearest border sector and the distance to it; null for a scenario without sectors. */
    public Nearest nearest(double x, double y) {
        if (segments.isEmpty()) {
            return null;
        }
        Coordinate p = new Coordinate(x, y);
        // Widen the search box until it holds a segment; the nearest one lies within the box's reach.
        for (double r = 2_000; r < 5_000_000; r *= 4) {
            @SuppressWarnings("unchecked")
            List<SectorSegment> hits = segments.query(new org.locationtech.jts.geom.Envelope(x - r, x + r, y - r, y + r));
            SectorSegment best = null;
            double bestD = Double.POSITIVE_INFINITY;
            for (SectorSegment s : hits) {
                double d = s.segment().distance(p);
                if (d < bestD) {
                    bestD = d;
                    best = s;
                }
            }
            if (best != null && bestD <= r) {
                return new Nearest(best.sector(), bestD, best.segment().closestPoint(p));
            }
        }
        return null;
    }

    /** The zones of the given kinds that contain the point. */
    public List<Zone> zonesAt(double x, double y, ZoneKind... kinds) {
        List<Zone> out = new ArrayList<>();
        var pt = gf.createPoint(new Coordinate(x, y));
        for (int i = 0; i < zones.size(); i++) {
            Zone z = zones.get(i);
            for (ZoneKind k : kinds) {
                if (z.kind() == k && prepared.get(i).covers(pt)) {
                    out.add(z);
                    break;
                }
            }
        }
        return out;
    }

    /** A zone parameter as a number, or the fallback. */
    public static double param(Zone z, String key, double fallback) {
        Object v = z.params().get(key);
        return v instanceof Number n ? n.doubleValue() : fallback;
    }

}
