package org.skydas.bench.ingest.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.skydas.bench.ingest.tak.Mutator;

/**
 * Mutations of JSON documents for the detection fuzz run, one per input and up to three in a quarter of them (so
 * that many inputs stay near-valid and reach the field checks, not only the JSON syntax checks): the byte-level ones of {@link Mutator}
 * (bit flips, truncation, insertions, lying lengths) on the UTF-8 form, and structure-aware ones on the text:
 * extreme and malformed numbers, huge and strange strings, deep nesting, values of the wrong type, duplicated,
 * dropped and unknown members, broken times and enum values, trailing and leading junk. The finds are crude
 * (regular expressions, not a parser) on purpose: on damaged documents they still hit something.
 */
final class JsonMutator {

    // String bodies are matched unrolled and possessive: a per-character alternation recurses and would
    // overflow the stack on the huge strings this mutator itself writes.
    /** A member value: string, number-like run, flat object or array, or literal. */
    private static final Pattern VALUE = Pattern.compile(
            ":\\s*(\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"|-?[0-9][^,}\\]\\s]*|\\{[^{}]*}|\\[[^\\[\\]]*]|true|false|null)");
    private static final Pattern MEMBER = Pattern.compile(
            "\"[^\"\\\\]*\"\\s*:\\s*(\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"|-?[0-9][^,}\\]\\s]*|\\{[^{}]*}|\\[[^\\[\\]]*]|true|false|null)");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"");

    private static final String[] NUMBERS = {
            "0", "-0", "-0.0", "1e309", "-1e309", "1e-400", "4.9e-324", "1.7976931348623157e308", "1e999999999",
            "-1e-999999999", "123456789012345678901234567890", "9".repeat(64), "9".repeat(65), "0." + "1".repeat(70),
            "NaN", "-Infinity", "Infinity", "+1", "01", "1.", ".5", "1e", "1e+", "--1", "0x10", "1_000", "٣", "１",
            "90.00000000000001", "-90.0000000001", "180.0000000001", "360", "359.99999999999994", "1.0E2", "-1",
    };
    private static final String[] STRINGS = {
            "", " ", "\\u0000", "\\ud800", "\\udc00x", "\\uZZZZ", "\\", "\\x", "\t", "\u0000", "\u0085\u2028",
            "\ud83d", "𝟚𝟘𝟚𝟞", "２０２６-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-01-01T24:00:00Z",
            "2026-12-31T23:59:60Z", "2026-01-01T00:00:00.1234567891Z", "2026-01-01T00:00:00+01:00",
            "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2026-01-01t00:00:00z", "2026-1-1T0:0:0Z",
            "camera", "CAMERA", "fence ", "drone", "person", "Person", "unknown\\u0000",
    };
    private static final String[] OTHER_VALUES = {
            "null", "true", "false", "[]", "{}", "[1,2]", "{\"lat\":1}", "{\"lat\":1,\"lat\":2}", "\"1\"", "0", "[[]]",
            "{\"ee\":1,\"en\":5,\"nn\":1}", "{\"line_id\":\"L\",\"distance_m\":-1}", "[\"camera\"]",
    };
    private static final String[] KEYS = {
            "sensor_id", "time", "kind", "position", "line", "bearing_deg", "bearing_error_deg", "class_hint",
            "confidence", "position_error_m", "covariance_en_m2", "external_id", "lat", "lon", "alt_m", "x", "",
            "__proto__", "Sensor_ID", "sensor_id\\u0000", "\\ud800",
    };
    private static final String[] JUNK = {
            " {}", "}", "]", "x", "\u0000", ",", "\n{\"a\":1}", "/* c */", "// c", "\ufeff", "null", "\"", "{", "[",
    };
    private static final int[] HUGE = {1_000, 65_535, 65_536, 65_537, 200_000};
    private static final int[] DEPTHS = {15, 16, 17, 100, 10_000, 100_000};

    private JsonMutator() {
    }

    static String mutate(String seed, Random r) {
        String s = seed;
        int rounds = r.nextInt(4) == 0 ? 2 + r.nextInt(2) : 1;
        for (int k = 0; k < rounds; k++) {
            s = once(s, r);
        }
        return s;
    }

    private static String once(String s, Random r) {
        return switch (r.nextInt(13)) {
            case 0, 1 -> new String(Mutator.mutate(s.getBytes(StandardCharsets.UTF_8), r), StandardCharsets.UTF_8);
            case 2 -> s.substring(0, r.nextInt(s.length() + 1));
            case 3 -> replaceOne(s, NUMBER, 0, NUMBERS[r.nextInt(NUMBERS.length)], r);
            case 4 -> replaceOne(s, STRING, 1, STRINGS[r.nextInt(STRINGS.length)], r);
            case 5 -> replaceOne(s, STRING, 1, hugeString(r), r);
            case 6 -> replaceOne(s, VALUE, 1, nested(r), r);
            case 7 -> replaceOne(s, VALUE, 1, OTHER_VALUES[r.nextInt(OTHER_VALUES.length)], r);
            case 8 -> duplicateMember(s, r);
            case 9 -> removeMember(s, r);
            case 10 -> insertAfterBrace(s, "\"" + KEYS[r.nextInt(KEYS.length)] + "\":"
                    + OTHER_VALUES[r.nextInt(OTHER_VALUES.length)] + ",", r);
            case 11 -> s + JUNK[r.nextInt(JUNK.length)];
            default -> JUNK[r.nextInt(JUNK.length)] + s;
        };
    }

    /** Replaces group {@code group} of one random match of {@code p}; unchanged when nothing matches. */
    private static String replaceOne(String s, Pattern p, int group, String replacement, Random r) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = p.matcher(s);
        while (m.find()) {
            spans.add(new int[] {m.start(group), m.end(group)});
        }
        if (spans.isEmpty()) {
            return s;
        }
        int[] span = spans.get(r.nextInt(spans.size()));
        return s.substring(0, span[0]) + replacement + s.substring(span[1]);
    }

    private static String hugeString(Random r) {
        int n = HUGE[r.nextInt(HUGE.length)];
        String unit = switch (r.nextInt(4)) {
            case 0 -> "a";
            case 1 -> "\\u00e9";
            case 2 -> "ž";
            default -> "\\\"";
        };
        return unit.repeat(Math.max(1, n / unit.length()));
    }

    private static String nested(Random r) {
        int depth = DEPTHS[r.nextInt(DEPTHS.length)];
        boolean arrays = r.nextBoolean();
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        // Sometimes left unclosed: the parser must give up at the depth limit, not at the end of the input.
        return open.repeat(depth) + "1" + (r.nextInt(4) == 0 ? "" : close.repeat(depth));
    }

    private static String duplicateMember(String s, Random r) {
        List<String> members = new ArrayList<>();
        Matcher m = MEMBER.matcher(s);
        while (m.find()) {
            members.add(m.group());
        }
        return members.isEmpty() ? s : insertAfterBrace(s, members.get(r.nextInt(members.size())) + ",", r);
    }

    private static String removeMember(String s, Random r) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = MEMBER.matcher(s);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return s;
        }
        int[] span = spans.get(r.nextInt(spans.size()));
        int end = span[1];
        while (end < s.length() && (s.charAt(end) == ',' || Character.isWhitespace(s.charAt(end)))) {
            end++;
        }
        return s.substring(0, span[0]) + s.substring(end);
    }

    private static String insertAfterBrace(String s, String text, Random r) {
        List<Integer> braces = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '{') {
                braces.add(i + 1);
            }
        }
        if (braces.isEmpty()) {
            return s;
        }
        int at = braces.get(r.nextInt(braces.size()));
        return s.substring(0, at) + text + s.substring(at);
    }
}
