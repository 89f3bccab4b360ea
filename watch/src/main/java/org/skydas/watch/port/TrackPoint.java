package org.skydas.watch.port;

/** A downsampled point of a track's history (grid coordinates). */
public record TrackPoint(long trackId, double t, double x, double y, double vx, double vy, String targetClass) {
}
