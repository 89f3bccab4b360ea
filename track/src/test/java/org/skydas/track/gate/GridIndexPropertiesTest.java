package org.skydas.track.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class GridIndexPropertiesTest {

    @Property(tries = 200)
    void queryReturnsEveryPointWithinRadiusExactlyOnce(@ForAll @IntRange(min = 0, max = 300) int n,
                                                       @ForAll @DoubleRange(min = 0.5, max = 500) double cell,
                                                       @ForAll @DoubleRange(min = 0, max = 800) double r,
                                                       @ForAll long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble() * 4000 - 2000;
            y[i] = rnd.nextDouble() * 4000 - 2000;
        }
        GridIndex index = new GridIndex();
        index.build(x, y, n, cell);
        double cx = rnd.nextDouble() * 4000 - 2000;
        double cy = rnd.nextDouble() * 4000 - 2000;
        Set<Integer> got = new HashSet<>();
        index.query(cx, cy, r, i -> assertThat(got.add(i)).as("visited twice: %d", i).isTrue());
        for (int i = 0; i < n; i++) {
            if (Math.hypot(x[i] - cx, y[i] - cy) <= r) {
                assertThat(got).contains(i);
            }
        }
    }
}
