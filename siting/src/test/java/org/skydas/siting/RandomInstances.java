package org.skydas.siting;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small random instances for the cross-checks: random covers, costs in whole euros, some existing and free sites. */
final class RandomInstances {
  private RandomInstances() {}

  static SitingInstance of(long seed, int demandCount, int candidateCount, int periods) {
    Random r = new Random(seed);
    List<SitingInstance.Demand> demand = new ArrayList<>();
    for (int i = 0; i < demandCount; i++) {
      // A third of the instances use weights that are not short decimals (the rounded-objective path).
      double w = seed % 3 == 0 ? r.nextDouble() * 5 : Math.round(r.nextDouble() * 50) / 10.0;
      demand.add(new SitingInstance.Demand("d" + i, w));
    }
    List<SitingInstance.Candidate> candidates = new ArrayList<>();
    long totalCost = 0;
    for (int j = 0; j < candidateCount; j++) {
      int k = 1 + r.nextInt(Math.max(1, demandCount / 2));
      int[] covers = r.ints(k, 0, demandCount).distinct().toArray();
      long cost = r.nextInt(20) == 0 ? 0 : (1 + r.nextInt(100)) * 100L;
      boolean existing = r.nextInt(10) == 0;
      totalCost += cost;
      candidates.add(new SitingInstance.Candidate("c" + j, cost, covers, existing));
    }
    if (periods == 0) {
      return SitingInstance.single(demand, candidates, (long) (totalCost * r.nextDouble() * 0.6));
    }
    List<SitingInstance.Period> ps = new ArrayList<>();
    for (int t = 0; t < periods; t++) ps.add(new SitingInstance.Period(2026 + t, (long) (totalCost * r.nextDouble() * 0.3)));
    return SitingInstance.multi(demand, candidates, ps);
  }

  /** The optimum by enumerating every plan: each site never built or standing from one of the periods. */
  static double bruteForce(SitingInstance in) {
    int m = in.candidates().size();
    int choices = in.periods().size() + 1;
    int[] plan = new int[m];
    double best = -1;
    long count = 1;
    for (int j = 0; j < m; j++) count *= in.candidates().get(j).existing() ? 1 : choices;
    for (long code = 0; code < count; code++) {
      long c = code;
      for (int j = 0; j < m; j++) {
        if (in.candidates().get(j).existing()) {
          plan[j] = 0;
        } else {
          plan[j] = (int) (c % choices) - 1;
          c /= choices;
        }
      }
      if (in.withinBudget(plan)) best = Math.max(best, in.objectiveOf(plan));
    }
    return best;
  }
}
