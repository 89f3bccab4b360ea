package org.skydas.watch.memory;

import java.util.ArrayList;
import java.util.List;

import org.skydas.watch.port.TrackHistory;
import org.skydas.watch.port.TrackPoint;

/** Track history in memory, for tests and tools. */
public final class MemoryTrackHistory implements TrackHistory {

    private final List<TrackPoint> points = new ArrayList<>();

    @Override
    public synchronized void append(List<TrackPoint> batch) {
        points.addAll(batch);
    }

    /** Every point appended, in order. */
    public synchronized List<TrackPoint> points() {
        return List.copyOf(points);
    }
}
