package org.skydas.track;

/** Life cycle of a track. */
public enum TrackStatus {
    /** Initiated from few detections; not reported until confirmed (M of N). */
    TENTATIVE,
    /** Confirmed and updated at its last scan. */
    CONFIRMED,
    /** Confirmed but missed at its last scan: predicted forward until deleted. */
    COASTING,
    /** Removed; kept only in snapshots handed out before deletion. */
    DELETED
}
