package org.skydas.terrain.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.terrain.DemFormatException;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.Gdal;
import org.skydas.terrain.GeoTransform;
import org.skydas.terrain.viewshed.ViewshedParams;
import org.skydas.terrain.viewshed.ViewshedRunner;

/** One test per kind of bad input: a clear error naming the file and the reason, never a crash. */
class BadInputTest {

    @TempDir
    Path tmp;
    Path good;

    @BeforeEach
    void writeGoodFile() throws Exception {
        float[] h = new float[40 * 30];
        Arrays.fill(h, 100f);
        h[5 * 40 + 5] = -9999f;
        good = tmp.resolve("good.tif");
        GeoTiffWriter.writeFloat32(good, DemGrid.wrap(40, 30, h, GeoTransform.northUp(500000, 6000000, 10, -10), 32634,
                -9999f), GeoTiffWriter.Compression.NONE);
    }

    @Test
    void truncatedTiff() throws Exception {
        byte[] all = Files.readAllBytes(good);
        Path cut = tmp.resolve("cut.tif");
        Files.write(cut, Arrays.copyOf(all, all.length - 1000));
        assertThatThrownBy(() -> GeoTiffReader.read(cut)).isInstanceOf(DemFormatException.class)
                .hasMessageStartingWith(cut.toString()).hasMessageContaining("truncated");
        Path tiny = tmp.resolve("tiny.tif");
        Files.write(tiny, Arrays.copyOf(all, 6));
        assertThatThrownBy(() -> GeoTiffReader.read(tiny)).hasMessageContaining(tiny.toString())
                .hasMessageContaining("truncated");
        Path noIfd = tmp.resolve("no-ifd.tif");
        Files.write(noIfd, Arrays.copyOf(all, 60));
        assertThatThrownBy(() -> GeoTiffReader.read(noIfd)).isInstanceOf(DemFormatException.class)
                .hasMessageContaining(noIfd.toString());
    }

    @Test
    void unsupportedCompression() throws Exception {
        Path jpeg = tmp.resolve("jpeg.tif");
        Gdal.run("gdal_translate", "-q", "-ot", "Byte", "-co", "COMPRESS=JPEG", good.toString(), jpeg.toString());
        assertThatThrownBy(() -> GeoTiffReader.read(jpeg)).isInstanceOf(DemFormatException.class)
                .hasMessageStartingWith(jpeg.toString()).hasMessageContaining("compression");
    }

    @Test
    void unsupportedSampleType() throws Exception {
        Path complex = tmp.resolve("complex.tif");
        Gdal.run("gdal_translate", "-q", "-ot", "CInt16", good.toString(), complex.toString());
        assertThatThrownBy(() -> GeoTiffReader.read(complex)).isInstanceOf(DemFormatException.class)
                .hasMessageStartingWith(complex.toString()).hasMessageContaining("unsupported sample type");
        Path rgb = tmp.resolve("rgb.tif");
        Gdal.run("gdal_translate", "-q", "-b", "1", "-b", "1", "-b", "1", good.toString(), rgb.toString());
        assertThatThrownBy(() -> GeoTiffReader.read(rgb)).hasMessageContaining("samples per pixel");
    }

    @Test
    void missingGeoreferencing() throws Exception {
        byte[] all = Files.readAllBytes(good);
        // rename the ModelPixelScale, ModelTiepoint tags (33550, 33922) to private tags in place
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        int ifd = b.getInt(4);
        int n = b.getShort(ifd);
        for (int k = 0; k < n; k++) {
            int at = ifd + 2 + 12 * k;
            int tag = b.getShort(at) & 0xffff;
            if (tag == 33550 || tag == 33922) {
                b.putShort(at, (short) (tag == 33550 ? 65000 : 65001));
            }
        }
        Path bare = tmp.resolve("bare.tif");
        Files.write(bare, all);
        assertThatThrownBy(() -> GeoTiffReader.read(bare)).isInstanceOf(DemFormatException.class)
                .hasMessageStartingWith(bare.toString()).hasMessageContaining("missing georeferencing");
        Path hgt = tmp.resolve("tile.hgt");
        Files.write(hgt, new byte[1201 * 1201 * 2]);
        assertThatThrownBy(() -> HgtReader.read(hgt)).hasMessageContaining("missing georeferencing");
        Path shortHgt = tmp.resolve("N54E023.hgt");
        Files.write(shortHgt, new byte[1201 * 1200 * 2]);
        assertThatThrownBy(() -> HgtReader.read(shortHgt)).hasMessageContaining("truncated");
    }

    @Test
    void observerOutsideTheRaster() {
        ViewshedParams p = ViewshedParams.of(499990, 5999950, 10, 2);
        assertThatThrownBy(() -> ViewshedRunner.run(good, p, tmp.resolve("out.tif"), GeoTiffWriter.Compression.NONE))
                .isInstanceOf(DemFormatException.class).hasMessageStartingWith(good.toString())
                .hasMessageContaining("outside the raster");
        assertThat(tmp.resolve("out.tif")).doesNotExist();
    }

    @Test
    void nodataUnderTheObserver() {
        ViewshedParams p = ViewshedParams.of(500055, 5999945, 10, 2);
        assertThatThrownBy(() -> ViewshedRunner.run(good, p, tmp.resolve("out.tif"), GeoTiffWriter.Compression.NONE))
                .isInstanceOf(DemFormatException.class).hasMessageStartingWith(good.toString())
                .hasMessageContaining("nodata under the observer");
    }

    @Test
    void missingFile() {
        Path none = tmp.resolve("none.tif");
        assertThatThrownBy(() -> DemReader.read(none)).isInstanceOf(DemFormatException.class)
                .hasMessage(none + ": no such file");
    }
}
