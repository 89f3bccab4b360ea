package org.skydas.track;

/** What a track is believed to be. {@link #UNKNOWN} absorbs everything the other classes do not explain. */
public enum TargetClass {
    PERSON, VEHICLE, DRONE, UNKNOWN;

    /** Number of classes, the length of every class-probability array. */
    public static final int COUNT = values().length;
}
