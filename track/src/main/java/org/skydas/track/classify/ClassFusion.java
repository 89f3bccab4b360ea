package org.skydas.track.classify;

import org.skydas.model.TargetKind;

/**
 * Bayesian class probabilities from two kinds of evidence: sensor class hints, accumulated as log
 * likelihoods over the track's life (each hint is independent evidence), and the track's current
 * speed estimate, which is not accumulated because the filtered velocity already integrates all
 * past detections (multiplying it in at every scan would count the same evidence many times).
 */
public final class ClassFusion {

    /** Bound on accumulated hint evidence, so that a long-lived track can still change its mind. */
    private static final double MAX_LOG_HINT = 20.0;

    private final double[] prior;
    private final double[] speedMean;
    private final double[] speedSd;

    /**
     * @param prior     prior class probabilities (sum 1)
     * @param speedMean typical speed per class, m/s
     * @param speedSd   speed spread per class, m/s
     */
    public ClassFusion(double[] prior, double[] speedMean, double[] speedSd) {
        int n = TargetKind.COUNT;
        if (prior.length != n || speedMean.length != n || speedSd.length != n) {
            throw new IllegalArgumentException("need one value per class");
        }
        this.prior = prior.clone();
        this.speedMean = speedMean.clone();
        this.speedSd = speedSd.clone();
    }

    /** Adds a sensor's hint with its confidence to the accumulated log evidence {@code logHint}. */
    public static void addHint(double[] logHint, TargetKind hint, double confidence) {
        double conf = Math.min(0.999, Math.max(1e-3, Double.isNaN(confidence) ? 0.7 : confidence));
        double other = (1 - conf) / (TargetKind.COUNT - 1);
        for (int c = 0; c < logHint.length; c++) {
            double l = Math.log(c == hint.ordinal() ? conf : other);
            logHint[c] = Math.max(-MAX_LOG_HINT, Math.min(MAX_LOG_HINT, logHint[c] + l));
        }
    }

    /**
     * Writes class probabilities into {@code out} from the hint evidence and a speed estimate with
     * variance {@code speedVar} (m²/s²).
     */
    public void probabilities(double[] logHint, double speed, double speedVar, double[] out) {
        probabilities(logHint, 0, speed, speedVar, out);
    }

    /**
     * As {@link #probabilities(double[], double, double, double[])}, with the classes in {@code excludedMask}
     * (bit per class ordinal: ruled out by a dimension a report stated) at probability 0. When every class is
     * excluded (contradicting reports), the track is {@link TargetKind#UNKNOWN}.
     */
    public void probabilities(double[] logHint, int excludedMask, double speed, double speedVar, double[] out) {
        if (Integer.bitCount(excludedMask & ((1 << out.length) - 1)) == out.length) {
            java.util.Arrays.fill(out, 0);
            out[TargetKind.UNKNOWN.ordinal()] = 1;
            return;
        }
        double maxLog = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < out.length; c++) {
            if ((excludedMask & (1 << c)) != 0) {
                out[c] = Double.NEGATIVE_INFINITY;
                continue;
            }
            double var = speedSd[c] * speedSd[c] + speedVar;
            double d = speed - speedMean[c];
            double l = Math.log(prior[c]) + logHint[c] - 0.5 * d * d / var - 0.5 * Math.log(var);
            out[c] = l;
            maxLog = Math.max(maxLog, l);
        }
        double sum = 0;
        for (int c = 0; c < out.length; c++) {
            out[c] = Math.exp(out[c] - maxLog);
            sum += out[c];
        }
        for (int c = 0; c < out.length; c++) {
            out[c] /= sum;
        }
    }
}
