package org.skydas.terrain.coverage;

import java.util.Objects;

/**
 * What one sensor can cover, independent of any scenario model: where it stands, its mast, its
 * range, its azimuth sector and elevation limits, and its Pd over range. A cell is covered for a
 * target when the target is in line of sight (viewshed from the mast top) and within range,
 * sector and elevation limits; its Pd is then {@link #pd()} at the slant range.
 *
 * @param x position in the DEM's CRS
 * @param y position in the DEM's CRS
 * @param mastHeight sensor height above ground (m)
 * @param maxRange horizontal range limit (m), > 0
 * @param azimuthDeg sector centre, degrees clockwise from grid north
 * @param sectorWidthDeg sector width in degrees; 360 = all around
 * @param minElevationDeg lowest elevation angle seen from the sensor (e.g. -90)
 * @param maxElevationDeg highest elevation angle (e.g. 90)
 */
public record SensorFootprint(String id, double x, double y, double mastHeight, double maxRange, double azimuthDeg,
        double sectorWidthDeg, double minElevationDeg, double maxElevationDeg, PdModel pd) {

    public SensorFootprint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pd, "pd");
        if (!(maxRange > 0) || Double.isInfinite(maxRange)) {
            throw new IllegalArgumentException(id + ": max range must be > 0");
        }
        if (!(sectorWidthDeg > 0 && sectorWidthDeg <= 360)) {
            throw new IllegalArgumentException(id + ": sector width must be in (0, 360]");
        }
        if (!(minElevationDeg >= -90 && maxElevationDeg <= 90 && minElevationDeg <= maxElevationDeg)) {
            throw new IllegalArgumentException(id + ": elevation limits must satisfy -90 <= min <= max <= 90");
        }
        if (!Double.isFinite(mastHeight) || !Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException(id + ": position and mast height must be finite");
        }
    }

    /** An all-around sensor without elevation limits. */
    public static SensorFootprint omni(String id, double x, double y, double mastHeight, double maxRange, PdModel pd) {
        return new SensorFootprint(id, x, y, mastHeight, maxRange, 0, 360, -90, 90, pd);
    }

    /** True when the horizontal direction (dx east, dy north) lies in the azimuth sector. */
    public boolean inSector(double dx, double dy) {
        if (sectorWidthDeg >= 360) {
            return true;
        }
        double az = Math.toDegrees(Math.atan2(dx, dy));
        double off = ((az - azimuthDeg) % 360 + 540) % 360 - 180;
        return Math.abs(off) <= sectorWidthDeg / 2;
    }
}
