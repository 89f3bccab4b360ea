package org.skydas.server.siting;

import java.time.Year;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Envelope;
import org.skydas.model.AssetType;
import org.skydas.model.Scenario;
import org.skydas.model.TargetClass;
import org.skydas.siting.SitingInstance;
import org.skydas.siting.scenario.ScenarioSiting;
import org.skydas.siting.scenario.SitingPlanner;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/siting/plan}, checked field by field: the options of {@code skydas siting plan} under
 * JSON names. {@code class} (required); {@code budget_eur} with optional {@code year}, or {@code budget_per_year}
 * [{@code {"year", "budget_eur"}}, ...] with increasing years (exactly one of the two); {@code sensor_type} (radar);
 * {@code candidate_spacing_m} (5000, 1000..100000); {@code site_cost_eur} (250000); {@code weights} (uniform |
 * corridors); {@code resolution_m} (250, 100..5000, and at most {@value #MAX_CELLS} cells over the belt);
 * {@code threshold} (0.5); {@code time_limit_s} (60, at most 600); {@code frontier} (multiples of the total budget,
 * at most 10, each 0..10; default 0.25, 0.5, 0.75, 1, 1.5, 2). Anything else is refused, naming the field.
 */
public record PlanRequest(SitingPlanner.Request planner, Map<String, Object> echoed) {

    static final long MAX_CELLS = 2_000_000;
    static final double MAX_EUR = 1e12;
    private static final Set<String> FIELDS = Set.of("class", "sensor_type", "budget_eur", "year", "budget_per_year",
            "candidate_spacing_m", "site_cost_eur", "weights", "resolution_m", "threshold", "time_limit_s", "frontier");

    /** A field at fault: the message names it, {@code field} carries it for clients. */
    public static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;

        Invalid(String field, String message) {
            super(field + ": " + message, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** The request as plan.json's {@code request} shows it, with how the demand was weighted. */
    public Map<String, Object> echo(String weightsNote) {
        Map<String, Object> m = new LinkedHashMap<>(echoed);
        m.put("weights_note", weightsNote);
        return m;
    }

    public Map<String, Object> echo() {
        return echoed;
    }

    public static PlanRequest parse(JsonNode body, Scenario scenario) {
        if (body == null || !body.isObject()) {
            throw new Invalid("body", "expected a JSON object");
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new Invalid(f.length() > 40 ? f.substring(0, 40) + "…" : f, "unknown field");
            }
        }
        Map<String, Object> echo = new LinkedHashMap<>();
        TargetClass target;
        try {
            target = SitingPlanner.target(text(body, "class", null));
        } catch (IllegalArgumentException e) {
            throw new Invalid("class", e.getMessage());
        }
        AssetType type;
        try {
            type = SitingPlanner.sensorType(text(body, "sensor_type", "radar"));
        } catch (IllegalArgumentException e) {
            throw new Invalid("sensor_type", e.getMessage());
        }
        echo.put("class", target.name().toLowerCase(Locale.ROOT));
        echo.put("sensor_type", type.name().toLowerCase(Locale.ROOT));
        boolean single = body.has("budget_eur");
        boolean multi = body.has("budget_per_year");
        if (single == multi) {
            throw new Invalid(single ? "budget_per_year" : "budget_eur", "give budget_eur or budget_per_year, not "
                    + (single ? "both" : "neither"));
        }
        int planYear = (int) number(body, "year", Year.now().getValue(), 2000, 2100, true);
        List<SitingInstance.Period> periods = new ArrayList<>();
        if (single) {
            periods.add(new SitingInstance.Period(planYear,
                    cents(number(body, "budget_eur", Double.NaN, 0, MAX_EUR, false))));
            echo.put("budget_eur", periods.get(0).budgetCents() / 100.0);
            echo.put("year", planYear);
        } else {
            if (body.has("year")) {
                throw new Invalid("year", "only with budget_eur (budget_per_year names its years)");
            }
            JsonNode arr = body.get("budget_per_year");
            if (!arr.isArray() || arr.isEmpty() || arr.size() > 30) {
                throw new Invalid("budget_per_year", "expected 1 to 30 entries {\"year\", \"budget_eur\"}");
            }
            List<Map<String, Object>> list = new ArrayList<>();
            for (int i = 0; i < arr.size(); i++) {
                String at = "budget_per_year[" + i + "]";
                JsonNode e = arr.get(i);
                if (!e.isObject()) {
                    throw new Invalid(at, "expected {\"year\", \"budget_eur\"}");
                }
                for (Iterator<String> it = e.fieldNames(); it.hasNext();) {
                    String f = it.next();
                    if (!f.equals("year") && !f.equals("budget_eur")) {
                        throw new Invalid(at, "unknown field");
                    }
                }
                int y = (int) number(e, "year", Double.NaN, 2000, 2100, true, at + ".year");
                long c = cents(number(e, "budget_eur", Double.NaN, 0, MAX_EUR, false, at + ".budget_eur"));
                if (!periods.isEmpty() && y <= periods.get(periods.size() - 1).year()) {
                    throw new Invalid(at + ".year", "years must increase (" + y + ")");
                }
                periods.add(new SitingInstance.Period(y, c));
                list.add(Map.of("year", y, "budget_eur", c / 100.0));
            }
            planYear = periods.get(0).year();
            echo.put("budget_per_year", list);
        }
        double spacing = number(body, "candidate_spacing_m", 5000, 1000, 100_000, false);
        double siteCost = number(body, "site_cost_eur", 250_000, 0, MAX_EUR, false);
        SitingPlanner.Weights weights;
        try {
            weights = SitingPlanner.Weights.parse(text(body, "weights", "uniform"));
        } catch (IllegalArgumentException e) {
            throw new Invalid("weights", e.getMessage());
        }
        double resolution = number(body, "resolution_m", 250, 100, 5000, false);
        double threshold = number(body, "threshold", 0.5, 0, 1, false);
        if (threshold == 0) {
            throw new Invalid("threshold", "must be > 0");
        }
        double timeLimit = number(body, "time_limit_s", 60, 0, 600, false);
        if (timeLimit == 0) {
            throw new Invalid("time_limit_s", "must be > 0");
        }
        List<Double> frontier = List.of(0.25, 0.5, 0.75, 1.0, 1.5, 2.0);
        if (body.has("frontier")) {
            JsonNode f = body.get("frontier");
            if (!f.isArray() || f.size() > 10) {
                throw new Invalid("frontier", "expected at most 10 numbers (multiples of the total budget)");
            }
            List<Double> levels = new ArrayList<>();
            for (int i = 0; i < f.size(); i++) {
                JsonNode v = f.get(i);
                if (!v.isNumber() || !(v.asDouble() >= 0 && v.asDouble() <= 10)) {
                    throw new Invalid("frontier[" + i + "]", "expected a number 0..10");
                }
                levels.add(v.asDouble());
            }
            frontier = levels;
        }
        long cells = beltCells(scenario, resolution);
        if (cells > MAX_CELLS) {
            throw new Invalid("resolution_m", String.format(Locale.ROOT, "%.0f m gives %,d cells over this "
                    + "scenario's belt (at most %,d): use a coarser one", resolution, cells, MAX_CELLS));
        }
        echo.put("weights", weights.name().toLowerCase(Locale.ROOT));
        echo.put("resolution_m", resolution);
        echo.put("threshold", threshold);
        echo.put("candidates", "grid " + Math.round(spacing) + " m + scenario sites");
        echo.put("site_cost_eur", siteCost);
        echo.put("time_limit_s", timeLimit);
        echo.put("frontier", frontier);
        return new PlanRequest(new SitingPlanner.Request(target, type, periods, multi, planYear, null, spacing,
                siteCost, weights, resolution, threshold, timeLimit, frontier), echo);
    }

    /** Cells of the belt's bounding box at this resolution (0 when the scenario has no belt: the job says why). */
    private static long beltCells(Scenario s, double resolution) {
        try {
            Envelope e = ScenarioSiting.belt(s).getEnvelopeInternal();
            return (long) Math.ceil(e.getWidth() / resolution) * (long) Math.ceil(e.getHeight() / resolution);
        } catch (IllegalArgumentException none) {
            return 0;
        }
    }

    private static long cents(double eur) {
        return (long) Math.floor(eur * 100 + 1e-6);
    }

    private static String text(JsonNode body, String field, String fallback) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (fallback == null) {
                throw new Invalid(field, "required");
            }
            return fallback;
        }
        if (!v.isTextual()) {
            throw new Invalid(field, "expected a string");
        }
        return v.asText();
    }

    private static double number(JsonNode body, String field, double fallback, double min, double max,
                                 boolean whole) {
        return number(body, field, fallback, min, max, whole, field);
    }

    private static double number(JsonNode body, String field, double fallback, double min, double max, boolean whole,
                                 String name) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (Double.isNaN(fallback)) {
                throw new Invalid(name, "required");
            }
            return fallback;
        }
        if (!v.isNumber() || whole && !v.canConvertToLong()) {
            throw new Invalid(name, whole ? "expected a whole number" : "expected a number");
        }
        double d = v.asDouble();
        if (!(d >= min && d <= max) || whole && d != Math.rint(d)) {
            throw new Invalid(name, String.format(Locale.ROOT, "must be %s..%s", fmt(min), fmt(max)));
        }
        return d;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
