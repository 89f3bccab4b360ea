package org.skydas.ingest.asterix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The category editions this decoder ships: each is a data file {@code editions/catCCC-x.y.txt} generated from
 * asterix-specs and read by {@link EditionReader}, and the list of them, {@code editions/editions.txt}, is
 * generated too (see package documentation and docs/adr/0018-asterix-editions-as-data.md).
 * A stream does not say which edition it uses, so the choice is configuration per source: {@link #defaults()}
 * gives CAT021 2.6, CAT034 1.29, CAT048 1.31, CAT062 1.19, CAT065 1.6 and CAT240 1.3 (for 034/048/062 also
 * Wireshark 4.0's defaults), {@link #with(Map)} overrides some of them.
 */
public final class AsterixEditions {

    /** Every edition available, as "CCC/major.minor" (the generated list {@code editions/editions.txt}). */
    public static final List<String> AVAILABLE = readList();

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
        AsterixCategory c = EditionReader.readResource(resource(key));
        if (!key.equals(String.format("%03d/%s", c.number(), c.edition()))) {
            throw new IllegalStateException(resource(key) + " defines " + c + ", not " + key);
        }
        return c;
    }

    /** The class-path resource (relative to this package) of an edition, e.g. {@code editions/cat048-1.31.txt}. */
    static String resource(String key) {
        return "editions/cat" + key.substring(0, 3) + "-" + key.substring(4) + ".txt";
    }

    private static List<String> readList() {
        String name = "editions/editions.txt";
        try (InputStream in = AsterixEditions.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the ASTERIX edition list " + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + name, e);
        }
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
