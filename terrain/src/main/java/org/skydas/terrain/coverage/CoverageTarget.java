package org.skydas.terrain.coverage;

/** A target class for coverage: its height above ground (m). */
public record CoverageTarget(String name, double heightAboveGround) {

    public static final CoverageTarget PERSON = new CoverageTarget("person", 1.8);
    public static final CoverageTarget VEHICLE = new CoverageTarget("vehicle", 2.5);
    public static final CoverageTarget DRONE_50 = new CoverageTarget("drone-50m", 50);
    public static final CoverageTarget DRONE_120 = new CoverageTarget("drone-120m", 120);

    public CoverageTarget {
        if (!Double.isFinite(heightAboveGround)) {
            throw new IllegalArgumentException("target height must be finite");
        }
    }
}
