package org.skydas.bench.track;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import org.skydas.track.TrackerConfig;
import org.skydas.track.io.TrackFileRunner;

/**
 * Times the tracker on a benchmark scenario directory (detections.csv + scenario.json), the same
 * measure as the Stone Soup runner (tracker step only, no file I/O): one warm-up pass so the JIT
 * has compiled the hot paths, then {@code repeats} measured passes, each printed.
 *
 * <pre>
 * ./build -q -pl bench -am package -DskipTests
 * java -cp "bench/target/skydas-bench.jar:bench/target/lib/*" org.skydas.bench.track.TrackFileBench DIR [repeats] [gnn|jpda|imm]
 * </pre>
 */
public final class TrackFileBench {

    private TrackFileBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: TrackFileBench SCENARIO_DIR [repeats]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String variant = args.length > 2 ? args[2] : "gnn";
        TrackerConfig config = switch (variant) {
            case "gnn" -> TrackerConfig.defaults();
            case "jpda" -> TrackerConfig.defaults().withAssociation(TrackerConfig.Association.JPDA);
            case "imm" -> TrackerConfig.defaults().withImm(new double[] {0.005, 0.1, 2.0}, 0.95);
            default -> throw new IllegalArgumentException("variant must be gnn, jpda or imm: " + variant);
        };
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Path detections = dir.resolve("detections.csv");
        Path scenario = dir.resolve("scenario.json");
        TrackFileRunner.run(detections, scenario, null, quiet, config, true);
        for (int i = 0; i < repeats; i++) {
            System.gc();
            System.out.print(variant + " ");
            TrackFileRunner.run(detections, scenario, null, System.out, config, true);
        }
    }
}
