package org.skydas.model;

/**
 * What a detection or a track is believed to be: the tracker's classes, each an index of its class-probability
 * arrays. {@link #UNKNOWN} absorbs everything the other classes do not explain.
 *
 * <p>Not the same thing as {@link TargetClass}, what a sensor is rated and coverage is computed for: that is a kind
 * at a reference height above ground (a drone at 50 m and at 120 m are two coverage classes, one kind), and has no
 * "unknown". {@link #coverageClass()} is the one mapping from kinds to coverage classes (see
 * docs/adr/0025-target-kind-and-coverage-class.md).
 */
public enum TargetKind {
    PERSON, VEHICLE, DRONE, UNKNOWN;

    /** Number of kinds, the length of every class-probability array. */
    public static final int COUNT = values().length;

    /**
     * The coverage class a place is judged by for a track of this kind: a person or an unknown by person coverage
     * (the hardest ground target), a vehicle by vehicle coverage, a drone by coverage of drones at 120 m (the
     * altitude Remote ID drones usually fly; 50 m coverage is stricter).
     */
    public TargetClass coverageClass() {
        return switch (this) {
            case VEHICLE -> TargetClass.VEHICLE;
            case DRONE -> TargetClass.DRONE_120M;
            case PERSON, UNKNOWN -> TargetClass.PERSON;
        };
    }
}
