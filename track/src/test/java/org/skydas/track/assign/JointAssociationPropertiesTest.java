package org.skydas.track.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class JointAssociationPropertiesTest {

    private double[] pairMass;
    private double[] missMass;

    /** Brute force over all joint events on the dense weight matrix w (NaN = not gated). */
    private double enumerate(double[][] w, int[] pairIndex, int r, boolean[] taken, double prod, int[] chosen) {
        int rows = w.length;
        if (r == rows) {
            for (int i = 0; i < rows; i++) {
                if (chosen[i] < 0) {
                    missMass[i] += prod;
                } else {
                    pairMass[pairIndex[i * w[0].length + chosen[i]]] += prod;
                }
            }
            return prod;
        }
        chosen[r] = -1;
        double total = enumerate(w, pairIndex, r + 1, taken, prod, chosen);
        for (int c = 0; c < w[r].length; c++) {
            if (!Double.isNaN(w[r][c]) && !taken[c]) {
                taken[c] = true;
                chosen[r] = c;
                total += enumerate(w, pairIndex, r + 1, taken, prod * w[r][c], chosen);
                taken[c] = false;
                chosen[r] = -1;
            }
        }
        return total;
    }

    @Property(tries = 200)
    void marginalsEqualBruteForceEnumeration(@ForAll @IntRange(min = 1, max = 5) int rows,
                                             @ForAll @IntRange(min = 1, max = 5) int cols,
                                             @ForAll long seed) {
        Random rnd = new Random(seed);
        GatedPairs pairs = new GatedPairs();
        double[][] w = new double[rows][cols];
        int[] pairIndex = new int[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                w[r][c] = Double.NaN;
                if (rnd.nextInt(3) > 0) {
                    double cost = -rnd.nextDouble() * 8;
                    pairIndex[r * cols + c] = pairs.size();
                    pairs.add(r, c, cost);
                    w[r][c] = Math.exp(-cost);
                }
            }
        }
        pairMass = new double[pairs.size()];
        missMass = new double[rows];
        double total = enumerate(w, pairIndex, 0, new boolean[cols], 1.0, new int[rows]);
        JointAssociation jpda = new JointAssociation(1_000_000);
        jpda.solve(pairs, rows, cols);
        for (int k = 0; k < pairs.size(); k++) {
            assertThat(jpda.beta(k)).isCloseTo(pairMass[k] / total, within(1e-9));
        }
        for (int r = 0; r < rows; r++) {
            assertThat(jpda.missProbability(r)).isCloseTo(missMass[r] / total, within(1e-9));
        }
        assertThat(jpda.fallbacks()).isZero();
    }

    @Property(tries = 100)
    void tooLargeClustersFallBackToTheOptimalHardAssignment(@ForAll @IntRange(min = 2, max = 5) int rows,
                                                            @ForAll long seed) {
        Random rnd = new Random(seed);
        GatedPairs pairs = new GatedPairs();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < rows; c++) {
                pairs.add(r, c, -1 - rnd.nextDouble() * 5);
            }
        }
        JointAssociation jpda = new JointAssociation(1); // every real cluster is "too large"
        jpda.solve(pairs, rows, rows);
        int[] colForRow = new int[rows];
        new ClusteredAssignment().solve(pairs, rows, rows, colForRow);
        assertThat(jpda.fallbacks()).isEqualTo(1);
        for (int k = 0; k < pairs.size(); k++) {
            boolean chosen = colForRow[pairs.row(k)] == pairs.col(k);
            assertThat(jpda.beta(k)).isEqualTo(chosen ? 1.0 : 0.0);
        }
    }
}
