package org.skydas.siting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reductions that keep the optimum value (see docs/adr/0013-siting-presolve.md):
 * <ol>
 *   <li>existing and free candidates always stand; the demand they cover is a constant of the objective;</li>
 *   <li>a candidate dearer than every period's budget can never be built and goes;</li>
 *   <li>demand no remaining candidate covers, or of weight 0, goes;</li>
 *   <li>demand points covered by exactly the same candidates are merged, their weights summed;</li>
 *   <li>a candidate whose cover is a subset of another's that costs no more is dominated and goes (the other can
 *       take its place in any plan without raising any period's spend); 3-5 repeat until nothing changes.</li>
 * </ol>
 */
final class Presolve {
  /** Original candidate index per reduced candidate. */
  final int[] candidate;
  final long[] cost;
  /** Reduced candidate → reduced demand indexes, ascending. */
  final int[][] covers;
  /** Reduced demand → reduced candidate indexes, ascending. */
  final int[][] coveredBy;
  final double[] weight;
  /** Weight covered in every period by the sites that always stand. */
  final double constantWeight;
  /** Per original candidate: stands in every period without being chosen (existing or free). */
  final boolean[] alwaysStanding;

  private Presolve(int[] candidate, long[] cost, int[][] covers, int[][] coveredBy, double[] weight,
                   double constantWeight, boolean[] alwaysStanding) {
    this.candidate = candidate;
    this.cost = cost;
    this.covers = covers;
    this.coveredBy = coveredBy;
    this.weight = weight;
    this.constantWeight = constantWeight;
    this.alwaysStanding = alwaysStanding;
  }

  int demandCount() { return weight.length; }

  int candidateCount() { return candidate.length; }

  /** The instance as it is, with only the always-standing sites taken out (for checking the reductions). */
  static Presolve none(SitingInstance in) {
    return run(in, false);
  }

  static Presolve of(SitingInstance in) {
    return run(in, true);
  }

  private static Presolve run(SitingInstance in, boolean reduce) {
    int n = in.demand().size();
    int m = in.candidates().size();
    long maxBudget = in.periods().stream().mapToLong(SitingInstance.Period::budgetCents).max().orElse(0);
    boolean[] standing = new boolean[m];
    boolean[] coveredAlways = new boolean[n];
    for (int j = 0; j < m; j++) {
      SitingInstance.Candidate c = in.candidates().get(j);
      if (c.existing() || c.costCents() == 0) {
        standing[j] = true;
        for (int k = 0; k < c.coverCount(); k++) coveredAlways[c.cover(k)] = true;
      }
    }
    double constant = 0;
    for (int i = 0; i < n; i++) if (coveredAlways[i]) constant += in.demand().get(i).weight();

    // Demand still open: not always covered (and, when reducing, of positive weight).
    int[] demandIndex = new int[n];
    Arrays.fill(demandIndex, -1);
    List<Double> w = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double wi = in.demand().get(i).weight();
      if (!coveredAlways[i] && (!reduce || wi > 0)) {
        demandIndex[i] = w.size();
        w.add(wi);
      }
    }
    List<Integer> cands = new ArrayList<>();
    List<int[]> cov = new ArrayList<>();
    for (int j = 0; j < m; j++) {
      SitingInstance.Candidate c = in.candidates().get(j);
      if (standing[j] || c.costCents() > maxBudget) continue;
      int[] cv = Arrays.stream(c.covers()).map(i -> demandIndex[i]).filter(i -> i >= 0).sorted().toArray();
      if (reduce && cv.length == 0) continue;
      cands.add(j);
      cov.add(cv);
    }
    int[] candidate = cands.stream().mapToInt(Integer::intValue).toArray();
    int[][] covers = cov.toArray(new int[0][]);
    double[] weight = w.stream().mapToDouble(Double::doubleValue).toArray();
    long[] cost = Arrays.stream(candidate).mapToLong(j -> in.candidates().get(j).costCents()).toArray();
    if (!reduce) {
      return new Presolve(candidate, cost, covers, transpose(covers, weight.length), weight, constant, standing);
    }
    while (true) {
      // Merge identical demand columns; drop uncovered demand.
      int[][] by = transpose(covers, weight.length);
      Map<ColumnKey, Integer> columns = new HashMap<>();
      int[] merged = new int[weight.length];
      List<Double> mergedWeight = new ArrayList<>();
      for (int i = 0; i < weight.length; i++) {
        if (by[i].length == 0) {
          merged[i] = -1;
          continue;
        }
        Integer at = columns.putIfAbsent(new ColumnKey(by[i]), mergedWeight.size());
        if (at == null) {
          merged[i] = mergedWeight.size();
          mergedWeight.add(weight[i]);
        } else {
          merged[i] = at;
          mergedWeight.set(at, mergedWeight.get(at) + weight[i]);
        }
      }
      int[][] newCovers = new int[covers.length][];
      for (int j = 0; j < covers.length; j++) {
        newCovers[j] = Arrays.stream(covers[j]).map(i -> merged[i]).filter(i -> i >= 0).distinct().sorted().toArray();
      }
      weight = mergedWeight.stream().mapToDouble(Double::doubleValue).toArray();
      covers = newCovers;
      // Dominated candidates.
      boolean[] dominated = dominated(covers, cost, weight.length);
      int keep = 0;
      for (boolean d : dominated) if (!d) keep++;
      if (keep == covers.length) break;
      int[] c2 = new int[keep];
      long[] cost2 = new long[keep];
      int[][] cov2 = new int[keep][];
      int k = 0;
      for (int j = 0; j < covers.length; j++) {
        if (dominated[j]) continue;
        c2[k] = candidate[j];
        cost2[k] = cost[j];
        cov2[k++] = covers[j];
      }
      candidate = c2;
      cost = cost2;
      covers = cov2;
    }
    return new Presolve(candidate, cost, covers, transpose(covers, weight.length), weight, constant, standing);
  }

  /** A candidate is dominated by another that covers a superset at no greater cost (ties: the later one goes). */
  private static boolean[] dominated(int[][] covers, long[] cost, int demand) {
    int m = covers.length;
    int words = (demand + 63) >>> 6;
    long[][] bits = new long[m][words];
    for (int j = 0; j < m; j++) for (int i : covers[j]) bits[j][i >>> 6] |= 1L << i;
    boolean[] out = new boolean[m];
    for (int a = 0; a < m; a++) {
      for (int b = 0; b < m && !out[a]; b++) {
        if (a == b || out[b] || cost[b] > cost[a] || covers[b].length < covers[a].length) continue;
        if (!subset(bits[a], bits[b])) continue;
        boolean tie = cost[b] == cost[a] && covers[b].length == covers[a].length;
        if (!tie || b < a) out[a] = true;
      }
    }
    return out;
  }

  private static boolean subset(long[] a, long[] b) {
    for (int w = 0; w < a.length; w++) if ((a[w] & ~b[w]) != 0) return false;
    return true;
  }

  private static int[][] transpose(int[][] covers, int demand) {
    int[] count = new int[demand];
    for (int[] c : covers) for (int i : c) count[i]++;
    int[][] by = new int[demand][];
    for (int i = 0; i < demand; i++) by[i] = new int[count[i]];
    int[] fill = new int[demand];
    for (int j = 0; j < covers.length; j++) for (int i : covers[j]) by[i][fill[i]++] = j;
    return by;
  }

  private record ColumnKey(int[] column) {
    @Override public boolean equals(Object o) {
      return o instanceof ColumnKey k && Arrays.equals(column, k.column);
    }

    @Override public int hashCode() { return Arrays.hashCode(column); }
  }
}
