package org.skydas.track.filter;

/**
 * Interacting multiple model (IMM) filter over constant-velocity models that differ only in their
 * process noise (e.g. slow walker, fast vehicle, manoeuvring): each model keeps its own state and
 * covariance, a Markov chain with probability {@code stay} of keeping the model per scan mixes
 * them before each prediction, and the model probabilities follow each model's measurement
 * likelihood. The moment-matched combination is what gating, association and output use.
 *
 * <p>Why IMM: one CV model must choose its q — small q lags a turning vehicle, large q lets a
 * walker's track jitter with the noise; IMM lets the data choose per track and per moment.
 */
public final class ImmFilter {

    /** Per-track IMM state: one (x, P) per model and the model probabilities. */
    public static final class State {
        final double[][] x;
        final double[][] p;
        final double[] mu;

        State(int models) {
            x = new double[models][4];
            p = new double[models][16];
            mu = new double[models];
        }

        /** The model probabilities (live array; do not modify). */
        public double[] mu() {
            return mu;
        }

        /** Probability of model m. */
        public double modelProbability(int m) {
            return mu[m];
        }
    }

    private final double[] q;
    private final double[][] transition;

    /**
     * @param q    process noise per model, m²/s³ (at least two models)
     * @param stay probability of staying in the same model from one scan to the next, in (0, 1]
     */
    public ImmFilter(double[] q, double stay) {
        if (q.length < 2 || !(stay > 0 && stay <= 1)) {
            throw new IllegalArgumentException("need >= 2 models and stay in (0, 1]");
        }
        this.q = q.clone();
        int m = q.length;
        transition = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                transition[i][j] = i == j ? stay : (1 - stay) / (m - 1);
            }
        }
    }

    public int models() {
        return q.length;
    }

    /** A state with every model at (x, P) and equal model probabilities. */
    public State start(double[] x, double[] p) {
        State s = new State(q.length);
        for (int m = 0; m < q.length; m++) {
            System.arraycopy(x, 0, s.x[m], 0, 4);
            System.arraycopy(p, 0, s.p[m], 0, 16);
            s.mu[m] = 1.0 / q.length;
        }
        return s;
    }

    /** Mixes, predicts every model over dt &gt; 0, and writes the combination into x, p. */
    public void predict(State s, double dt, double[] x, double[] p) {
        int m = q.length;
        double[] c = new double[m];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < m; i++) {
                c[j] += transition[i][j] * s.mu[i];
            }
        }
        double[][] x0 = new double[m][4];
        double[][] p0 = new double[m][16];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < m; i++) {
                double w = transition[i][j] * s.mu[i] / c[j];
                for (int a = 0; a < 4; a++) {
                    x0[j][a] += w * s.x[i][a];
                }
            }
            for (int i = 0; i < m; i++) {
                double w = transition[i][j] * s.mu[i] / c[j];
                addSpread(p0[j], w, s.p[i], s.x[i], x0[j]);
            }
        }
        for (int j = 0; j < m; j++) {
            s.x[j] = x0[j];
            s.p[j] = p0[j];
            Kalman4.predictCv(s.x[j], s.p[j], dt, q[j]);
            s.mu[j] = c[j];
        }
        combine(s, x, p);
    }

    /** Updates every model with a position measurement, re-weights the models, combines. */
    public void update(State s, double zx, double zy, double rxx, double rxy, double ryy, double[] x, double[] p) {
        int m = q.length;
        double[] inn = new double[2];
        double[] logL = new double[m];
        double maxLog = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < m; j++) {
            Kalman4.innovation(s.x[j], s.p[j], zx, zy, rxx, rxy, ryy, inn);
            logL[j] = Math.log(s.mu[j]) - 0.5 * inn[0] - 0.5 * inn[1];
            maxLog = Math.max(maxLog, logL[j]);
            Kalman4.updatePosition(s.x[j], s.p[j], zx, zy, rxx, rxy, ryy);
        }
        reweigh(s, logL, maxLog);
        combine(s, x, p);
    }

    /** Model probabilities from their log posteriors (up to a constant), floored. */
    private void reweigh(State s, double[] logL, double maxLog) {
        int m = q.length;
        double sum = 0;
        for (int j = 0; j < m; j++) {
            s.mu[j] = Math.exp(logL[j] - maxLog);
            sum += s.mu[j];
        }
        for (int j = 0; j < m; j++) {
            // Floor: a model never becomes impossible, so it can take over again later.
            s.mu[j] = Math.max(s.mu[j] / sum, 1e-6);
        }
    }

    /**
     * Updates every model with the position and range rate {@code m} holds (an extended Kalman update each), weighs
     * the models by the likelihood of the whole measurement, combines. Returns false, changing nothing, when a model's
     * state has no line of sight to the sensor (the caller then updates with the position alone).
     */
    public boolean update(State s, RangeRateEkf m, double[] x, double[] p) {
        int models = q.length;
        double[] inn = new double[2];
        double[] logL = new double[models];
        double maxLog = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < models; j++) {
            if (!m.innovation(s.x[j], s.p[j], inn)) {
                return false;
            }
            logL[j] = Math.log(s.mu[j]) - 0.5 * inn[0] - 0.5 * inn[1];
            maxLog = Math.max(maxLog, logL[j]);
        }
        for (int j = 0; j < models; j++) {
            m.update(s.x[j], s.p[j]);
        }
        reweigh(s, logL, maxLog);
        combine(s, x, p);
        return true;
    }

    /**
     * PDA update of every model with positions and range rates (see {@link RangeRateEkf#updatePda}); model
     * probabilities kept, as {@link #updatePda}. Returns false, changing nothing, without a line of sight.
     */
    public boolean updatePda(State s, RangeRateEkf m, double[] zx, double[] zy, double[] rates, double[] beta,
                             int count, double beta0, double[] x, double[] p) {
        double[] inn = new double[2];
        for (int j = 0; j < q.length; j++) {
            if (!m.innovation(s.x[j], s.p[j], inn)) {
                return false;
            }
        }
        for (int j = 0; j < q.length; j++) {
            m.updatePda(s.x[j], s.p[j], zx, zy, rates, beta, count, beta0);
        }
        combine(s, x, p);
        return true;
    }

    /**
     * PDA update of every model with the same association probabilities; model probabilities are
     * kept (weighting them by a mixture likelihood would need the clutter model here).
     */
    public void updatePda(State s, double[] zx, double[] zy, double[] beta, int count, double beta0,
                          double rxx, double rxy, double ryy, double[] x, double[] p) {
        for (int j = 0; j < q.length; j++) {
            Kalman4.updatePda(s.x[j], s.p[j], zx, zy, beta, count, beta0, rxx, rxy, ryy);
        }
        combine(s, x, p);
    }

    /** Moment-matched combination of the models into x, p. */
    void combine(State s, double[] x, double[] p) {
        int m = q.length;
        double total = 0;
        for (int j = 0; j < m; j++) {
            total += s.mu[j];
        }
        java.util.Arrays.fill(x, 0.0);
        java.util.Arrays.fill(p, 0.0);
        for (int j = 0; j < m; j++) {
            s.mu[j] /= total;
            for (int a = 0; a < 4; a++) {
                x[a] += s.mu[j] * s.x[j][a];
            }
        }
        for (int j = 0; j < m; j++) {
            addSpread(p, s.mu[j], s.p[j], s.x[j], x);
        }
    }

    /** out += w (P + (xi − mean)(xi − mean)'). */
    private static void addSpread(double[] out, double w, double[] pi, double[] xi, double[] mean) {
        for (int a = 0; a < 4; a++) {
            double da = xi[a] - mean[a];
            for (int b = 0; b < 4; b++) {
                out[4 * a + b] += w * (pi[4 * a + b] + da * (xi[b] - mean[b]));
            }
        }
    }
}
