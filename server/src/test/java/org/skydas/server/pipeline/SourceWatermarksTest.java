package org.skydas.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceWatermarksTest {

    @Test
    void oneSourceInOrderIsReleasedAtOnce() {
        SourceWatermarks w = new SourceWatermarks(0.5);
        w.note("cot@a", 100.0);
        assertThat(w.horizon(100.0, 100.0)).isEqualTo(100.0);
    }

    @Test
    void theSlowestActiveSourceHoldsTheOthersBackButNeverMoreThanTheWindow() {
        SourceWatermarks w = new SourceWatermarks(0.5);
        w.note("radar", 99.8);
        w.note("camera", 100.0);
        assertThat(w.horizon(100.0, 100.0)).isEqualTo(99.8);
        w.note("camera", 100.2);
        assertThat(w.horizon(100.2, 100.2)).isEqualTo(99.8);
        // A source more than a window behind the newest data no longer counts as active: the window caps the wait.
        w.note("camera", 100.4);
        assertThat(w.horizon(100.4, 100.4)).isEqualTo(100.4);
    }

    @Test
    void silenceLetsTheWallClockMoveTheHorizonOn() {
        SourceWatermarks w = new SourceWatermarks(0.5);
        w.note("a", 10.0);
        w.note("b", 9.9);
        // No data for 3 s of wall time: now = newest + 3.
        assertThat(w.horizon(10.0, 13.0)).isEqualTo(12.5);
    }
}
