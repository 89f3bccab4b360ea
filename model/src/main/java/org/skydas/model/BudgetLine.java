package org.skydas.model;

import java.util.Objects;

/** The money a category may spend in one programme year. */
public record BudgetLine(Category category, int year, double envelopeEur) {

    public BudgetLine {
        Objects.requireNonNull(category, "category");
        SensorParameters.requireAtLeast("envelope_eur", envelopeEur, 0);
    }
}
