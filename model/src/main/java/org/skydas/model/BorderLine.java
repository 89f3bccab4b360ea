package org.skydas.model;

import java.util.Objects;

import org.locationtech.jts.geom.MultiLineString;

/** The shared land border with one neighbour, as lines in the LKS-94 grid. */
public record BorderLine(String id, Neighbour neighbour, MultiLineString geometry) {

    public BorderLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(neighbour, "neighbour");
        Objects.requireNonNull(geometry, "geometry");
    }

    /** Length in metres (grid length; within 0.05 % of ground length in Lithuania). */
    public double lengthM() {
        return geometry.getLength();
    }
}
