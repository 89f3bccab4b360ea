package org.skydas.siting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Both engines' plans (SCIP, the default, and CP-SAT) against brute force and against an independent formulation
 * (build-year variables, no presolve, SCIP), on random small instances.
 */
class SitingSolverProperties {
  private static final SitingSolver SCIP = new SitingSolver(SitingSolver.Options.defaults().withTimeLimit(30));
  private static final SitingSolver CP_SAT = new SitingSolver(SitingSolver.Options.defaults().withTimeLimit(30)
      .withEngine(SitingSolver.Engine.CP_SAT));

  @Property(tries = 60)
  void singlePeriodOptimumEqualsBruteForce(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int demand,
                                           @ForAll @IntRange(min = 1, max = 14) int candidates) {
    SitingInstance in = RandomInstances.of(seed, demand, candidates, 0);
    assertOptimal(in, RandomInstances.bruteForce(in));
  }

  @Property(tries = 40)
  void multiPeriodOptimumEqualsBruteForce(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int demand,
                                          @ForAll @IntRange(min = 1, max = 7) int candidates,
                                          @ForAll @IntRange(min = 1, max = 3) int periods) {
    SitingInstance in = RandomInstances.of(seed, demand, candidates, periods);
    assertOptimal(in, RandomInstances.bruteForce(in));
  }

  @Property(tries = 25)
  void optimumEqualsIndependentScipFormulation(@ForAll long seed, @ForAll @IntRange(min = 20, max = 150) int demand,
                                               @ForAll @IntRange(min = 15, max = 40) int candidates,
                                               @ForAll @IntRange(min = 0, max = 3) int periods) {
    SitingInstance in = RandomInstances.of(seed, demand, candidates, periods);
    assertOptimal(in, IndependentMip.optimum(in));
  }

  @Property(tries = 25)
  void presolveKeepsTheOptimum(@ForAll long seed, @ForAll @IntRange(min = 5, max = 200) int demand,
                               @ForAll @IntRange(min = 5, max = 40) int candidates,
                               @ForAll @IntRange(min = 0, max = 3) int periods) {
    SitingInstance in = RandomInstances.of(seed, demand, candidates, periods);
    SitingResult raw = new SitingSolver(SitingSolver.Options.defaults().withTimeLimit(30).withPresolve(false)).solve(in);
    assertThat(raw.status()).isEqualTo(SitingResult.Status.OPTIMAL);
    assertOptimal(in, raw.objective());
  }

  private static void assertOptimal(SitingInstance in, double optimum) {
    assertOptimal(in, optimum, SCIP);
    assertOptimal(in, optimum, CP_SAT);
  }

  private static void assertOptimal(SitingInstance in, double optimum, SitingSolver solver) {
    SitingResult r = solver.solve(in);
    double tol = 1e-7 * (1 + Math.abs(optimum));
    assertThat(r.status()).isEqualTo(SitingResult.Status.OPTIMAL);
    assertThat(r.objective()).isCloseTo(optimum, offset(tol));
    assertThat(r.bound()).isGreaterThanOrEqualTo(optimum - tol);
    assertThat(r.gap()).isLessThan(2e-6);
    // The reported plan is the plan: its own objective and budget check agree.
    assertThat(in.withinBudget(r.standsFrom())).isTrue();
    assertThat(in.objectiveOf(r.standsFrom())).isCloseTo(r.objective(), offset(tol));
    // Standing sets only grow, and existing sites always stand.
    for (int t = 1; t < r.periods().size(); t++) {
      assertThat(r.periods().get(t).standing()).containsAll(r.periods().get(t - 1).standing());
    }
    for (int j = 0; j < in.candidates().size(); j++) {
      if (in.candidates().get(j).existing()) assertThat(r.periods().get(0).standing()).contains(in.candidates().get(j).id());
    }
  }
}
