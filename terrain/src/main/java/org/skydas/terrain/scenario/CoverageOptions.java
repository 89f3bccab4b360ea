package org.skydas.terrain.scenario;

import java.util.EnumMap;
import java.util.Map;

import org.skydas.model.TargetClass;

/**
 * How a scenario's coverage is computed.
 *
 * @param resolutionM   grid cell size in metres (LKS-94)
 * @param threshold     P(at least one) at or above which a cell counts as covered
 * @param selection     which asset statuses count (sensors and plantings)
 * @param year          the year for canopy growth
 * @param curvature     gdal_viewshed's curvature coefficient (0.85714 = refraction 1/7)
 * @param threads       worker threads
 * @param targetHeights height above ground per target class (classes not present are skipped)
 */
public record CoverageOptions(double resolutionM, double threshold, SensorSelection selection, int year,
        double curvature, int threads, Map<TargetClass, Double> targetHeights) {

    public static final double DEFAULT_RESOLUTION_M = 50;
    public static final double DEFAULT_THRESHOLD = 0.5;

    public CoverageOptions {
        if (!(resolutionM > 0) || Double.isInfinite(resolutionM)) {
            throw new IllegalArgumentException("resolution must be > 0 m, is " + resolutionM);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], is " + threshold);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
        targetHeights = java.util.Collections.unmodifiableMap(new EnumMap<>(targetHeights)); // class order
    }

    /** Defaults: 50 m, threshold 0.5, every planned asset, all four classes at their default heights. */
    public static CoverageOptions defaults(int year) {
        Map<TargetClass, Double> h = new EnumMap<>(TargetClass.class);
        for (TargetClass t : TargetClass.values()) {
            h.put(t, t.defaultHeightM());
        }
        return new CoverageOptions(DEFAULT_RESOLUTION_M, DEFAULT_THRESHOLD, SensorSelection.PLANNED, year,
                0.85714, Runtime.getRuntime().availableProcessors(), h);
    }

    public CoverageOptions withResolution(double m) {
        return new CoverageOptions(m, threshold, selection, year, curvature, threads, targetHeights);
    }

    public CoverageOptions withThreshold(double p) {
        return new CoverageOptions(resolutionM, p, selection, year, curvature, threads, targetHeights);
    }

    public CoverageOptions withSelection(SensorSelection s) {
        return new CoverageOptions(resolutionM, threshold, s, year, curvature, threads, targetHeights);
    }

    public CoverageOptions withThreads(int n) {
        return new CoverageOptions(resolutionM, threshold, selection, year, curvature, n, targetHeights);
    }

    public CoverageOptions withTargets(Map<TargetClass, Double> heights) {
        return new CoverageOptions(resolutionM, threshold, selection, year, curvature, threads, heights);
    }
}
