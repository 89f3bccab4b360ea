package org.skydas.obstacles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.skydas.geo.Lks94;
import org.skydas.model.Neighbour;
import org.skydas.model.Scenario;
import org.skydas.model.Sector;
import org.skydas.model.Zone;
import org.skydas.model.ZoneKind;
import org.skydas.obstacles.Records.Barrier;
import org.skydas.obstacles.Records.Clearance;
import org.skydas.obstacles.Records.Device;
import org.skydas.obstacles.Records.Effect;
import org.skydas.obstacles.Records.Emplacement;
import org.skydas.obstacles.Records.Explosive;
import org.skydas.obstacles.Records.QualityCheck;
import org.skydas.obstacles.Records.ReferencePoint;

/**
 * Example register entries for the demo scenario. Every one is named "Example …", flagged
 * {@code example}, and describes no real field: generic device types, invented units and orders.
 */
public final class DemoObstacles {

    private DemoObstacles() {
    }

    public static List<ObstacleField> build(Scenario s) {
        Geometry land = s.zones().stream().filter(z -> z.kind() == ZoneKind.NATIONAL_TERRITORY).map(Zone::geometry)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("the scenario has no national territory"));
        PreparedGeometry inside = PreparedGeometryFactory.prepare(land);
        List<ObstacleField> out = new ArrayList<>();
        Instant laid = Instant.parse("2026-05-04T10:00:00Z");

        Sector by = sector(s, Neighbour.BY, 20);
        Polygon mf = rectangle(longest(by.geometry()), 0.5, 900, 400, 100, inside);
        ObstacleField minefield = explosiveField("example-minefield-" + by.id(), ObstacleKind.MINEFIELD,
                "Example minefield " + by.id() + " (illustration, not a real field)", mf, by, 1_200_000, 2026, 120,
                "demo example");
        minefield = LifeCycle.recorded(minefield, "demo", "engineer", laid.minusSeconds(86_400 * 30), "recorded as planned");
        minefield = LifeCycle.transition(minefield, FieldStatus.LAID, "demo", "engineer", laid, "laid per order", null);
        minefield = LifeCycle.transition(minefield, FieldStatus.MARKED, "demo", "engineer",
                laid.plusSeconds(86_400), "perimeter signs placed at 50 m", null);
        out.add(minefield);

        Sector ru = sector(s, Neighbour.RU, 15);
        Polygon planned = rectangle(longest(ru.geometry()), 0.5, 1_200, 300, 80, inside);
        ObstacleField plannedField = explosiveField("example-mined-area-" + ru.id(), ObstacleKind.MINED_AREA,
                "Example planned mined area " + ru.id() + " (illustration)", planned, ru, 800_000, 2027, 60,
                "demo example");
        out.add(LifeCycle.recorded(plannedField, "demo", "engineer", Instant.parse("2026-06-01T08:00:00Z"), "recorded as planned"));

        Sector by2 = sector(s, Neighbour.BY, 40);
        Polygon old = rectangle(longest(by2.geometry()), 0.3, 1_000, 200, 60, inside);
        ObstacleField cleared = explosiveField("example-minefield-" + by2.id(), ObstacleKind.MINEFIELD,
                "Example cleared minefield " + by2.id() + " (illustration)", old, by2, 300_000, 2026, 40,
                "demo example of a full life cycle");
        Instant t0 = Instant.parse("2026-03-02T09:00:00Z");
        cleared = LifeCycle.recorded(cleared, "demo", "engineer", t0.minusSeconds(86_400 * 7), "recorded as planned");
        cleared = LifeCycle.transition(cleared, FieldStatus.LAID, "demo", "engineer", t0, "laid for an exercise", null);
        cleared = LifeCycle.transition(cleared, FieldStatus.MARKED, "demo", "engineer", t0.plusSeconds(3_600 * 6),
                "marked", null);
        cleared = LifeCycle.transition(cleared, FieldStatus.INSPECTED, "demo", "engineer",
                t0.plusSeconds(86_400 * 30), "signs complete", null);
        cleared = LifeCycle.transition(cleared, FieldStatus.CLEARED, "demo", "engineer", t0.plusSeconds(86_400 * 60),
                "exercise over", new Clearance("Example engineer battalion", "manual and mechanical",
                        t0.plusSeconds(86_400 * 55), t0.plusSeconds(86_400 * 59), Math.round(old.getArea()), 40,
                        new QualityCheck("Example QA officer", t0.plusSeconds(86_400 * 60), true, "QA-EX-1")));
        out.add(cleared);

        Sector ru7 = sector(s, Neighbour.RU, 7);
        LineString ditch = offset(longest(ru7.geometry()), 0.2, 0.5, 1_100, inside);
        ObstacleField ditchField = new ObstacleField("example-ditch-" + ru7.id(), ObstacleKind.DITCH,
                "Example anti-vehicle ditch " + ru7.id() + " (illustration)", ditch, List.of(ru7.id()),
                ObstacleField.COUNTER_MOBILITY, 2_000_000, 2027, FieldStatus.PLANNED, 1, null,
                new Barrier(Math.round(ditch.getLength()), 6, 3.0, Effect.BLOCK,
                        Map.of("person", 120.0, "vehicle", 3_600.0)), List.of(), "demo example", true);
        out.add(LifeCycle.recorded(ditchField, "demo", "planner", Instant.parse("2026-04-01T08:00:00Z"), "recorded as planned"));

        Sector pl = sector(s, Neighbour.PL, 3);
        LineString teeth = offset(longest(pl.geometry()), 0.4, 0.6, 700, inside);
        ObstacleField teethField = new ObstacleField("example-dragons-teeth-" + pl.id(), ObstacleKind.DRAGONS_TEETH,
                "Example dragon's teeth " + pl.id() + " (illustration)", teeth, List.of(pl.id()),
                ObstacleField.COUNTER_MOBILITY, 1_500_000, 2026, FieldStatus.PLANNED, 1, null,
                new Barrier(Math.round(teeth.getLength()), 4, null, Effect.TURN,
                        Map.of("person", 10.0, "vehicle", 900.0)), List.of(), "demo example", true);
        teethField = LifeCycle.recorded(teethField, "demo", "planner", Instant.parse("2026-02-01T08:00:00Z"), "recorded as planned");
        out.add(LifeCycle.transition(teethField, FieldStatus.LAID, "demo", "engineer",
                Instant.parse("2026-04-20T08:00:00Z"), "installed", null));
        return out;
    }

    private static ObstacleField explosiveField(String id, ObstacleKind kind, String name, Polygon area, Sector sector,
                                                double cost, int year, int count, String note) {
        return new ObstacleField(id, kind, name, area, List.of(sector.id()), ObstacleField.COUNTER_MOBILITY, cost,
                year, FieldStatus.PLANNED, 1, explosive(area, null, count), null, List.of(), note, true);
    }

    private static Explosive explosive(Polygon field, Instant laidAt, int count) {
        Coordinate[] ring = field.getExteriorRing().getCoordinates();
        Coordinate centre = field.getCentroid().getCoordinate();
        List<ReferencePoint> refs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Coordinate corner = ring[i * 2];
            // 100 m out from the corner, away from the centre
            double dx = corner.x - centre.x;
            double dy = corner.y - centre.y;
            double n = Math.hypot(dx, dy);
            Coordinate ll = Lks94.toWgs84(corner.x + dx / n * 100, corner.y + dy / n * 100);
            refs.add(new ReferencePoint(Math.round(ll.x * 1e7) / 1e7, Math.round(ll.y * 1e7) / 1e7,
                    "Example reference point " + (i + 1) + ": concrete survey post 100 m beyond corner " + (i * 2 + 1),
                    true));
        }
        Device d = new Device("Example anti-tank mine (generic)", "anti_tank", count, "pressure", true, true, 365,
                false, null);
        return new Explosive(refs, List.of(d), List.of(), Emplacement.BURIED, laidAt, "Example engineer company",
                "EXAMPLE-ORDER-001", "Original with the example engineer battalion; copy with the national mine action centre");
    }

    private static Sector sector(Scenario s, Neighbour n, int index) {
        String id = Sector.name(n, index);
        return s.sectors().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseGet(() -> s.sectors().stream().filter(x -> x.neighbour() == n).findFirst().orElseThrow());
    }

    private static LineString longest(Geometry g) {
        LineString best = null;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof LineString l && (best == null || l.getLength() > best.getLength())) {
                best = l;
            }
        }
        return best;
    }

    /** Point {@code along} of the way along the line, with the unit normal pointing into the country. */
    private static Coordinate[] frame(LineString line, double along, double inland, PreparedGeometry inside) {
        LengthIndexedLine li = new LengthIndexedLine(line);
        double at = along * line.getLength();
        Coordinate a = li.extractPoint(Math.max(0, at - 100));
        Coordinate b = li.extractPoint(Math.min(line.getLength(), at + 100));
        Coordinate p = li.extractPoint(at);
        double tx = (b.x - a.x) / a.distance(b);
        double ty = (b.y - a.y) / a.distance(b);
        double nx = -ty;
        double ny = tx;
        if (!inside.contains(Lks94.GRID.createPoint(new Coordinate(p.x + nx * inland, p.y + ny * inland)))) {
            nx = -nx;
            ny = -ny;
        }
        return new Coordinate[] {p, new Coordinate(tx, ty), new Coordinate(nx, ny)};
    }

    /** A rectangle {@code length} along the border and {@code depth} deep, {@code inland} metres inside. */
    private static Polygon rectangle(LineString line, double along, double inland, double length, double depth,
                                     PreparedGeometry inside) {
        for (double shift : SHIFTS) {
            Polygon p = rectangleAt(line, clamp(along + shift), inland, length, depth, inside);
            if (inside.covers(p)) {
                return p;
            }
        }
        throw new IllegalStateException("no room for an example field along " + line.getLength() + " m of border");
    }

    /** Where else to try along the sector when a bend of the border puts the first try outside. */
    private static final double[] SHIFTS = {0, 0.1, -0.1, 0.2, -0.2, 0.3, -0.3};

    private static double clamp(double v) {
        return Math.max(0.05, Math.min(0.95, v));
    }

    private static Polygon rectangleAt(LineString line, double along, double inland, double length, double depth,
                                       PreparedGeometry inside) {
        Coordinate[] f = frame(line, along, inland, inside);
        Coordinate p = f[0];
        Coordinate t = f[1];
        Coordinate n = f[2];
        Coordinate c = new Coordinate(p.x + n.x * inland, p.y + n.y * inland);
        Coordinate[] pts = new Coordinate[5];
        double[][] k = {{-0.5, 0}, {0.5, 0}, {0.5, 1}, {-0.5, 1}, {-0.5, 0}};
        for (int i = 0; i < 5; i++) {
            pts[i] = new Coordinate(c.x + t.x * k[i][0] * length + n.x * k[i][1] * depth,
                    c.y + t.y * k[i][0] * length + n.y * k[i][1] * depth);
        }
        Polygon poly = Lks94.GRID.createPolygon(pts);
        return org.locationtech.jts.algorithm.Orientation.isCCW(pts) ? poly : (Polygon) poly.reverse();
    }

    /** The stretch {@code from..to} of the line, moved {@code inland} metres into the country. */
    private static LineString offset(LineString line, double from, double to, double inland, PreparedGeometry inside) {
        for (double shift : SHIFTS) {
            LineString l = offsetAt(line, clamp(from + shift), clamp(to + shift), inland, inside);
            if (inside.covers(l) && l.isSimple()) {
                return l;
            }
        }
        throw new IllegalStateException("no room for an example obstacle along " + line.getLength() + " m of border");
    }

    /** The chord of the stretch, moved {@code inland} metres into the country (a straight obstacle). */
    private static LineString offsetAt(LineString line, double from, double to, double inland,
                                       PreparedGeometry inside) {
        LengthIndexedLine li = new LengthIndexedLine(line);
        Coordinate a = li.extractPoint(from * line.getLength());
        Coordinate b = li.extractPoint(to * line.getLength());
        double len = a.distance(b);
        double nx = -(b.y - a.y) / len;
        double ny = (b.x - a.x) / len;
        Coordinate mid = new Coordinate((a.x + b.x) / 2 + nx * inland, (a.y + b.y) / 2 + ny * inland);
        if (!inside.contains(Lks94.GRID.createPoint(mid))) {
            nx = -nx;
            ny = -ny;
        }
        return Lks94.GRID.createLineString(new Coordinate[] {new Coordinate(a.x + nx * inland, a.y + ny * inland),
            new Coordinate((a.x + b.x) / 2 + nx * inland, (a.y + b.y) / 2 + ny * inland),
            new Coordinate(b.x + nx * inland, b.y + ny * inland)});
    }
}
