package org.skydas.terrain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;

/**
 * The few facts about an EPSG CRS that raster work needs: geographic or projected, and the
 * ellipsoid's semi-major axis (for the earth-curvature term of the viewshed).
 *
 * <p>Common codes are answered without proj4j: loading its EPSG table costs a noticeable part of a
 * one-shot CLI run, and WGS84, GRS80 (ETRS89, ETRF2000-PL, LKS-94) share a = 6 378 137 m.
 */
public final class Crs {

    public static final double WGS84_SEMI_MAJOR = 6378137.0;

    private static final Map<Integer, CoordinateReferenceSystem> CACHE = new ConcurrentHashMap<>();

    private Crs() {
    }

    /** True for geographic (lon/lat) CRSs. Unknown codes (0) count as projected. */
    public static boolean isGeographic(int epsg) {
        if (epsg == 4326 || epsg == 4258 || epsg == 4269 || epsg == 4979) {
            return true;
        }
        if (isUtmWgs84(epsg) || epsg == 2180 || epsg == 3346 || epsg == 3857 || epsg == 0) {
            return false;
        }
        CoordinateReferenceSystem crs = lookup(epsg);
        return crs != null && Boolean.TRUE.equals(crs.isGeographic());
    }

    /**
     * Semi-major axis in metres; like GDAL's OGRSpatialReference::GetSemiMajor it falls back to
     * WGS84's when the code is not known.
     */
    public static double semiMajor(int epsg) {
        if (epsg == 4326 || isUtmWgs84(epsg) || epsg == 2180 || epsg == 3346 || epsg == 4258 || epsg == 3857
                || (epsg >= 25828 && epsg <= 25838)) {
            return WGS84_SEMI_MAJOR;
        }
        CoordinateReferenceSystem crs = lookup(epsg);
        if (crs == null || crs.getDatum() == null || crs.getDatum().getEllipsoid() == null) {
            return WGS84_SEMI_MAJOR;
        }
        return crs.getDatum().getEllipsoid().getA();
    }

    /** The proj4j CRS for a code, or null when proj4j does not know it. */
    public static CoordinateReferenceSystem lookup(int epsg) {
        if (epsg <= 0) {
            return null;
        }
        CoordinateReferenceSystem cached = CACHE.get(epsg);
        if (cached != null) {
            return cached;
        }
        try {
            CoordinateReferenceSystem crs = new CRSFactory().createFromName("EPSG:" + epsg);
            if (crs != null) {
                CACHE.put(epsg, crs);
            }
            return crs;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** EPSG:326zz (north) and 327zz (south). */
    public static boolean isUtmWgs84(int epsg) {
        return (epsg >= 32601 && epsg <= 32660) || (epsg >= 32701 && epsg <= 32760);
    }

    /** The WGS84 UTM zone code (EPSG:326zz/327zz) containing a lon/lat point. */
    public static int utmFor(double lon, double lat) {
        int zone = (int) Math.floor((lon + 180) / 6) + 1;
        zone = Math.max(1, Math.min(60, zone));
        return (lat >= 0 ? 32600 : 32700) + zone;
    }
}
