package org.skydas.siting;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reduced instance as a MIP for SCIP (through OR-Tools' MPSolver; SCIP ships in OR-Tools' native jar):
 * x[j][t] ∈ {0,1} standing, x[j][t-1] ≤ x[j][t]; Σ_j c_j (x[j][t] − x[j][t-1]) ≤ B_t (costs divided by their gcd);
 * y[i][t] ∈ [0,1] with y[i][t] ≤ Σ_{j covers i} x[j][t] (a column covered by one site puts its weight on that x);
 * maximise Σ_t Σ_i w_i y[i][t] with the true (double) weights. The LP relaxation gives SCIP a tight bound on covering
 * problems. The hint is passed as SCIP's first solution. Relative gap target 1e-9.
 */
final class ScipModel {
  private static final Logger LOG = LoggerFactory.getLogger(ScipModel.class);

  private ScipModel() {}

  static SitingSolver.Outcome solve(Presolve p, SitingInstance in, int[] hint, double seconds,
                                    SitingSolver.Options options) {
    MPSolver solver = MPSolver.createSolver("SCIP");
    if (solver == null) throw new IllegalStateException("SCIP is not in this OR-Tools build");
    try {
      int periods = in.periods().size();
      int m = p.candidateCount();
      int n = p.demandCount();
      long g = 0;
      for (long c : p.cost) g = SitingSolver.gcd(g, c);
      MPVariable[][] x = new MPVariable[m][periods];
      MPVariable[] hinted = new MPVariable[m * periods];
      double[] hintValues = new double[m * periods];
      for (int j = 0; j < m; j++) {
        for (int t = 0; t < periods; t++) {
          x[j][t] = solver.makeBoolVar("x" + j + "_" + t);
          if (t > 0) {
            MPConstraint c = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
            c.setCoefficient(x[j][t - 1], 1);
            c.setCoefficient(x[j][t], -1);
          }
          hinted[j * periods + t] = x[j][t];
          hintValues[j * periods + t] = hint[j] >= 0 && hint[j] <= t ? 1 : 0;
        }
      }
      for (int t = 0; t < periods; t++) {
        MPConstraint budget = solver.makeConstraint(Double.NEGATIVE_INFINITY, in.periods().get(t).budgetCents() / g);
        for (int j = 0; j < m; j++) {
          budget.setCoefficient(x[j][t], p.cost[j] / g);
          if (t > 0) budget.setCoefficient(x[j][t - 1], -(double) (p.cost[j] / g));
        }
      }
      MPObjective objective = solver.objective();
      for (int i = 0; i < n; i++) {
        int[] by = p.coveredBy[i];
        for (int t = 0; t < periods; t++) {
          if (by.length == 1) {
            objective.setCoefficient(x[by[0]][t], objective.getCoefficient(x[by[0]][t]) + p.weight[i]);
            continue;
          }
          MPVariable y = solver.makeNumVar(0, 1, "y" + i + "_" + t);
          MPConstraint link = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
          link.setCoefficient(y, 1);
          for (int j : by) link.setCoefficient(x[j][t], -1);
          objective.setCoefficient(y, p.weight[i]);
        }
      }
      objective.setMaximization();
      solver.setHint(hinted, hintValues);
      solver.setTimeLimit(Math.max(1, (long) (seconds * 980))); // 2 % margin: SCIP stops a little late
      MPSolverParameters params = new MPSolverParameters();
      params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 1e-9);
      MPSolver.ResultStatus status = solver.solve(params);
      String engine = "or-tools " + OrTools.version() + " " + solver.solverVersion();
      LOG.debug("siting scip status={} objective={} bound={} seconds={}", status,
          status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE ? objective.value() : "-",
          objective.bestBound(), String.format("%.2f", solver.wallTime() / 1000.0));
      if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
        return new SitingSolver.Outcome(null, Double.NaN, false, engine);
      }
      int[] standsFrom = new int[m];
      for (int j = 0; j < m; j++) {
        standsFrom[j] = -1;
        for (int t = periods - 1; t >= 0; t--) if (x[j][t].solutionValue() > 0.5) standsFrom[j] = t;
      }
      double bound = objective.bestBound();
      // SCIP's dual bound, widened by its feasibility tolerance (1e-6 per y) so that it stays a bound.
      bound += 1e-6 * Math.abs(bound);
      return new SitingSolver.Outcome(standsFrom, Double.isFinite(bound) ? bound : Double.NaN,
          status == MPSolver.ResultStatus.OPTIMAL, engine);
    } finally {
      solver.delete();
    }
  }
}
