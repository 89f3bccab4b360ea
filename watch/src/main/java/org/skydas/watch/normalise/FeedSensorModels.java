package org.skydas.watch.normalise;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.skydas.track.SensorModel;

/**
 * The tracker's sensor model of each kind of feed: its probability of detection and its clutter density. Every
 * source of a feed (a CoT sender, a JSON sensor, a radar, a Remote ID receiver, a SAPIENT node, a GMTI platform, an
 * ONVIF camera) is its own event reporter to the tracker (ADR 0005), registered with its feed's model when first
 * heard. The defaults are the values Skydas has always used: Pd 0.9 and clutter 1e-9 per m² for every feed.
 */
public record FeedSensorModels(Map<Feed, Model> models) {

    /** The kinds of feed the normaliser knows. */
    public enum Feed {
        COT, JSON, RADAR, SYSTEM_TRACK, REMOTE_ID, SAPIENT, GMTI, ONVIF
    }

    /** Probability of detection in (0, 1] and clutter density (false reports per m² per report, ≥ 0). */
    public record Model(double pd, double clutterDensity) {
        public Model {
            if (!(pd > 0 && pd <= 1)) {
                throw new IllegalArgumentException("pd must be in (0, 1], is " + pd);
            }
            if (!(clutterDensity >= 0) || Double.isInfinite(clutterDensity)) {
                throw new IllegalArgumentException("clutterDensity must be finite and >= 0, is " + clutterDensity);
            }
        }

        /** This model for tracker sensor {@code id}, as an event reporter (no misses between reports). */
        public SensorModel sensor(int id) {
            return SensorModel.event(id, pd, clutterDensity);
        }
    }

    /** What every feed has used so far. */
    public static final Model DEFAULT = new Model(0.9, 1e-9);

    public FeedSensorModels {
        Map<Feed, Model> all = new EnumMap<>(Feed.class);
        for (Feed f : Feed.values()) {
            all.put(f, Objects.requireNonNull(models.getOrDefault(f, DEFAULT), "model of " + f));
        }
        models = java.util.Collections.unmodifiableMap(all);
    }

    /** {@link #DEFAULT} for every feed. */
    public static FeedSensorModels defaults() {
        return new FeedSensorModels(Map.of());
    }

    /** The same, with {@code model} for {@code feed}. */
    public FeedSensorModels with(Feed feed, Model model) {
        Map<Feed, Model> m = new EnumMap<>(models);
        m.put(feed, Objects.requireNonNull(model, "model"));
        return new FeedSensorModels(m);
    }

    public Model of(Feed feed) {
        return models.get(feed);
    }
}
