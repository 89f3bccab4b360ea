package org.skydas.track;

import java.util.Objects;

/**
 * What the tracker knows about a sensor.
 *
 * <p>A {@link ReportingMode#SCANNING} sensor looks at its whole coverage at every scan, so a track
 * inside the coverage that the scan does not report was missed (its existence falls, it coasts).
 * An {@link ReportingMode#EVENT} source (Cursor-on-Target feed, camera or fence alarm, Remote ID
 * receiver) only says something about what it reports: its detections update and start tracks but
 * its silence never counts as a miss. Tracks nobody reports any more are deleted by time instead
 * ({@link TrackerConfig#maxCoastTime()}).
 *
 * @param sensorId         id used by its detections
 * @param pd               probability of detecting a target in coverage per scan, in (0, 1)
 * @param clutterDensity   false detections per m² per scan (spatial density), &gt; 0
 * @param mode             scanning (misses count) or event (positive-only)
 * @param coverage         where a scanning sensor looks, in the tracker's frame; null = everywhere.
 *                         A track outside it gets no miss from the sensor's scans.
 */
public record SensorModel(int sensorId, double pd, double clutterDensity, ReportingMode mode, Coverage coverage) {

    /** Whether a report's silence about a track means something. */
    public enum ReportingMode {
        /** Every scan covers the whole coverage: an unreported track in coverage was missed. */
        SCANNING,
        /** Positive-only reports: detections update and initiate tracks, absence is never a miss. */
        EVENT
    }

    /** Area a scanning sensor observes at each scan. */
    public interface Coverage {
        /** True when a target at (x, y), m, in the tracker's frame, would be seen by a scan. */
        boolean contains(double x, double y);
    }

    /** Circular coverage: centre (x, y) and radius, m. */
    public record Circle(double x, double y, double radius) implements Coverage {
        public Circle {
            if (!Double.isFinite(x) || !Double.isFinite(y) || !(radius > 0) || Double.isInfinite(radius)) {
                throw new IllegalArgumentException("circle needs a finite centre and a positive radius");
            }
        }

        @Override
        public boolean contains(double px, double py) {
            double dx = px - x;
            double dy = py - y;
            return dx * dx + dy * dy <= radius * radius;
        }
    }

    public SensorModel {
        if (!(pd > 0 && pd < 1)) {
            throw new IllegalArgumentException("pd must be in (0, 1): " + pd);
        }
        if (!(clutterDensity > 0) || Double.isInfinite(clutterDensity)) {
            throw new IllegalArgumentException("clutter density must be positive: " + clutterDensity);
        }
        Objects.requireNonNull(mode, "mode");
    }

    /** A scanning sensor covering everything (the offline benchmark's assumption). */
    public SensorModel(int sensorId, double pd, double clutterDensity) {
        this(sensorId, pd, clutterDensity, ReportingMode.SCANNING, null);
    }

    /** A positive-only event source. */
    public static SensorModel event(int sensorId, double pd, double clutterDensity) {
        return new SensorModel(sensorId, pd, clutterDensity, ReportingMode.EVENT, null);
    }

    /** This sensor observing only {@code area} (null: everywhere). */
    public SensorModel withCoverage(Coverage area) {
        return new SensorModel(sensorId, pd, clutterDensity, mode, area);
    }

    /** This sensor observing a circle of {@code radius} m around (x, y). */
    public SensorModel withCoverage(double x, double y, double radius) {
        return withCoverage(new Circle(x, y, radius));
    }

    public SensorModel withMode(ReportingMode m) {
        return new SensorModel(sensorId, pd, clutterDensity, m, coverage);
    }

    public boolean isEvent() {
        return mode == ReportingMode.EVENT;
    }

    /**
     * True when this sensor's scan not reporting a track at (x, y) is evidence against it: a
     * scanning sensor whose coverage contains the point.
     */
    public boolean missCounts(double x, double y) {
        return mode == ReportingMode.SCANNING && (coverage == null || coverage.contains(x, y));
    }
}
