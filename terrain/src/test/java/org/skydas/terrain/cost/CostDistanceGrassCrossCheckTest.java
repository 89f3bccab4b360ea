package org.skydas.terrain.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.Gdal;
import org.skydas.terrain.GeoTransform;
import org.skydas.terrain.Grass;
import org.skydas.terrain.io.GeoTiffReader;
import org.skydas.testkit.SharedData;

/**
 * Cell by cell against GRASS 8.2 {@code r.cost} and {@code r.walk} (Debian grass-core) on shared SRTM
 * tiles warped to UTM at 200 m. GRASS makes the friction itself ({@code 1 + slope/5} from
 * r.slope.aspect, null along the border where the slope is undefined) and exports it, so both sides
 * read the same Float32 values; its cost rasters are exported as Float64.
 */
class CostDistanceGrassCrossCheckTest {

    @TempDir
    static Path tmp;

    record Case(String tile, int epsg, double fx, double fy, int maxCost) {
    }

    static Stream<Arguments> cases() {
        return Stream.of(new Case("N50E011.hgt", 32632, 0.5, 0.4, 0), new Case("N50E011.hgt", 32632, 0.13, 0.81, 120),
                new Case("N52E008.hgt", 32632, 0.66, 0.3, 0), new Case("N55W003.hgt", 32630, 0.3, 0.55, 0))
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void equalsGrass(Case c) throws Exception {
        Path src = SharedData.require("data/geo/dem/crosscheck/" + c.tile());
        Path dir = Files.createDirectories(tmp.resolve(c.tile() + "-" + c.fx() + "-" + c.maxCost()));
        Path dem = dir.resolve("dem.tif");
        Gdal.run("gdalwarp", "-q", "-t_srs", "EPSG:" + c.epsg(), "-tr", "200", "200", "-r", "bilinear", src.toString(),
                dem.toString());
        DemGrid demGrid = GeoTiffReader.read(dem);
        GeoTransform gt = demGrid.transform();
        int col = (int) (c.fx() * demGrid.width());
        int row = (int) (c.fy() * demGrid.height());
        double x = gt.x(col + 0.5, row + 0.5);
        double y = gt.y(col + 0.5, row + 0.5);
        String start = String.format(Locale.ROOT, "%.3f,%.3f", x, y);
        String max = c.maxCost() > 0 ? " max_cost=" + c.maxCost() : "";
        // walking costs are seconds (about 150 s a 200 m cell): a larger bound cuts at a similar distance
        int walkMaxCost = c.maxCost() * 200;
        String walkMax = c.maxCost() > 0 ? " max_cost=" + walkMaxCost : "";
        String out = Grass.exec(dir, c.epsg(), String.join("\n",
                "r.in.gdal -o --q input=dem.tif output=dem",
                "g.region raster=dem",
                "r.slope.aspect --q elevation=dem slope=slope",
                "r.mapcalc --q 'friction = 1 + slope/5'",
                "r.out.gdal --q -c -f input=friction output=friction.tif type=Float32",
                "r.cost --q -k input=friction output=costk outdir=dirk start_coordinates=" + start + max,
                "r.cost --q input=friction output=cost8 start_coordinates=" + start + max,
                "r.walk --q -k elevation=dem friction=friction output=walkk start_coordinates=" + start + walkMax,
                "r.walk --q elevation=dem friction=friction output=walk8 start_coordinates=" + start + walkMax,
                "for m in costk cost8 walkk walk8; do r.out.gdal --q -c -f input=$m output=$m.tif type=Float64; done",
                "r.out.gdal --q -c -f input=dirk output=dirk.tif type=Float32", ""));
        DemGrid friction = GeoTiffReader.read(dir.resolve("friction.tif"));
        int[] starts = {row * demGrid.width() + col};

        CostSurface k = CostDistance.friction(friction, starts, new CostDistance.Options(true, c.maxCost(), true));
        assertClose("r.cost -k", k, Gdal.values(dir.resolve("costk.tif"), dir), 1e-5);
        CostSurface e = CostDistance.friction(friction, starts, new CostDistance.Options(false, c.maxCost(), false));
        assertClose("r.cost", e, Gdal.values(dir.resolve("cost8.tif"), dir), 1e-5);
        CostSurface wk = CostDistance.walk(demGrid, friction, CostDistance.WalkParams.DEFAULT, starts,
                new CostDistance.Options(true, walkMaxCost, false));
        assertClose("r.walk -k", wk, Gdal.values(dir.resolve("walkk.tif"), dir), 1e-4);
        CostSurface w = CostDistance.walk(demGrid, friction, CostDistance.WalkParams.DEFAULT, starts,
                new CostDistance.Options(false, walkMaxCost, false));
        assertClose("r.walk", w, Gdal.values(dir.resolve("walk8.tif"), dir), 1e-4);

        // movement directions: equal wherever the cost itself is equal (ties may pick either)
        double[] grassDir = Gdal.values(dir.resolve("dirk.tif"), dir);
        long both = 0;
        long same = 0;
        for (int r = 0; r < k.height(); r++) {
            for (int q = 0; q < k.width(); q++) {
                double g = grassDir[r * k.width() + q];
                float s = k.direction(q, r);
                if (Double.isNaN(g) && Float.isNaN(s)) {
                    continue;
                }
                both++;
                same += g == s ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "%s movement directions: %d / %d equal (%.4f %%)%n", c, same, both,
                100.0 * same / both);
        assertThat(100.0 * same / both).isGreaterThanOrEqualTo(99.0);
    }

    private static void assertClose(String what, CostSurface ours, double[] grass, double tolerance) {
        long cells = grass.length;
        long equal = 0;
        long reached = 0;
        double worst = 0;
        for (int i = 0; i < grass.length; i++) {
            double g = grass[i];
            double s = ours.cost(i);
            if (Double.isNaN(g) || Double.isNaN(s)) {
                equal += Double.isNaN(g) && Double.isNaN(s) ? 1 : 0;
                continue;
            }
            reached++;
            double rel = Math.abs(s - g) / Math.max(Math.abs(g), 1e-9);
            worst = Math.max(worst, rel);
            equal += rel <= tolerance ? 1 : 0;
        }
        double pct = 100.0 * equal / cells;
        System.out.printf(Locale.ROOT, "%s: %d / %d cells equal within %.0e (%.4f %%), %d reached, worst %.3e%n",
                what, equal, cells, tolerance, pct, reached, worst);
        assertThat(reached).as(what + " reached cells").isGreaterThan(cells / 50);
        assertThat(pct).as(what).isGreaterThanOrEqualTo(99.9);
    }
}
