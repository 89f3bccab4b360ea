package org.skydas.terrain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.skydas.testkit.ExternalTool;

/**
 * GRASS GIS (Debian grass-core) as a reference in tests: runs a shell script of GRASS modules in a
 * throw-away location of the given EPSG code, in {@code dir} (the script reads and writes its files there).
 */
public final class Grass {

    private Grass() {
    }

    /** Runs {@code script} (bash, GRASS modules on PATH) in a temporary location; fails the test when it fails. */
    public static String exec(Path dir, int epsg, String script) throws IOException {
        Path grass = ExternalTool.require("grass");
        Path file = dir.resolve("grass-" + System.nanoTime() + ".sh");
        Files.writeString(file, "set -euo pipefail\ncd '" + dir + "'\n" + script);
        ExternalTool.Result r = ExternalTool.run(List.of(grass.toString(), "--tmp-location", "EPSG:" + epsg, "--exec",
                "bash", file.toString()), null, 600);
        if (r.exitCode() != 0) {
            throw new AssertionError("grass failed (" + r.exitCode() + "): " + r.stderr() + r.stdout());
        }
        return r.stdout() + r.stderr();
    }
}
