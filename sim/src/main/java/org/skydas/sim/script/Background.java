package org.skydas.sim.script;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Random background traffic inside a WGS84 box: {@code vehicles} cars driving 10–25 m/s and {@code drones}
 * hobby drones (with Remote ID) flying 5–15 m/s, each on random legs drawn from the seed.
 */
public record Background(@JsonProperty("vehicles") int vehicles, @JsonProperty("drones") int drones,
                         @JsonProperty("lon_min") double lonMin, @JsonProperty("lat_min") double latMin,
                         @JsonProperty("lon_max") double lonMax, @JsonProperty("lat_max") double latMax) {

    public Background {
        if (vehicles < 0 || drones < 0 || vehicles + drones > 10_000) {
            throw new IllegalArgumentException("background: vehicles and drones must be >= 0 (10000 in all at most)");
        }
        if (vehicles + drones > 0 && !(lonMin < lonMax && latMin < latMax)) {
            throw new IllegalArgumentException("background: needs lon_min < lon_max and lat_min < lat_max");
        }
    }
}
