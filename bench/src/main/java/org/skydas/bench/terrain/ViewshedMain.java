package org.skydas.bench.terrain;

import java.nio.file.Path;

import org.skydas.terrain.DemFormatException;
import org.skydas.terrain.io.GeoTiffWriter;
import org.skydas.terrain.viewshed.CellMode;
import org.skydas.terrain.viewshed.ViewshedParams;
import org.skydas.terrain.viewshed.ViewshedRunner;

/**
 * Whole-process viewshed run for wall-time comparisons with {@code gdal_viewshed}, until
 * {@code skydas viewshed} is wired: {@code java -cp ... ViewshedMain DEM X Y OBSERVER_H TARGET_H
 * MAX_DIST CURVATURE OUT.tif [-v]}. Exit 2 on bad input, like the CLI.
 */
public final class ViewshedMain {

    private ViewshedMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 8) {
            System.err.println("usage: ViewshedMain DEM X Y OBSERVER_H TARGET_H MAX_DIST CURVATURE OUT.tif [-v]");
            System.exit(64);
        }
        ViewshedParams params = new ViewshedParams(Double.parseDouble(args[1]), Double.parseDouble(args[2]),
                Double.parseDouble(args[3]), Double.parseDouble(args[4]), Double.parseDouble(args[5]),
                Double.parseDouble(args[6]), CellMode.EDGE);
        try {
            ViewshedRunner.Summary s = ViewshedRunner.run(Path.of(args[0]), params, Path.of(args[7]),
                    GeoTiffWriter.Compression.NONE);
            if (args.length > 8 && args[8].equals("-v")) {
                System.err.println(s.describe() + " [read " + s.readMillis() + " ms, compute " + s.computeMillis()
                        + " ms, write " + s.writeMillis() + " ms]");
            }
        } catch (DemFormatException e) {
            System.err.println("skydas viewshed: " + e.getMessage());
            System.exit(2);
        }
    }
}
