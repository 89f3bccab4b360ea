package org.skydas.alert;

/** The early-warning rules. */
public enum RuleKind {
    /** A confirmed track crossed the border line into the country. */
    BORDER_CROSSING,
    /** A track near the border is heading for it and will reach it soon. */
    APPROACH,
    /** A drone (by class or by Remote ID) over national territory or a restricted zone. */
    DRONE_INCURSION,
    /** A track has stayed in a watched zone too long. */
    LOITERING,
    /** A confirmed track near the border was lost. */
    TRACK_LOST,
    /** A sensor has sent nothing for too long. */
    SENSOR_DOWN,
    /**
     * A sensor reported an alert of its own (a SAPIENT node's {@code Alert}): shown to operators with the node's name,
     * one open alert per node and alert id. Raised by the feed, not by a rule.
     */
    SENSOR_ALERT,
    /** The server's own disk is running out: at the floor it refuses new data (sensor health of the server itself). */
    STORAGE_LOW
}
