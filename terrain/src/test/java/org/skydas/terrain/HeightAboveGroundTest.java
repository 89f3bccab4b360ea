package org.skydas.terrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.skydas.geodata.Egm96;
import org.skydas.terrain.io.DemReader;
import org.skydas.testkit.ExternalTool;
import org.skydas.testkit.SharedData;

class HeightAboveGroundTest {

    /** 4 x 3 cells of 0.01° from 25.00 E, 55.00 N; height = 100 + 10·col + 1·row; one void cell (nodata -9999). */
    static DemGrid slope() {
        float[] h = new float[12];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                h[r * 4 + c] = 100 + 10 * c + r;
            }
        }
        h[2 * 4 + 3] = -9999;
        return DemGrid.of(4, 3, h, GeoTransform.northUp(25.0, 55.0, 0.01, -0.01), 4326, -9999);
    }

    @Test
    void groundIsBilinearBetweenCellCentresAndUnknownOffTheDem() {
        HeightAboveGround hag = HeightAboveGround.of(List.of(slope()));
        // centre of cell (1, 1) and the point midway to (2, 1)
        assertThat(hag.ground(25.015, 54.985)).isCloseTo(111, within(1e-6));
        assertThat(hag.ground(25.020, 54.985)).isCloseTo(116, within(1e-6));
        assertThat(hag.ground(25.015, 54.980)).isCloseTo(111.5, within(1e-6));
        assertThat(hag.ground(24.9, 54.985)).isNaN();
        assertThat(hag.ground(25.0351, 54.9749)).as("the void cell").isNaN();
        assertThat(hag.hasDem()).isTrue();
    }

    @Test
    void heightsAboveGroundFromEllipsoidMeanSeaLevelAndFlightLevel() {
        HeightAboveGround hag = HeightAboveGround.of(List.of(slope()));
        double n = Egm96.undulation(54.985, 25.015);
        assertThat(n).isBetween(20.0, 27.0);
        assertThat(hag.fromEllipsoidHeight(25.015, 54.985, 111 + n + 2)).isCloseTo(2, within(1e-6));
        assertThat(hag.fromMslHeight(25.015, 54.985, 191)).isCloseTo(80, within(1e-6));
        // FL 10 = 1000 ft pressure altitude = 304.8 m geopotential = 304.81 m geometric in the ISA
        assertThat(hag.fromFlightLevel(25.015, 54.985, 10)).isCloseTo(304.8146 - 111, within(1e-3));
        assertThat(HeightAboveGround.standardAtmosphereHeight(3048)).isCloseTo(3049.46, within(0.01));
    }

    @Test
    void withoutADemNothingIsKnown() {
        assertThat(HeightAboveGround.NONE.hasDem()).isFalse();
        assertThat(HeightAboveGround.NONE.fromEllipsoidHeight(25, 55, 500)).isNaN();
        assertThat(HeightAboveGround.NONE.fromMslHeight(25, 55, 500)).isNaN();
        assertThat(HeightAboveGround.NONE.fromFlightLevel(25, 55, 50)).isNaN();
    }

    /** At cell centres of the shared DTED0 mosaic of Lithuania the ground is GDAL's value of the cell. */
    @Test
    void groundOnTheSharedLithuaniaMosaicIsGdalsCellValue() throws Exception {
        Path dem = SharedData.require("data/geo/dem/region/lt_by_dted0.tif");
        DemGrid g = DemReader.read(dem);
        HeightAboveGround hag = HeightAboveGround.of(List.of(g));
        int[][] cells = {{100, 100}, {200, 300}, {350, 50}, {10, 470}, {410, 240}};
        for (int[] cr : cells) {
            double lon = g.transform().x(cr[0] + 0.5, cr[1] + 0.5);
            double lat = g.transform().y(cr[0] + 0.5, cr[1] + 0.5);
            ExternalTool.Result r = ExternalTool.run(List.of(ExternalTool.require("gdallocationinfo").toString(),
                    "-valonly", "-wgs84", dem.toString(), Double.toString(lon), Double.toString(lat)), null, 60);
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            assertThat(hag.ground(lon, lat)).as("ground at %s, %s", lon, lat)
                    .isCloseTo(Double.parseDouble(r.stdout().strip()), within(1e-3));
        }
    }
}
