package org.skydas.geo;

/** GeoJSON that Skydas will not accept; the message names the feature and the reason. */
public class GeoJsonException extends Exception {

    private static final long serialVersionUID = 1L;

    public GeoJsonException(String message) {
        super(message);
    }
}
