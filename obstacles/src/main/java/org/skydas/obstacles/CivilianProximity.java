package org.skydas.obstacles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.skydas.model.BorderLine;
import org.skydas.model.Scenario;
import org.skydas.model.Zone;
import org.skydas.model.ZoneKind;

/**
 * Warnings, never refusals: a field within the configured distance (default 500 m) of a settlement
 * zone, a road of a loaded road layer, or the border line itself. They are shown on the record so that
 * whoever marks, inspects or clears it knows civilians may be near.
 */
public final class CivilianProximity {

    public static final double DEFAULT_DISTANCE_M = 500;

    /** A road (or any line civilians use) from a loaded layer, in the grid. */
    public record Road(String name, Geometry geometry) {
    }

    /** {@code kind} is settlement, road or border. */
    public record Warning(String kind, String subject, double distanceM) {
        public String message() {
            return String.format(java.util.Locale.ROOT, "%s '%s' is %.0f m away", kind, subject, distanceM);
        }
    }

    private final List<Zone> settlements;
    private final List<BorderLine> border;
    private final List<Road> roads;
    private final double distanceM;

    public CivilianProximity(List<Zone> settlements, List<BorderLine> border, List<Road> roads, double distanceM) {
        if (!(distanceM >= 0)) {
            throw new ObstacleException("proximity_m", "must be >= 0");
        }
        this.settlements = settlements.stream().filter(z -> z.kind() == ZoneKind.SETTLEMENT).toList();
        this.border = List.copyOf(border);
        this.roads = roads == null ? List.of() : List.copyOf(roads);
        this.distanceM = distanceM;
    }

    public static CivilianProximity of(Scenario s, List<Road> roads, double distanceM) {
        return new CivilianProximity(s.zones(), s.border(), roads, distanceM);
    }

    public double distanceM() {
        return distanceM;
    }

    /** Nearest first. */
    public List<Warning> warnings(Geometry field) {
        List<Warning> out = new ArrayList<>();
        for (Zone z : settlements) {
            check(out, "settlement", z.name(), field, z.geometry());
        }
        for (Road r : roads) {
            check(out, "road", r.name(), field, r.geometry());
        }
        for (BorderLine b : border) {
            check(out, "border", "border with " + b.neighbour().displayName(), field, b.geometry());
        }
        out.sort(Comparator.comparingDouble(Warning::distanceM));
        return out;
    }

    private void check(List<Warning> out, String kind, String subject, Geometry field, Geometry other) {
        if (!field.isWithinDistance(other, distanceM)) {
            return;
        }
        out.add(new Warning(kind, subject, Math.round(field.distance(other) * 10) / 10.0));
    }
}
