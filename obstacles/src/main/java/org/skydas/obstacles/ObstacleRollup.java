package org.skydas.obstacles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.skydas.model.Category;

/**
 * The register in the programme's terms: per programme year, for one budget category (the
 * counter-mobility line by default), the fields planned, laid and cleared with their length or area and
 * cost. "Planned" counts every field (as the programme's planned money counts every asset), "laid" those
 * in the ground (laid, marked, inspected or breached) and "cleared" those cleared or handed over. A
 * field without a year and not yet laid is "unscheduled" (year 0).
 */
public record ObstacleRollup(Category category, List<Row> rows) {

    /** Counts and sums of one group of fields. */
    public record Tally(int fields, double lengthM, double areaM2, double costEur) {
        Tally plus(ObstacleField f) {
            return new Tally(fields + 1, lengthM + (f.areaM2() > 0 ? 0 : f.lengthM()), areaM2 + f.areaM2(),
                    costEur + f.costEur());
        }
    }

    public record Row(int year, Tally planned, Tally laid, Tally cleared) {
    }

    private static final Tally ZERO = new Tally(0, 0, 0, 0);

    public static ObstacleRollup of(List<ObstacleField> fields, Category category) {
        Map<Integer, Tally[]> byYear = new TreeMap<>();
        for (ObstacleField f : fields) {
            if (f.category() != category) {
                continue;
            }
            Integer y = f.programmeYear();
            Tally[] t = byYear.computeIfAbsent(y == null ? 0 : y, k -> new Tally[] {ZERO, ZERO, ZERO});
            t[0] = t[0].plus(f);
            if (f.status().inGround()) {
                t[1] = t[1].plus(f);
            }
            if (f.status().cleared()) {
                t[2] = t[2].plus(f);
            }
        }
        List<Row> rows = new ArrayList<>();
        byYear.forEach((y, t) -> rows.add(new Row(y, t[0], t[1], t[2])));
        return new ObstacleRollup(category, List.copyOf(rows));
    }

    public static ObstacleRollup counterMobility(List<ObstacleField> fields) {
        return of(fields, Category.COUNTER_MOBILITY_OBSTACLES);
    }

    public Row total() {
        Tally[] t = {ZERO, ZERO, ZERO};
        for (Row r : rows) {
            t[0] = sum(t[0], r.planned());
            t[1] = sum(t[1], r.laid());
            t[2] = sum(t[2], r.cleared());
        }
        return new Row(0, t[0], t[1], t[2]);
    }

    private static Tally sum(Tally a, Tally b) {
        return new Tally(a.fields() + b.fields(), a.lengthM() + b.lengthM(), a.areaM2() + b.areaM2(),
                a.costEur() + b.costEur());
    }
}
