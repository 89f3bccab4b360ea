package org.skydas.model;

import java.util.EnumMap;
import java.util.Map;

/**
 * What a sensor can see, for coverage planning and simulation.
 *
 * @param mastHeightM       height of the sensor above ground
 * @param rangeM            maximum detection range per target class (absent = cannot detect it)
 * @param azimuthFromDeg    start of the azimuth sector, degrees clockwise from grid north
 * @param azimuthToDeg      end of the sector, clockwise; from == to (or a 360° span) = all round
 * @param elevationMinDeg   lowest elevation angle seen (negative looks down)
 * @param elevationMaxDeg   highest elevation angle seen
 * @param pdNear            probability of detection close to the sensor
 * @param pdAtMaxRange      probability of detection at maximum range (linear in between)
 * @param scanPeriodS       time between looks at the same place
 * @param positionNoiseM    one-sigma position error of a report
 * @param falseAlarmsPerHour expected false reports per hour
 */
public record SensorParameters(double mastHeightM, Map<TargetClass, Double> rangeM,
                               double azimuthFromDeg, double azimuthToDeg,
                               double elevationMinDeg, double elevationMaxDeg,
                               double pdNear, double pdAtMaxRange,
                               double scanPeriodS, double positionNoiseM, double falseAlarmsPerHour) {

    public SensorParameters {
        requireAtLeast("mast_height_m", mastHeightM, 0);
        rangeM = rangeM == null || rangeM.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(rangeM));
        for (Map.Entry<TargetClass, Double> e : rangeM.entrySet()) {
            requireAtLeast("range_m." + Wire.name(e.getKey()), e.getValue(), 0);
        }
        requireFinite("azimuth_from_deg", azimuthFromDeg);
        requireFinite("azimuth_to_deg", azimuthToDeg);
        requireFinite("elevation_min_deg", elevationMinDeg);
        requireFinite("elevation_max_deg", elevationMaxDeg);
        if (elevationMinDeg > elevationMaxDeg) {
            throw new IllegalArgumentException("elevation_min_deg > elevation_max_deg");
        }
        requireProbability("pd_near", pdNear);
        requireProbability("pd_at_max_range", pdAtMaxRange);
        requireAtLeast("scan_period_s", scanPeriodS, 0);
        requireAtLeast("position_noise_m", positionNoiseM, 0);
        requireAtLeast("false_alarms_per_hour", falseAlarmsPerHour, 0);
    }

    /** Probability of detecting {@code target} at {@code rangeM}; 0 beyond its maximum range. */
    public double pdAt(TargetClass target, double range) {
        Double max = rangeM.get(target);
        if (max == null || range > max || max <= 0) {
            return 0.0;
        }
        return pdNear + (pdAtMaxRange - pdNear) * (range / max);
    }

    /** True when {@code azimuthDeg} (clockwise from north) lies in the sensor's sector. */
    public boolean inAzimuthSector(double azimuthDeg) {
        double span = normalise(azimuthToDeg - azimuthFromDeg);
        if (span == 0.0) {
            return true; // all round
        }
        return normalise(azimuthDeg - azimuthFromDeg) <= span;
    }

    private static double normalise(double deg) {
        double d = deg % 360.0;
        return d < 0 ? d + 360.0 : d;
    }

    static void requireFinite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number, is " + v);
        }
    }

    static void requireAtLeast(String name, double v, double min) {
        if (!(v >= min) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a number >= " + min + ", is " + v);
        }
    }

    static void requireProbability(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be a probability in [0, 1], is " + v);
        }
    }
}
