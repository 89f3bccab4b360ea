package org.skydas.terrain.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.Gdal;
import org.skydas.testkit.SharedData;

/**
 * Every supported layout, compression, predictor and sample type, written by GDAL
 * (gdal_translate) from a real SRTM window and read back: values, transform, CRS and nodata must
 * be what GDAL itself reports.
 */
class GeoTiffReaderTest {

    @TempDir
    static Path tmp;
    static Path source;
    static double[] expected;
    static double[] sourceTransform;

    @BeforeAll
    static void window() throws Exception {
        Path hgt = SharedData.require("data/geo/dem/crosscheck/N50E011.hgt");
        source = tmp.resolve("window.tif");
        // 150 x 97 cells: odd sizes so that tiles and strips are partly outside the image
        Gdal.run("gdal_translate", "-q", "-srcwin", "400", "300", "150", "97", hgt.toString(), source.toString());
        expected = Gdal.values(source, tmp);
        sourceTransform = Gdal.geoTransform(Gdal.info(source));
        for (double v : expected) {
            assertThat(v).isBetween(0.0, 32767.0); // fits every tested type exactly
        }
    }

    static Stream<Arguments> variants() {
        List<Arguments> out = new ArrayList<>();
        for (String type : List.of("Int16", "UInt16", "Int32", "Float32", "Float64")) {
            for (String comp : List.of("NONE", "DEFLATE", "LZW", "PACKBITS")) {
                for (boolean tiled : List.of(false, true)) {
                    out.add(Arguments.of(type, comp, tiled, "1"));
                }
            }
            boolean floating = type.startsWith("Float");
            out.add(Arguments.of(type, "DEFLATE", true, "2"));
            out.add(Arguments.of(type, "LZW", false, floating ? "3" : "2"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} tiled={2} predictor={3}")
    @MethodSource("variants")
    void readsWhatGdalWrote(String type, String compression, boolean tiled, String predictor) throws Exception {
        Path f = tmp.resolve(type + "-" + compression + "-" + tiled + "-" + predictor + ".tif");
        List<String> args = new ArrayList<>(List.of("-q", "-ot", type, "-co", "COMPRESS=" + compression));
        if (!predictor.equals("1")) {
            args.addAll(List.of("-co", "PREDICTOR=" + predictor));
        }
        if (tiled) {
            args.addAll(List.of("-co", "TILED=YES", "-co", "BLOCKXSIZE=32", "-co", "BLOCKYSIZE=48"));
        } else {
            args.addAll(List.of("-co", "BLOCKYSIZE=7"));
        }
        args.add(source.toString());
        args.add(f.toString());
        Gdal.run("gdal_translate", args.toArray(String[]::new));

        DemGrid grid = GeoTiffReader.read(f);
        assertThat(grid.width()).isEqualTo(150);
        assertThat(grid.height()).isEqualTo(97);
        assertThat(grid.epsg()).isEqualTo(4326);
        assertThat(grid.transform().toArray()).containsExactly(sourceTransform, within(1e-12));
        double[] ours = new double[150 * 97];
        for (int i = 0; i < ours.length; i++) {
            ours[i] = grid.height(i % 150, i / 150);
        }
        // every type holds the window's heights exactly (129-1044 m, no voids), so GDAL's decoding
        // of the source window is the reference for all variants
        Gdal.assertSameValues(ours, expected);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"strips", "tiles", "deflate"})
    void streamedRowsEqualTheWholeGrid(String layout) throws Exception {
        Path f = tmp.resolve("rows-" + layout + ".tif");
        List<String> args = new ArrayList<>(List.of("-q", "-ot", "Int16", "-a_nodata", "-32768"));
        switch (layout) {
            case "strips" -> args.addAll(List.of("-co", "BLOCKYSIZE=5"));
            case "tiles" -> args.addAll(List.of("-co", "TILED=YES", "-co", "BLOCKXSIZE=32", "-co", "BLOCKYSIZE=32"));
            default -> args.addAll(List.of("-co", "COMPRESS=DEFLATE"));
        }
        args.add(source.toString());
        args.add(f.toString());
        Gdal.run("gdal_translate", args.toArray(String[]::new));
        DemGrid whole = GeoTiffReader.read(f);
        org.skydas.terrain.HeightRows rows = GeoTiffReader.openRows(f);
        assertThat(rows instanceof DemGrid).isEqualTo(!layout.equals("strips"));
        assertThat(rows.width()).isEqualTo(150);
        assertThat(rows.height()).isEqualTo(97);
        assertThat(rows.epsg()).isEqualTo(4326);
        assertThat(rows.nodata()).isEqualTo(-32768f);
        assertThat(rows.transform()).isEqualTo(whole.transform());
        float[] a = new float[150];
        float[] b = new float[150];
        for (int r = 0; r < 97; r++) {
            rows.readRow(r, a);
            whole.readRow(r, b);
            assertThat(java.util.Arrays.equals(a, b)).as("row %d", r).isTrue();
        }
    }

    @Test
    void gdalNodataTagIsRead() throws Exception {
        Path f = tmp.resolve("nodata.tif");
        Gdal.run("gdal_translate", "-q", "-a_nodata", "-9999", source.toString(), f.toString());
        assertThat(GeoTiffReader.read(f).nodata()).isEqualTo(-9999f);
        Path hgtNodata = tmp.resolve("srtm-nodata.tif");
        Gdal.run("gdal_translate", "-q", "-srcwin", "0", "0", "10", "10",
                SharedData.require("data/geo/dem/crosscheck/N52E008.hgt").toString(), hgtNodata.toString());
        assertThat(GeoTiffReader.read(hgtNodata).nodata()).isEqualTo(-32768f);
    }

    @Test
    void projectedDemWithNaNCells() throws Exception {
        Path f = SharedData.require("data/geo/dem/region/suwalki_park_srtm90m_epsg2180.tif");
        DemGrid grid = GeoTiffReader.read(f);
        JsonNode info = Gdal.info(f);
        assertThat(grid.epsg()).isEqualTo(2180);
        assertThat(grid.width()).isEqualTo(127);
        assertThat(grid.height()).isEqualTo(96);
        assertThat(grid.transform().toArray()).containsExactly(Gdal.geoTransform(info), within(1e-9));
        double[] v = Gdal.values(f, tmp);
        long nan = 0;
        for (int i = 0; i < v.length; i++) {
            float h = grid.height(i % 127, i / 127);
            if (Double.isNaN(v[i])) {
                assertThat(grid.isVoid(i % 127, i / 127)).isTrue();
                nan++;
            } else {
                assertThat((double) h).isEqualTo(v[i]);
            }
        }
        assertThat(grid.voidCount()).isEqualTo(nan).isGreaterThan(0);
    }

    @Test
    void modelTransformationOfARotatedGrid() throws Exception {
        // GDAL writes ModelTransformation (not tiepoint + scale) for a rotated geotransform
        Path vrt = tmp.resolve("rotated.vrt");
        Files.writeString(vrt, """
                <VRTDataset rasterXSize="150" rasterYSize="97">
                  <SRS>EPSG:32632</SRS>
                  <GeoTransform>500000, 80, 10, 5800000, 12, -90</GeoTransform>
                  <VRTRasterBand dataType="Float32" band="1">
                    <SimpleSource><SourceFilename relativeToVRT="0">%s</SourceFilename><SourceBand>1</SourceBand></SimpleSource>
                  </VRTRasterBand>
                </VRTDataset>
                """.formatted(source));
        Path f = tmp.resolve("rotated.tif");
        Gdal.run("gdal_translate", "-q", vrt.toString(), f.toString());
        DemGrid grid = GeoTiffReader.read(f);
        assertThat(grid.epsg()).isEqualTo(32632);
        assertThat(grid.transform().toArray()).containsExactly(new double[] {500000, 80, 10, 5800000, 12, -90},
                within(1e-9));
        assertThat((double) grid.height(17, 33)).isEqualTo(expected[33 * 150 + 17]);
    }

    @Test
    void pixelIsPointIsShiftedHalfACellLikeGdal() throws Exception {
        Path f = tmp.resolve("point.tif");
        Gdal.run("gdal_translate", "-q", "-mo", "AREA_OR_POINT=Point", source.toString(), f.toString());
        DemGrid grid = GeoTiffReader.read(f);
        assertThat(grid.transform().toArray()).containsExactly(Gdal.geoTransform(Gdal.info(f)), within(1e-12));
    }
}
