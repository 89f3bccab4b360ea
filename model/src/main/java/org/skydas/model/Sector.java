package org.skydas.model;

import java.util.Objects;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;

/**
 * A consecutive piece of one border line, named like {@code BY-017}. Usually a LineString; a
 * MultiLineString where the border line has a gap inside the sector.
 */
public record Sector(String id, Neighbour neighbour, int index, Geometry geometry, double lengthM) {

    public Sector {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(neighbour, "neighbour");
        Objects.requireNonNull(geometry, "geometry");
        if (!(geometry instanceof Lineal)) {
            throw new IllegalArgumentException("a sector must be a LineString or MultiLineString, is a "
                    + geometry.getGeometryType());
        }
        if (index < 1) {
            throw new IllegalArgumentException("sector index must be >= 1, is " + index);
        }
        if (!(lengthM >= 0)) {
            throw new IllegalArgumentException("sector length_m must be >= 0, is " + lengthM);
        }
    }

    /** The conventional name of sector {@code index} of the border with {@code n}. */
    public static String name(Neighbour n, int index) {
        return String.format("%s-%03d", n.code(), index);
    }
}
