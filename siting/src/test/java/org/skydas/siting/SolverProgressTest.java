package org.skydas.siting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.skydas.siting.scenario.SitingPlanner;

/**
 * Progress while a solve runs ({@link SitingPlanner#solve}): a tick every second with the elapsed time against the
 * limit; every report's incumbent is a plan's value at most the bound; CP-SAT's reports only ever improve (best up,
 * bound down); the last report is the result. During SCIP the incumbent and bound stay at their values from before
 * SCIP started (MPSolver has no callback), which the test states.
 */
class SolverProgressTest {

  static List<SitingPlanner.SolverProgress> run(SitingSolver.Engine engine, double limit, SitingResult[] out) {
    List<SitingPlanner.SolverProgress> reports = new ArrayList<>();
    SitingPlanner.Listener l = new SitingPlanner.Listener() {
      @Override public void solver(SitingPlanner.SolverProgress p) {
        synchronized (reports) {
          reports.add(p);
        }
      }
    };
    out[0] = SitingPlanner.solve(EarlyStopTest.hard(7),
        SitingSolver.Options.defaults().withTimeLimit(limit).withEngine(engine).withWorkers(2), "plan", l);
    return reports;
  }

  static void common(List<SitingPlanner.SolverProgress> reports, SitingResult r, double limit) {
    assertThat(reports).isNotEmpty();
    for (SitingPlanner.SolverProgress p : reports) {
      assertThat(p.limitS()).isEqualTo(limit);
      assertThat(p.phase()).isEqualTo("plan");
      if (!Double.isNaN(p.incumbent())) {
        assertThat(p.incumbent()).isLessThanOrEqualTo(p.bound() + 1e-6);
        assertThat(p.bound()).isGreaterThanOrEqualTo(r.objective() - 1e-6); // every bound holds for the final plan
      }
    }
    SitingPlanner.SolverProgress last = reports.get(reports.size() - 1);
    assertThat(last.incumbent()).isEqualTo(r.objective());
    assertThat(last.bound()).isEqualTo(r.bound());
    assertThat(last.gap()).isCloseTo(r.gap(), offset(1e-12));
    long ticks = reports.stream().filter(p -> p.elapsedS() >= 0.9).count();
    assertThat(ticks).as("a tick every second of a %s s solve", limit).isGreaterThanOrEqualTo(2);
    assertThat(reports.stream().mapToDouble(SitingPlanner.SolverProgress::elapsedS).max().orElseThrow())
        .isLessThan(limit + 3);
  }

  @Test
  void scipReportsTheTimeAndTheValuesFromBeforeItStarted() {
    SitingResult[] r = new SitingResult[1];
    List<SitingPlanner.SolverProgress> reports = run(SitingSolver.Engine.SCIP, 3, r);
    common(reports, r[0], 3);
    // Before the end, only the greedy + local search plan and the knapsack bound are known.
    SitingPlanner.SolverProgress first = reports.get(0);
    for (SitingPlanner.SolverProgress p : reports.subList(0, reports.size() - 1)) {
      assertThat(p.incumbent()).isEqualTo(first.incumbent());
      assertThat(p.bound()).isEqualTo(first.bound());
    }
  }

  @Test
  void cpSatReportsOnlyImprovements() {
    SitingResult[] r = new SitingResult[1];
    List<SitingPlanner.SolverProgress> reports = run(SitingSolver.Engine.CP_SAT, 3, r);
    common(reports, r[0], 3);
    for (int k = 1; k < reports.size() - 1; k++) {
      assertThat(reports.get(k).incumbent()).isGreaterThanOrEqualTo(reports.get(k - 1).incumbent());
      assertThat(reports.get(k).bound()).isLessThanOrEqualTo(reports.get(k - 1).bound() + 1e-9);
    }
  }
}
