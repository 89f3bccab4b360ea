package org.skydas.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Lithuania's national grid LKS-94 / Lithuania TM (EPSG:3346), the metric frame Skydas computes in.
 * WGS84 (EPSG:4326) is used only at the edges (GeoJSON, API). Coordinates here are always in GIS
 * order: x = longitude or easting, y = latitude or northing.
 *
 * <p>ETRS89 (the datum of LKS-94) and WGS84 differ by well under a metre in Lithuania; like PROJ's
 * default (no grid) pipeline, the datum shift is taken as null.
 */
public final class Lks94 {

    public static final int EPSG = 3346;
    public static final int WGS84_EPSG = 4326;

    /** Geometry factory for grid geometries (SRID 3346, floating precision). */
    public static final GeometryFactory GRID = new GeometryFactory(new PrecisionModel(), EPSG);
    /** Geometry factory for WGS84 geometries (SRID 4326). */
    public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), WGS84_EPSG);

    private static final CoordinateReferenceSystem GEOGRAPHIC;
    private static final CoordinateReferenceSystem GRID_CRS;

    static {
        CRSFactory factory = new CRSFactory();
        GEOGRAPHIC = factory.createFromName("EPSG:4326");
        GRID_CRS = factory.createFromName("EPSG:3346");
    }

    // proj4j transforms keep scratch state: one pair per thread.
    private static final ThreadLocal<CoordinateTransform> FORWARD =
            ThreadLocal.withInitial(() -> new BasicCoordinateTransform(GEOGRAPHIC, GRID_CRS));
    private static final ThreadLocal<CoordinateTransform> INVERSE =
            ThreadLocal.withInitial(() -> new BasicCoordinateTransform(GRID_CRS, GEOGRAPHIC));

    private Lks94() {
    }

    /** WGS84 longitude/latitude (degrees) to LKS-94 easting/northing (metres). */
    public static Coordinate toGrid(double lon, double lat) {
        ProjCoordinate out = new ProjCoordinate();
        FORWARD.get().transform(new ProjCoordinate(lon, lat), out);
        return new Coordinate(out.x, out.y);
    }

    /** LKS-94 easting/northing (metres) to WGS84 longitude/latitude (degrees). */
    public static Coordinate toWgs84(double easting, double northing) {
        ProjCoordinate out = new ProjCoordinate();
        INVERSE.get().transform(new ProjCoordinate(easting, northing), out);
        return new Coordinate(out.x, out.y);
    }

    /** A WGS84 geometry projected to the grid (a new geometry with SRID 3346). */
    public static Geometry toGrid(Geometry wgs84) {
        return transform(wgs84, FORWARD.get(), GRID);
    }

    /** A grid geometry in WGS84 (a new geometry with SRID 4326). */
    public static Geometry toWgs84(Geometry grid) {
        return transform(grid, INVERSE.get(), WGS84);
    }

    private static Geometry transform(Geometry g, CoordinateTransform t, GeometryFactory target) {
        Geometry copy = target.createGeometry(g);
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate out = new ProjCoordinate();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                in.x = seq.getX(i);
                in.y = seq.getY(i);
                t.transform(in, out);
                seq.setOrdinate(i, 0, out.x);
                seq.setOrdinate(i, 1, out.y);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        copy.setSRID(target.getSRID());
        return copy;
    }

    /**
     * Point scale factor of the transverse Mercator grid at an easting: ground distance = grid
     * distance / k. Lithuania lies within ±3° of the central meridian, so k stays within
     * 0.9998 ... 1.0003 and grid lengths are ground lengths to better than 0.05 %.
     */
    public static double scaleFactorAt(double easting) {
        double dx = easting - 500_000.0;
        double r = 6_381_000.0; // mean radius of curvature near 55° N on GRS80
        return 0.9998 * (1.0 + dx * dx / (2.0 * r * r));
    }
}
