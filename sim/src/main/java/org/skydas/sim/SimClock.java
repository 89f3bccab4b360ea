package org.skydas.sim;

import java.time.Duration;
import java.time.Instant;

/**
 * Simulated time, advanced only by the caller (the core has no threads and never sleeps). With a speed-up
 * factor k, {@link #advanceWall} turns elapsed wall time into k times as much simulated time; a runner loop
 * reads the wall clock, advances this clock, then calls {@link Simulation#advanceTo(double, MessageSink)} with
 * {@link #elapsedS()}.
 */
public final class SimClock {

    private final Instant start;
    private final double speedUp;
    private double elapsedS;

    public SimClock(Instant start, double speedUp) {
        if (!(speedUp > 0) || Double.isInfinite(speedUp)) {
            throw new IllegalArgumentException("speed-up factor must be > 0, is " + speedUp);
        }
        this.start = start;
        this.speedUp = speedUp;
    }

    public double speedUp() {
        return speedUp;
    }

    /** Simulated seconds since the start. */
    public double elapsedS() {
        return elapsedS;
    }

    /** The simulated wall-clock time. */
    public Instant now() {
        return start.plusNanos(Math.round(elapsedS * 1e9));
    }

    /** Moves simulated time forward by {@code simulatedS} (not scaled). */
    public double advanceBy(double simulatedS) {
        if (!(simulatedS >= 0)) {
            throw new IllegalArgumentException("time only moves forward");
        }
        elapsedS += simulatedS;
        return elapsedS;
    }

    /** Moves simulated time forward by {@code wall} × speed-up. */
    public double advanceWall(Duration wall) {
        return advanceBy(wall.toNanos() / 1e9 * speedUp);
    }

    /** Wall time the caller should wait until simulated time {@code targetS} is due. */
    public Duration wallUntil(double targetS) {
        double s = Math.max(0, (targetS - elapsedS) / speedUp);
        return Duration.ofNanos(Math.round(s * 1e9));
    }
}
