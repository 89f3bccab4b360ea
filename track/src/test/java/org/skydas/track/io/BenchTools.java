package org.skydas.track.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.skydas.testkit.ExternalTool;
import org.skydas.testkit.SharedData;

/**
 * The benchmark's Python tools (shared/bench/tracking) run through the Debian interpreter, which
 * has python3-numpy and python3-scipy (another python3 earlier on PATH may lack them).
 */
final class BenchTools {

    private BenchTools() {
    }

    static Path dir() {
        return SharedData.require("bench/tracking/score.py").getParent();
    }

    static Path python() {
        Path debian = Path.of("/usr/bin/python3");
        Path py = Files.isExecutable(debian) ? debian : ExternalTool.require("python3");
        ExternalTool.Result r = ExternalTool.run(List.of(py.toString(), "-c", "import numpy, scipy"), null, 60);
        if (r.exitCode() != 0) {
            String what = py + " lacks numpy/scipy (Debian python3-numpy python3-scipy): " + r.stderr().strip();
            if (SharedData.inCi()) {
                Assertions.fail(what);
            }
            Assumptions.abort(what);
        }
        return py;
    }

    /** Runs one of the benchmark scripts with arguments; fails on a non-zero exit. */
    static String run(String script, List<String> args, long timeoutSec) {
        List<String> cmd = new ArrayList<>();
        cmd.add(python().toString());
        cmd.add(dir().resolve(script).toString());
        cmd.addAll(args);
        ExternalTool.Result r = ExternalTool.run(cmd, null, timeoutSec);
        Assertions.assertEquals(0, r.exitCode(), () -> script + " failed: " + r.stderr());
        return r.stdout();
    }

    /** Generates a scenario into {@code out} with make_scenario.py. */
    static Path scenario(Path out, String... args) {
        List<String> a = new ArrayList<>(List.of("--out", out.toString()));
        a.addAll(List.of(args));
        run("make_scenario.py", a, 120);
        return out;
    }
}
