package org.skydas.terrain.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.Gdal;
import org.skydas.terrain.GeoTransform;
import org.skydas.testkit.SharedData;

/** What we write, gdalinfo must read with the same size, transform, CRS, nodata and values. */
class GeoTiffWriterTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(GeoTiffWriter.Compression.class)
    void projectedFloatDemRoundTripsThroughGdal(GeoTiffWriter.Compression compression) throws Exception {
        DemGrid dem = GeoTiffReader.read(SharedData.require("data/geo/dem/region/suwalki_park_srtm90m_epsg2180.tif"));
        DemGrid withNodata = DemGrid.of(dem.width(), dem.height(), dem.copyHeights(), dem.transform(), dem.epsg(), -9999f);
        Path out = tmp.resolve("suwalki-" + compression + ".tif");
        GeoTiffWriter.writeFloat32(out, withNodata, compression);

        JsonNode info = Gdal.info(out);
        assertThat(info.get("size").get(0).asInt()).isEqualTo(127);
        assertThat(info.get("size").get(1).asInt()).isEqualTo(96);
        assertThat(Gdal.geoTransform(info)).containsExactly(dem.transform().toArray(), within(1e-9));
        assertThat(info.get("coordinateSystem").get("wkt").asText()).contains("ID[\"EPSG\",2180]");
        JsonNode band = info.get("bands").get(0);
        assertThat(band.get("type").asText()).isEqualTo("Float32");
        assertThat(band.get("noDataValue").asDouble()).isEqualTo(-9999.0);
        if (compression == GeoTiffWriter.Compression.DEFLATE) {
            assertThat(info.get("metadata").get("IMAGE_STRUCTURE").get("COMPRESSION").asText()).isEqualTo("DEFLATE");
        }
        double[] v = Gdal.values(out, tmp);
        for (int i = 0; i < v.length; i++) {
            float h = dem.height(i % 127, i / 127);
            if (Float.isNaN(h)) {
                assertThat(v[i]).isNaN();
            } else {
                assertThat(v[i]).isEqualTo(h);
            }
        }
        DemGrid back = GeoTiffReader.read(out);
        assertThat(java.util.Arrays.equals(back.copyHeights(), dem.copyHeights())).isTrue();
        assertThat(back.epsg()).isEqualTo(2180);
        assertThat(back.nodata()).isEqualTo(-9999f);
    }

    @Test
    void geographicRotatedByteRasterWithManyStrips() throws Exception {
        int w = 1500;
        int h = 1400; // > 1 MiB of bytes: several strips
        byte[] data = new byte[w * h];
        new Random(7).nextBytes(data);
        GeoTransform gt = new GeoTransform(22.5, 0.001, 0.0002, 55.1, 0.0001, -0.0008);
        Path out = tmp.resolve("rotated.tif");
        GeoTiffWriter.writeByte(out, w, h, gt, 4326, data, 0, GeoTiffWriter.Compression.DEFLATE);
        JsonNode info = Gdal.info(out);
        assertThat(Gdal.geoTransform(info)).containsExactly(gt.toArray(), within(1e-12));
        assertThat(info.get("coordinateSystem").get("wkt").asText()).contains("ID[\"EPSG\",4326]");
        assertThat(info.get("bands").get(0).get("type").asText()).isEqualTo("Byte");
        // ENVI refuses rotated grids: ask gdallocationinfo for a sample of cells (pixel/line input)
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < w * h; i += 997) {
            points.append(i % w).append(' ').append(i / w).append('\n');
        }
        var r = org.skydas.testkit.ExternalTool.run(java.util.List.of(
                org.skydas.testkit.ExternalTool.require("gdallocationinfo").toString(), "-valonly", out.toString()),
                points.toString(), 60);
        String[] lines = r.stdout().trim().split("\n");
        assertThat(lines).hasSize((w * h + 996) / 997);
        for (int k = 0; k < lines.length; k++) {
            assertThat(Integer.parseInt(lines[k].trim())).isEqualTo(data[k * 997] & 0xff);
        }
        DemGrid back = GeoTiffReader.read(out);
        assertThat(back.transform().toArray()).containsExactly(gt.toArray(), within(1e-15));
        assertThat(back.height(w - 1, h - 1)).isEqualTo(data[w * h - 1] & 0xff);
    }

    @Test
    void utmGridFromAnSrtmWarp() throws Exception {
        Path warped = tmp.resolve("utm.tif");
        Gdal.run("gdalwarp", "-q", "-t_srs", "EPSG:32630", "-tr", "500", "500",
                SharedData.require("data/geo/dem/crosscheck/N55W003.hgt").toString(), warped.toString());
        DemGrid dem = GeoTiffReader.read(warped);
        Path out = tmp.resolve("utm-copy.tif");
        GeoTiffWriter.writeFloat32(out, dem, GeoTiffWriter.Compression.NONE);
        JsonNode a = Gdal.info(warped);
        JsonNode b = Gdal.info(out);
        assertThat(b.get("size")).isEqualTo(a.get("size"));
        assertThat(Gdal.geoTransform(b)).containsExactly(Gdal.geoTransform(a), within(1e-9));
        assertThat(b.get("coordinateSystem").get("wkt").asText()).contains("ID[\"EPSG\",32630]");
        assertThat(b.get("bands").get(0).get("noDataValue").asDouble()).isEqualTo(-32768.0);
    }
}
