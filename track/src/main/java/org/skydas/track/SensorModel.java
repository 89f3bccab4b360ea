package org.skydas.track;

/**
 * What the tracker knows about a sensor.
 *
 * @param sensorId         id used by its detections
 * @param pd               probability of detecting a target in coverage per scan, in (0, 1)
 * @param clutterDensity   false detections per m² per scan (spatial density), &gt; 0
 */
public record SensorModel(int sensorId, double pd, double clutterDensity) {

    public SensorModel {
        if (!(pd > 0 && pd < 1)) {
            throw new IllegalArgumentException("pd must be in (0, 1): " + pd);
        }
        if (!(clutterDensity > 0) || Double.isInfinite(clutterDensity)) {
            throw new IllegalArgumentException("clutter density must be positive: " + clutterDensity);
        }
    }
}
