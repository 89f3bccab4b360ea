package org.skydas.watch.normalise;

import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.model.TargetKind;
import org.skydas.track.Detection;

/**
 * A Skydas JSON detection (camera, fence, seismic, acoustic, RF) as a tracker detection. Only
 * detections with a position can be tracked; bearing-only and along-line reports need the sensor's
 * geometry and are counted apart until that is modelled.
 */
public final class JsonToDetection {

    static final double DEFAULT_ERROR_M = 25.0;

    private JsonToDetection() {
    }

    public static boolean hasPosition(org.skydas.ingest.json.Detection d) {
        return d.position() != null && Double.isFinite(d.position().lat()) && Double.isFinite(d.position().lon());
    }

    public static Detection convert(org.skydas.ingest.json.Detection d, int sensorId) {
        Coordinate grid = Lks94.toGrid(d.position().lon(), d.position().lat());
        double t = d.time().toEpochMilli() / 1000.0;
        Detection out;
        if (d.covariance() != null) {
            var c = d.covariance();
            out = new Detection(t, sensorId, grid.x, grid.y, Double.NaN, Double.NaN, c.ee(), c.en(), c.nn(), Double.NaN,
                    Double.NaN, null, Double.NaN, null, Double.NaN);
        } else {
            double sigma = Double.isFinite(d.positionErrorM()) && d.positionErrorM() > 0 ? d.positionErrorM()
                    : DEFAULT_ERROR_M;
            out = Detection.position(t, sensorId, grid.x, grid.y, sigma);
        }
        if (d.externalId() != null) {
            out = out.withExternalId(d.externalId());
        }
        TargetKind hint = hint(d.classHint());
        if (hint != null) {
            double confidence = Double.isFinite(d.confidence()) && d.confidence() > 0 ? Math.min(1, d.confidence()) : 0.6;
            out = out.withClassHint(hint, confidence);
        }
        return out;
    }

    static TargetKind hint(org.skydas.ingest.json.ClassHint h) {
        if (h == null) {
            return null;
        }
        return switch (h) {
            case PERSON, GROUP -> TargetKind.PERSON;
            case VEHICLE -> TargetKind.VEHICLE;
            case DRONE, AIRCRAFT -> TargetKind.DRONE;
            case ANIMAL, UNKNOWN -> TargetKind.UNKNOWN;
        };
    }
}
