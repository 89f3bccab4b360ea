package org.skydas.obstacles;

import org.skydas.model.Wire;

/** Where a field is in its life: from the plan to the hand-over after clearance. */
public enum FieldStatus {
    PLANNED,
    LAID,
    MARKED,
    INSPECTED,
    CLEARED,
    HANDED_OVER,
    /** Crossed or damaged (found on inspection or reported); the record stays and must be re-marked or cleared. */
    BREACHED;

    public String wire() {
        return Wire.name(this);
    }

    /** In the ground (laid and not yet cleared). */
    public boolean inGround() {
        return this == LAID || this == MARKED || this == INSPECTED || this == BREACHED;
    }

    public boolean cleared() {
        return this == CLEARED || this == HANDED_OVER;
    }

    public static FieldStatus parse(String field, String s) {
        return ObstacleJson.parseEnum(FieldStatus.class, field, s);
    }
}
