package org.skydas.terrain.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.skydas.geo.Lks94;
import org.skydas.terrain.GeoTransform;

class CellMaskTest {

    @Test
    void cellCentresInsideRandomPolygonsWithHoles() {
        Random rnd = new Random(5);
        GeoTransform gt = GeoTransform.northUp(1000, 2000, 10, -10);
        for (int k = 0; k < 20; k++) {
            Geometry g = Lks94.GRID.createPoint(new Coordinate(1000 + rnd.nextDouble() * 800, 2000 - rnd.nextDouble() * 600))
                    .buffer(50 + rnd.nextDouble() * 300, 3);
            Geometry hole = g.getCentroid().buffer(20 + rnd.nextDouble() * 30);
            g = g.difference(hole).union(Lks94.GRID.createPoint(new Coordinate(1100, 1900)).buffer(40, 2));
            boolean[] mask = CellMask.of(g, 100, 70, gt);
            IndexedPointInAreaLocator in = new IndexedPointInAreaLocator(g);
            for (int r = 0; r < 70; r++) {
                for (int c = 0; c < 100; c++) {
                    Coordinate p = new Coordinate(gt.x(c + 0.5, r + 0.5), gt.y(c + 0.5, r + 0.5));
                    assertThat(mask[r * 100 + c]).as("cell %d %d of %s", c, r, g)
                            .isEqualTo(in.locate(p) == Location.INTERIOR);
                }
            }
        }
    }
}
