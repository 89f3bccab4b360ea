package org.skydas.model;

/** What a zone means to the rules and the planner. */
public enum ZoneKind {
    BORDER_STRIP,
    BUFFER,
    RESTRICTED_AIRSPACE,
    SETTLEMENT,
    AREA_OF_INTEREST,
    PROTECTED,
    /** The country's own land: what "inside" means for crossing and incursion rules. */
    NATIONAL_TERRITORY
}
