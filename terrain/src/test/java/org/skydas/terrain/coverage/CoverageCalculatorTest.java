package org.skydas.terrain.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.GeoTransform;
import org.skydas.terrain.viewshed.Viewshed;
import org.skydas.terrain.viewshed.ViewshedParams;
import org.skydas.terrain.viewshed.ViewshedResult;

class CoverageCalculatorTest {

    static DemGrid flat(int w, int h) {
        return DemGrid.wrap(w, h, new float[w * h], GeoTransform.northUp(0, 0, 10, -10), 32634, Float.NaN);
    }

    @Test
    void twoSensorsCombineAsIndependentDetections() {
        DemGrid dem = flat(100, 100);
        // sensor A at (205, -505) looks east (90 deg, 90 wide); sensor B at (805, -505) looks all around
        SensorFootprint a = new SensorFootprint("A", 205, -505, 5, 400, 90, 90, -90, 90, PdModel.constant(0.6));
        SensorFootprint b = SensorFootprint.omni("B", 805, -505, 5, 400, PdModel.constant(0.5));
        CoverageResult r = CoverageCalculator.compute(dem, List.of(a, b), CoverageTarget.PERSON, null, 0, 2, null);
        // (55, 50) is 350 m east of A and 250 m west of B: both
        assertThat(r.count(55, 50)).isEqualTo(2);
        assertThat((double) r.probability(55, 50)).isCloseTo(1 - 0.4 * 0.5, within(1e-6));
        // (10, 50) is 100 m west of A (outside its sector) and 700 m from B
        assertThat(r.count(10, 50)).isZero();
        assertThat(r.probability(10, 50)).isZero();
        // (30, 50) is only A's
        assertThat(r.count(30, 50)).isEqualTo(1);
        assertThat((double) r.probability(30, 50)).isCloseTo(0.6, within(1e-6));
        // north of A, outside its 90-degree sector centred east
        assertThat(r.count(20, 30)).isZero();
    }

    @Test
    void theRastersAreHandedOutAsCopiesAndReadInPlaceByIndex() {
        DemGrid dem = flat(100, 100);
        SensorFootprint b = SensorFootprint.omni("B", 805, -505, 5, 400, PdModel.constant(0.5));
        CoverageResult r = CoverageCalculator.compute(dem, List.of(b), CoverageTarget.PERSON, null, 0, 1, null);
        int seen = 50 * 100 + 90; // 100 m east of B
        assertThat(r.count(seen)).isEqualTo(r.count(90, 50)).isEqualTo(1);
        assertThat(r.probability(seen)).isEqualTo(r.probability(90, 50)).isEqualTo(0.5f);
        r.pAtLeastOne()[seen] = 0;
        r.sensorCount()[seen] = 0;
        assertThat(r.probability(seen)).isEqualTo(0.5f);
        assertThat(r.count(seen)).isEqualTo(1);
        CoverageResult slim = r.withoutSensorCounts();
        assertThat(slim.sensorCount()).isEmpty();
        assertThat(slim.pAtLeastOne()).containsExactly(r.pAtLeastOne());
        // the viewshed behind it: the same copy rule
        ViewshedResult v = Viewshed.compute(dem, ViewshedParams.of(805, -505, 5, 2));
        int observer = v.observerRow() * v.width() + v.observerCol();
        assertThat(v.isVisible(observer)).isTrue();
        v.cells()[observer] = 0;
        assertThat(v.isVisible(observer)).isEqualTo(v.isVisible(v.observerCol(), v.observerRow())).isTrue();
    }

    @Test
    void elevationLimitsAndPdOverRange() {
        DemGrid dem = flat(200, 5);
        PdModel pd = PdModel.logistic(0.9, 800, 100);
        // drone at 120 m: seen only above 10 degrees elevation from a 10 m mast, i.e. within ~624 m
        SensorFootprint s = new SensorFootprint("S", 5, -25, 10, 2000, 0, 360, 10, 90, pd);
        CoverageResult r = CoverageCalculator.compute(dem, List.of(s), CoverageTarget.DRONE_120, null, 0, 1, null);
        double limit = 110 / Math.tan(Math.toRadians(10));
        for (int c = 1; c < 200; c++) {
            double d = c * 10;
            if (d < limit - 10) {
                assertThat(r.count(c, 2)).as("%f m", d).isEqualTo(1);
                double slant = Math.hypot(d, 110);
                assertThat((double) r.probability(c, 2)).isCloseTo(pd.pd(slant), within(1e-6));
            } else if (d > limit + 10) {
                assertThat(r.count(c, 2)).as("%f m", d).isZero();
            }
        }
    }

    @Test
    void parallelEqualsSequentialAndEachSensorIsItsViewshedWithinRange() {
        Random rnd = new Random(11);
        int w = 150;
        int h = 120;
        float[] z = new float[w * h];
        for (int i = 0; i < z.length; i++) {
            int c = i % w;
            int r = i / w;
            z[i] = (float) (50 + 30 * Math.sin(c / 13.0) * Math.cos(r / 17.0) + rnd.nextDouble());
        }
        DemGrid dem = DemGrid.wrap(w, h, z, GeoTransform.northUp(300000, 6000000, 20, -20), 32634, Float.NaN);
        List<SensorFootprint> sensors = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            sensors.add(SensorFootprint.omni("s" + k, 300000 + 20 * (5 + rnd.nextInt(w - 10)),
                    6000000 - 20 * (5 + rnd.nextInt(h - 10)), 5 + rnd.nextInt(20), 600 + rnd.nextInt(1500),
                    PdModel.logistic(0.95, 900, 150)));
        }
        AtomicInteger calls = new AtomicInteger();
        CoverageResult seq = CoverageCalculator.compute(dem, sensors, CoverageTarget.VEHICLE, null, 0.85714, 1, null);
        CoverageResult par = CoverageCalculator.compute(dem, sensors, CoverageTarget.VEHICLE, null, 0.85714, 2,
                (done, total) -> calls.incrementAndGet());
        assertThat(calls.get()).isEqualTo(12);
        assertThat(par.sensorCount()).isEqualTo(seq.sensorCount());
        for (int i = 0; i < w * h; i++) {
            assertThat(par.pAtLeastOne()[i]).isCloseTo(seq.pAtLeastOne()[i], within(1e-5f));
        }
        // the count is the number of single viewsheds (limited to the range) that see the cell
        short[] expected = new short[w * h];
        for (SensorFootprint s : sensors) {
            ViewshedResult v = Viewshed.compute(dem, new ViewshedParams(s.x(), s.y(), s.mastHeight(), 2.5,
                    s.maxRange(), 0.85714, null));
            for (int i = 0; i < w * h; i++) {
                if (v.cells()[i] == Viewshed.VISIBLE) {
                    double dx = dem.transform().x(i % w + 0.5, i / w + 0.5) - s.x();
                    double dy = dem.transform().y(i % w + 0.5, i / w + 0.5) - s.y();
                    if (dx * dx + dy * dy <= s.maxRange() * s.maxRange()) {
                        expected[i]++;
                    }
                }
            }
        }
        assertThat(seq.sensorCount()).isEqualTo(expected);
    }

    @Test
    void aSensorOutsideTheDemIsNamed() {
        SensorFootprint s = SensorFootprint.omni("mast-7", -50, 10, 5, 100, PdModel.constant(1));
        assertThatThrownBy(() -> CoverageCalculator.compute(flat(10, 10), List.of(s), CoverageTarget.PERSON, null, 0, 1,
                null)).hasMessageContaining("mast-7").hasMessageContaining("outside");
    }
}
