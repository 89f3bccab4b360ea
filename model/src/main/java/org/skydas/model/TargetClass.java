package org.skydas.model;

/**
 * What a sensor looks for. Heights above ground are the defaults for coverage: a standing person,
 * a vehicle, and a drone at two typical flight levels. What a detection or track is believed to be is a
 * {@link TargetKind}, judged by the coverage class {@link TargetKind#coverageClass()} names.
 */
public enum TargetClass {
    PERSON(1.8),
    VEHICLE(2.5),
    DRONE_50M(50.0),
    DRONE_120M(120.0);

    private final double defaultHeightM;

    TargetClass(double defaultHeightM) {
        this.defaultHeightM = defaultHeightM;
    }

    public double defaultHeightM() {
        return defaultHeightM;
    }
}
