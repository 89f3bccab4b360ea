package org.skydas.model;

import java.util.Objects;

import org.locationtech.jts.geom.Point;

/**
 * A place where assets can stand: an existing site, or a candidate the planner may build.
 *
 * @param groundElevationM ground height above the ellipsoid if known, else null
 * @param access           how it is reached (e.g. "road", "track", "none")
 */
public record Site(String id, String name, Point geometry, boolean existing, Double groundElevationM,
                   String access, double buildCostEur) {

    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(geometry, "geometry");
        name = name == null ? id : name;
        if (!(buildCostEur >= 0)) {
            throw new IllegalArgumentException("build_cost_eur must be a number >= 0, is " + buildCostEur);
        }
        if (groundElevationM != null && !Double.isFinite(groundElevationM)) {
            throw new IllegalArgumentException("ground_elevation_m must be finite");
        }
    }
}
