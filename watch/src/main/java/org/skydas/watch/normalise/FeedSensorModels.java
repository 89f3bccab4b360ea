package org.skydas.watch.normalise;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.skydas.track.SensorModel;

/**
 * The tracker's sensor model of each kind of feed: its probability of detection and its clutter density. Every
 * source of a feed (a CoT sender, a JSON sensor, a radar, a Remote ID receiver, a SAPIENT node, a GMTI platform, an
 * ONVIF camera) is its own event reporter to the tracker (ADR 0005), registered with its feed's model when first
 * heard. The defaults are the values Skydas has always used: Pd 0.9 and clutter 1e-9 per m² for every feed; a
 * scenario may set its own ({@link #fromMetadata}).
 */
public record FeedSensorModels(Map<Feed, Model> models) {

    /** The kinds of feed the normaliser knows. */
    public enum Feed {
        COT, JSON, RADAR, SYSTEM_TRACK, REMOTE_ID, SAPIENT, GMTI, ONVIF
    }

    /** Probability of detection in (0, 1) and clutter density (false reports per m² per report, > 0), as the tracker needs. */
    public record Model(double pd, double clutterDensity) {
        public Model {
            if (!(pd > 0 && pd < 1)) {
                throw new IllegalArgumentException("pd must be in (0, 1), is " + pd);
            }
            if (!(clutterDensity > 0) || Double.isInfinite(clutterDensity)) {
                throw new IllegalArgumentException("clutter_density must be finite and > 0, is " + clutterDensity);
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

    /**
     * From a scenario's metadata: {@code sensors.<feed>.pd} and {@code sensors.<feed>.clutter_density} per feed
     * ({@code cot}, {@code json}, {@code radar}, {@code system_track}, {@code remote_id}, {@code sapient}, {@code gmti},
     * {@code onvif}), each optional ({@link #DEFAULT} where absent). A value that is no number, or out of range, is an
     * error naming its key.
     */
    public static FeedSensorModels fromMetadata(Map<String, String> metadata) {
        Map<Feed, Model> m = new EnumMap<>(Feed.class);
        for (Feed f : Feed.values()) {
            String prefix = "sensors." + f.name().toLowerCase(java.util.Locale.ROOT) + ".";
            String pd = metadata.get(prefix + "pd");
            String clutter = metadata.get(prefix + "clutter_density");
            if (blank(pd) && blank(clutter)) {
                continue;
            }
            double p = blank(pd) ? DEFAULT.pd() : number(prefix + "pd", pd);
            double c = blank(clutter) ? DEFAULT.clutterDensity() : number(prefix + "clutter_density", clutter);
            try {
                m.put(f, new Model(p, c));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("scenario metadata " + prefix + "*: " + e.getMessage());
            }
        }
        return new FeedSensorModels(m);
    }

    private static boolean blank(String v) {
        return v == null || v.isBlank();
    }

    private static double number(String key, String v) {
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("scenario metadata " + key + " must be a number, is '" + v + "'");
        }
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
