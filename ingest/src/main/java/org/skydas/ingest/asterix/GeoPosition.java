package org.skydas.ingest.asterix;

/** A WGS84 position: degrees, and metres above the ellipsoid. */
public record GeoPosition(double latitudeDeg, double longitudeDeg, double altitudeM) {
}
