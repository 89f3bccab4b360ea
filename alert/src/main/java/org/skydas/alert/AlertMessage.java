package org.skydas.alert;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.skydas.model.Neighbour;
import org.skydas.model.TargetKind;

/**
 * Every text an alert can carry, one constant each: a stable key (the web console's catalogues translate it, in
 * {@code web/src/locales/LANG/messages.json}), the parameters it takes with their kinds, and the English text the
 * server itself writes (logs, CoT remarks, exports, the stored {@code message}). A rule says something only through
 * {@link #text}, so the keys any rule can emit are exactly these constants ({@code AlertMessageCatalogueTest} checks
 * that both catalogues have each of them, with no placeholder that is not a parameter). A key, once shipped, keeps
 * its meaning: stored alerts carry it; a new wording with other parameters is a new key.
 */
public enum AlertMessage {

    BORDER_CROSSING("alert.border_crossing", "{{class}} crossed the border from {{neighbour}} in sector {{sector}} "
            + "({{distance_m}} m inside, {{speed_mps}} m/s, track {{track}})",
            Param.integer("track"), Param.targetClass("class"), Param.country("neighbour"), Param.text("sector"),
            Param.number("distance_m", 0), Param.number("speed_mps", 1)),
    APPROACH("alert.approach", "{{class}} {{distance_m}} m from the border heading for sector {{sector}}, "
            + "ETA {{eta_s}} s (closing at {{closing_mps}} m/s, track {{track}})",
            Param.integer("track"), Param.targetClass("class"), Param.number("distance_m", 0), Param.text("sector"),
            Param.number("eta_s", 0), Param.number("closing_mps", 1)),
    DRONE_NATIONAL("alert.drone_national", "drone in national airspace (track {{track}})", Param.integer("track")),
    DRONE_NATIONAL_ID("alert.drone_national_id", "drone (id {{remote_id}}) in national airspace (track {{track}})",
            Param.integer("track"), Param.text("remote_id")),
    DRONE_RESTRICTED("alert.drone_restricted", "drone in restricted airspace {{zone}} (track {{track}})",
            Param.integer("track"), Param.text("zone")),
    DRONE_RESTRICTED_ID("alert.drone_restricted_id",
            "drone (id {{remote_id}}) in restricted airspace {{zone}} (track {{track}})",
            Param.integer("track"), Param.text("remote_id"), Param.text("zone")),
    LOITERING("alert.loitering", "{{class}} has stayed {{stayed_s}} s in {{zone}} (track {{track}})",
            Param.integer("track"), Param.targetClass("class"), Param.number("stayed_s", 0), Param.text("zone")),
    TRACK_LOST("alert.track_lost", "{{class}} track lost {{distance_m}} m from the border ({{sector}}, track {{track}})",
            Param.integer("track"), Param.targetClass("class"), Param.number("distance_m", 0), Param.text("sector")),
    SENSOR_DOWN("alert.sensor_down", "no data from sensor {{sensor}} for {{silent_s}} s",
            Param.text("sensor"), Param.number("silent_s", 0)),
    STORAGE_LOW("alert.storage_low", "low disk space in {{dir}}: {{free_mib}} MiB free, below {{low_mib}} MiB; "
            + "at {{floor_mib}} MiB new data will be refused",
            Param.text("dir"), Param.integer("free_mib"), Param.integer("low_mib"), Param.integer("floor_mib")),
    STORAGE_FLOOR("alert.storage_floor", "disk almost full: {{free_mib}} MiB free in {{dir}}, below the floor of "
            + "{{floor_mib}} MiB; new data is refused until space is freed (the server keeps serving)",
            Param.text("dir"), Param.integer("free_mib"), Param.integer("floor_mib"));

    /** What a parameter holds, which decides its Java type, how the English text writes it and how the web does. */
    public enum Kind {
        /** A whole number ({@code Long}): a track id, MiB. */
        INTEGER,
        /** A measurement ({@code Double}, rounded to the parameter's digits): metres, seconds, m/s. */
        NUMBER,
        /** Free text written as it is ({@code String}): a sector id, a zone's name, a sensor id. */
        TEXT,
        /** A {@link TargetKind} in lower case ({@code String}); the catalogues translate it. */
        TARGET_CLASS,
        /** A {@link Neighbour} code ({@code String}: BY, RU, PL, LV); the catalogues translate it. */
        COUNTRY
    }

    /** A parameter: its name in the params and the catalogues' {@code {{placeholders}}}, its kind, decimals kept. */
    public record Param(String name, Kind kind, int digits) {
        static Param integer(String name) {
            return new Param(name, Kind.INTEGER, 0);
        }

        static Param number(String name, int digits) {
            return new Param(name, Kind.NUMBER, digits);
        }

        static Param text(String name) {
            return new Param(name, Kind.TEXT, 0);
        }

        static Param targetClass(String name) {
            return new Param(name, Kind.TARGET_CLASS, 0);
        }

        static Param country(String name) {
            return new Param(name, Kind.COUNTRY, 0);
        }

        /** The values a translated kind can take (the catalogues must translate each), empty for the others. */
        public List<String> values() {
            return switch (kind) {
                case TARGET_CLASS -> Arrays.stream(TargetKind.values()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
                case COUNTRY -> Arrays.stream(Neighbour.values()).map(Neighbour::code).toList();
                default -> List.of();
            };
        }

        /** {@code v} as this parameter stores it, or an exception naming the parameter. */
        Object normalise(String key, Object v) {
            if (v == null) {
                throw new IllegalArgumentException(key + ": parameter '" + name + "' is missing");
            }
            return switch (kind) {
                case INTEGER -> {
                    if (!(v instanceof Long || v instanceof Integer || v instanceof Short)) {
                        throw new IllegalArgumentException(key + ": '" + name + "' must be a whole number, is " + v);
                    }
                    yield ((Number) v).longValue();
                }
                case NUMBER -> {
                    if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                        throw new IllegalArgumentException(key + ": '" + name + "' must be a finite number, is " + v);
                    }
                    double scale = Math.pow(10, digits);
                    yield Math.round(n.doubleValue() * scale) / scale;
                }
                case TEXT -> v.toString();
                case TARGET_CLASS, COUNTRY -> {
                    String s = v instanceof Enum<?> e ? e.name() : v.toString();
                    s = kind == Kind.TARGET_CLASS ? s.toLowerCase(Locale.ROOT) : s.toUpperCase(Locale.ROOT);
                    if (!values().contains(s)) {
                        throw new IllegalArgumentException(key + ": '" + name + "' must be one of " + values() + ", is " + v);
                    }
                    yield s;
                }
            };
        }

        /** How the English text writes a stored value. */
        String english(Object v) {
            return switch (kind) {
                case NUMBER -> String.format(Locale.ROOT, "%." + digits + "f", ((Number) v).doubleValue());
                case COUNTRY -> Neighbour.fromCode(v.toString()).displayName();
                default -> v.toString();
            };
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private final String key;
    private final String english;
    private final List<Param> params;

    AlertMessage(String key, String english, Param... params) {
        this.key = key;
        this.english = english;
        this.params = List.of(params);
    }

    /** The stable key, as the API serves it and the catalogues hold it ({@code alert.border_crossing}). */
    public String key() {
        return key;
    }

    /** The parameters, in the order {@link #text} takes them. */
    public List<Param> params() {
        return params;
    }

    /** The English template, with the same {@code {{name}}} placeholders as the catalogues. */
    public String englishTemplate() {
        return english;
    }

    /**
     * This message with its parameters' values, in the order of {@link #params()}: checked (count, types, codes) and
     * normalised (numbers rounded to their digits, codes in their case).
     *
     * @throws IllegalArgumentException naming the parameter at fault
     */
    public AlertText text(Object... values) {
        if (values.length != params.size()) {
            throw new IllegalArgumentException(key + " takes " + params.size() + " parameters "
                    + params.stream().map(Param::name).toList() + ", got " + values.length);
        }
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            Param p = params.get(i);
            m.put(p.name(), p.normalise(key, values[i]));
        }
        return new AlertText(this, java.util.Collections.unmodifiableMap(m));
    }

    /** The English text of normalised parameters (as {@link #text} made them). */
    String english(Map<String, Object> values) {
        Matcher m = PLACEHOLDER.matcher(english);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Param p = params.stream().filter(x -> x.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(key + ": the English text names no parameter " + name));
            m.appendReplacement(out, Matcher.quoteReplacement(p.english(values.get(name))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The message of a stored key, or null for a key this version does not know. */
    public static AlertMessage ofKey(String key) {
        for (AlertMessage m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        return null;
    }
}
