package org.skydas.terrain.scenario;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Point;
import org.skydas.model.Asset;
import org.skydas.model.Scenario;
import org.skydas.model.SensorParameters;
import org.skydas.model.TargetClass;
import org.skydas.terrain.coverage.PdModel;
import org.skydas.terrain.coverage.SensorFootprint;

/**
 * Maps a scenario's sensor assets to {@link SensorFootprint}s for one target class.
 *
 * <p>Range is horizontal (the sensor's {@code range_m} for the class; a sensor without a range for
 * the class does not detect it). Pd is the model's linear {@link SensorParameters#pdAt} at the slant
 * range, clamped to the maximum range, so a drone overhead at the horizontal limit keeps the model's
 * {@code pd_at_max_range} instead of dropping to 0 while still being counted as seen. The azimuth
 * sector {@code from -> to} clockwise becomes centre and width (from == to: all round); elevation
 * limits are clamped to [-90, 90].
 */
public final class ScenarioSensors {

    private ScenarioSensors() {
    }

    /** Sensors of {@code scenario} that {@code selection} includes and that can detect {@code target}. */
    public static List<SensorFootprint> footprints(Scenario scenario, TargetClass target, SensorSelection selection) {
        List<SensorFootprint> out = new ArrayList<>();
        for (Asset a : scenario.assets()) {
            if (!a.type().isSensor() || !selection.includes(a.status()) || a.sensor() == null) {
                continue;
            }
            SensorFootprint f = footprint(a, target);
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    /** The footprint of one sensor asset for {@code target}, or null when it cannot detect it. */
    public static SensorFootprint footprint(Asset a, TargetClass target) {
        SensorParameters p = a.sensor();
        Double range = p.rangeM().get(target);
        if (range == null || !(range > 0)) {
            return null;
        }
        // a sensor line (fence sensor, seismic line) is placed at its centroid: a coarse stand-in
        Point pt = a.geometry() instanceof Point p0 ? p0 : a.geometry().getCentroid();
        if (pt.isEmpty()) {
            return null;
        }
        double span = normalise(p.azimuthToDeg() - p.azimuthFromDeg());
        double width = span == 0 ? 360 : span;
        double centre = normalise(p.azimuthFromDeg() + span / 2);
        double minEl = Math.max(-90, Math.min(90, p.elevationMinDeg()));
        double maxEl = Math.max(minEl, Math.min(90, p.elevationMaxDeg()));
        double max = range;
        PdModel pd = r -> p.pdAt(target, Math.min(r, max));
        return new SensorFootprint(a.id(), pt.getX(), pt.getY(), p.mastHeightM(), max, centre, width, minEl, maxEl, pd);
    }

    private static double normalise(double deg) {
        double d = deg % 360.0;
        return d < 0 ? d + 360.0 : d;
    }
}
