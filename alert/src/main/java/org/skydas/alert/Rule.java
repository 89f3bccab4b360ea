package org.skydas.alert;

import java.util.List;

import org.skydas.track.TrackState;

/**
 * One early-warning rule. The {@link RuleEngine} runs a list of them, in order, on every event and collects their
 * findings; a rule reacts to the events it cares about (the others default to nothing) and keeps whatever it must
 * remember itself, forgetting a track at {@link #onTrackEnd}. Rules are called from one thread, in time order.
 * To add one: implement this, give it a {@link RuleKind}, its texts as {@link AlertMessage}s (translated in the web
 * console's catalogues), and put it in {@link RuleEngine#defaultRules} (ARCHITECTURE.md, "Add a rule").
 */
public interface Rule {

    /** The kind of the findings this rule raises. */
    RuleKind kind();

    /**
     * A confirmed or coasting track's new estimate (the engine passes no tentative track: it is not yet evidence).
     *
     * @param track       the estimate
     * @param onTerritory whether it is on national territory
     * @param previous    what the engine remembered of the track before this estimate, or null when it is new
     * @param out         receives the findings
     */
    default void onTrack(TrackState track, boolean onTerritory, TrackMemory previous, List<Finding> out) {
    }

    /**
     * The tracker deleted a track.
     *
     * @param last the final estimate
     * @param seen what the engine remembered of it (its last estimate passed to the engine), or null
     * @param out  receives the findings
     */
    default void onTrackEnd(TrackState last, TrackMemory seen, List<Finding> out) {
    }

    /** A sensor delivered data at time {@code t}, s. */
    default void onSensorData(String sensorId, double t) {
    }

    /** The clock moved to {@code now}, s. */
    default void onTime(double now, List<Finding> out) {
    }
}
