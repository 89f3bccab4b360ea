package org.skydas.track;

/** Why the tracker skipped an input. Every skipped input is counted under exactly one reason. */
public enum RejectReason {
    /** NaN or infinite time, coordinate, covariance or velocity. */
    NON_FINITE,
    /** Measurement covariance not positive definite. */
    BAD_COVARIANCE,
    /** Scan time earlier than the tracker's time by more than the tolerance. */
    TIME_BACKWARDS,
    /** Sensor id never registered with the tracker. */
    UNKNOWN_SENSOR,
    /** Detection of another sensor inside a sensor's scan. */
    WRONG_SENSOR,
    /** Detection whose time differs from the time of the scan it was handed in with. */
    WRONG_SCAN_TIME,
    /** Live feed: detection older than the tracker's time by more than the tolerance (its reorder window had closed). */
    LATE,
    /** Live feed: detection dropped because the reorder buffer was full (the oldest are shed first). */
    SHED
}
