package org.skydas.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.skydas.geo.AtomicFile;
import org.skydas.track.io.TrackFileRunner;
import org.skydas.track.io.TrackInputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skydas track}: runs the multi-target tracker over a benchmark detections file and writes
 * the tracks the scorer reads. All work is in {@link TrackFileRunner}; this class only maps
 * options and exit codes.
 */
@Command(name = "track", mixinStandardHelpOptions = true,
        description = {"Track targets from a detections CSV (t,sensor_id,x,y,sigma) and write t,track_id,x,y,vx,vy.",
                "Prints ms per scan (mean, p50, p99) and totals to stderr."})
public final class TrackCommand implements Callable<Integer> {

    @Option(names = "--detections", required = true, paramLabel = "FILE",
            description = "detections.csv: t,sensor_id,x,y[,sigma] (m, s)")
    Path detections;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "scenario.json: scan times, sensors (sigma, pd, clutter), area, class dynamics")
    Path scenario;

    @Option(names = "--out", paramLabel = "FILE", description = "tracks CSV to write (default: none, timing only)")
    Path out;

    @Override
    public Integer call() {
        try {
            if (out == null) {
                TrackFileRunner.run(detections, scenario, null, System.err);
            } else {
                // written whole, then renamed over --out: a scorer never reads half a track file
                AtomicFile.write(out, tmp -> {
                    try {
                        TrackFileRunner.run(detections, scenario, tmp, System.err);
                    } catch (TrackInputException e) {
                        throw new BadInput(e);
                    }
                });
            }
            return 0;
        } catch (TrackInputException e) {
            System.err.println("skydas track: " + e.getMessage().replace('\n', ' '));
            return 2;
        } catch (BadInput e) {
            System.err.println("skydas track: " + e.getCause().getMessage().replace('\n', ' '));
            return 2;
        } catch (java.io.IOException e) {
            System.err.println("skydas track: cannot write " + out + ": " + e.getMessage());
            return 2;
        }
    }

    /** Carries the input's error out of the atomic write (which then leaves --out as it was). */
    private static final class BadInput extends java.io.IOException {
        BadInput(TrackInputException cause) {
            super(cause);
        }
    }
}
