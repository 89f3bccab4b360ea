package org.skydas.terrain.coverage;

/** Probability of detection of a target in line of sight, as a function of slant range (m). */
@FunctionalInterface
public interface PdModel {

    double pd(double range);

    /** The same Pd at every range. */
    static PdModel constant(double pd) {
        check(pd);
        return r -> pd;
    }

    /**
     * Logistic fall-off: {@code pdMax} near the sensor, half of it at {@code r50}, the
     * transition {@code spread} metres wide (about 10 % to 90 % of the drop over 4.4 spreads).
     */
    static PdModel logistic(double pdMax, double r50, double spread) {
        check(pdMax);
        if (!(r50 > 0) || !(spread > 0)) {
            throw new IllegalArgumentException("r50 and spread must be > 0");
        }
        return r -> pdMax / (1 + Math.exp((r - r50) / spread));
    }

    private static void check(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("Pd must be in [0, 1], got " + p);
        }
    }
}
