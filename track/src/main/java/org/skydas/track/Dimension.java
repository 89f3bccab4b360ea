package org.skydas.track;

/**
 * The dimension a report states about its object (a CoT/TAK type's G or A, a Remote ID aircraft). It is a
 * constraint, not a hint: a report that says ground is never a drone, one that says air is never a person or a
 * vehicle, whatever the speed or the other evidence suggests.
 */
public enum Dimension {
    GROUND(TargetClass.DRONE),
    AIR(TargetClass.PERSON, TargetClass.VEHICLE);

    private final int excludedMask;

    Dimension(TargetClass... excluded) {
        int m = 0;
        for (TargetClass c : excluded) {
            m |= 1 << c.ordinal();
        }
        excludedMask = m;
    }

    /** Bit {@code c.ordinal()} set for every class this dimension rules out. */
    public int excludedMask() {
        return excludedMask;
    }

    /** True when a report of this dimension rules out {@code c}. */
    public boolean excludes(TargetClass c) {
        return (excludedMask & (1 << c.ordinal())) != 0;
    }
}
