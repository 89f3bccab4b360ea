package org.skydas.sim.script;

import java.util.Objects;

/**
 * A simulated STANAG 4607 ground-surveillance radar ({@code id}: its platform id, up to 10 ASCII characters): where it stands (WGS84 degrees, mast height), what it sees of
 * people and vehicles on the ground (range, azimuth sector clockwise from north — equal ends: all round —, dwell
 * period, one-sigma position and radial-velocity errors). Each dwell it sends one 4607 packet (Mission and Dwell
 * segments) with a target report of every walker or vehicle it detects.
 */
public record GmtiRadarSpec(String id, String name, long platformNumber, double lon, double lat, double mastHeightM,
                            double rangeM, double azimuthFromDeg, double azimuthToDeg, double dwellPeriodS,
                            double positionNoiseM, double radialSigmaMps) {

    public GmtiRadarSpec {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        if (id.length() > 10 || !id.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("GMTI radar id is its 4607 platform id: up to 10 ASCII characters, not '"
                    + id + "'");
        }
        if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) {
            throw new IllegalArgumentException("GMTI radar " + id + ": position outside WGS84 range");
        }
        if (!(rangeM > 0) || !(dwellPeriodS > 0) || !(positionNoiseM >= 0) || !(mastHeightM >= 0)
                || !(radialSigmaMps >= 0) || platformNumber < 0) {
            throw new IllegalArgumentException("GMTI radar " + id + ": range, dwell period > 0; noise, mast, sigma >= 0");
        }
    }
}
