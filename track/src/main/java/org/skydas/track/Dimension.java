package org.skydas.track;

import org.skydas.model.TargetKind;

/**
 * The dimension a report states about its object (a CoT/TAK type's G or A, a Remote ID aircraft). It is a
 * constraint, not a hint: a report that says ground is never a drone, one that says air is never a person or a
 * vehicle, whatever the speed or the other evidence suggests.
 */
public enum Dimension {
    GROUND(TargetKind.DRONE),
    AIR(TargetKind.PERSON, TargetKind.VEHICLE);

    private final int excludedMask;

    Dimension(TargetKind... excluded) {
        int m = 0;
        for (TargetKind c : excluded) {
            m |= 1 << c.ordinal();
        }
        excludedMask = m;
    }

    /** Bit {@code c.ordinal()} set for every class this dimension rules out. */
    public int excludedMask() {
        return excludedMask;
    }

    /** True when a report of this dimension rules out {@code c}. */
    public boolean excludes(TargetKind c) {
        return (excludedMask & (1 << c.ordinal())) != 0;
    }
}
