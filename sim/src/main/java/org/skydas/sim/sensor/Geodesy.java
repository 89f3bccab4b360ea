package org.skydas.sim.sensor;

import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;

/**
 * Slant range and true azimuth between two WGS84 points with heights, through ECEF and the local
 * east-north-up frame of the first point: the same geometry a CAT048 receiver inverts (ingest's
 * PolarPlotLocator), so encoded plots decode back to where they were put.
 */
public final class Geodesy {

    private static final double A = 6_378_137.0;
    private static final double F = 1 / 298.257223563;
    private static final double E2 = F * (2 - F);

    private Geodesy() {
    }

    /** {slant range m, azimuth deg clockwise from true north in [0, 360)} from site to target. */
    public static double[] rangeAzimuth(double siteLat, double siteLon, double siteH, double lat, double lon, double h) {
        double[] s = ecef(siteLat, siteLon, siteH);
        double[] t = ecef(lat, lon, h);
        double dx = t[0] - s[0];
        double dy = t[1] - s[1];
        double dz = t[2] - s[2];
        double la = Math.toRadians(siteLat);
        double lo = Math.toRadians(siteLon);
        double e = -Math.sin(lo) * dx + Math.cos(lo) * dy;
        double n = -Math.sin(la) * Math.cos(lo) * dx - Math.sin(la) * Math.sin(lo) * dy + Math.cos(la) * dz;
        double range = Math.sqrt(dx * dx + dy * dy + dz * dz);
        double az = Math.toDegrees(Math.atan2(e, n));
        return new double[] {range, az < 0 ? az + 360 : az};
    }

    /**
     * Course over ground in degrees clockwise from true north for a grid velocity at a grid position: grid north
     * differs from true north by the meridian convergence (up to about 2° across Lithuania).
     */
    public static double trueCourseDeg(double x, double y, double vx, double vy) {
        if (vx == 0 && vy == 0) {
            return 0;
        }
        double k = 10 / Math.hypot(vx, vy); // a point 10 m ahead
        Coordinate a = Lks94.toWgs84(x, y);
        Coordinate b = Lks94.toWgs84(x + vx * k, y + vy * k);
        return rangeAzimuth(a.y, a.x, 0, b.y, b.x, 0)[1];
    }

    static double[] ecef(double latDeg, double lonDeg, double h) {
        double lat = Math.toRadians(latDeg);
        double lon = Math.toRadians(lonDeg);
        double s = Math.sin(lat);
        double nu = A / Math.sqrt(1 - E2 * s * s);
        return new double[] {(nu + h) * Math.cos(lat) * Math.cos(lon), (nu + h) * Math.cos(lat) * Math.sin(lon),
            (nu * (1 - E2) + h) * s};
    }
}
