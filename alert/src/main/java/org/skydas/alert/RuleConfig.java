package org.skydas.alert;

/**
 * Thresholds of the rules. Zones may override some per zone through their parameters
 * ({@code loiter_s}).
 *
 * @param approachEtaS          approach: warn when the border is at most this many seconds away
 * @param approachDistanceM     approach: only tracks outside the country within this distance of the border
 * @param crossingDistanceM     crossing: the new position must be this close to a border sector
 *                              (a track entering from the sea or a lagoon is not a border crossing)
 * @param loiterS               loitering: time in a border strip or restricted zone before warning
 * @param lostNearBorderM       track lost: only confirmed tracks lost this close to the border
 * @param sensorSilentS         sensor down: silence before warning
 * @param droneProbability      drone incursion: class probability that counts as a drone
 */
public record RuleConfig(double approachEtaS, double approachDistanceM, double crossingDistanceM, double loiterS,
                         double lostNearBorderM, double sensorSilentS, double droneProbability) {

    public static RuleConfig defaults() {
        return new RuleConfig(600, 5_000, 2_000, 600, 2_000, 60, 0.5);
    }
}
