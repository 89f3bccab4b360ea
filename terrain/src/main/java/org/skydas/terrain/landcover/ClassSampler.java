package org.skydas.terrain.landcover;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.locationtech.proj4j.ProjCoordinate;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.GeoTransform;
import org.skydas.terrain.warp.CrsTransform;
import org.skydas.terrain.warp.GridSpec;

/** A class raster (land cover) taken onto another grid by nearest neighbour: classes are never averaged. */
public final class ClassSampler {

    private ClassSampler() {
    }

    /**
     * The class code under each cell centre of {@code spec}, NaN where the raster has none (outside it
     * or void). A raster without an EPSG code is taken to be in the grid's CRS.
     */
    public static float[] nearest(DemGrid classes, GridSpec spec) {
        int w = spec.width();
        float[] out = new float[w * spec.height()];
        Arrays.fill(out, Float.NaN);
        GeoTransform tg = spec.transform();
        GeoTransform ts = classes.transform();
        IntStream.range(0, spec.height()).parallel().forEach(r -> {
            CrsTransform t = CrsTransform.between(spec.epsg(), classes.epsg() == 0 ? spec.epsg() : classes.epsg());
            ProjCoordinate p = new ProjCoordinate();
            for (int c = 0; c < w; c++) {
                t.apply(tg.x(c + 0.5, r + 0.5), tg.y(c + 0.5, r + 0.5), p);
                int sc = (int) Math.floor(ts.col(p.x, p.y));
                int sr = (int) Math.floor(ts.row(p.x, p.y));
                if (sc < 0 || sr < 0 || sc >= classes.width() || sr >= classes.height()) {
                    continue;
                }
                float v = classes.height(sc, sr);
                out[r * w + c] = classes.isVoidValue(v) ? Float.NaN : v;
            }
        });
        return out;
    }
}
