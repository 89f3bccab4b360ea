package org.skydas.siting;

/**
 * Improves a single-period plan before the solver starts, so that a run stopped early still returns a good plan:
 * for each chosen site, take it out and refill the freed budget greedily (best new weight per euro, or first the
 * affordable site with the most new weight, then per euro); keep the better plan; repeat until no site's removal
 * helps or the deadline passes.
 */
final class LocalSearch {
  private LocalSearch() {}

  static int[] improve(Presolve p, long budget, int[] start, long deadlineNanos) {
    int m = p.candidateCount();
    boolean[] chosen = new boolean[m];
    int[] count = new int[p.demandCount()];
    long spend = 0;
    for (int j = 0; j < m; j++) {
      if (start[j] == 0) {
        chosen[j] = true;
        spend += p.cost[j];
        for (int i : p.covers[j]) count[i]++;
      }
    }
    double value = value(p, count);
    boolean improved = true;
    while (improved && System.nanoTime() < deadlineNanos) {
      improved = false;
      for (int out = 0; out < m && System.nanoTime() < deadlineNanos; out++) {
        if (!chosen[out]) continue;
        for (boolean byGainFirst : new boolean[] {false, true}) {
          boolean[] c2 = chosen.clone();
          int[] n2 = count.clone();
          c2[out] = false;
          for (int i : p.covers[out]) n2[i]--;
          long s2 = fill(p, c2, n2, spend - p.cost[out], budget, out, byGainFirst);
          double v2 = value(p, n2);
          if (v2 > value + 1e-9 * (1 + value)) {
            chosen = c2;
            count = n2;
            spend = s2;
            value = v2;
            improved = true;
            break;
          }
        }
      }
    }
    int[] plan = new int[m];
    for (int j = 0; j < m; j++) plan[j] = chosen[j] ? 0 : -1;
    return plan;
  }

  /** Adds sites greedily within the budget (never {@code banned}); returns the new spend. */
  private static long fill(Presolve p, boolean[] chosen, int[] count, long spend, long budget, int banned,
                           boolean byGainFirst) {
    boolean first = byGainFirst;
    while (true) {
      int best = -1;
      double bestScore = 0;
      for (int j = 0; j < chosen.length; j++) {
        if (chosen[j] || j == banned || spend + p.cost[j] > budget) continue;
        double gain = 0;
        for (int i : p.covers[j]) if (count[i] == 0) gain += p.weight[i];
        double score = first ? gain : gain / Math.max(1, p.cost[j]);
        if (gain > 0 && score > bestScore) {
          bestScore = score;
          best = j;
        }
      }
      if (best < 0) return spend;
      chosen[best] = true;
      spend += p.cost[best];
      for (int i : p.covers[best]) count[i]++;
      first = false;
    }
  }

  private static double value(Presolve p, int[] count) {
    double v = 0;
    for (int i = 0; i < count.length; i++) if (count[i] > 0) v += p.weight[i];
    return v;
  }
}
