package org.skydas.server.pipeline;

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
 * source that lags more than that loses its late reports (counted as late by the tracker), as before. One thread.
 */
final class SourceWatermarks {

    /** Sources not heard from for this long (data time) are forgotten, so the map stays small. */
    static final double FORGET_AFTER_S = 600;
    static final int MAX_SOURCES = 10_000;

    private final double windowS;
    private final Map<String, Double> latest = new HashMap<>();
    private long calls;

    SourceWatermarks(double windowS) {
        this.windowS = windowS;
    }

    /** Source {@code source} reported data of time {@code t}. */
    void note(String source, double t) {
        latest.merge(source, t, Math::max);
        if (latest.size() > MAX_SOURCES) {
            forgetOlderThan(t - windowS);
        }
    }

    /**
     * The time up to which data can be released: the oldest newest-time of the active sources, but never more than
     * a window behind {@code now} (the newest data time, moved on with the wall clock while nothing comes) and never
     * past it.
     */
    double horizon(double newestData, double now) {
        double floor = now - windowS;
        double watermark = Double.POSITIVE_INFINITY;
        for (double t : latest.values()) {
            if (t >= newestData - windowS) {
                watermark = Math.min(watermark, t);
            }
        }
        if (++calls % 1_000 == 0) {
            forgetOlderThan(newestData - FORGET_AFTER_S);
        }
        return Math.max(floor, Math.min(watermark, now));
    }

    private void forgetOlderThan(double t) {
        for (Iterator<Double> it = latest.values().iterator(); it.hasNext(); ) {
            if (it.next() < t) {
                it.remove();
            }
        }
    }

    int sources() {
        return latest.size();
    }
}
