package org.skydas.ingest.asterix;

/**
 * Where a radar antenna is: WGS84 latitude and longitude in degrees, and the antenna's height in metres above the
 * WGS84 ellipsoid (use the height above mean sea level plus the local geoid undulation when known; for Lithuania
 * the undulation is about +25 m).
 */
public record RadarSite(double latitudeDeg, double longitudeDeg, double altitudeM) {

    public RadarSite {
        if (!(latitudeDeg >= -90 && latitudeDeg <= 90) || !(longitudeDeg >= -180 && longitudeDeg <= 360)
                || !Double.isFinite(altitudeM)) {
            throw new IllegalArgumentException("invalid radar site " + latitudeDeg + ", " + longitudeDeg + ", "
                    + altitudeM);
        }
    }
}
