package org.skydas.ingest.json;

/** The sensor kinds that report Skydas JSON detections; {@link #wire()} is the JSON value. */
public enum DetectionKind {
    CAMERA, FENCE, SEISMIC, ACOUSTIC, RF;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Line sensors report a distance along their own line. */
    public boolean isLineSensor() {
        return this == FENCE || this == SEISMIC;
    }

    /** Sensors that may report a bearing from their own site. */
    public boolean reportsBearing() {
        return this == ACOUSTIC || this == RF || this == CAMERA;
    }
}
