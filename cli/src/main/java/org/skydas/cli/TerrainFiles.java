package org.skydas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The rasters the server's coverage uses: DEMs (none = the bare ellipsoid) and a land-cover class
 * raster (or null). Checked for being readable at start; their content is read by the background job.
 */
record TerrainFiles(List<Path> dems, Path landcover) {

    static final TerrainFiles NONE = new TerrainFiles(List.of(), null);

    TerrainFiles {
        dems = dems == null ? List.of() : List.copyOf(dems);
        for (Path p : dems) {
            requireReadable("--dem", p);
        }
        if (landcover != null) {
            requireReadable("--landcover", landcover);
        }
    }

    private static void requireReadable(String option, Path p) {
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new UserError(option + " " + p + ": no such readable file");
        }
    }
}
