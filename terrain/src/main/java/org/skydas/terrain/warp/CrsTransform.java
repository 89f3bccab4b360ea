package org.skydas.terrain.warp;

import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;
import org.skydas.terrain.Crs;

/**
 * A point transform between two EPSG CRSs (proj4j; identity when equal). Not thread-safe: proj4j
 * transforms keep scratch state, so each thread makes its own.
 */
public final class CrsTransform {

    private final CoordinateTransform transform;
    private final ProjCoordinate in = new ProjCoordinate();

    private CrsTransform(CoordinateTransform transform) {
        this.transform = transform;
    }

    public static CrsTransform between(int fromEpsg, int toEpsg) {
        if (fromEpsg == toEpsg) {
            return new CrsTransform(null);
        }
        CoordinateReferenceSystem from = Crs.lookup(fromEpsg);
        CoordinateReferenceSystem to = Crs.lookup(toEpsg);
        if (from == null || to == null) {
            throw new IllegalArgumentException("unknown CRS EPSG:" + (from == null ? fromEpsg : toEpsg));
        }
        return new CrsTransform(new BasicCoordinateTransform(from, to));
    }

    public void apply(double x, double y, ProjCoordinate out) {
        if (transform == null) {
            out.x = x;
            out.y = y;
            return;
        }
        in.x = x;
        in.y = y;
        transform.transform(in, out);
    }
}
