package org.skydas.sim.script;

import java.util.Objects;

/**
 * A simulated SAPIENT sensor node: where it stands (WGS84 degrees, mast height), what it is, and what it sees of
 * drones (range, azimuth sector clockwise from north — equal ends: all round —, scan period, one-sigma position
 * error). It registers with the fusion node, reports its status and reports the drones it detects.
 */
public record SapientNodeSpec(String id, String name, String shortName, Kind kind, double lon, double lat,
                              double mastHeightM, double rangeM, double azimuthFromDeg, double azimuthToDeg,
                              double scanPeriodS, double positionNoiseM) {

    /** What the node is (its SAPIENT node type). */
    public enum Kind {
        /** A counter-drone radar: drone positions with velocity. */
        RADAR,
        /** A passive RF detector: a drone's control link, located coarsely; it also raises an alert of its own. */
        RF_DETECTOR
    }

    public SapientNodeSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        name = name == null ? id : name;
        shortName = shortName == null ? id : shortName;
        if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) {
            throw new IllegalArgumentException("SAPIENT node " + id + ": position outside WGS84 range");
        }
        if (!(rangeM > 0) || !(scanPeriodS > 0) || !(positionNoiseM >= 0) || !(mastHeightM >= 0)) {
            throw new IllegalArgumentException("SAPIENT node " + id + ": range, scan period > 0; noise, mast >= 0");
        }
    }
}
