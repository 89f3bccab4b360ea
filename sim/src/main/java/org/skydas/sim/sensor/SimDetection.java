package org.skydas.sim.sensor;

/**
 * Ground truth of one report, for tests and for scoring a tracker: which object (null for a false alarm) a
 * sensor reported at which measured grid position.
 */
public record SimDetection(double simTimeS, String sensorId, String objectId, double x, double y) {

    public boolean falseAlarm() {
        return objectId == null;
    }
}
