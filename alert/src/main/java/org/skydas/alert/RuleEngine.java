package org.skydas.alert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.skydas.track.TrackState;
import org.skydas.track.TrackStatus;

/**
 * Runs a list of early-warning {@link Rule}s over track updates, track ends, sensor data and the clock, and returns
 * their findings in the order of the list. Only confirmed (or coasting) tracks reach the rules' {@link Rule#onTrack}:
 * a tentative track is not yet evidence. The engine remembers per track what every rule may need of its past
 * ({@link TrackMemory}: last position, on territory, ever confirmed) and forgets it when the track ends. One instance
 * per pipeline; not thread-safe (the pipeline feeds it from one thread, in time order). See
 * docs/adr/0017-tracker-and-rules-from-components.md.
 */
public final class RuleEngine {

    private final BorderIndex border;
    private final List<Rule> rules;
    private final Map<Long, TrackMemory> tracks = new HashMap<>();

    /** With the {@link #defaultRules default rules}. */
    public RuleEngine(BorderIndex border, RuleConfig config) {
        this(border, defaultRules(border, config));
    }

    /**
     * @param border the border model (the engine decides "on territory" with it)
     * @param rules  the rules, run in this order; the engine owns them from now on
     */
    public RuleEngine(BorderIndex border, List<Rule> rules) {
        this.border = Objects.requireNonNull(border, "border");
        this.rules = List.copyOf(rules);
    }

    /**
     * Skydas' rules: border crossing, approach, drone incursion, loitering, track lost, sensor down (a new one goes
     * here; ARCHITECTURE.md, "Add a rule").
     */
    public static List<Rule> defaultRules(BorderIndex border, RuleConfig config) {
        return List.of(new BorderCrossingRule(border, config), new ApproachRule(border, config),
                new DroneIncursionRule(border, config), new LoiteringRule(border, config),
                new TrackLostRule(border, config), new SensorDownRule(config));
    }

    /** The rules, in the order they run. */
    public List<Rule> rules() {
        return rules;
    }

    /** A track's new estimate. */
    public List<Finding> onTrack(TrackState t) {
        List<Finding> out = new ArrayList<>(1);
        boolean confirmed = t.status() == TrackStatus.CONFIRMED || t.status() == TrackStatus.COASTING;
        boolean inside = border.onTerritory(t.x(), t.y());
        TrackMemory m = tracks.get(t.id());
        if (confirmed) {
            for (Rule r : rules) {
                r.onTrack(t, inside, m, out);
            }
        }
        if (m == null) {
            m = new TrackMemory();
            tracks.put(t.id(), m);
        }
        m.x = t.x();
        m.y = t.y();
        m.t = t.t();
        m.onTerritory = inside;
        m.confirmed |= confirmed;
        return out;
    }

    /** The tracker deleted a track; {@code last} is its final estimate. */
    public List<Finding> onTrackEnd(TrackState last) {
        TrackMemory m = tracks.remove(last.id());
        List<Finding> out = new ArrayList<>(0);
        for (Rule r : rules) {
            r.onTrackEnd(last, m, out);
        }
        return out;
    }

    /** A sensor delivered data at time {@code t} (any message counts as a sign of life). */
    public void onSensorData(String sensorId, double t) {
        for (Rule r : rules) {
            r.onSensorData(sensorId, t);
        }
    }

    /** The clock moved to {@code now}: sensors silent for too long are reported once per silence. */
    public List<Finding> onTime(double now) {
        List<Finding> out = new ArrayList<>();
        for (Rule r : rules) {
            r.onTime(now, out);
        }
        return out;
    }
}
