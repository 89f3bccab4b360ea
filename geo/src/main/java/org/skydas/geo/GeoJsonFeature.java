package org.skydas.geo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;

/**
 * One GeoJSON feature: an optional id, a geometry (may be null) and its properties as plain Java
 * values (String, Number, Boolean, null, List, Map).
 */
public record GeoJsonFeature(String id, Geometry geometry, Map<String, Object> properties) {

    public GeoJsonFeature {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** How error messages name this feature: its id, else its position in the file. */
    public String describe(int index) {
        return id != null ? "feature '" + id + "'" : "feature #" + (index + 1);
    }
}
