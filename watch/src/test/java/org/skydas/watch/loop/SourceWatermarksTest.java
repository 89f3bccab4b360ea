package org.skydas.watch.loop;

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

    @Test
    void aSourceBetweenItsRegularReportsDoesNotHoldTheOthersBack() {
        SourceWatermarks w = new SourceWatermarks(0.5);
        // A radar reporting every 0.4 s, and a camera.
        w.note("radar", 99.6);
        w.note("radar", 100.0);
        w.note("camera", 100.1);
        // The radar's next report is not due before 100.4: nothing older than 100.2 is expected from it.
        assertThat(w.horizon(100.1, 100.1)).isEqualTo(100.1);
        // Past that, it may come any moment: the camera's report waits for it (at most the window).
        w.note("camera", 100.3);
        assertThat(w.horizon(100.3, 100.3)).isCloseTo(100.2, org.assertj.core.data.Offset.offset(1e-9));
        // A connection carrying many reporters (a report every 10 ms) holds a report back by 5 ms at most.
        w.note("busy", 100.69);
        w.note("busy", 100.70);
        w.note("radar", 100.8);
        w.note("camera", 100.72);
        assertThat(w.horizon(100.8, 100.8)).isCloseTo(100.705, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aSingleActiveSourceNeverWaits() {
        SourceWatermarks w = new SourceWatermarks(0.5);
        w.note("quiet", 50.0);
        for (double t = 100.0; t < 101.0; t += 0.025) {
            w.note("probes", t);
            assertThat(w.horizon(t, t)).isEqualTo(t);
        }
    }
}
