package org.skydas.siting;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;

/**
 * An independent formulation for cross-checking: SCIP through OR-Tools' MPSolver on the raw instance (no presolve, no
 * scaling), with build-in-period variables b[j][t] (Σ_t b[j][t] ≤ 1, spend_t = Σ_j c_j b[j][t]) instead of CP-SAT's
 * standing variables, continuous coverage y[i][t] ≤ Σ_j Σ_{s≤t} b[j][s], y ≤ 1, and existing sites as constants.
 */
final class IndependentMip {
  private IndependentMip() {}

  static double optimum(SitingInstance in) {
    OrTools.load();
    MPSolver solver = MPSolver.createSolver("SCIP");
    if (solver == null) throw new IllegalStateException("SCIP is not in this OR-Tools build");
    int m = in.candidates().size();
    int n = in.demand().size();
    int periods = in.periods().size();
    MPVariable[][] b = new MPVariable[m][periods];
    for (int j = 0; j < m; j++) {
      MPConstraint once = solver.makeConstraint(0, 1);
      for (int t = 0; t < periods; t++) {
        b[j][t] = solver.makeIntVar(0, 1, "b" + j + "_" + t);
        once.setCoefficient(b[j][t], 1);
      }
    }
    for (int t = 0; t < periods; t++) {
      MPConstraint budget = solver.makeConstraint(0, in.periods().get(t).budgetCents());
      for (int j = 0; j < m; j++) {
        if (!in.candidates().get(j).existing()) budget.setCoefficient(b[j][t], in.candidates().get(j).costCents());
      }
    }
    MPObjective objective = solver.objective();
    for (int i = 0; i < n; i++) {
      boolean always = false;
      for (SitingInstance.Candidate c : in.candidates()) {
        if (c.existing()) for (int k : c.covers()) always |= k == i;
      }
      for (int t = 0; t < periods; t++) {
        MPVariable y = solver.makeNumVar(0, 1, "y" + i + "_" + t);
        MPConstraint link = solver.makeConstraint(Double.NEGATIVE_INFINITY, always ? 1 : 0);
        link.setCoefficient(y, 1);
        for (int j = 0; j < m; j++) {
          if (in.candidates().get(j).existing()) continue;
          for (int k : in.candidates().get(j).covers()) {
            if (k != i) continue;
            for (int s = 0; s <= t; s++) link.setCoefficient(b[j][s], -1);
          }
        }
        objective.setCoefficient(y, in.demand().get(i).weight());
      }
    }
    objective.setMaximization();
    // SCIP's default relative gap (1e-4) would let the reference stop short of the optimum by more than the
    // comparison's tolerance (seen: 1100.9517 against a proven 1100.9539); close the gap as SitingSolver does.
    MPSolverParameters params = new MPSolverParameters();
    params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 1e-9);
    MPSolver.ResultStatus status = solver.solve(params);
    if (status != MPSolver.ResultStatus.OPTIMAL) throw new IllegalStateException("SCIP: " + status);
    double value = objective.value();
    solver.delete();
    return value;
  }
}
