package org.skydas.sim;

import java.time.Duration;

/** Waits for wall time to pass: {@link #REAL} in production, a recording fake in tests. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration d) throws InterruptedException;

    Sleeper REAL = d -> Thread.sleep(d);
}
