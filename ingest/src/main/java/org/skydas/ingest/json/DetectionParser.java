package org.skydas.ingest.json;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.skydas.ingest.json.DetectionFormatException.FieldError;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Validating parser for Skydas JSON detections. It enforces {@code detection.schema.json} (kept
 * beside this class; the same rules, written out so that every problem gets a precise message) and
 * one rule JSON Schema cannot state: the covariance must be positive semi-definite. All problems of a
 * document are reported together, each with its JSON path. Duplicate keys, trailing content, NaN
 * literals and nesting deeper than 16 levels are refused. Thread-safe.
 */
public final class DetectionParser {

    static final Set<String> TOP_LEVEL = Set.of("sensor_id", "time", "kind", "position", "line", "bearing_deg",
            "bearing_error_deg", "class_hint", "confidence", "position_error_m", "covariance_en_m2", "external_id");
    private static final Set<String> POSITION = Set.of("lat", "lon", "alt_m");
    private static final Set<String> LINE = Set.of("line_id", "distance_m");
    private static final Set<String> COVARIANCE = Set.of("ee", "en", "nn");
    private static final Pattern UTC_TIME = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$");

    private final ObjectMapper mapper;

    public DetectionParser() {
        JsonFactory f = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(1 << 16)
                        .maxNumberLength(64).build())
                .build();
        mapper = new ObjectMapper(f);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Parses and validates one detection object. */
    public Detection parse(String json) throws DetectionFormatException {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new DetectionFormatException(List.of(new FieldError("", "not valid JSON: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new DetectionFormatException(List.of(new FieldError("", "unreadable: " + e.getMessage())));
        }
        if (root == null || root.isMissingNode()) {
            throw new DetectionFormatException(List.of(new FieldError("", "empty input")));
        }
        return parse(root);
    }

    /** Validates an already parsed JSON tree. */
    public Detection parse(JsonNode root) throws DetectionFormatException {
        List<FieldError> errors = new ArrayList<>();
        if (!root.isObject()) {
            throw new DetectionFormatException(List.of(new FieldError("", "must be a JSON object, not " + kindOf(root))));
        }
        unknownFields(root, TOP_LEVEL, "", errors);
        String sensorId = string(root, "sensor_id", "/sensor_id", 128, true, errors);
        Instant time = time(root, errors);
        DetectionKind kind = enumValue(root, "kind", DetectionKind.class, true, errors);

        Detection.GeoPosition position = null;
        JsonNode p = root.get("position");
        if (p != null) {
            if (!p.isObject()) {
                errors.add(new FieldError("/position", "must be an object with lat and lon, not " + kindOf(p)));
            } else {
                unknownFields(p, POSITION, "/position", errors);
                double lat = number(p, "lat", "/position/lat", -90, 90, false, false, true, errors);
                double lon = number(p, "lon", "/position/lon", -180, 180, false, false, true, errors);
                double alt = number(p, "alt_m", "/position/alt_m", -1000, 100_000, false, false, false, errors);
                position = new Detection.GeoPosition(lat, lon, alt);
            }
        }
        Detection.LinePosition line = null;
        JsonNode l = root.get("line");
        if (l != null) {
            if (!l.isObject()) {
                errors.add(new FieldError("/line", "must be an object with line_id and distance_m, not " + kindOf(l)));
            } else {
                unknownFields(l, LINE, "/line", errors);
                String id = string(l, "line_id", "/line/line_id", 128, true, errors);
                double d = number(l, "distance_m", "/line/distance_m", 0, Double.POSITIVE_INFINITY, false, false, true, errors);
                line = new Detection.LinePosition(id, d);
            }
        }
        double bearing = number(root, "bearing_deg", "/bearing_deg", 0, 360, false, true, false, errors);
        double bearingError = number(root, "bearing_error_deg", "/bearing_error_deg", 0, 180, true, false, false, errors);
        ClassHint hint = enumValue(root, "class_hint", ClassHint.class, false, errors);
        double confidence = number(root, "confidence", "/confidence", 0, 1, false, false, false, errors);
        double positionError = number(root, "position_error_m", "/position_error_m", 0, Double.POSITIVE_INFINITY, true, false, false, errors);
        Detection.Covariance cov = null;
        JsonNode c = root.get("covariance_en_m2");
        if (c != null) {
            if (!c.isObject()) {
                errors.add(new FieldError("/covariance_en_m2", "must be an object with ee, en, nn, not " + kindOf(c)));
            } else {
                unknownFields(c, COVARIANCE, "/covariance_en_m2", errors);
                double ee = number(c, "ee", "/covariance_en_m2/ee", 0, Double.POSITIVE_INFINITY, true, false, true, errors);
                double en = number(c, "en", "/covariance_en_m2/en", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false, false, true, errors);
                double nn = number(c, "nn", "/covariance_en_m2/nn", 0, Double.POSITIVE_INFINITY, true, false, true, errors);
                if (ee > 0 && nn > 0 && en * en > ee * nn) {
                    errors.add(new FieldError("/covariance_en_m2", "not positive semi-definite: en² = " + en * en
                            + " exceeds ee·nn = " + ee * nn));
                }
                cov = new Detection.Covariance(ee, en, nn);
            }
        }
        String externalId = string(root, "external_id", "/external_id", 256, false, errors);

        // Rules between fields.
        boolean hasBearing = root.has("bearing_deg");
        if (p == null && l == null && !hasBearing) {
            errors.add(new FieldError("", "needs position, line or bearing_deg to locate the detection"));
        }
        if (l != null && kind != null && !kind.isLineSensor()) {
            errors.add(new FieldError("/line", "only fence and seismic sensors report a line distance, not " + kind.wire()));
        }
        if (hasBearing && kind != null && !kind.reportsBearing()) {
            errors.add(new FieldError("/bearing_deg", "only acoustic, rf and camera sensors report a bearing, not " + kind.wire()));
        }
        if (root.has("bearing_error_deg") && !hasBearing) {
            errors.add(new FieldError("/bearing_error_deg", "given without bearing_deg"));
        }
        if (root.has("confidence") && !root.has("class_hint")) {
            errors.add(new FieldError("/confidence", "given without class_hint"));
        }
        if (root.has("position_error_m") && c != null) {
            errors.add(new FieldError("/position_error_m", "give either position_error_m or covariance_en_m2, not both"));
        }
        if (c != null && p == null) {
            errors.add(new FieldError("/covariance_en_m2", "given without position"));
        }
        if (root.has("position_error_m") && p == null && l == null) {
            errors.add(new FieldError("/position_error_m", "given without position or line"));
        }
        if (!errors.isEmpty()) {
            throw new DetectionFormatException(errors);
        }
        return new Detection(sensorId, time, kind, position, line, bearing, bearingError, hint, confidence,
                positionError, cov, externalId);
    }

    private static Instant time(JsonNode root, List<FieldError> errors) {
        JsonNode t = root.get("time");
        if (t == null) {
            errors.add(new FieldError("/time", "required"));
            return null;
        }
        if (!t.isTextual()) {
            errors.add(new FieldError("/time", "must be an ISO-8601 string, not " + kindOf(t)));
            return null;
        }
        String s = t.asText();
        if (!UTC_TIME.matcher(s).matches()) {
            errors.add(new FieldError("/time", "'" + abbreviate(s) + "' is not ISO-8601 UTC (yyyy-MM-ddTHH:mm:ss[.fff]Z)"));
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeException e) {
            errors.add(new FieldError("/time", "'" + s + "' is not a valid date-time"));
            return null;
        }
    }

    private static String string(JsonNode o, String name, String path, int maxLength, boolean required, List<FieldError> errors) {
        JsonNode v = o.get(name);
        if (v == null) {
            if (required) {
                errors.add(new FieldError(path, "required"));
            }
            return null;
        }
        if (!v.isTextual()) {
            errors.add(new FieldError(path, "must be a string, not " + kindOf(v)));
            return null;
        }
        String s = v.asText();
        if (s.isEmpty()) {
            errors.add(new FieldError(path, "must not be empty"));
        } else if (s.length() > maxLength) {
            errors.add(new FieldError(path, "longer than " + maxLength + " characters"));
        }
        return s;
    }

    /** A number in [min, max] (exclusive ends as flagged); NaN when absent. */
    private static double number(JsonNode o, String name, String path, double min, double max, boolean exclusiveMin,
                                 boolean exclusiveMax, boolean required, List<FieldError> errors) {
        JsonNode v = o.get(name);
        if (v == null) {
            if (required) {
                errors.add(new FieldError(path, "required"));
            }
            return Double.NaN;
        }
        if (!v.isNumber()) {
            errors.add(new FieldError(path, "must be a number, not " + kindOf(v)));
            return Double.NaN;
        }
        double d = v.asDouble();
        boolean low = exclusiveMin ? d <= min : d < min;
        boolean high = exclusiveMax ? d >= max : d > max;
        if (low || high || !Double.isFinite(d)) {
            errors.add(new FieldError(path, v.asText() + " outside " + (exclusiveMin ? "(" : "[") + fmt(min) + ", " + fmt(max)
                    + (exclusiveMax ? ")" : "]")));
        }
        return d;
    }

    private static <E extends Enum<E>> E enumValue(JsonNode o, String name, Class<E> type, boolean required, List<FieldError> errors) {
        JsonNode v = o.get(name);
        String path = "/" + name;
        if (v == null) {
            if (required) {
                errors.add(new FieldError(path, "required"));
            }
            return null;
        }
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            String wire = e.name().toLowerCase(Locale.ROOT);
            allowed.add(wire);
            if (v.isTextual() && v.asText().equals(wire)) {
                return e;
            }
        }
        errors.add(new FieldError(path, (v.isTextual() ? "'" + abbreviate(v.asText()) + "'" : kindOf(v)) + " is not one of " + allowed));
        return null;
    }

    private static void unknownFields(JsonNode o, Set<String> known, String path, List<FieldError> errors) {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                errors.add(new FieldError(path + "/" + abbreviate(f), "unknown field"));
            }
        }
    }

    private static String kindOf(JsonNode v) {
        return v.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String fmt(double v) {
        return Double.isInfinite(v) ? (v > 0 ? "∞" : "-∞") : (v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v));
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
