package org.skydas.cli;

import java.io.PrintStream;

/** Step-by-step progress on stderr: "[2/3] writing demo.gpkg (1.2 s)". Quiet when stderr is not wanted. */
final class Progress {

    private final String task;
    private final int steps;
    private final PrintStream out = System.err;
    private final long started = System.nanoTime();
    private int step;

    Progress(String task, int steps) {
        this.task = task;
        this.steps = steps;
    }

    void step(String what) {
        step++;
        out.printf(java.util.Locale.ROOT, "%s [%d/%d] %s (%.1f s)%n", task, step, steps, what,
                (System.nanoTime() - started) / 1e9);
    }
}
