package org.skydas.siting;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Budgeted maximal covering, single and multi-period, with a proven bound: {@link Presolve}, a greedy plan (best new
 * weight per euro, period by period) improved by {@link LocalSearch} (single period), then an engine with the rest
 * of the time limit and the plan as its hint: SCIP ({@link ScipModel}, default) or CP-SAT. The better of the engine's
 * plan and the hint is returned; the bound is the engine's (when it ran) capped by {@link #knapsackBound}.
 *
 * <p>CP-SAT model (reduced instance, periods t = 0..T-1): x[j][t] = site j stands in period t with
 * x[j][t-1] ≤ x[j][t]; spend_t = Σ c_j (x[j][t] − x[j][t-1]) ≤ B_t; y[i][t] → OR_{j covers i} x[j][t] with
 * y[i][t-1] → y[i][t] (a demand column covered by a single site is that site's x); maximise Σ_t Σ_i W_i y[i][t].
 * CP-SAT needs integer objective coefficients: weights that are decimal numbers with up to six places are scaled
 * exactly; others are rounded at a 10^11 scale and the bound widened by the largest possible rounding error.
 * See docs/adr/0013-siting-presolve.md.
 */
public final class SitingSolver {
  private static final Logger LOG = LoggerFactory.getLogger(SitingSolver.class);

  /** Solver settings: time limit (s), engine, worker threads, seed; presolve can be switched off for cross-checks. */
  public record Options(double timeLimitSeconds, Engine engine, int workers, int seed, boolean presolve) {
    public Options {
      if (!(timeLimitSeconds > 0)) throw new IllegalArgumentException("timeLimitSeconds must be > 0");
      if (workers < 1) throw new IllegalArgumentException("workers must be >= 1");
    }

    public static Options defaults() {
      return new Options(60, Engine.SCIP, 8, 1, true);
    }

    public Options withTimeLimit(double seconds) {
      return new Options(seconds, engine, workers, seed, presolve);
    }

    public Options withWorkers(int n) {
      return new Options(timeLimitSeconds, engine, n, seed, presolve);
    }

    public Options withPresolve(boolean on) {
      return new Options(timeLimitSeconds, engine, workers, seed, on);
    }

    public Options withEngine(Engine e) {
      return new Options(timeLimitSeconds, e, workers, seed, presolve);
    }
  }

  /** Improvement reports while solving: seconds since start, objective, bound (true weights). */
  public interface Progress {
    void report(double seconds, double objective, double bound);
  }

  private final Options options;

  public SitingSolver(Options options) {
    this.options = options;
  }

  public SitingResult solve(SitingInstance in) {
    return solve(in, (s, o, b) -> { });
  }

  public SitingResult solve(SitingInstance in, Progress progress) {
    long start = System.nanoTime();
    Presolve p = options.presolve() ? Presolve.of(in) : Presolve.none(in);
    int periods = in.periods().size();
    int m = p.candidateCount();
    int n = p.demandCount();
    LOG.debug("siting presolve demand={}->{} candidates={}->{} periods={}", in.demand().size(), n,
        in.candidates().size(), m, periods);

    int[] greedy = greedy(p, in);
    double constant = p.constantWeight * periods;
    double reducedTotal = Arrays.stream(p.weight).sum() * periods;
    if (m == 0 || n == 0) {
      return result(in, p, greedy, SitingResult.Status.OPTIMAL, constant + value(p, greedy, periods), start, "presolve");
    }

    int[] hint = greedy;
    if (!in.multiPeriod()) {
      hint = LocalSearch.improve(p, in.periods().get(0).budgetCents(), greedy,
          start + (long) (options.timeLimitSeconds() * 0.15e9));
    }
    double knapsack = Math.min(reducedTotal, knapsackBound(p, in));
    progress.report((System.nanoTime() - start) / 1e9, constant + value(p, hint, periods), constant + knapsack);
    OrTools.load();
    double remaining = options.timeLimitSeconds() - (System.nanoTime() - start) / 1e9;
    Outcome o = options.engine() == Engine.SCIP
        ? ScipModel.solve(p, in, hint, Math.max(0.05, remaining), options)
        : cpSat(p, in, hint, Math.max(0.05, remaining), progress, start, constant, knapsack);
    // The engine's bound counts only when it ran; the knapsack bound always holds.
    double reducedBound = knapsack;
    if (!Double.isNaN(o.reducedBound())) reducedBound = Math.min(reducedBound, o.reducedBound());
    int[] standsFrom = hint;
    if (o.standsFrom() != null && value(p, o.standsFrom(), periods) >= value(p, hint, periods)) standsFrom = o.standsFrom();
    SitingResult.Status st = o.optimal() ? SitingResult.Status.OPTIMAL : SitingResult.Status.FEASIBLE;
    double bound = constant + reducedBound;
    // With weights of at most k decimal places every plan's objective is a multiple of 10^-k: round the bound down.
    Scale exact = Scale.of(in.demand().stream().mapToDouble(SitingInstance.Demand::weight).toArray());
    if (exact.exact()) bound = Math.floor(bound * exact.factor() + 1e-6) / exact.factor();
    return result(in, p, standsFrom, st, bound, start, o.engine());
  }

  /** Which solver runs the model: SCIP (MIP, LP bound; default) or CP-SAT; both ship in OR-Tools' native jar. */
  public enum Engine { SCIP, CP_SAT }

  /** An engine's answer on the reduced instance; {@code reducedBound} NaN = no bound, {@code standsFrom} null = no plan. */
  record Outcome(int[] standsFrom, double reducedBound, boolean optimal, String engine) {}

  /** {@code reducedTotal}: a bound already proven on the reduced instance; reports never go above it. */
  private Outcome cpSat(Presolve p, SitingInstance in, int[] hint, double seconds, Progress progress, long start,
                        double constant, double reducedTotal) {
    int periods = in.periods().size();
    int m = p.candidateCount();
    int n = p.demandCount();
    Scale scale = Scale.of(p.weight);
    long g = 0;
    for (long c : p.cost) g = gcd(g, c);
    CpModel model = new CpModel();
    BoolVar[][] x = new BoolVar[m][periods];
    for (int j = 0; j < m; j++) {
      for (int t = 0; t < periods; t++) {
        x[j][t] = model.newBoolVar("x" + j + "_" + t);
        if (t > 0) model.addImplication(x[j][t - 1], x[j][t]);
      }
    }
    for (int t = 0; t < periods; t++) {
      LinearExprBuilder spend = LinearExpr.newBuilder();
      for (int j = 0; j < m; j++) {
        spend.addTerm(x[j][t], p.cost[j] / g);
        if (t > 0) spend.addTerm(x[j][t - 1], -p.cost[j] / g);
      }
      model.addLessOrEqual(spend, in.periods().get(t).budgetCents() / g);
    }
    LinearExprBuilder objective = LinearExpr.newBuilder();
    for (int i = 0; i < n; i++) {
      int[] by = p.coveredBy[i];
      BoolVar previous = null;
      for (int t = 0; t < periods; t++) {
        BoolVar y;
        if (by.length == 1) {
          y = x[by[0]][t];
        } else {
          BoolVar yv = model.newBoolVar("y" + i + "_" + t);
          Literal[] lits = new Literal[by.length];
          for (int k = 0; k < by.length; k++) lits[k] = x[by[k]][t];
          model.addBoolOr(lits).onlyEnforceIf(yv);
          if (previous != null) model.addImplication(previous, yv);
          y = yv;
        }
        objective.addTerm(y, scale.weight(i));
        previous = y;
      }
    }
    model.maximize(objective);
    for (int j = 0; j < m; j++) {
      for (int t = 0; t < periods; t++) model.addHint(x[j][t], hint[j] >= 0 && hint[j] <= t ? 1 : 0);
    }

    CpSolver solver = new CpSolver();
    solver.getParameters()
        .setMaxTimeInSeconds(seconds)
        .setNumWorkers(options.workers())
        .setRandomSeed(options.seed())
        .setLogSearchProgress(false);
    double slack = scale.slack(n * (long) periods);
    // The latest incumbent and bound (true weights), so that a report of either carries both.
    double[] latest = {constant + value(p, hint, periods), constant + reducedTotal};
    // No setBestBoundCallback: OR-Tools 9.15's Java wrapper boxes the bound (jni NewObject of java.lang.Double) on a
    // CP-SAT worker thread with a class reference that is not valid there, and the JVM dies (SIGSEGV in
    // jni_NewObjectV, seen in CI and within seconds by SitingSolverProperties at a few thousand tries). The solution
    // callback below carries the bound with each new incumbent, and the planner's tick reports the time.
    CpSolverStatus status = solver.solve(model, new CpSolverSolutionCallback() {
      @Override public void onSolutionCallback() {
        synchronized (latest) {
          latest[0] = Math.max(latest[0], constant + objectiveValue() / scale.factor);
          latest[1] = Math.min(latest[1], constant + Math.min(reducedTotal, bestObjectiveBound() / scale.factor + slack));
          progress.report((System.nanoTime() - start) / 1e9, latest[0], latest[1]);
        }
      }
    });
    String engine = "or-tools " + OrTools.version() + " cp-sat";
    LOG.debug("siting cpsat status={} seconds={} objective={} bound={}", status,
        String.format("%.2f", solver.wallTime()), solver.objectiveValue() / scale.factor,
        solver.bestObjectiveBound() / scale.factor + slack);
    if (status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE) {
      int[] standsFrom = new int[m];
      for (int j = 0; j < m; j++) {
        standsFrom[j] = -1;
        for (int t = periods - 1; t >= 0; t--) if (solver.booleanValue(x[j][t])) standsFrom[j] = t;
      }
      return new Outcome(standsFrom, solver.bestObjectiveBound() / scale.factor + slack,
          status == CpSolverStatus.OPTIMAL, engine);
    }
    if (status == CpSolverStatus.UNKNOWN) return new Outcome(null, Double.NaN, false, engine);
    throw new IllegalStateException("CP-SAT: " + status + " on a model that always has a feasible plan");
  }

  private SitingResult result(SitingInstance in, Presolve p, int[] reducedStandsFrom, SitingResult.Status status,
                              double bound, long start, String engine) {
    int[] standsFrom = new int[in.candidates().size()];
    Arrays.fill(standsFrom, -1);
    for (int j = 0; j < standsFrom.length; j++) if (p.alwaysStanding[j]) standsFrom[j] = 0;
    for (int r = 0; r < reducedStandsFrom.length; r++) standsFrom[p.candidate[r]] = reducedStandsFrom[r];
    if (!in.withinBudget(standsFrom)) throw new IllegalStateException("solver returned a plan over budget");
    List<SitingResult.PeriodPlan> plans = new ArrayList<>();
    long totalSpend = 0;
    double objective = 0;
    for (int t = 0; t < in.periods().size(); t++) {
      List<String> standing = new ArrayList<>();
      List<String> built = new ArrayList<>();
      long spend = 0;
      for (int j = 0; j < standsFrom.length; j++) {
        SitingInstance.Candidate c = in.candidates().get(j);
        if (standsFrom[j] < 0 || standsFrom[j] > t) continue;
        standing.add(c.id());
        if (standsFrom[j] == t && !c.existing()) {
          built.add(c.id());
          spend += c.costCents();
        }
      }
      double covered = coveredIn(in, standsFrom, t);
      objective += covered;
      totalSpend += spend;
      plans.add(new SitingResult.PeriodPlan(in.periods().get(t).year(), standing, built, spend, covered));
    }
    bound = Math.max(bound, objective);
    double gap = bound > 0 ? Math.max(0, (bound - objective) / bound) : 0;
    double seconds = (System.nanoTime() - start) / 1e9;
    return new SitingResult(status, objective, bound, gap, totalSpend, plans, in.multiPeriod(), standsFrom, engine,
        seconds, p.demandCount(), p.candidateCount());
  }

  private static double coveredIn(SitingInstance in, int[] standsFrom, int t) {
    boolean[] covered = new boolean[in.demand().size()];
    for (int j = 0; j < standsFrom.length; j++) {
      if (standsFrom[j] < 0 || standsFrom[j] > t) continue;
      for (int i : in.candidates().get(j).covers()) covered[i] = true;
    }
    double sum = 0;
    for (int i = 0; i < covered.length; i++) if (covered[i]) sum += in.demand().get(i).weight();
    return sum;
  }

  /** Weight covered in the reduced instance by a plan, summed over periods. */
  static double value(Presolve p, int[] standsFrom, int periods) {
    double total = 0;
    for (int t = 0; t < periods; t++) {
      for (int i = 0; i < p.demandCount(); i++) {
        for (int j : p.coveredBy[i]) {
          if (standsFrom[j] >= 0 && standsFrom[j] <= t) {
            total += p.weight[i];
            break;
          }
        }
      }
    }
    return total;
  }

  /**
   * A bound that needs no solver: coverage never exceeds the sum of the chosen sites' own cover weights, and by
   * period t at most the budgets up to t have been spent, so the fractional knapsack over sites (value = own cover
   * weight) with the cumulative budget bounds period t's coverage.
   */
  static double knapsackBound(Presolve p, SitingInstance in) {
    int m = p.candidateCount();
    double[] value = new double[m];
    Integer[] order = new Integer[m];
    for (int j = 0; j < m; j++) {
      for (int i : p.covers[j]) value[j] += p.weight[i];
      order[j] = j;
    }
    Arrays.sort(order, (a, b) -> Double.compare(value[b] * Math.max(1, p.cost[a]), value[a] * Math.max(1, p.cost[b])));
    double total = Arrays.stream(p.weight).sum();
    double bound = 0;
    long cumulative = 0;
    for (SitingInstance.Period period : in.periods()) {
      cumulative += period.budgetCents();
      double left = cumulative;
      double v = 0;
      for (int j : order) {
        if (p.cost[j] <= left) {
          v += value[j];
          left -= p.cost[j];
        } else {
          v += value[j] * left / p.cost[j];
          break;
        }
      }
      bound += Math.min(total, v);
    }
    return bound;
  }

  /** Period by period, add the site with the most newly covered weight per euro that still fits the period's budget. */
  static int[] greedy(Presolve p, SitingInstance in) {
    int m = p.candidateCount();
    int[] standsFrom = new int[m];
    Arrays.fill(standsFrom, -1);
    boolean[] covered = new boolean[p.demandCount()];
    for (int t = 0; t < in.periods().size(); t++) {
      long left = in.periods().get(t).budgetCents();
      while (true) {
        int best = -1;
        double bestRatio = -1;
        for (int j = 0; j < m; j++) {
          if (standsFrom[j] >= 0 || p.cost[j] > left) continue;
          double gain = 0;
          for (int i : p.covers[j]) if (!covered[i]) gain += p.weight[i];
          if (gain <= 0) continue;
          double ratio = gain / Math.max(1, p.cost[j]);
          if (ratio > bestRatio) {
            bestRatio = ratio;
            best = j;
          }
        }
        if (best < 0) break;
        standsFrom[best] = t;
        left -= p.cost[best];
        for (int i : p.covers[best]) covered[i] = true;
      }
    }
    return standsFrom;
  }

  static long gcd(long a, long b) {
    while (b != 0) {
      long r = a % b;
      a = b;
      b = r;
    }
    return a == 0 ? 1 : a;
  }

  /** Integer objective weights: exact when every weight is a decimal with at most six places, else rounded. */
  private record Scale(double factor, long[] weights, boolean exact) {
    static Scale of(double[] w) {
      double total = Arrays.stream(w).sum();
      for (double f = 1; f <= 1e6; f *= 10) {
        boolean ok = total * f < 1e15;
        for (int i = 0; i < w.length && ok; i++) {
          double s = w[i] * f;
          ok = s == Math.rint(s);
        }
        if (ok) {
          double exact = f;
          return new Scale(f, Arrays.stream(w).mapToLong(v -> Math.round(v * exact)).toArray(), true);
        }
      }
      double f = total > 0 ? 1e11 / total : 1;
      return new Scale(f, Arrays.stream(w).mapToLong(v -> Math.round(v * f)).toArray(), false);
    }

    long weight(int i) { return weights[i]; }

    /** Largest total rounding error (true weight units) over {@code terms} objective terms. */
    double slack(long terms) { return exact ? 0 : 0.5 * terms / factor; }
  }
}
