package org.skydas.terrain.landcover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.GeoTransform;
import org.skydas.terrain.io.GeoTiffReader;
import org.skydas.terrain.viewshed.CellMode;
import org.skydas.terrain.viewshed.Viewshed;
import org.skydas.terrain.viewshed.ViewshedParams;
import org.skydas.terrain.viewshed.ViewshedResult;
import org.skydas.testkit.SharedData;

class LandCoverViewshedTest {

    /** Flat 10 m grid with a 20 m forest block at columns 40-59, rows 20-39; observer west of it. */
    static final int W = 120;
    static final int H = 60;

    static DemGrid flat() {
        return DemGrid.wrap(W, H, new float[W * H], GeoTransform.northUp(0, 0, 10, -10), 32634, Float.NaN);
    }

    static Obstruction forestBlock(double edgeDepth) {
        float[] h = new float[W * H];
        for (int r = 20; r < 40; r++) {
            for (int c = 40; c < 60; c++) {
                h[r * W + c] = 20f;
            }
        }
        return Obstruction.of(W, H, h, 10, 10, edgeDepth);
    }

    static ViewshedParams observer(double height) {
        return new ViewshedParams(105, -305, height, 1.8, 0, 0, CellMode.EDGE); // cell (10, 30)
    }

    @Test
    void forestHidesWhatIsBehindItAndItsInterior() {
        ViewshedResult v = Viewshed.compute(flat(), observer(2), forestBlock(30));
        // the first forest column facing the observer is visible, deeper columns are not
        assertThat(v.isVisible(40, 30)).isTrue();
        assertThat(v.isVisible(41, 30)).isFalse();
        assertThat(v.isVisible(45, 30)).isFalse();
        // open ground behind the forest is hidden
        for (int c = 60; c < W; c++) {
            assertThat(v.isVisible(c, 30)).as("column %d", c).isFalse();
        }
        // open ground whose sight line passes beside the forest is not
        assertThat(v.isVisible(70, 2)).isTrue();
    }

    @Test
    void aHighMastSeesOverTheCanopyButNotIntoTheForest() {
        Obstruction forest = forestBlock(30);
        ViewshedResult v = Viewshed.compute(flat(), observer(3000), forest);
        assertThat(v.isVisible(110, 30)).isTrue(); // behind the forest, seen over the canopy
        for (int r = 20; r < 40; r++) {
            for (int c = 40; c < 60; c++) {
                if (forest.isInterior(c, r)) {
                    assertThat(v.isVisible(c, r)).as("interior %d,%d", c, r).isFalse();
                }
            }
        }
        // edge depth 30 m on a 10 m grid: three rings of edge cells, the rest interior
        assertThat(forest.isInterior(42, 30)).isFalse();
        assertThat(forest.isInterior(43, 30)).isTrue();
        assertThat(forest.interiorCount()).isEqualTo(14L * 14);
        assertThat(v.isVisible(42, 30)).isTrue();
    }

    @Test
    void obstructionOnlyEverRemovesVisibilityOnTheSuwalkiPark() throws Exception {
        DemGrid dem = GeoTiffReader.read(SharedData.require("data/geo/dem/region/suwalki_park_srtm90m_epsg2180.tif"));
        DemGrid clc = GeoTiffReader.read(
                SharedData.require("data/geo/landcover/suwalki_park_clc2006_4class_epsg2180.tif"));
        Obstruction forest = Obstruction.fromClasses(dem, clc, LandCoverModel.corine4Class());
        GeoTransform gt = dem.transform();
        ViewshedParams p = ViewshedParams.of(gt.x(60.5, 50.5), gt.y(60.5, 50.5), 10, 1.8);
        ViewshedResult bare = Viewshed.compute(dem, p);
        ViewshedResult wooded = Viewshed.compute(dem, p, forest);
        int forestVisible = 0;
        for (int r = 0; r < dem.height(); r++) {
            for (int c = 0; c < dem.width(); c++) {
                if (wooded.isVisible(c, r)) {
                    assertThat(bare.isVisible(c, r)).isTrue();
                    if (clc.height(c, r) == 2f) {
                        forestVisible++;
                        assertThat(forest.isInterior(c, r)).isFalse();
                    }
                }
            }
        }
        assertThat(wooded.visibleCells()).isLessThan(bare.visibleCells());
        assertThat(forestVisible).isPositive();
        // on a 90 m grid only the outer ring of the forest can be seen into
        assertThat(forest.interiorCount()).isPositive();
    }

    @Test
    void configurableHeightsAndGridMismatchIsReported() {
        LandCoverModel m = LandCoverModel.corineLevel1().withHeight(3, 25);
        assertThat(m.heightOf(1)).isEqualTo(10);
        assertThat(m.heightOf(3)).isEqualTo(25);
        assertThat(m.heightOf(2)).isZero();
        assertThat(m.heightOf(Double.NaN)).isZero();
        DemGrid other = DemGrid.wrap(W, H, new float[W * H], GeoTransform.northUp(5, 0, 10, -10), 32634, Float.NaN);
        assertThatThrownBy(() -> Obstruction.fromClasses(flat(), other, m)).hasMessageContaining("differs");
        assertThat(new LandCoverModel(Map.of(7, 3.0), 0).heightOf(7)).isEqualTo(3);
    }
}
