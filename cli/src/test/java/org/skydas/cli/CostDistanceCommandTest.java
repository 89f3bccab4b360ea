package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.GeoTransform;
import org.skydas.terrain.io.DemReader;
import org.skydas.terrain.io.GeoTiffWriter;
import org.skydas.testkit.ExternalTool;

/** {@code skydas cost-distance} as a user meets it: GDAL reads what it writes; bad input is one line and exit 2. */
class CostDistanceCommandTest {

    @TempDir
    Path tmp;

    Path friction;
    Path dem;
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldErr;

    @BeforeEach
    void setUp() throws Exception {
        oldErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        float[] f = new float[40 * 30];
        Arrays.fill(f, 2f);
        for (int r = 0; r < 25; r++) {
            f[r * 40 + 20] = -9999f; // a wall with a gap at the bottom
        }
        friction = tmp.resolve("friction.tif");
        GeoTransform gt = GeoTransform.northUp(500000, 6000000, 10, -10);
        GeoTiffWriter.writeFloat32(friction, DemGrid.wrap(40, 30, f, gt, 32634, -9999f), GeoTiffWriter.Compression.NONE);
        float[] z = new float[40 * 30];
        for (int i = 0; i < z.length; i++) {
            z[i] = 100 + (i % 40) * 3f; // rising eastwards, 0.3 per metre
        }
        dem = tmp.resolve("dem.tif");
        GeoTiffWriter.writeFloat32(dem, DemGrid.wrap(40, 30, z, gt, 32634, Float.NaN), GeoTiffWriter.Compression.NONE);
    }

    @AfterEach
    void restore() {
        System.setErr(oldErr);
    }

    @Test
    void writesCostAndDirectionsThatGdalReads() throws Exception {
        Path out = tmp.resolve("cost.tif");
        Path dir = tmp.resolve("dir.tif");
        // start at the centre of cell (5, 5)
        assertThat(Main.execute("cost-distance", "--friction", friction.toString(), "--start", "500055,5999945",
                "--knight", "--direction", dir.toString(), "--out", out.toString())).isZero();
        DemGrid cost = DemReader.read(out);
        assertThat(cost.transform()).isEqualTo(GeoTransform.northUp(500000, 6000000, 10, -10));
        assertThat(cost.epsg()).isEqualTo(32634);
        assertThat(cost.height(5, 5)).isZero();
        assertThat(cost.height(6, 5)).isEqualTo(2f); // (2 + 2) / 2 * 1 cell
        assertThat(cost.height(20, 3)).isNaN(); // the wall
        // east of the wall the path goes round its end at row 25: far more than the straight 30 cells
        assertThat(cost.height(25, 5)).isGreaterThan(2 * 35f);
        assertThat(Files.list(tmp).map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-"));
        DemGrid d = DemReader.read(dir);
        assertThat(d.height(6, 5)).isEqualTo(180f); // reached from the west: back towards the start is west
        assertThat(d.height(5, 5)).isNaN();
        String info = ExternalTool.run(List.of(ExternalTool.require("gdalinfo").toString(), "-stats", out.toString()),
                null, 60).stdout();
        assertThat(info).contains("Type=Float32").contains("NoData Value=nan").contains("Minimum=0.000");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("reached");
    }

    @Test
    void walkingTimeIsSlowerUphill() throws Exception {
        Path out = tmp.resolve("walk.tif");
        assertThat(Main.execute("cost-distance", "--dem", dem.toString(), "--walk", "--start", "500205,5999855",
                "--out", out.toString())).isZero();
        DemGrid t = DemReader.read(out);
        // one cell east: 10 m at 0.72 s/m plus 3 m climbed at 6 s/m
        assertThat((double) t.height(21, 14)).isCloseTo(0.72 * 10 + 6 * 3, org.assertj.core.data.Offset.offset(1e-4));
        // one cell west the direct step is steep downhill (-0.3 < -0.2125: 7.2 s + 3 m x 1.9998 s/m = 13.2 s); the
        // walker is faster going diagonally down at a moderate slope (-0.212) and then one cell along the contour
        double diagonal = 0.72 * Math.sqrt(200) - 1.9998 * 3;
        assertThat((double) t.height(19, 14)).isCloseTo(diagonal + 0.72 * 10, org.assertj.core.data.Offset.offset(1e-4))
                .isLessThan(0.72 * 10 + 1.9998 * 3);
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path out = tmp.resolve("x.tif");
        assertThat(Main.execute("cost-distance", "--friction", friction.toString(), "--start", "0,0", "--out",
                out.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("outside the raster");
        assertThat(Main.execute("cost-distance", "--friction", friction.toString(), "--start", "1;2", "--out",
                out.toString())).isEqualTo(2);
        Path junk = tmp.resolve("junk.tif");
        Files.writeString(junk, "not a tiff");
        assertThat(Main.execute("cost-distance", "--friction", junk.toString(), "--start", "500055,5999945", "--out",
                out.toString())).isEqualTo(2);
        assertThat(Main.execute("cost-distance", "--walk", "--start", "500055,5999945", "--out",
                out.toString())).isEqualTo(2);
        assertThat(out).doesNotExist();
    }
}
