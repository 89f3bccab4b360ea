package org.skydas.server.coverage;

/**
 * How the server computes its coverage. The server keeps a map of every class in memory, so the
 * grid is capped by {@code maxCells}: a larger scenario gets a coarser grid than {@code resolutionM}.
 *
 * @param resolutionM finest grid cell size in metres (LKS-94)
 * @param threshold   P(at least one) at or above which a cell counts as covered
 * @param maxCells    most grid cells per class kept in memory (4 bytes each)
 * @param threads     worker threads; few, so that the HTTP threads keep a core
 */
public record CoverageSettings(double resolutionM, double threshold, long maxCells, int threads) {

    /** 8 M cells: 32 MB per class, the whole of Lithuania's border at about 120 m. */
    public static final long DEFAULT_MAX_CELLS = 8_000_000;

    public CoverageSettings {
        if (!(resolutionM > 0) || Double.isInfinite(resolutionM)) {
            throw new IllegalArgumentException("resolution must be > 0 m, is " + resolutionM);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], is " + threshold);
        }
        if (maxCells < 1) {
            throw new IllegalArgumentException("maxCells must be >= 1");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
    }

    /** 50 m at best, threshold 0.5, half the cores (at least one). */
    public static CoverageSettings defaults() {
        return new CoverageSettings(50, 0.5, DEFAULT_MAX_CELLS,
                Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    }

    public CoverageSettings withResolution(double m) {
        return new CoverageSettings(m, threshold, maxCells, threads);
    }

    public CoverageSettings withMaxCells(long n) {
        return new CoverageSettings(resolutionM, threshold, n, threads);
    }
}
