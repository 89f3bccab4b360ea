package org.skydas.track;

import org.skydas.model.TargetKind;

/**
 * Tracker parameters. {@link #defaults()} suits ground surveillance with position-only sensors of
 * ~10 m noise at ~1 Hz; every value is a named record component so a caller changes one with
 * {@code with...} methods.
 *
 * @param qPerClass         process noise q (m²/s³) per class (person, vehicle, drone, unknown)
 * @param classPrior        prior class probabilities
 * @param speedMean         typical speed per class, m/s (class fusion)
 * @param speedSd           speed spread per class, m/s
 * @param gate              squared Mahalanobis gate (χ², 2 dof)
 * @param maxSpeed          fastest target considered by two-point initiation, m/s
 * @param seedMaxAge        how long an unassociated detection waits for a second one, s
 * @param confirmM          hits needed ...
 * @param confirmN          ... within this many scans to confirm a tentative track
 * @param meanLifetime      mean target lifetime, s: survival probability exp(-dt/lifetime)
 * @param initialExistence  existence probability of a new tentative track
 * @param reportExistence   confirmed tracks are reported while their existence is at least this
 * @param deleteExistence   confirmed tracks are deleted below this existence
 * @param maxPositionSd     tracks are deleted when their position sd exceeds this, m
 * @param timeTolerance     scans older than the tracker time by more than this are rejected, s
 * @param region            surveillance region: tracks leaving it are deleted; null = unbounded
 * @param historyCapacity   positions kept per track
 * @param association       how confirmed tracks take detections (tentative tracks always use GNN)
 * @param immQ              process noise per IMM model, m²/s³; empty: one CV model with the
 *                          per-class q instead of an IMM
 * @param immStay           IMM probability of keeping the model from one scan to the next
 * @param maxCoastTime      per class (indexed by {@link TargetKind#ordinal()}, the track's most
 *                          likely class): a track without any detection for longer than this, s,
 *                          is deleted, also when no scan misses it (tracks fed only by event
 *                          sources, or outside every scanning sensor's coverage)
 */
public record TrackerConfig(double[] qPerClass, double[] classPrior, double[] speedMean,
                            double[] speedSd, double gate, double maxSpeed, double seedMaxAge,
                            int confirmM, int confirmN, double meanLifetime,
                            double initialExistence, double reportExistence,
                            double deleteExistence, double maxPositionSd, double timeTolerance,
                            Region region, int historyCapacity, Association association,
                            double[] immQ, double immStay, double[] maxCoastTime) {

    /** Default {@link #maxCoastTime()} for every class, s. */
    public static final double DEFAULT_MAX_COAST_TIME = 30.0;

    /** Data association of confirmed tracks. */
    public enum Association {
        /** Global nearest neighbour: optimal one-to-one assignment per scan. */
        GNN,
        /** Joint probabilistic data association: every gated detection weighted by its marginal. */
        JPDA
    }

    /** Axis-aligned rectangle in the local frame, m. */
    public record Region(double xmin, double ymin, double xmax, double ymax) {
        public boolean contains(double x, double y) {
            return x >= xmin && x <= xmax && y >= ymin && y <= ymax;
        }
    }

    public TrackerConfig {
        qPerClass = qPerClass.clone();
        classPrior = classPrior.clone();
        speedMean = speedMean.clone();
        speedSd = speedSd.clone();
        if (confirmM < 2 || confirmN < confirmM || confirmN > 30) {
            throw new IllegalArgumentException("need 2 <= M <= N <= 30");
        }
        java.util.Objects.requireNonNull(association, "association");
        immQ = immQ.clone();
        maxCoastTime = maxCoastTime.clone();
        if (maxCoastTime.length != TargetKind.COUNT) {
            throw new IllegalArgumentException("maxCoastTime needs one value per class");
        }
        for (double c : maxCoastTime) {
            if (!(c > 0)) {
                throw new IllegalArgumentException("maxCoastTime must be > 0: " + c);
            }
        }
        if (immQ.length == 1 || (immQ.length > 1 && !(immStay > 0 && immStay <= 1))) {
            throw new IllegalArgumentException("IMM needs >= 2 models and stay in (0, 1]");
        }
        if (!(gate > 0) || !(maxSpeed > 0) || !(seedMaxAge > 0) || !(meanLifetime > 0)) {
            throw new IllegalArgumentException("gate, maxSpeed, seedMaxAge, meanLifetime must be > 0");
        }
    }

    /** Without per-class coast times: every class gets {@link #DEFAULT_MAX_COAST_TIME}. */
    public TrackerConfig(double[] qPerClass, double[] classPrior, double[] speedMean,
                         double[] speedSd, double gate, double maxSpeed, double seedMaxAge,
                         int confirmM, int confirmN, double meanLifetime,
                         double initialExistence, double reportExistence,
                         double deleteExistence, double maxPositionSd, double timeTolerance,
                         Region region, int historyCapacity, Association association,
                         double[] immQ, double immStay) {
        this(qPerClass, classPrior, speedMean, speedSd, gate, maxSpeed, seedMaxAge, confirmM, confirmN,
                meanLifetime, initialExistence, reportExistence, deleteExistence, maxPositionSd, timeTolerance,
                region, historyCapacity, association, immQ, immStay, uniform(DEFAULT_MAX_COAST_TIME));
    }

    private static double[] uniform(double v) {
        double[] a = new double[TargetKind.COUNT];
        java.util.Arrays.fill(a, v);
        return a;
    }

    // The array accessors hand out copies: a configuration never changes once made. The tracker reads them
    // when it is built, never per scan.

    @Override
    public double[] qPerClass() {
        return qPerClass.clone();
    }

    @Override
    public double[] classPrior() {
        return classPrior.clone();
    }

    @Override
    public double[] speedMean() {
        return speedMean.clone();
    }

    @Override
    public double[] speedSd() {
        return speedSd.clone();
    }

    @Override
    public double[] immQ() {
        return immQ.clone();
    }

    /** A copy of the max coast times per class; {@link #maxCoastTime(TargetKind)} reads one. */
    @Override
    public double[] maxCoastTime() {
        return maxCoastTime.clone();
    }

    /** Max coast time of a track whose most likely class is {@code c}, s. */
    public double maxCoastTime(TargetKind c) {
        return maxCoastTime[c.ordinal()];
    }

    public static TrackerConfig defaults() {
        return new TrackerConfig(
                new double[] {0.005, 0.05, 0.1, 0.1},
                new double[] {0.4, 0.3, 0.15, 0.15},
                new double[] {1.5, 15.0, 20.0, 10.0},
                new double[] {0.6, 4.0, 5.0, 15.0},
                // Initial existence 0.2: of 0.05/0.1/0.2/0.5, best mean GOSPA over the benchmark's
                // small, medium, small-2s and two harder generated scenarios (clutter-born tracks
                // must earn their confirmation; real ones reach 0.5 after one more hit).
                16.0, 40.0, 1.5, 3, 4, 300.0, 0.2, 0.5, 0.05, 300.0, 0.05, null, 64, Association.GNN, new double[0], 0.95,
                uniform(DEFAULT_MAX_COAST_TIME));
    }

    public TrackerConfig withRegion(Region r) {
        return new TrackerConfig(qPerClass, classPrior, speedMean, speedSd, gate, maxSpeed, seedMaxAge,
                confirmM, confirmN, meanLifetime, initialExistence, reportExistence, deleteExistence,
                maxPositionSd, timeTolerance, r, historyCapacity, association, immQ, immStay, maxCoastTime);
    }

    public TrackerConfig withSeedMaxAge(double s) {
        return new TrackerConfig(qPerClass, classPrior, speedMean, speedSd, gate, maxSpeed, s,
                confirmM, confirmN, meanLifetime, initialExistence, reportExistence, deleteExistence,
                maxPositionSd, timeTolerance, region, historyCapacity, association, immQ, immStay, maxCoastTime);
    }

    public TrackerConfig withMeanLifetime(double s) {
        return new TrackerConfig(qPerClass, classPrior, speedMean, speedSd, gate, maxSpeed, seedMaxAge,
                confirmM, confirmN, s, initialExistence, reportExistence, deleteExistence,
                maxPositionSd, timeTolerance, region, historyCapacity, association, immQ, immStay, maxCoastTime);
    }

    public TrackerConfig withReportExistence(double r) {
        return new TrackerConfig(qPerClass, classPrior, speedMean, speedSd, gate, maxSpeed, seedMaxAge,
                confirmM, confirmN, meanLifetime, initialExistence, r, deleteExistence,
                maxPositionSd, timeTolerance, region, historyCapacity, association, immQ, immStay, maxCoastTime);
    }

    public TrackerConfig withConfirmation(int m, int n) {
        return new TrackerConfig(qPerClass, classPrior, speedMean, speedSd, gate, maxSpeed, seedMaxAge,
                m, n, meanLifetime, initialExistence, reportExistence, deleteExistence,
                maxPositionSd, timeTolerance, region, historyCapacity, association, immQ, immStay, maxCoastTime);
    }

    /** Per-class process noise, speed mean and spread (e.g. from a scenario description). */
    public TrackerConfig withClassDynamics(double[] q, double[] mean, double[] sd) {
        return new TrackerConfig(q, classPrior, mean, sd, gate, maxSpeed, seedMaxAge,
                confirmM, confirmN, meanLifetime, initialExistence, reportExistence, deleteExistence,
                maxPositionSd, timeTolerance, region, historyCapacity, association, immQ, immStay, maxCoastTime);
    }

    public TrackerConfig withAssociation(Association a) {
        return new TrackerConfig(qPerClass, classPrior, speedMean, speedSd, gate, maxSpeed, seedMaxAge,
                confirmM, confirmN, meanLifetime, initialExistence, reportExistence, deleteExistence,
                maxPositionSd, timeTolerance, region, historyCapacity, a, immQ, immStay, maxCoastTime);
    }

    /** Uses an IMM of CV models with these process noises (m²/s³) instead of one CV model. */
    public TrackerConfig withImm(double[] q, double stay) {
        return new TrackerConfig(qPerClass, classPrior, speedMean, speedSd, gate, maxSpeed, seedMaxAge,
                confirmM, confirmN, meanLifetime, initialExistence, reportExistence, deleteExistence,
                maxPositionSd, timeTolerance, region, historyCapacity, association, q, stay, maxCoastTime);
    }

    /** The same max coast time, s, for every class. */
    public TrackerConfig withMaxCoastTime(double s) {
        return withMaxCoastTime(uniform(s));
    }

    /** Max coast time per class (indexed by {@link TargetKind#ordinal()}), s. */
    public TrackerConfig withMaxCoastTime(double[] perClass) {
        return new TrackerConfig(qPerClass, classPrior, speedMean, speedSd, gate, maxSpeed, seedMaxAge,
                confirmM, confirmN, meanLifetime, initialExistence, reportExistence, deleteExistence,
                maxPositionSd, timeTolerance, region, historyCapacity, association, immQ, immStay, perClass);
    }
}
