package org.skydas.terrain.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.skydas.geo.Lks94;
import org.skydas.model.AssetStatus;
import org.skydas.model.Scenario;
import org.skydas.model.TargetClass;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.GeoTransform;
import org.skydas.terrain.coverage.CoverageResult;
import org.skydas.terrain.landcover.LandCoverModel;

class ScenarioCoverageTest {

    static final double E0 = TestScenario.E0;
    static final double N0 = TestScenario.N0;

    static CoverageOptions options(int year) {
        return CoverageOptions.defaults(year).withResolution(20).withThreads(2);
    }

    @Test
    void gapsPerSectorOnTheBareEllipsoid() {
        Scenario s = TestScenario.of(8000, 4000, List.of(TestScenario.sensor("A", E0 + 2000, N0,
                AssetStatus.OPERATIONAL, TestScenario.params(10, 1000, 0, 0))));
        ScenarioCoverage setup = ScenarioCoverage.prepare(s, List.of(), null, null, options(2026));
        assertThat(setup.terrainNote()).startsWith("terrain: bare ellipsoid");
        assertThat(setup.stripCellCount()).isEqualTo(400 * 60);
        ClassCoverage cc = setup.compute(TargetClass.PERSON, null);
        assertThat(cc.sectors()).hasSize(2);
        SectorGaps first = cc.sectors().get(0);
        SectorGaps second = cc.sectors().get(1);
        // nearest-sector split of the strip: 4 km x 1.2 km each
        assertThat(first.stripAreaM2()).isCloseTo(4.8e6, within(1e-3));
        assertThat(second.stripAreaM2()).isCloseTo(4.8e6, within(1e-3));
        double r = Math.sqrt(500 * 500 - 8.2 * 8.2); // Pd 0.9 - 0.8 slant/1000 >= 0.5
        assertThat(first.coveredPct()).isCloseTo(100 * Math.PI * r * r / 4.8e6, within(0.25));
        assertThat(first.longestGapM()).isCloseTo(1500, within(25.0));
        assertThat(second.coveredPct()).isZero();
        assertThat(second.longestGapM()).isCloseTo(4000, within(1e-6));
        // gap polygons: exactly the uncovered cells, merged; none inside the covered disc
        assertThat(first.gaps().getArea()).isCloseTo((first.stripCells() - first.coveredCells()) * 400.0, within(1e-3));
        assertThat(first.gaps().getNumGeometries()).isEqualTo(1);
        Geometry disc = Lks94.GRID.createPoint(new Coordinate(E0 + 2000, N0)).buffer(r - 30);
        assertThat(first.gaps().intersection(disc).getArea()).isLessThan(1.0);
        assertThat(second.gaps().getArea()).isCloseTo(4.8e6, within(1e-3));
    }

    @Test
    void newForestHidesWhatIsBehindItOnceGrown() {
        Geometry forest = TestScenario.box(E0 + 1900, E0 + 2100, N0 + 100, N0 + 160);
        Scenario s = TestScenario.of(4000, 10_000, List.of(
                TestScenario.sensor("A", E0 + 2000, N0, AssetStatus.OPERATIONAL, TestScenario.params(10, 1000, 0, 0)),
                TestScenario.forest("F", forest, 2027, 20, 10)));
        assertThat(ScenarioCanopy.heightIn(s.assets().get(1), 2027)).isZero();
        assertThat(ScenarioCanopy.heightIn(s.assets().get(1), 2032)).isCloseTo(10, within(1e-9));
        assertThat(ScenarioCanopy.heightIn(s.assets().get(1), 2050)).isCloseTo(20, within(1e-9));

        ScenarioCoverage before = ScenarioCoverage.prepare(s, List.of(), null, null, options(2026));
        ScenarioCoverage after = ScenarioCoverage.prepare(s, List.of(), null, null, options(2040));
        assertThat(before.plantings()).isZero();
        assertThat(after.plantings()).isEqualTo(1);
        assertThat(after.terrainNote()).contains("canopy of 1 planting(s) in 2040");
        CoverageResult a = before.compute(TargetClass.PERSON, null).result();
        CoverageResult b = after.compute(TargetClass.PERSON, null).result();
        // 400 m north of the mast, behind the 20 m canopy: seen in 2026, hidden in 2040
        int c = (int) a.transform().col(E0 + 2010, N0 + 410);
        int r = (int) a.transform().row(E0 + 2010, N0 + 410);
        assertThat(a.count(c, r)).isEqualTo(1);
        assertThat(b.count(c, r)).isZero();
        // south of the mast nothing changes
        int r2 = (int) a.transform().row(E0 + 2010, N0 - 410);
        assertThat(b.count(c, r2)).isEqualTo(1);
        assertThat(b.probability(c, r2)).isEqualTo(a.probability(c, r2));
        // and the sector's figures say so
        assertThat(after.compute(TargetClass.PERSON, null).sectors().get(0).coveredPct())
                .isLessThan(before.compute(TargetClass.PERSON, null).sectors().get(0).coveredPct());
    }

    @Test
    void demRidgeAndLandCoverForestBlockSightAndTheNoteSaysWhereTheEllipsoidIs() {
        Scenario s = TestScenario.of(4000, 10_000, List.of(TestScenario.sensor("A", E0 + 2000, N0,
                AssetStatus.OPERATIONAL, TestScenario.params(10, 1000, 0, 0))));
        // a 10 m DEM over the west part only (E0 - 100 .. E0 + 2500), flat at 100 m with a 150 m ridge
        int w = 260;
        int h = 160;
        GeoTransform gt = GeoTransform.northUp(E0 - 100, N0 + 800, 10, -10);
        float[] z = new float[w * h];
        float[] classes = new float[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double x = gt.x(c + 0.5, r + 0.5);
                z[r * w + c] = x > E0 + 1700 && x < E0 + 1750 ? 150f : 100f;
                classes[r * w + c] = x > E0 + 2100 && x < E0 + 2150 ? 3f : 2f; // CORINE level 1: 3 = forest
            }
        }
        DemGrid dem = DemGrid.wrap(w, h, z, gt, 3346, Float.NaN);
        DemGrid lc = DemGrid.wrap(w, h, classes, gt, 3346, Float.NaN);
        ScenarioCoverage bare = ScenarioCoverage.prepare(s, List.of(), null, null, options(2026));
        ScenarioCoverage withDem = ScenarioCoverage.prepare(s, List.of(dem), null, null, options(2026));
        ScenarioCoverage withLc = ScenarioCoverage.prepare(s, List.of(dem), lc, LandCoverModel.corineLevel1(),
                options(2026));
        assertThat(withDem.terrainNote()).startsWith("terrain: DEM; bare ellipsoid (height 0 m) on ")
                .contains("% of the grid that no DEM covers");
        assertThat(withLc.terrainNote()).contains("land cover");
        CoverageResult a = bare.compute(TargetClass.PERSON, null).result();
        CoverageResult b = withDem.compute(TargetClass.PERSON, null).result();
        CoverageResult c = withLc.compute(TargetClass.PERSON, null).result();
        int row = (int) a.transform().row(E0 + 2000, N0 + 10);
        int west = (int) a.transform().col(E0 + 1500, N0);
        int east = (int) a.transform().col(E0 + 2300, N0);
        int eastFar = (int) a.transform().col(E0 + 2400, N0);
        assertThat(a.count(west, row)).isEqualTo(1);
        assertThat(b.count(west, row)).isZero(); // behind the ridge
        assertThat(b.count(east, row)).isEqualTo(1);
        assertThat(c.count(east, row)).isZero(); // behind the forest
        assertThat(c.count(eastFar, row)).isZero();
        assertThat(b.count(eastFar, row)).isEqualTo(1);
    }

    @Test
    void webMercatorTileShowsTheSensorsDisc() throws Exception {
        Scenario s = TestScenario.of(4000, 10_000, List.of(TestScenario.sensor("A", E0 + 2000, N0,
                AssetStatus.OPERATIONAL, TestScenario.params(10, 1000, 0, 0))));
        CoverageResult res = ScenarioCoverage.prepare(s, List.of(), null, null, options(2026))
                .compute(TargetClass.PERSON, null).result();
        Coordinate ll = Lks94.toWgs84(E0 + 2000, N0);
        int z = 12;
        double n = 1 << z;
        double fx = (ll.x + 180) / 360 * n;
        double latRad = Math.toRadians(ll.y);
        double fy = (1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2 * n;
        int tx = (int) fx;
        int ty = (int) fy;
        int[] px = CoverageTileRenderer.pixels(res, z, tx, ty);
        int i = (int) ((fx - tx) * 256);
        int j = (int) ((fy - ty) * 256);
        // the mast's cell: Pd just under 0.9
        assertThat(px[j * 256 + i] & 0xFFFFFF).isEqualTo(CoveragePalette.RGB[3]);
        assertThat(px[j * 256 + i] >>> 24).isGreaterThan(0);
        // coloured pixels x their ground area ~ the disc within range (Pd >= 0.1 everywhere in it) cut to
        // the grid, which spans the strip plus one cell: |y - N0| <= 620 m
        double h = 620;
        double band = 2 * (h * Math.sqrt(1e6 - h * h) + 1e6 * Math.asin(h / 1000));
        int coloured = 0;
        for (int dx = -1; dx <= 1; dx++) { // the 3 x 3 tiles around hold the whole disc
            for (int dy = -1; dy <= 1; dy++) {
                for (int p : CoverageTileRenderer.pixels(res, z, tx + dx, ty + dy)) {
                    coloured += p != 0 ? 1 : 0;
                }
            }
        }
        double pixelGround = 2 * Math.PI * 6378137 / n / 256 * Math.cos(latRad);
        assertThat(coloured * pixelGround * pixelGround).isCloseTo(band, within(0.05 * band));
        // a tile far away is empty; the PNG decodes to the same pixels
        assertThat(CoverageTileRenderer.pixels(res, z, tx + 5, ty)).containsOnly(0);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(CoverageTileRenderer.png(res, z, tx, ty)));
        assertThat(img.getWidth()).isEqualTo(256);
        assertThat(img.getRGB(i, j)).isEqualTo(px[j * 256 + i]);
    }
}
