package org.skydas.server.ops;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long raw data is kept: detections (the journal) and downsampled track history, in seconds; infinite = kept
 * for ever. Alerts, acknowledgements and the audit log have no retention: they are the legal record and leave only by
 * an explicit, audited admin action. From the scenario's metadata ({@code retention.detections},
 * {@code retention.track_history}) or {@code serve --retain-detections/--retain-track-history}, which win.
 */
public record RetentionSettings(double detectionsS, double trackHistoryS) {

    public static final String DETECTIONS_KEY = "retention.detections";
    public static final String TRACK_HISTORY_KEY = "retention.track_history";
    /** By default: a week of raw detections, a month of track history. */
    public static final RetentionSettings DEFAULTS = new RetentionSettings(7 * 86_400, 30 * 86_400);
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([smhd])");

    public RetentionSettings {
        if (!(detectionsS > 0) || !(trackHistoryS > 0)) {
            throw new IllegalArgumentException("retention must be > 0 (or 'off')");
        }
    }

    /** The scenario's settings over the defaults; a bad value names its key. */
    public static RetentionSettings fromMetadata(Map<String, String> metadata) {
        return DEFAULTS.with(metadata.get(DETECTIONS_KEY), DETECTIONS_KEY, metadata.get(TRACK_HISTORY_KEY),
                TRACK_HISTORY_KEY);
    }

    /** These settings with the given durations ({@code null} = keep this one); names say where a bad value came from. */
    public RetentionSettings with(String detections, String detectionsName, String trackHistory, String trackHistoryName) {
        return new RetentionSettings(detections == null ? detectionsS : seconds(detectionsName, detections),
                trackHistory == null ? trackHistoryS : seconds(trackHistoryName, trackHistory));
    }

    /** {@code 90s}, {@code 5m}, {@code 12h}, {@code 7d} or {@code off} (kept for ever). */
    public static double seconds(String name, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("off") || v.equals("forever")) {
            return Double.POSITIVE_INFINITY;
        }
        Matcher m = DURATION.matcher(v);
        if (!m.matches() || Double.parseDouble(m.group(1)) <= 0) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not a duration such as 90s, 5m, 12h, 7d or off");
        }
        double n = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "s" -> n;
            case "m" -> n * 60;
            case "h" -> n * 3_600;
            default -> n * 86_400;
        };
    }

    /** As an operator writes it: {@code 7d}, {@code 5m}, {@code off}. */
    public static String describe(double seconds) {
        if (Double.isInfinite(seconds)) {
            return "off";
        }
        for (var unit : new Object[][] {{86_400.0, "d"}, {3_600.0, "h"}, {60.0, "m"}}) {
            double u = (Double) unit[0];
            if (seconds >= u && seconds % u == 0) {
                return (long) (seconds / u) + (String) unit[1];
            }
        }
        return (seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds)) + "s";
    }
}
