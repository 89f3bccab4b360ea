package org.skydas.alert;

/**
 * What the {@link RuleEngine} remembers of a track between its updates, for the rules: its last position and time,
 * whether it was on national territory, and whether it has ever been confirmed. Rule-specific memory (a warning
 * already given, a stay in a zone) belongs to the rule.
 */
public final class TrackMemory {
    double x;
    double y;
    double t;
    boolean onTerritory;
    boolean confirmed;

    TrackMemory() {
    }

    /** Last position, east, LKS-94 m. */
    public double x() {
        return x;
    }

    /** Last position, north, LKS-94 m. */
    public double y() {
        return y;
    }

    /** Time of the last estimate, s. */
    public double t() {
        return t;
    }

    /** Whether the last estimate was on national territory. */
    public boolean onTerritory() {
        return onTerritory;
    }

    /** Whether the track has been confirmed (or coasting) at any of its estimates so far. */
    public boolean confirmed() {
        return confirmed;
    }
}
