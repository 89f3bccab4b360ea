package org.skydas.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds files of the shared reference data ({@code ../shared} beside the checkout, or
 * {@code $SKYDAS_SHARED_DATA}). Under {@code CI=true} a missing file fails the test; elsewhere the
 * test is skipped with a message that says what is missing.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The shared data folder, whether or not it exists. */
    public static Path root() {
        String env = System.getenv("SKYDAS_SHARED_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String projectRoot = System.getProperty("skydas.root");
        Path base = projectRoot != null ? Path.of(projectRoot) : Path.of("").toAbsolutePath();
        // Walk up from the module folder to the checkout whose sibling is shared/.
        for (Path p = base.toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared");
            if (Files.isDirectory(candidate) && Files.exists(p.resolve("pom.xml"))) {
                return candidate;
            }
        }
        return base.toAbsolutePath().resolveSibling("shared");
    }

    /** A file or folder under the shared data, e.g. {@code data/geo/dem/crosscheck/N52E008.hgt}. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            missing("shared data file " + p + " is missing (set SKYDAS_SHARED_DATA to the shared folder)");
        }
        return p;
    }

    /** True when running under CI, where nothing may be skipped for lack of data or tools. */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    static void missing(String what) {
        if (inCi()) {
            Assertions.fail(what + " (CI=true: missing test prerequisites are failures)");
        }
        Assumptions.abort("skipped: " + what);
    }
}
