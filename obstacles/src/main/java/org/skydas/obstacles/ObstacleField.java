package org.skydas.obstacles;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.skydas.model.Category;
import org.skydas.model.Wire;
import org.skydas.obstacles.Records.Barrier;
import org.skydas.obstacles.Records.Explosive;
import org.skydas.obstacles.Records.StatusChange;

/**
 * One register entry: an explosive field (with its Protocol II record) or a non-explosive obstacle
 * (with its dimensions and effect). The geometry is in the LKS-94 grid; exactly one of
 * {@code explosive} and {@code barrier} is set, as the kind says.
 *
 * @param budgetLine the programme budget line the cost counts against ({@code counter_mobility} or a
 *                   category's wire name)
 * @param year       the programme year (null: the year it was laid, else unscheduled)
 * @param version    1 on creation, +1 on every change or transition
 * @param history    every status change, oldest first
 * @param example    a demo entry, not a real field
 */
public record ObstacleField(String id, ObstacleKind kind, String name, Geometry geometry, List<String> sectors,
                            String budgetLine, double costEur, Integer year, FieldStatus status, int version,
                            Explosive explosive, Barrier barrier, List<StatusChange> history, String notes,
                            boolean example) {

    /** Alias of the programme's counter-mobility category, as the issue and the API spell it. */
    public static final String COUNTER_MOBILITY = "counter_mobility";

    public ObstacleField {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(status, "status");
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
        history = history == null ? List.of() : List.copyOf(history);
        if (kind.explosive() != (explosive != null) || (barrier != null) == kind.explosive()) {
            throw new IllegalArgumentException("kind " + kind.wire() + " needs "
                    + (kind.explosive() ? "an explosive record" : "barrier dimensions"));
        }
    }

    /** The programme category the budget line names. */
    public Category category() {
        return category(budgetLine);
    }

    public static Category category(String budgetLine) {
        if (budgetLine == null || budgetLine.isBlank()) {
            throw new ObstacleException("budget_line", "required (" + COUNTER_MOBILITY + " or one of "
                    + Wire.choices(Category.class) + ")");
        }
        String b = budgetLine.trim().toLowerCase(Locale.ROOT);
        if (b.equals(COUNTER_MOBILITY)) {
            return Category.COUNTER_MOBILITY_OBSTACLES;
        }
        try {
            return Wire.parse(Category.class, "budget_line", b);
        } catch (IllegalArgumentException e) {
            throw new ObstacleException("budget_line", "unknown '" + budgetLine + "' (" + COUNTER_MOBILITY
                    + " or one of " + Wire.choices(Category.class) + ")");
        }
    }

    /** Programme year: {@code year} if set, else the year the field was laid, else null (unscheduled). */
    public Integer programmeYear() {
        if (year != null) {
            return year;
        }
        if (explosive != null && explosive.laidAt() != null) {
            return explosive.laidAt().atZone(java.time.ZoneOffset.UTC).getYear();
        }
        return null;
    }

    /** Area in m² (polygons), 0 for lines. */
    public double areaM2() {
        return geometry instanceof Polygonal ? geometry.getArea() : 0;
    }

    /** Length in m: the recorded length of an obstacle, or the perimeter of a field. */
    public double lengthM() {
        return barrier != null ? barrier.lengthM() : geometry.getLength();
    }

    public ObstacleField withStatus(FieldStatus s, StatusChange change, Explosive newExplosive) {
        List<StatusChange> h = new java.util.ArrayList<>(history);
        h.add(change);
        return new ObstacleField(id, kind, name, geometry, sectors, budgetLine, costEur, year, s, version + 1,
                newExplosive, barrier, h, notes, example);
    }

    public ObstacleField withIdentity(String newId, int newVersion, FieldStatus s, List<StatusChange> h) {
        return new ObstacleField(newId, kind, name, geometry, sectors, budgetLine, costEur, year, s, newVersion,
                explosive, barrier, h, notes, example);
    }

    public ObstacleField withGeometry(Geometry g) {
        return new ObstacleField(id, kind, name, g, sectors, budgetLine, costEur, year, status, version,
                explosive, barrier, history, notes, example);
    }

    public ObstacleField withSectors(List<String> newSectors) {
        return new ObstacleField(id, kind, name, geometry, newSectors, budgetLine, costEur, year, status, version,
                explosive, barrier, history, notes, example);
    }
}
