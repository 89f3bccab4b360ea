package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.skydas.testkit.SharedData;

/** {@code skydas viewshed} as a user meets it: one line and exit code 2 for bad input, GDAL's result otherwise. */
class ViewshedCommandTest {

    @TempDir
    Path tmp;

    Path good;
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldErr;

    @BeforeEach
    void setUp() throws Exception {
        oldErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        float[] h = new float[40 * 30];
        Arrays.fill(h, 100f);
        h[5 * 40 + 5] = -9999f;
        good = tmp.resolve("good.tif");
        GeoTiffWriter.writeFloat32(good, DemGrid.wrap(40, 30, h, GeoTransform.northUp(500000, 6000000, 10, -10), 32634,
                -9999f), GeoTiffWriter.Compression.NONE);
    }

    @AfterEach
    void restore() {
        System.setErr(oldErr);
    }

    int viewshed(Path dem, double x, double y, Path out) {
        return Main.execute("viewshed", "--dem", dem.toString(), "--observer", x + "," + y, "--observer-height", "10",
                "--target-height", "2", "--out", out.toString());
    }

    void assertOneLine(String... parts) {
        String e = err.toString(StandardCharsets.UTF_8);
        err.reset();
        assertThat(e.strip().lines()).as(e).hasSize(1);
        assertThat(e).startsWith("skydas viewshed: ").contains(parts);
    }

    @Test
    void truncatedTiff() throws Exception {
        byte[] all = Files.readAllBytes(good);
        Path cut = tmp.resolve("cut.tif");
        Files.write(cut, Arrays.copyOf(all, all.length - 1000));
        assertThat(viewshed(cut, 500100, 5999900, tmp.resolve("o.tif"))).isEqualTo(2);
        assertOneLine(cut.toString(), "truncated");
        assertThat(tmp.resolve("o.tif")).doesNotExist();
    }

    @Test
    void missingGeoreferencing() throws Exception {
        byte[] all = Files.readAllBytes(good);
        // rename ModelPixelScale and ModelTiepoint (33550, 33922) to private tags
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
        assertThat(viewshed(bare, 500100, 5999900, tmp.resolve("o.tif"))).isEqualTo(2);
        assertOneLine(bare.toString(), "missing georeferencing");
    }

    @Test
    void observerOutside() {
        assertThat(viewshed(good, 499990, 5999950, tmp.resolve("o.tif"))).isEqualTo(2);
        assertOneLine(good.toString(), "outside the raster");
        assertThat(tmp.resolve("o.tif")).doesNotExist();
    }

    @Test
    void nodataUnderTheObserver() {
        assertThat(viewshed(good, 500055, 5999945, tmp.resolve("o.tif"))).isEqualTo(2);
        assertOneLine(good.toString(), "nodata under the observer");
    }

    @Test
    void missingFileAndBadObserver() {
        Path none = tmp.resolve("none.tif");
        assertThat(viewshed(none, 1, 2, tmp.resolve("o.tif"))).isEqualTo(2);
        assertOneLine(none.toString(), "no such file");
        assertThat(Main.execute("viewshed", "--dem", good.toString(), "--observer", "500100", "--observer-height", "10",
                "--target-height", "2", "--out", tmp.resolve("o.tif").toString())).isEqualTo(2);
        assertOneLine("--observer");
    }

    /** The launcher starts {@code skydas viewshed} at ViewshedCommand.main: it must behave as Main does. */
    @Test
    void directEntryPointBehavesAsMain() throws Exception {
        String[] badObserver = {"--dem", good.toString(), "--observer", "500100", "--observer-height", "10",
            "--target-height", "2", "--out", tmp.resolve("o.tif").toString()};
        assertThat(ViewshedCommand.execute(badObserver)).isEqualTo(2);
        String direct = err.toString(StandardCharsets.UTF_8);
        err.reset();
        String[] viaMain = new String[badObserver.length + 1];
        viaMain[0] = "viewshed";
        System.arraycopy(badObserver, 0, viaMain, 1, badObserver.length);
        assertThat(Main.execute(viaMain)).isEqualTo(2);
        assertThat(direct).isEqualTo(err.toString(StandardCharsets.UTF_8)).contains("--observer");
        err.reset();

        PrintStream oldOut = System.out;
        ByteArrayOutputStream help = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(help, true, StandardCharsets.UTF_8));
            assertThat(ViewshedCommand.execute("--help")).isZero();
            String directHelp = help.toString(StandardCharsets.UTF_8);
            help.reset();
            assertThat(Main.execute("viewshed", "--help")).isZero();
            assertThat(directHelp).startsWith("Usage: skydas viewshed").isEqualTo(help.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
        }

        Path out = tmp.resolve("direct.tif");
        assertThat(ViewshedCommand.execute("--dem", good.toString(), "--observer", "500100,5999900",
                "--observer-height", "10", "--target-height", "2", "--out", out.toString())).isZero();
        assertThat(DemReader.read(out).width()).isEqualTo(40);
    }

    @Test
    void goodRunEqualsGdalViewshedOnAWarpedSrtmTile() throws Exception {
        Path src = SharedData.require("data/geo/dem/crosscheck/N50E011.hgt");
        Path dem = tmp.resolve("warp.tif");
        gdal("gdalwarp", "-q", "-t_srs", "EPSG:32632", "-tr", "250", "250", "-r", "bilinear", src.toString(),
                dem.toString());
        DemGrid grid = DemReader.read(dem);
        GeoTransform gt = grid.transform();
        int col = grid.width() / 2;
        int row = grid.height() / 3;
        while (grid.isVoid(col, row)) {
            col++;
        }
        double x = gt.x(col + 0.5, row + 0.5);
        double y = gt.y(col + 0.5, row + 0.5);
        Path ref = tmp.resolve("gdal.tif");
        gdal("gdal_viewshed", "-q", "-ox", Double.toString(x), "-oy", Double.toString(y), "-oz", "15", "-tz", "1.8",
                "-md", "30000", "-cc", "0.85714", dem.toString(), ref.toString());
        Path ours = tmp.resolve("ours.tif");
        int code = Main.execute("viewshed", "--dem", dem.toString(), "--observer", x + "," + y, "--observer-height",
                "15", "--target-height", "1.8", "--max-distance", "30000", "--out", ours.toString());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();

        DemGrid g = DemReader.read(ref);
        DemGrid s = DemReader.read(ours);
        // Like GDAL, only the max-distance window is written: the same grid, cell for cell.
        assertThat(new int[] {s.width(), s.height()}).containsExactly(g.width(), g.height());
        assertThat(s.width()).isLessThan(grid.width());
        assertThat(s.transform()).isEqualTo(g.transform());
        assertThat(s.epsg()).isEqualTo(32632);
        int c0 = (int) Math.round((g.transform().x0() - gt.x0()) / gt.dx());
        int r0 = (int) Math.round((g.transform().y0() - gt.y0()) / gt.dy());
        long visible = 0;
        long compared = 0;
        for (int r = 0; r < g.height(); r++) {
            for (int c = 0; c < g.width(); c++) {
                float expected = g.height(c, r);
                if (grid.isVoid(c + c0, r + r0)) {
                    assertThat(s.height(c, r)).as("void %d %d", c, r).isZero();
                    continue;
                }
                assertThat(s.height(c, r)).as("cell %d %d", c, r).isEqualTo(expected);
                visible += expected == 255f ? 1 : 0;
                compared++;
            }
        }
        assertThat(visible).isGreaterThan(100);
        assertThat(compared).isGreaterThan(10_000);
    }

    static void gdal(String tool, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ExternalTool.require(tool).toString());
        cmd.addAll(List.of(args));
        ExternalTool.Result r = ExternalTool.run(cmd, null, 120);
        assertThat(r.exitCode()).as(String.join(" ", cmd) + ": " + r.stderr()).isZero();
    }
}
