package org.skydas.terrain.warp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.Gdal;
import org.skydas.terrain.GeoTransform;
import org.skydas.terrain.io.GeoTiffReader;
import org.skydas.terrain.io.HgtReader;
import org.skydas.testkit.SharedData;

class DemWarperTest {

    @TempDir
    Path tmp;

    @Test
    void srtmToUtmLikeGdalwarpBilinear() throws Exception {
        Path hgt = SharedData.require("data/geo/dem/crosscheck/N52E008.hgt");
        DemGrid src = HgtReader.read(hgt);
        GridSpec target = new GridSpec(240, 200, GeoTransform.northUp(455000, 5830000, 50, -50), 32632);
        Path ref = tmp.resolve("ref.tif");
        // exact transformer (-et 0), float output: both sides then do plain bilinear
        Gdal.run("gdalwarp", "-q", "-et", "0", "-ot", "Float32", "-r", "bilinear", "-t_srs", "EPSG:32632", "-te",
                "455000", "5820000", "467000", "5830000", "-tr", "50", "50", hgt.toString(), ref.toString());
        DemGrid expected = GeoTiffReader.read(ref);
        DemWarper.Result r = DemWarper.warp(List.of(src), target);
        assertThat(r.filledCells()).isZero();
        assertThat(r.grid().epsg()).isEqualTo(32632);
        int close = 0;
        double worst = 0;
        for (int row = 0; row < 200; row++) {
            for (int c = 0; c < 240; c++) {
                double d = Math.abs(r.grid().height(c, row) - expected.height(c, row));
                worst = Math.max(worst, d);
                close += d <= 0.05 ? 1 : 0;
            }
        }
        System.out.printf("warp vs gdalwarp: %d / %d cells within 5 cm, worst %.4f m%n", close, 240 * 200, worst);
        assertThat(close).isGreaterThanOrEqualTo((int) (0.99 * 240 * 200));
        assertThat(worst).isLessThan(1.0);
    }

    @Test
    void mosaicOfOverlappingPiecesRebuildsTheTileAndFillsTheRestWithTheEllipsoid() throws Exception {
        DemGrid tile = HgtReader.read(SharedData.require("data/geo/dem/crosscheck/N50E011.hgt"));
        DemGrid west = window(tile, 0, 0, 700, 1201);
        DemGrid east = window(tile, 500, 0, 701, 1201);
        // the tile's own grid plus 10 columns east of it that nothing covers
        GeoTransform gt = tile.transform();
        GridSpec target = new GridSpec(1211, 1201, gt, 4326);
        DemWarper.Result r = DemWarper.warp(List.of(east, west), target);
        // a void cell of the tile (SRTM hole) is covered only if rounding lets a neighbour in
        assertThat(r.filledCells()).isBetween(10L * 1201, 10L * 1201 + tile.voidCount());
        for (int row = 0; row < 1201; row += 7) {
            for (int c = 0; c < 1201; c += 3) {
                if (tile.isVoid(c, row)) {
                    continue;
                }
                double expected = tile.height(c, row);
                assertThat((double) r.grid().height(c, row)).isCloseTo(expected, within(1e-3));
            }
            for (int c = 1201; c < 1211; c++) {
                assertThat(r.grid().height(c, row)).isZero();
            }
        }
    }

    @Test
    void coveringGridEnclosesTheSourceOutline() throws Exception {
        DemGrid tile = HgtReader.read(SharedData.require("data/geo/dem/crosscheck/N55W003.hgt"));
        GridSpec g = GridSpec.covering(List.of(tile), 32630, 100);
        assertThat(g.epsg()).isEqualTo(32630);
        // about 64 km x 111 km
        assertThat(g.width()).isBetween(620, 680);
        assertThat(g.height()).isBetween(1100, 1140);
        DemWarper.Result r = DemWarper.warp(List.of(tile), g);
        // the lon/lat tile is a trapezoid in UTM: the covering rectangle has uncovered corners
        assertThat(r.filledCells()).isPositive().isLessThan((long) g.width() * g.height() / 10);
    }

    static DemGrid window(DemGrid g, int c0, int r0, int w, int h) {
        float[] z = new float[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                z[r * w + c] = g.height(c0 + c, r0 + r);
            }
        }
        return DemGrid.wrap(w, h, z, g.transform().shifted(c0, r0), g.epsg(), g.nodata());
    }
}
