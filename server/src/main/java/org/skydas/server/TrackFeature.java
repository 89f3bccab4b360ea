package org.skydas.server;

import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A track on the picture as a GeoJSON feature, live ({@code GET /api/tracks}) or replayed ({@code GET /api/replay});
 * OpenAPI schemas {@code TrackFeature} and {@code TrackProperties}.
 */
record TrackFeature(String type, long id, Geometry geometry, Properties properties) {

    TrackFeature(long id, double x, double y, Properties properties) {
        this("Feature", id, Geometry.point(x, y), properties);
    }

    /**
     * @param classProbabilities per target class; live tracks only
     * @param quality            the track's existence probability; null for replayed tracks
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Properties(long id, @JsonProperty("class") String targetClass,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Double> classProbabilities, String status,
                      double speedMps, long headingDeg, Double quality, String externalId, String time) {
    }

    /** A GeoJSON Point or LineString in WGS84, coordinates rounded to 1e-7°. */
    record Geometry(String type, Object coordinates) {

        /** The WGS84 point of the LKS-94 {@code x, y}. */
        static Geometry point(double x, double y) {
            return new Geometry("Point", lonLat(x, y));
        }

        static Geometry lineString(List<List<Double>> lonLats) {
            return new Geometry("LineString", lonLats);
        }

        static List<Double> lonLat(double x, double y) {
            Coordinate c = Lks94.toWgs84(x, y);
            return List.of(Math.round(c.x * 1e7) / 1e7, Math.round(c.y * 1e7) / 1e7);
        }
    }

    /** The tracks as a GeoJSON FeatureCollection (OpenAPI schema {@code Tracks}). */
    record Collection(String type, List<TrackFeature> features) {

        Collection(List<TrackFeature> features) {
            this("FeatureCollection", features);
        }
    }
}
