package org.skydas.watch.port;

import java.util.List;

/** Where the watch loop keeps its downsampled track history (for replay and incident reports). */
public interface TrackHistory {

    /** Appends {@code points} (possibly none); returns when they are stored. */
    void append(List<TrackPoint> points) throws PortException;
}
