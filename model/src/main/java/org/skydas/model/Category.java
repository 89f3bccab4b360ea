package org.skydas.model;

/** Budget categories of the border fortification programme. */
public enum Category {
    COUNTER_MOBILITY_OBSTACLES,
    BARRIERS_FORTIFICATIONS,
    SURVEILLANCE_EARLY_WARNING,
    EW_COUNTER_UAS,
    ENGINEERING_WORKS
}
