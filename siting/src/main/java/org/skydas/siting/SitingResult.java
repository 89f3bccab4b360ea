package org.skydas.siting;

import java.util.List;

/**
 * A solved plan: status, objective (true weights), a proven upper bound on the optimum, the relative gap
 * {@code (bound - objective) / bound} (0 when the bound is 0), spend, and per period the sites standing and built.
 *
 * @param standsFrom per instance candidate, the 0-based period from which it stands; -1 = never; existing sites and
 *     free candidates stand from period 0
 */
public record SitingResult(Status status, double objective, double bound, double gap, long spendCents,
                           List<PeriodPlan> periods, boolean multiPeriod, int[] standsFrom, String engine,
                           double seconds, int presolvedDemand, int presolvedCandidates) {

  /** OPTIMAL: the objective equals the bound (up to the weight rounding noted in the bound); FEASIBLE: stopped early. */
  public enum Status { OPTIMAL, FEASIBLE }

  /** One period: the sites standing by its year, those new in it, their cost and the weight covered. */
  public record PeriodPlan(int year, List<String> standing, List<String> built, long spendCents, double coveredWeight) {
    public PeriodPlan {
      standing = List.copyOf(standing);
      built = List.copyOf(built);
    }
  }

  public SitingResult {
    periods = List.copyOf(periods);
    standsFrom = standsFrom.clone();
  }

  @Override public int[] standsFrom() { return standsFrom.clone(); }
}
