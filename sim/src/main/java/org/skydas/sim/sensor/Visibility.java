package org.skydas.sim.sensor;

/**
 * Whether a sensor can see a target, line of sight only (range, sector and Pd are checked elsewhere).
 * Positions are LKS-94 grid metres, heights above ground. A terrain-aware predicate (DEM viewshed) can be
 * plugged in later; the default knows only the curvature of the earth.
 */
@FunctionalInterface
public interface Visibility {

    boolean visible(double sensorX, double sensorY, double sensorHeightM, double targetX, double targetY,
                    double targetHeightM);

    /** Every target in range is seen. */
    Visibility ALWAYS = (sx, sy, sh, tx, ty, th) -> true;

    /**
     * Bare ellipsoid: the target must be above the radio horizon of a 4/3-earth sphere (standard refraction),
     * d ≤ √(2kR·h₁) + √(2kR·h₂). A 25 m mast sees a standing person up to about 26 km.
     */
    Visibility BARE_ELLIPSOID = (sx, sy, sh, tx, ty, th) -> {
        double kr2 = 2 * (4.0 / 3.0) * 6_371_000.0;
        double horizon = Math.sqrt(kr2 * Math.max(0, sh)) + Math.sqrt(kr2 * Math.max(0, th));
        return Math.hypot(tx - sx, ty - sy) <= horizon;
    };
}
