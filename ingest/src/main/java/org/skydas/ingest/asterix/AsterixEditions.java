package org.skydas.ingest.asterix;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The category editions this decoder ships, all generated from asterix-specs (see package documentation).
 * A stream does not say which edition it uses, so the choice is configuration per source: {@link #defaults()}
 * gives CAT021 2.6, CAT034 1.29, CAT048 1.31, CAT062 1.19, CAT065 1.6 and CAT240 1.3 (for 034/048/062 also
 * Wireshark 4.0's defaults), {@link #with(Map)} overrides some of them.
 */
public final class AsterixEditions {

    /** Every edition available, as "CCC/major.minor". */
    public static final List<String> AVAILABLE = List.of(
            "021/2.6", "034/1.27", "034/1.28", "034/1.29", "048/1.27", "048/1.28", "048/1.29", "048/1.30",
            "048/1.31", "048/1.32", "062/1.16", "062/1.17", "062/1.18", "062/1.19", "062/1.20", "062/1.21",
            "065/1.4", "065/1.5", "065/1.6", "240/1.3");

    private static final Map<String, String> DEFAULTS = Map.of(
            "021", "2.6", "034", "1.29", "048", "1.31", "062", "1.19", "065", "1.6", "240", "1.3");

    private static final Map<String, AsterixCategory> CACHE = new ConcurrentHashMap<>();

    private AsterixEditions() {
    }

    /** One category edition, e.g. {@code of(48, "1.32")}. */
    public static AsterixCategory of(int category, String edition) {
        String key = String.format("%03d/%s", category, edition);
        if (!AVAILABLE.contains(key)) {
            throw new IllegalArgumentException("no ASTERIX definition for " + key + "; available: " + AVAILABLE);
        }
        return CACHE.computeIfAbsent(key, AsterixEditions::create);
    }

    private static AsterixCategory create(String key) {
        return switch (key) {
            case "021/2.6" -> Cat021Ed26.create();
            case "034/1.27" -> Cat034Ed127.create();
            case "034/1.28" -> Cat034Ed128.create();
            case "034/1.29" -> Cat034Ed129.create();
            case "048/1.27" -> Cat048Ed127.create();
            case "048/1.28" -> Cat048Ed128.create();
            case "048/1.29" -> Cat048Ed129.create();
            case "048/1.30" -> Cat048Ed130.create();
            case "048/1.31" -> Cat048Ed131.create();
            case "048/1.32" -> Cat048Ed132.create();
            case "062/1.16" -> Cat062Ed116.create();
            case "062/1.17" -> Cat062Ed117.create();
            case "062/1.18" -> Cat062Ed118.create();
            case "062/1.19" -> Cat062Ed119.create();
            case "062/1.20" -> Cat062Ed120.create();
            case "062/1.21" -> Cat062Ed121.create();
            case "065/1.4" -> Cat065Ed14.create();
            case "065/1.5" -> Cat065Ed15.create();
            case "065/1.6" -> Cat065Ed16.create();
            case "240/1.3" -> Cat240Ed13.create();
            default -> throw new IllegalArgumentException(key);
        };
    }

    /** Category number → default edition, for every category the decoder supports. */
    public static Map<Integer, AsterixCategory> defaults() {
        Map<Integer, AsterixCategory> m = new TreeMap<>();
        DEFAULTS.forEach((cat, ed) -> m.put(Integer.parseInt(cat), of(Integer.parseInt(cat), ed)));
        return m;
    }

    /** The defaults with some categories set to other editions (category number → edition). */
    public static Map<Integer, AsterixCategory> with(Map<Integer, String> editions) {
        Map<Integer, AsterixCategory> m = defaults();
        editions.forEach((cat, ed) -> m.put(cat, of(cat, ed)));
        return m;
    }

    public static AsterixCategory cat034() {
        return of(34, DEFAULTS.get("034"));
    }

    public static AsterixCategory cat048() {
        return of(48, DEFAULTS.get("048"));
    }

    public static AsterixCategory cat062() {
        return of(62, DEFAULTS.get("062"));
    }
}
