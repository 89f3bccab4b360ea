package org.skydas.ingest.json;

/** What a sensor thinks it detected; {@link #wire()} is the JSON value. */
public enum ClassHint {
    PERSON, GROUP, VEHICLE, DRONE, AIRCRAFT, ANIMAL, UNKNOWN;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
