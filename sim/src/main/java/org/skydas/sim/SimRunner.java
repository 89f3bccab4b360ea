package org.skydas.sim;

import java.time.Duration;

/**
 * Runs a simulation against the wall clock: every tick it waits (through the given sleeper), advances the
 * {@link SimClock} by the wall time waited times the speed-up, and fires what is due. Blocking and single-threaded:
 * the caller chooses the thread (the CLI's main thread, a test with a fake sleeper that returns at once).
 */
public final class SimRunner {

    private final Simulation simulation;
    private final SimClock clock;
    private final Duration tick;

    /** @param tick wall time between two advances (e.g. 100 ms: finer than any scan period at modest speed-ups) */
    public SimRunner(Simulation simulation, double speedUp, Duration tick) {
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("tick must be positive");
        }
        this.simulation = simulation;
        this.clock = new SimClock(simulation.script().start(), speedUp);
        this.tick = tick;
    }

    public SimClock clock() {
        return clock;
    }

    /** Runs to the end of the script. */
    public void run(MessageSink sink, Sleeper sleeper) throws InterruptedException {
        simulation.advanceTo(0, sink);
        while (!simulation.finished()) {
            sleeper.sleep(tick);
            clock.advanceWall(tick);
            simulation.advanceTo(clock.elapsedS(), sink);
        }
    }
}
