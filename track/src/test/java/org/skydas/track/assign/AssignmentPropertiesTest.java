package org.skydas.track.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class AssignmentPropertiesTest {

    /** Brute force: minimal total over all injective maps of rows into columns. */
    private static double bruteForce(double[] cost, int rows, int cols) {
        return best(cost, rows, cols, 0, new boolean[cols]);
    }

    private static double best(double[] cost, int rows, int cols, int r, boolean[] taken) {
        if (r == rows) {
            return 0;
        }
        double min = Double.POSITIVE_INFINITY;
        for (int c = 0; c < cols; c++) {
            if (!taken[c] && cost[r * cols + c] < Double.POSITIVE_INFINITY) {
                taken[c] = true;
                min = Math.min(min, cost[r * cols + c] + best(cost, rows, cols, r + 1, taken));
                taken[c] = false;
            }
        }
        return min;
    }

    @Property(tries = 300)
    void linearAssignmentIsOptimal(@ForAll @IntRange(min = 1, max = 6) int rows,
                                   @ForAll @IntRange(min = 0, max = 3) int extraCols,
                                   @ForAll long seed) {
        int cols = rows + extraCols;
        Random rnd = new Random(seed);
        double[] cost = new double[rows * cols];
        for (int i = 0; i < cost.length; i++) {
            // Small integer costs give many ties; some negative; some forbidden.
            cost[i] = rnd.nextInt(10) < 2 ? Double.POSITIVE_INFINITY : rnd.nextInt(21) - 5 + rnd.nextDouble() * (seed % 2);
        }
        // Keep the problem feasible: a forbidden-free diagonal.
        for (int r = 0; r < rows; r++) {
            if (cost[r * cols + r] == Double.POSITIVE_INFINITY) {
                cost[r * cols + r] = 50;
            }
        }
        int[] sol = new int[rows];
        double total = new LinearAssignment().solve(cost, rows, cols, sol);
        assertThat(total).isCloseTo(bruteForce(cost, rows, cols), within(1e-9));
        boolean[] seen = new boolean[cols];
        double check = 0;
        for (int r = 0; r < rows; r++) {
            assertThat(seen[sol[r]]).isFalse();
            seen[sol[r]] = true;
            check += cost[r * cols + sol[r]];
        }
        assertThat(check).isCloseTo(total, within(1e-9));
    }

    @Property(tries = 300)
    void clusteredAssignmentEqualsBruteForceWithOptionalMisses(
            @ForAll @IntRange(min = 1, max = 6) int rows, @ForAll @IntRange(min = 1, max = 6) int cols,
            @ForAll long seed) {
        Random rnd = new Random(seed);
        GatedPairs pairs = new GatedPairs();
        // Dense equivalent with "unassigned" columns of cost 0 for brute force.
        int width = cols + rows;
        double[] dense = new double[rows * width];
        java.util.Arrays.fill(dense, Double.POSITIVE_INFINITY);
        for (int r = 0; r < rows; r++) {
            dense[r * width + cols + r] = 0;
            for (int c = 0; c < cols; c++) {
                if (rnd.nextInt(3) > 0) {
                    double cost = -rnd.nextDouble() * 10 + 2; // some positive: never worth taking
                    pairs.add(r, c, cost);
                    dense[r * width + c] = cost;
                }
            }
        }
        int[] colForRow = new int[rows];
        ClusteredAssignment solver = new ClusteredAssignment();
        double total = solver.solve(pairs, rows, cols, colForRow);
        double expected = bruteForce(dense, rows, width);
        assertThat(total).isCloseTo(expected, within(1e-9));
        boolean[] seen = new boolean[cols];
        for (int r = 0; r < rows; r++) {
            if (colForRow[r] >= 0) {
                assertThat(seen[colForRow[r]]).isFalse();
                seen[colForRow[r]] = true;
            }
        }
        // Reuse of the same solver gives the same answer.
        assertThat(solver.solve(pairs, rows, cols, colForRow)).isCloseTo(expected, within(1e-9));
    }
}
