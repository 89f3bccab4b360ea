package org.skydas.model;

import java.util.Map;
import java.util.Objects;

import org.locationtech.jts.geom.Geometry;

/**
 * Something placed on the border: a sensor, a barrier, an obstacle, new forest, an EW or counter-UAS
 * system. Costs are in euros; {@code year} is the programme year its capital cost falls in.
 *
 * @param sensor sensor parameters; required for sensor types, absent otherwise
 * @param params type-specific extras (e.g. {@code coverage_radius_m}, {@code canopy_height_m},
 *               {@code growth_years}, {@code example})
 */
public record Asset(String id, String name, AssetType type, Geometry geometry, AssetStatus status,
                    double capexEur, double opexEurPerYear, Category category, int year,
                    SensorParameters sensor, Map<String, Object> params) {

    public Asset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(status, "status");
        name = name == null ? id : name;
        category = category == null ? type.defaultCategory() : category;
        SensorParameters.requireAtLeast("capex_eur", capexEur, 0);
        SensorParameters.requireAtLeast("opex_eur_per_year", opexEurPerYear, 0);
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("year must be between 2000 and 2100, is " + year);
        }
        if (type.isSensor() && sensor == null) {
            throw new IllegalArgumentException("a " + Wire.name(type) + " needs sensor parameters ('sensor')");
        }
        if (!type.isSensor() && sensor != null) {
            throw new IllegalArgumentException("a " + Wire.name(type) + " is not a sensor but has 'sensor' parameters");
        }
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
