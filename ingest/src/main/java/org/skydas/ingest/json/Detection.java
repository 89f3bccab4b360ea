package org.skydas.ingest.json;

import java.time.Instant;
import java.util.Objects;

/**
 * One validated Skydas JSON detection (schema: {@code detection.schema.json} beside this class).
 * Optional numbers are NaN and optional objects null when absent. At least one of {@code position},
 * {@code line} and {@code bearingDeg} is present.
 *
 * @param positionErrorM 1-sigma circular error, m
 * @param covariance     horizontal covariance in a local east/north frame, m²
 */
public record Detection(String sensorId, Instant time, DetectionKind kind, GeoPosition position, LinePosition line,
                        double bearingDeg, double bearingErrorDeg, ClassHint classHint, double confidence,
                        double positionErrorM, Covariance covariance, String externalId) {

    /** WGS-84 position; {@code altM} (above the ellipsoid) is NaN when not reported. */
    public record GeoPosition(double lat, double lon, double altM) {
    }

    /** Distance along a fence or seismic line from its start. */
    public record LinePosition(String lineId, double distanceM) {
    }

    /** Symmetric 2×2 east/north covariance, m². */
    public record Covariance(double ee, double en, double nn) {
    }

    public Detection {
        Objects.requireNonNull(sensorId);
        Objects.requireNonNull(time);
        Objects.requireNonNull(kind);
    }
}
