package org.skydas.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.BooleanSupplier;

/** Waiting in tests for the pipeline thread: polls {@code condition}, failing with {@code what} after 15 s. */
public final class Await {

    private Await() {
    }

    public static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within 15 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
