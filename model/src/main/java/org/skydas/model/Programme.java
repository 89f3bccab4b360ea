package org.skydas.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The programme's budget envelope by category and year. */
public record Programme(String name, List<BudgetLine> envelope) {

    public Programme {
        name = name == null ? "programme" : name;
        envelope = List.copyOf(envelope);
    }

    public double totalEnvelopeEur() {
        return envelope.stream().mapToDouble(BudgetLine::envelopeEur).sum();
    }

    /**
     * An envelope spread evenly over the years {@code firstYear..lastYear}: each category's total is
     * split into equal yearly parts.
     */
    public static Programme evenlySpread(String name, Map<Category, Double> totals, int firstYear, int lastYear) {
        List<BudgetLine> lines = new ArrayList<>();
        int years = lastYear - firstYear + 1;
        for (Map.Entry<Category, Double> e : new EnumMap<>(totals).entrySet()) {
            for (int y = firstYear; y <= lastYear; y++) {
                lines.add(new BudgetLine(e.getKey(), y, e.getValue() / years));
            }
        }
        return new Programme(name, lines);
    }
}
