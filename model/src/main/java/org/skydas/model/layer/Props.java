package org.skydas.model.layer;

import java.util.Map;

/** Typed reads of feature properties, with messages that name the property and what was wrong. */
final class Props {

    private final Map<String, Object> map;

    Props(Map<String, Object> map) {
        this.map = map;
    }

    String string(String key) {
        Object v = map.get(key);
        if (v == null) {
            throw new IllegalArgumentException("'" + key + "' is missing");
        }
        return v.toString();
    }

    String optString(String key) {
        Object v = map.get(key);
        return v == null ? null : v.toString();
    }

    double number(String key) {
        Object v = map.get(key);
        if (v == null) {
            throw new IllegalArgumentException("'" + key + "' is missing");
        }
        return toNumber(key, v);
    }

    double number(String key, double fallback) {
        Object v = map.get(key);
        return v == null ? fallback : toNumber(key, v);
    }

    Double optNumber(String key) {
        Object v = map.get(key);
        return v == null ? null : toNumber(key, v);
    }

    int integer(String key) {
        double d = number(key);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + key + "' must be a whole number, is " + map.get(key));
        }
        return (int) d;
    }

    boolean bool(String key, boolean fallback) {
        Object v = map.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        return switch (v.toString().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("'" + key + "' must be true or false, is " + v);
        };
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException("'" + key + "' must be an object, is " + v);
    }

    private static double toNumber(String key, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' must be a number, is '" + v + "'");
        }
    }
}
