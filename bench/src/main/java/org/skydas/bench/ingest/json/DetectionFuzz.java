package org.skydas.bench.ingest.json;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.skydas.bench.ingest.tak.FuzzStats;
import org.skydas.ingest.json.DetectionFormatException;
import org.skydas.ingest.json.DetectionParser;

/**
 * Fuzz run of the Skydas JSON detection parser (issue #5): N documents mutated from valid samples by
 * {@link JsonMutator}. Any exception other than {@link DetectionFormatException} is a failure (exit code 1); an input
 * still running after {@link #STUCK_S} seconds stops the run with exit code 2 and prints it (an endless loop). Reports
 * accepted and rejected inputs, rejections by their first reason, and (via {@link FuzzStats}) the slowest input and
 * the largest allocation.
 *
 * <p>Run: {@code bench/run fuzz json [count=1000000] [seed=1]}, or
 * {@code java -cp bench/target/skydas-bench.jar:bench/target/lib/* org.skydas.bench.ingest.json.DetectionFuzz [count] [seed]}
 */
public final class DetectionFuzz {

    static final long STUCK_S = 10;

    /** "must be a number, not string" and the like: the expected and the found JSON type. */
    private static final Pattern WRONG_TYPE = Pattern.compile("^(must be an? [A-Za-z0-9-]+).*, not ([a-z]+)$");
    /** The fixed parts of DetectionParser's field errors. */
    private static final List<String> PARSER_REASONS = List.of("unknown field", "required", "is not ISO-8601 UTC",
            "is not a valid date-time", "must not be empty", "longer than", "outside", "is not one of",
            "not positive semi-definite", "given without", "only fence and seismic sensors",
            "only acoustic, rf and camera sensors", "needs position, line or bearing_deg", "give either",
            "empty input", "unreadable");

    private DetectionFuzz() {
    }

    public static void main(String[] args) throws Exception {
        long count = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1L;
        List<String> seeds = DetectionSamples.all();
        DetectionParser parser = new DetectionParser();
        for (String s : seeds) {
            parser.parse(s); // a seed that does not parse would make the run test nothing but rejections
        }
        Random rnd = new Random(seed);
        FuzzStats stats = new FuzzStats("Skydas JSON detection");
        Map<String, Long> reasons = new TreeMap<>();
        Watchdog watchdog = new Watchdog();
        watchdog.start();
        for (long i = 0; i < count; i++) {
            String doc = JsonMutator.mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
            byte[] in = doc.getBytes(StandardCharsets.UTF_8);
            watchdog.running(doc);
            stats.begin(in);
            try {
                parser.parse(doc);
                stats.end(in, true);
            } catch (DetectionFormatException e) {
                stats.end(in, false);
                reasons.merge(reason(e), 1L, Long::sum);
            } catch (RuntimeException | Error e) {
                stats.failure(in, e);
            }
            watchdog.done();
        }
        stats.report();
        System.out.println("Skydas JSON detection: rejections by first reason:");
        reasons.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> System.out.printf("  %9d  %s%n", e.getValue(), e.getKey()));
        if (stats.failures() > 0) {
            System.exit(1);
        }
    }

    /**
     * The kind of the first problem, without field or values: "outside the allowed range", "must be a number, not
     * string", "not valid JSON: nesting too deep"...
     */
    static String reason(DetectionFormatException e) {
        String r = e.errors().get(0).reason();
        if (r.startsWith("not valid JSON: ")) {
            return "not valid JSON: " + jsonProblem(r.substring(16));
        }
        Matcher type = WRONG_TYPE.matcher(r);
        if (type.find()) {
            return type.group(1) + "…, not " + type.group(2);
        }
        for (String k : PARSER_REASONS) {
            if (r.contains(k)) {
                return k;
            }
        }
        return "other: " + (r.length() > 50 ? r.substring(0, 50) : r);
    }

    /** Jackson's message reduced to its kind. */
    private static String jsonProblem(String m) {
        String[][] kinds = {
                {"nesting depth", "nesting too deep"}, {"String value length", "string too long"},
                {"Number value length", "number too long"}, {"Name length", "key too long"}, {"Duplicate field", "duplicate key"},
                {"Trailing token", "trailing content"}, {"end-of-input", "truncated"},
                {"Non-standard token", "NaN/Infinity"}, {"Invalid numeric value", "bad number"},
                {"Unexpected character", "unexpected character"}, {"Unrecognized token", "unrecognized token"},
                {"Invalid UTF-8", "bad UTF-8"}, {"Illegal unquoted character", "control character in string"},
                {"Unrecognized character escape", "bad escape"}, {"Unexpected end", "truncated"},
                {"Invalid character", "bad escape"}, {"Illegal character", "control character"},
                {"surrogate", "bad surrogate"}, {"Unexpected close marker", "mismatched bracket"}, {"Leading zeroes", "leading zero"},
        };
        for (String[] k : kinds) {
            if (m.contains(k[0])) {
                return k[1];
            }
        }
        return "other (" + (m.length() > 50 ? m.substring(0, 50) : m) + ")";
    }

    /** Stops the run when one input takes longer than {@link #STUCK_S} seconds. */
    private static final class Watchdog extends Thread {

        private volatile long startedNanos;
        private volatile String input;

        Watchdog() {
            super("detection-fuzz-watchdog");
            setDaemon(true);
        }

        void running(String doc) {
            input = doc;
            startedNanos = System.nanoTime();
        }

        void done() {
            startedNanos = 0;
        }

        @Override
        public void run() {
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                long t = startedNanos;
                if (t != 0 && System.nanoTime() - t > STUCK_S * 1_000_000_000L) {
                    String doc = input;
                    System.out.println("STUCK for more than " + STUCK_S + " s on input of " + doc.length() + " chars: "
                            + (doc.length() > 2000 ? doc.substring(0, 2000) + "…" : doc));
                    System.exit(2);
                }
            }
        }
    }
}
