package org.skydas.sim.script;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A route point in WGS84 degrees. {@code speedMps} is the speed on the leg that leaves this point; when
 * absent the previous leg's speed is kept (the first point must then give one, unless the route is a
 * single point: a stationary object).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Waypoint(@JsonProperty("lon") double lon, @JsonProperty("lat") double lat,
                       @JsonProperty("speed_mps") Double speedMps) {

    public Waypoint {
        if (!(lon >= -180 && lon <= 180) || !(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("waypoint outside WGS84 range: lon " + lon + ", lat " + lat);
        }
        if (speedMps != null && !(speedMps > 0 && speedMps < 500)) {
            throw new IllegalArgumentException("speed_mps must be in (0, 500), is " + speedMps);
        }
    }

    public static Waypoint of(double lon, double lat, double speedMps) {
        return new Waypoint(lon, lat, speedMps);
    }
}
