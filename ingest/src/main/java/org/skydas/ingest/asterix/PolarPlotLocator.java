package org.skydas.ingest.asterix;

/**
 * Turns a monoradar plot (slant range, azimuth) into a WGS84 position, for one radar site.
 *
 * <p><b>Slant range.</b> CAT048 RHO (I048/040) is the slant range: the straight line from the antenna to the
 * target, not a distance along the ground. Projecting it needs the target's height; with the antenna at height
 * h<sub>s</sub> and the target at h<sub>t</sub> over a sphere of radius R (the Gaussian radius of curvature
 * √(M·N) of the WGS84 ellipsoid at the site, which matches the ellipsoid to within metres over radar ranges), the
 * law of cosines in the triangle earth centre – antenna – target gives the elevation angle:
 * <pre>  sin(el) = ((R+h<sub>t</sub>)² − (R+h<sub>s</sub>)² − ρ²) / (2 (R+h<sub>s</sub>) ρ)</pre>
 * The target is then at ρ·(cos el·sin θ, cos el·cos θ, sin el) in the antenna's local east-north-up frame,
 * converted to ECEF and back to geodetic coordinates on the ellipsoid. No refraction correction is applied: the
 * measured range is already the propagation path, and the ray's bending changes the position by metres only.
 *
 * <p><b>Which height.</b> {@link Cat048Plots} uses, in order: the 3D-radar height I048/110; the flight level
 * I048/090 (pressure altitude, taken as height above the ellipsoid: an error δh of a few hundred metres moves the
 * plot horizontally by about δh·h/ρ, tens of metres at most beyond 20 NM); otherwise the antenna's own height,
 * which makes the slant range almost a ground range (error ≈ h²/2ρ: at FL300 and 50 NM, ≈ 450 m too far).
 * When the height is inconsistent with the range (ρ shorter than the height difference), the elevation is
 * clamped to ±90°.
 */
public final class PolarPlotLocator {

    static final double A = 6_378_137.0;
    static final double F = 1 / 298.257223563;
    static final double E2 = F * (2 - F);
    public static final double METRES_PER_NM = 1852.0;

    private final RadarSite site;
    private final double radius;
    private final double[] siteEcef;
    private final double sinLat;
    private final double cosLat;
    private final double sinLon;
    private final double cosLon;

    public PolarPlotLocator(RadarSite site) {
        this.site = site;
        double lat = Math.toRadians(site.latitudeDeg());
        double lon = Math.toRadians(site.longitudeDeg());
        sinLat = Math.sin(lat);
        cosLat = Math.cos(lat);
        sinLon = Math.sin(lon);
        cosLon = Math.cos(lon);
        double w = Math.sqrt(1 - E2 * sinLat * sinLat);
        double n = A / w;                       // prime vertical radius of curvature
        double m = A * (1 - E2) / (w * w * w);  // meridian radius of curvature
        radius = Math.sqrt(m * n);
        siteEcef = toEcef(site.latitudeDeg(), site.longitudeDeg(), site.altitudeM());
    }

    public RadarSite site() {
        return site;
    }

    /**
     * @param slantRangeM     measured slant range in metres (RHO × 1852)
     * @param azimuthDeg      azimuth clockwise from north at the radar (THETA)
     * @param targetHeightM   target height above the ellipsoid in metres (see the class comment for which one)
     */
    public GeoPosition locate(double slantRangeM, double azimuthDeg, double targetHeightM) {
        double rs = radius + site.altitudeM();
        double rt = radius + targetHeightM;
        double sinEl = slantRangeM <= 0 ? 0 : (rt * rt - rs * rs - slantRangeM * slantRangeM) / (2 * rs * slantRangeM);
        sinEl = Math.max(-1, Math.min(1, sinEl));
        double cosEl = Math.sqrt(1 - sinEl * sinEl);
        double az = Math.toRadians(azimuthDeg);
        double e = slantRangeM * cosEl * Math.sin(az);
        double n = slantRangeM * cosEl * Math.cos(az);
        double u = slantRangeM * sinEl;
        // ENU -> ECEF rotation at the site.
        double x = siteEcef[0] - sinLon * e - sinLat * cosLon * n + cosLat * cosLon * u;
        double y = siteEcef[1] + cosLon * e - sinLat * sinLon * n + cosLat * sinLon * u;
        double z = siteEcef[2] + cosLat * n + sinLat * u;
        return fromEcef(x, y, z);
    }

    static double[] toEcef(double latDeg, double lonDeg, double h) {
        double lat = Math.toRadians(latDeg);
        double lon = Math.toRadians(lonDeg);
        double s = Math.sin(lat);
        double n = A / Math.sqrt(1 - E2 * s * s);
        return new double[] {(n + h) * Math.cos(lat) * Math.cos(lon), (n + h) * Math.cos(lat) * Math.sin(lon),
            (n * (1 - E2) + h) * s};
    }

    /** ECEF to geodetic by fixed-point iteration on the latitude (converges to < 1 mm in a few steps). */
    static GeoPosition fromEcef(double x, double y, double z) {
        double lon = Math.atan2(y, x);
        double p = Math.hypot(x, y);
        double lat = Math.atan2(z, p * (1 - E2));
        double h = 0;
        for (int i = 0; i < 6; i++) {
            double s = Math.sin(lat);
            double n = A / Math.sqrt(1 - E2 * s * s);
            h = p / Math.cos(lat) - n;
            lat = Math.atan2(z, p * (1 - E2 * n / (n + h)));
        }
        return new GeoPosition(Math.toDegrees(lat), Math.toDegrees(lon), h);
    }
}
