package org.skydas.model;

import java.util.Map;
import java.util.Objects;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/** A polygon with a meaning ({@link ZoneKind}) and free parameters (e.g. airspace floor/ceiling). */
public record Zone(String id, String name, ZoneKind kind, Geometry geometry, Map<String, Object> params) {

    public Zone {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(geometry, "geometry");
        if (!(geometry instanceof Polygonal)) {
            throw new IllegalArgumentException("a zone must be a Polygon or MultiPolygon, is a "
                    + geometry.getGeometryType());
        }
        params = params == null ? Map.of() : Map.copyOf(params);
        name = name == null ? id : name;
    }
}
