package org.skydas.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reference tools that tests compare against (ogrinfo, cs2cs, gdal_viewshed, tshark...). A missing
 * tool fails under CI (where .ci/run installs it) and skips the test elsewhere.
 */
public final class ExternalTool {

    private ExternalTool() {
    }

    /** Absolute path of {@code name} on PATH; fails or skips the test when absent. */
    public static Path require(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        SharedData.missing("reference tool '" + name + "' is not installed (.ci/run installs it)");
        throw new IllegalStateException("unreachable");
    }

    /** Output of one finished run of a tool. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs a command to completion (at most {@code timeoutSeconds}), feeding it {@code stdin}. */
    public static Result run(List<String> command, String stdin, long timeoutSeconds) {
        try {
            Path out = Files.createTempFile("skydas-tool", ".out");
            Path err = Files.createTempFile("skydas-tool", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command))
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                Process p = pb.start();
                try (var in = p.getOutputStream()) {
                    if (stdin != null) {
                        in.write(stdin.getBytes(StandardCharsets.UTF_8));
                    }
                }
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("timed out after " + timeoutSeconds + " s: " + command);
                }
                return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }
}
