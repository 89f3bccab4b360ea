package org.skydas.siting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Stopped at the time limit, the solver returns its best plan with a bound that the full solve does not beat. */
class EarlyStopTest {
  @Test
  void stoppedEarlyReportsAnHonestGap() {
    SitingInstance in = hard(7);
    SitingResult quick = new SitingSolver(SitingSolver.Options.defaults().withTimeLimit(0.05).withWorkers(1)).solve(in);
    SitingResult longer = new SitingSolver(SitingSolver.Options.defaults().withTimeLimit(8)).solve(in);

    assertThat(quick.status()).isEqualTo(SitingResult.Status.FEASIBLE);
    assertThat(quick.bound()).isGreaterThan(quick.objective());
    assertThat(quick.gap()).isCloseTo((quick.bound() - quick.objective()) / quick.bound(), offset(1e-12)).isPositive();
    assertThat(in.withinBudget(quick.standsFrom())).isTrue();
    assertThat(in.objectiveOf(quick.standsFrom())).isCloseTo(quick.objective(), offset(1e-6));
    // Both bounds are proven: no plan found by either run exceeds either bound.
    assertThat(longer.objective()).isLessThanOrEqualTo(quick.bound() + 1e-6);
    assertThat(quick.objective()).isLessThanOrEqualTo(longer.bound() + 1e-6);
    assertThat(longer.gap()).isLessThanOrEqualTo(quick.gap());
  }

  /** Random overlapping covers, many sites, a tight budget: not solved to optimality in 50 ms. */
  static SitingInstance hard(long seed) {
    Random r = new Random(seed);
    int n = 3000;
    List<SitingInstance.Demand> demand = new ArrayList<>();
    for (int i = 0; i < n; i++) demand.add(new SitingInstance.Demand("d" + i, 1 + r.nextInt(9)));
    List<SitingInstance.Candidate> candidates = new ArrayList<>();
    for (int j = 0; j < 400; j++) {
      candidates.add(new SitingInstance.Candidate("c" + j, (50 + r.nextInt(100)) * 100_000L,
          r.ints(40, 0, n).distinct().toArray(), false));
    }
    return SitingInstance.single(demand, candidates, 3_000 * 100_000L);
  }
}
