package org.skydas.siting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A budgeted maximal-covering instance: demand points with weights, candidate sites with costs and the demand they
 * cover, and either one budget (single period) or a budget per year (multi-period). Money is held in whole euro
 * cents; see {@link SitingJson} for how the JSON numbers become cents (costs round up, budgets down).
 *
 * <p>Semantics: existing candidates cost nothing and always stand; a site built in a period stands in every later
 * one; a period's spend is the cost of the sites new in it and must not exceed its budget; a demand point is covered
 * in a period when at least one standing site covers it. The objective is the weight covered (single period) or the
 * sum over periods of the weight covered in that period (multi-period).
 */
public record SitingInstance(List<Demand> demand, List<Candidate> candidates, List<Period> periods, boolean multiPeriod) {

  /** A demand point; {@code weight >= 0}. */
  public record Demand(String id, double weight) {
    public Demand {
      Objects.requireNonNull(id, "id");
      if (!(weight >= 0) || Double.isInfinite(weight)) throw new IllegalArgumentException("weight must be a finite number >= 0: " + weight);
    }
  }

  /** A candidate site; {@code covers} are indexes into the instance's demand list, without repeats. */
  public record Candidate(String id, long costCents, int[] covers, boolean existing) {
    public Candidate {
      Objects.requireNonNull(id, "id");
      if (costCents < 0) throw new IllegalArgumentException("cost must be >= 0: " + costCents);
      covers = covers.clone();
    }

    @Override public int[] covers() { return covers.clone(); }

    int coverCount() { return covers.length; }

    int cover(int k) { return covers[k]; }
  }

  /** One period's budget; a single-period instance has one period whose year is 0. */
  public record Period(int year, long budgetCents) {
    public Period {
      if (budgetCents < 0) throw new IllegalArgumentException("budget must be >= 0: " + budgetCents);
    }
  }

  public SitingInstance {
    demand = List.copyOf(demand);
    candidates = List.copyOf(candidates);
    periods = List.copyOf(periods);
    if (demand.isEmpty()) throw new IllegalArgumentException("demand: empty");
    if (periods.isEmpty()) throw new IllegalArgumentException("periods: empty");
    if (!multiPeriod && periods.size() != 1) throw new IllegalArgumentException("a single-period instance has one budget");
    for (int t = 1; t < periods.size(); t++) {
      if (periods.get(t).year() <= periods.get(t - 1).year()) {
        throw new IllegalArgumentException("periods[" + t + "].year: years must increase");
      }
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < demand.size(); i++) {
      if (seen.put(demand.get(i).id(), i) != null) throw new IllegalArgumentException("demand[" + i + "].id: duplicate '" + demand.get(i).id() + "'");
    }
    seen.clear();
    for (int j = 0; j < candidates.size(); j++) {
      Candidate c = candidates.get(j);
      if (seen.put(c.id(), j) != null) throw new IllegalArgumentException("candidates[" + j + "].id: duplicate '" + c.id() + "'");
      for (int k = 0; k < c.coverCount(); k++) {
        if (c.cover(k) < 0 || c.cover(k) >= demand.size()) throw new IllegalArgumentException("candidates[" + j + "].covers[" + k + "]: no such demand");
      }
    }
  }

  /** A single-period instance. */
  public static SitingInstance single(List<Demand> demand, List<Candidate> candidates, long budgetCents) {
    return new SitingInstance(demand, candidates, List.of(new Period(0, budgetCents)), false);
  }

  /** A multi-period instance. */
  public static SitingInstance multi(List<Demand> demand, List<Candidate> candidates, List<Period> periods) {
    return new SitingInstance(demand, candidates, periods, true);
  }

  /** The true objective of a plan given as the period (0-based) each candidate stands from, -1 = never. */
  public double objectiveOf(int[] standsFrom) {
    double total = 0;
    for (int t = 0; t < periods.size(); t++) {
      boolean[] covered = new boolean[demand.size()];
      for (int j = 0; j < candidates.size(); j++) {
        Candidate c = candidates.get(j);
        if (c.existing() || (standsFrom[j] >= 0 && standsFrom[j] <= t)) {
          for (int k = 0; k < c.coverCount(); k++) covered[c.cover(k)] = true;
        }
      }
      for (int i = 0; i < covered.length; i++) if (covered[i]) total += demand.get(i).weight();
    }
    return total;
  }

  /** Whether a plan keeps every period's spend within its budget (existing sites are free). */
  public boolean withinBudget(int[] standsFrom) {
    long[] spend = new long[periods.size()];
    for (int j = 0; j < candidates.size(); j++) {
      if (!candidates.get(j).existing() && standsFrom[j] >= 0) spend[standsFrom[j]] += candidates.get(j).costCents();
    }
    for (int t = 0; t < spend.length; t++) if (spend[t] > periods.get(t).budgetCents()) return false;
    return true;
  }
}
