package org.skydas.model;

/** What a zone means to the rules and the planner. */
public enum ZoneKind {
    BORDER_STRIP,
    BUFFER,
    RESTRICTED_AIRSPACE,
    SETTLEMENT,
    AREA_OF_INTEREST,
    PROTECTED
}
