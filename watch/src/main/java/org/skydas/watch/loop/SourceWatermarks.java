package org.skydas.watch.loop;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * How far each live source has got in data time, so that the tracker can take a detection as soon as no older
 * one can still come, instead of always waiting the whole reorder window.
 *
 * <p>Each source (a TCP connection, a radar, a JSON sensor, a Remote ID receiver) delivers in time order, so once
 * every <em>active</em> source has reported past time T nothing older than T is on its way. A source is active
 * while its newest report is within the window of the newest data overall; a silent one stops holding the others
 * back. The window still bounds the wait: the horizon is never more than one window behind the newest data, so a
 * source that lags more than that loses its late reports (counted as late by the tracker), as before.
 *
 * <p>An active source holds the others back only while it may still send something older: a source that reports
 * at a steady interval (a sensor once a second, a connection carrying many reporters every few milliseconds) is
 * not expected to report again before half its interval has passed, so its report at T vouches for nothing older
 * than T + interval/2 coming from it. The interval is learnt per source (it drops at once to a shorter gap, grows
 * slowly), so a quiet 1 Hz source no longer makes a report from another source wait up to the whole window. One
 * thread.
 */
final class SourceWatermarks {

    /** Sources not heard from for this long (data time) are forgotten, so the map stays small. */
    static final double FORGET_AFTER_S = 600;
    static final int MAX_SOURCES = 10_000;

    private final double windowS;
    private final Map<String, Source> latest = new HashMap<>();

    /** A source's newest data time and its learnt report interval (0 until it has reported twice). */
    private static final class Source {
        double t;
        double interval;

        Source(double t) {
            this.t = t;
        }

        /** The time up to which nothing more is expected from this source. */
        double vouchesFor() {
            return t + interval / 2;
        }
    }
    private long calls;

    SourceWatermarks(double windowS) {
        this.windowS = windowS;
    }

    /** Source {@code source} reported data of time {@code t}. */
    void note(String source, double t) {
        Source s = latest.get(source);
        if (s == null) {
            latest.put(source, new Source(t));
        } else if (t > s.t) {
            double gap = t - s.t;
            s.interval = s.interval == 0 || gap < s.interval ? gap : 0.9 * s.interval + 0.1 * gap;
            s.t = t;
        }
        if (latest.size() > MAX_SOURCES) {
            forgetOlderThan(t - windowS);
        }
    }

    /**
     * The time up to which data can be released: the earliest time an active source may still send data of (its
     * newest time plus half its interval), but never more than a window behind {@code now} (the newest data time,
     * moved on with the wall clock while nothing comes) and never past it.
     */
    double horizon(double newestData, double now) {
        double floor = now - windowS;
        double watermark = Double.POSITIVE_INFINITY;
        for (Source s : latest.values()) {
            if (s.t >= newestData - windowS) {
                watermark = Math.min(watermark, s.vouchesFor());
            }
        }
        if (++calls % 1_000 == 0) {
            forgetOlderThan(newestData - FORGET_AFTER_S);
        }
        return Math.max(floor, Math.min(watermark, now));
    }

    private void forgetOlderThan(double t) {
        for (Iterator<Source> it = latest.values().iterator(); it.hasNext(); ) {
            if (it.next().t < t) {
                it.remove();
            }
        }
    }

    int sources() {
        return latest.size();
    }
}
