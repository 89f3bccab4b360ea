package org.skydas.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.skydas.terrain.DemFormatException;
import org.skydas.terrain.io.GeoTiffWriter;
import org.skydas.terrain.viewshed.CellMode;
import org.skydas.terrain.viewshed.ViewshedParams;
import org.skydas.terrain.viewshed.ViewshedRunner;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skydas viewshed}: one observer's viewshed with gdal_viewshed's semantics (GDAL 3.6,
 * NORMAL mode). All work is in {@link ViewshedRunner}; this class only maps options and exit
 * codes (0 done, 2 bad input, 1 cannot write the output).
 *
 * <p>The {@code ./skydas} launcher starts {@code skydas viewshed} at {@link #main} rather than at
 * {@link Main}: picocli then models this one command instead of every subcommand (with their
 * fields, mixins and annotations), which is about half a second of a run that otherwise takes
 * about one. {@code Main viewshed ...} stays equivalent (same options, messages, exit codes).
 */
@Command(name = "viewshed", mixinStandardHelpOptions = true,
        description = {"Compute what an observer sees on a DEM (GeoTIFF or SRTM .hgt) and write a Byte GeoTIFF on the "
                + "DEM's grid: 255 visible, 0 invisible or out of range. Same semantics as gdal_viewshed (GDAL 3.6).",
                "DEM cells without data are taken as the bare ellipsoid (0 m) and never reported visible."})
public final class ViewshedCommand implements Callable<Integer> {

    @Option(names = "--dem", required = true, paramLabel = "FILE", description = "DEM: GeoTIFF or SRTM .hgt")
    Path dem;

    @Option(names = "--observer", required = true, paramLabel = "X,Y",
            description = "observer position in the DEM's CRS")
    String observer;

    @Option(names = "--observer-height", required = true, paramLabel = "M", description = "eye height above ground (m)")
    double observerHeight;

    @Option(names = "--target-height", required = true, paramLabel = "M", description = "target height above ground (m)")
    double targetHeight;

    @Option(names = "--max-distance", paramLabel = "M", defaultValue = "0",
            description = "range limit in CRS units (default: ${DEFAULT-VALUE}, unlimited)")
    double maxDistance;

    @Option(names = "--curvature", paramLabel = "C", defaultValue = "0.85714",
            description = "curvature coefficient: terrain drops C*d^2/(2a); 0.85714 = refraction 1/7, 0 = flat "
                    + "(default: ${DEFAULT-VALUE})")
    double curvature;

    @Option(names = "--deflate", description = "Deflate-compress the output (default: uncompressed)")
    boolean deflate;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "output GeoTIFF")
    Path out;

    /**
     * Entry point of {@code ./skydas viewshed ARGS} (ARGS without the word "viewshed"). Arguments in the documented
     * form are taken without picocli (see {@link #parsePlain}); anything else goes through picocli as ever.
     */
    public static void main(String[] args) {
        ViewshedCommand plain = parsePlain(args);
        System.exit(plain != null ? plain.call() : execute(args));
    }

    /** The options that take a value, as {@link #parsePlain} reads them. */
    private static final java.util.Set<String> VALUED = java.util.Set.of("--dem", "--observer", "--observer-height",
            "--target-height", "--max-distance", "--curvature", "--out");

    /**
     * The command from arguments in the plain documented form ({@code --option value} pairs of this command's
     * options, each at most once, every required one present, numbers that parse, and {@code --deflate}), or null
     * for anything else: help, version, {@code --option=value}, unknown or repeated options, a missing or
     * unparsable value. Picocli models a command through its annotations, which costs about 0.1 s of a run that
     * takes about 0.4 s (the annotation proxies are generated at start-up); this path gives the same command
     * (ViewshedCommandTest checks it against picocli) without that, and leaves every message and error to picocli.
     */
    static ViewshedCommand parsePlain(String[] args) {
        ViewshedCommand c = new ViewshedCommand();
        c.maxDistance = 0;
        c.curvature = 0.85714;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("@") || !seen.add(a)) { // @file: picocli's argument files
                return null;
            }
            if (a.equals("--deflate")) {
                c.deflate = true;
                continue;
            }
            if (!VALUED.contains(a) || i + 1 >= args.length || args[i + 1].startsWith("-") && !isNumber(args[i + 1])) {
                return null;
            }
            String v = args[++i];
            if (v.startsWith("@")) {
                return null;
            }
            try {
                switch (a) {
                    case "--dem" -> c.dem = Path.of(v);
                    case "--observer" -> c.observer = v;
                    case "--observer-height" -> c.observerHeight = Double.parseDouble(v);
                    case "--target-height" -> c.targetHeight = Double.parseDouble(v);
                    case "--max-distance" -> c.maxDistance = Double.parseDouble(v);
                    case "--curvature" -> c.curvature = Double.parseDouble(v);
                    default -> c.out = Path.of(v);
                }
            } catch (RuntimeException e) {
                return null; // picocli names the option and the value
            }
        }
        boolean complete = seen.containsAll(java.util.List.of("--dem", "--observer", "--observer-height",
                "--target-height", "--out"));
        return complete ? c : null;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Runs {@code skydas viewshed ARGS} on its own and returns the exit code, as {@link Main#execute} would. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new ViewshedCommand()).setCommandName("skydas viewshed");
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            err.println("skydas: internal error: " + e);
            e.printStackTrace(err);
            err.flush();
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        double x;
        double y;
        try {
            String[] xy = observer.split(",");
            if (xy.length != 2) {
                throw new NumberFormatException("expected X,Y");
            }
            x = Double.parseDouble(xy[0].trim());
            y = Double.parseDouble(xy[1].trim());
        } catch (NumberFormatException e) {
            System.err.println("skydas viewshed: --observer '" + observer + "': expected X,Y in the DEM's CRS");
            return 2;
        }
        ViewshedParams params;
        try {
            params = new ViewshedParams(x, y, observerHeight, targetHeight, maxDistance, curvature, CellMode.EDGE);
        } catch (IllegalArgumentException e) {
            System.err.println("skydas viewshed: " + e.getMessage());
            return 2;
        }
        try {
            ViewshedRunner.Summary s = ViewshedRunner.run(dem, params, out,
                    deflate ? GeoTiffWriter.Compression.DEFLATE : GeoTiffWriter.Compression.NONE);
            System.err.println(s.describe());
            return 0;
        } catch (DemFormatException e) {
            System.err.println("skydas viewshed: " + e.getMessage().replace('\n', ' '));
            return 2;
        } catch (IOException e) {
            System.err.println("skydas viewshed: " + e.getMessage().replace('\n', ' '));
            return 1;
        }
    }
}
