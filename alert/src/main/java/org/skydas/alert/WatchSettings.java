package org.skydas.alert;

import java.util.Map;

/**
 * The early-warning thresholds of one scenario: the rules' thresholds, when an unacknowledged alert escalates,
 * and how sector impact levels are judged. Read from the scenario's metadata (the GeoPackage's
 * {@code skydas_metadata} table, editable in QGIS or sqlite3), each key optional, defaults otherwise:
 *
 * <pre>
 * rules.approach_eta_s      rules.approach_distance_m   rules.crossing_distance_m   rules.loiter_s
 * rules.lost_near_border_m  rules.sensor_silent_s       rules.drone_probability
 * alerts.escalate_after_s
 * impact.window_s           impact.medium_from          impact.high_from            impact.critical_from
 * </pre>
 *
 * Zones may still override {@code loiter_s} in their own parameters. A value that is not a number, or out of its
 * range, is refused with the key's name: a server must not start with thresholds nobody meant.
 */
public record WatchSettings(RuleConfig rules, double escalateAfterS, double impactWindowS, int impactMediumFrom,
                            int impactHighFrom, int impactCriticalFrom) {

    public WatchSettings {
        if (!(escalateAfterS > 0)) {
            throw new IllegalArgumentException("alerts.escalate_after_s must be > 0, is " + escalateAfterS);
        }
        // SectorImpact checks the window and the order of the thresholds.
        new SectorImpact(impactWindowS, impactMediumFrom, impactHighFrom, impactCriticalFrom);
    }

    public static WatchSettings defaults() {
        return new WatchSettings(RuleConfig.defaults(), 300, 3_600, 4, 8, 16);
    }

    /** The settings in {@code metadata}, defaults for what it does not say. */
    public static WatchSettings fromMetadata(Map<String, String> metadata) {
        WatchSettings d = defaults();
        RuleConfig r = d.rules();
        RuleConfig rules = new RuleConfig(
                positive(metadata, "rules.approach_eta_s", r.approachEtaS()),
                positive(metadata, "rules.approach_distance_m", r.approachDistanceM()),
                positive(metadata, "rules.crossing_distance_m", r.crossingDistanceM()),
                positive(metadata, "rules.loiter_s", r.loiterS()),
                positive(metadata, "rules.lost_near_border_m", r.lostNearBorderM()),
                positive(metadata, "rules.sensor_silent_s", r.sensorSilentS()),
                probability(metadata, "rules.drone_probability", r.droneProbability()));
        return new WatchSettings(rules,
                positive(metadata, "alerts.escalate_after_s", d.escalateAfterS()),
                positive(metadata, "impact.window_s", d.impactWindowS()),
                count(metadata, "impact.medium_from", d.impactMediumFrom()),
                count(metadata, "impact.high_from", d.impactHighFrom()),
                count(metadata, "impact.critical_from", d.impactCriticalFrom()));
    }

    /** A fresh impact tally with these thresholds. */
    public SectorImpact newImpact() {
        return new SectorImpact(impactWindowS, impactMediumFrom, impactHighFrom, impactCriticalFrom);
    }

    private static double number(Map<String, String> m, String key, double fallback) {
        String v = m.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("scenario metadata " + key + " must be a number, is '" + v + "'");
        }
    }

    private static double positive(Map<String, String> m, String key, double fallback) {
        double d = number(m, key, fallback);
        if (!(d > 0)) {
            throw new IllegalArgumentException("scenario metadata " + key + " must be > 0, is " + d);
        }
        return d;
    }

    private static double probability(Map<String, String> m, String key, double fallback) {
        double d = number(m, key, fallback);
        if (!(d > 0 && d <= 1)) {
            throw new IllegalArgumentException("scenario metadata " + key + " must be in (0, 1], is " + d);
        }
        return d;
    }

    private static int count(Map<String, String> m, String key, int fallback) {
        double d = number(m, key, fallback);
        if (d != Math.rint(d) || d < 1 || d > 1_000_000) {
            throw new IllegalArgumentException("scenario metadata " + key + " must be a whole number >= 1, is " + d);
        }
        return (int) d;
    }
}
