package org.skydas.ingest.cot;

/**
 * {@code <track speed=".." course=".."/>}: ground speed in m/s and course in degrees from true north.
 * An attribute missing in XML is NaN; TAK v1 cannot tell "absent" from 0 (proto3 drops zeros).
 */
public record CotTrack(double speed, double course) {
}
