package org.skydas.terrain.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.Gdal;
import org.skydas.testkit.SharedData;

/** SRTM tiles against GDAL's SRTMHGT driver: size, transform (cell centres on whole degrees), values. */
class HgtReaderTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"N52E008", "N55W003", "N50E011"})
    void sameGridAndValuesAsGdal(String tile) throws Exception {
        Path f = SharedData.require("data/geo/dem/crosscheck/" + tile + ".hgt");
        DemGrid grid = HgtReader.read(f);
        JsonNode info = Gdal.info(f);
        assertThat(grid.width()).isEqualTo(info.get("size").get(0).asInt()).isEqualTo(1201);
        assertThat(grid.height()).isEqualTo(info.get("size").get(1).asInt());
        assertThat(grid.epsg()).isEqualTo(4326);
        assertThat(grid.nodata()).isEqualTo(-32768f);
        assertThat(grid.transform().toArray()).containsExactly(Gdal.geoTransform(info), within(1e-12));
        // the south-west cell centre is on the whole degree of the name
        assertThat(grid.transform().x(0.5, 1200.5)).isCloseTo(Math.rint(grid.transform().x(0.5, 1200.5)), within(1e-9));
        double[] v = Gdal.values(f, tmp);
        double[] ours = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            ours[i] = grid.height(i % 1201, i / 1201);
        }
        Gdal.assertSameValues(ours, v);
    }

    @Test
    void southWestNamesAreNegative() throws Exception {
        Path f = SharedData.require("data/geo/dem/crosscheck/N55W003.hgt");
        DemGrid grid = HgtReader.read(f);
        assertThat(grid.transform().x(0.5, 0.5)).isCloseTo(-3.0, within(1e-12));
        assertThat(grid.transform().y(0.5, 0.5)).isCloseTo(56.0, within(1e-12));
    }
}
