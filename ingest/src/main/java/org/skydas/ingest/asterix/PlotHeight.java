package org.skydas.ingest.asterix;

/** Where a CAT048 plot's height came from, which says what it is measured from. */
public enum PlotHeight {
    /** No height from the radar: the position assumes the antenna's height. */
    NONE,
    /** I048/110, height measured by a 3D radar; ASTERIX takes mean sea level as its zero. */
    MEASURED_MSL,
    /** A validated I048/090 flight level: a pressure altitude in the standard atmosphere. */
    FLIGHT_LEVEL
}
