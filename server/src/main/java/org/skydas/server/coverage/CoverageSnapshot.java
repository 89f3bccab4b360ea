package org.skydas.server.coverage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.skydas.geo.GeoJsonFeature;
import org.skydas.geo.Lks94;
import org.skydas.model.TargetClass;
import org.skydas.terrain.GeoTransform;
import org.skydas.terrain.coverage.CoverageResult;
import org.skydas.terrain.scenario.ClassCoverage;
import org.skydas.terrain.scenario.SectorGaps;

/**
 * One finished coverage computation, as the API serves it: per target class the probability grid
 * (for tiles), the gap polygons in WGS84 and the figures per sector. Immutable once built.
 *
 * @param boundsWgs84 the grid's extent, {minLon, minLat, maxLon, maxLat}
 */
public record CoverageSnapshot(Instant computedAt, String terrainNote, double threshold, double resolutionM,
        double[] boundsWgs84, Map<TargetClass, ClassLayer> classes) {

    public CoverageSnapshot {
        boundsWgs84 = boundsWgs84.clone();
        classes = Collections.unmodifiableMap(new EnumMap<>(classes));
    }

    @Override
    public double[] boundsWgs84() {
        return boundsWgs84.clone();
    }

    /** One sector's figures for one class. */
    public record SectorFigures(String sectorId, String neighbour, double coveredPct, double longestGapM,
            double gapAreaM2) {
    }

    /**
     * One target class.
     *
     * @param probability P(at least one) on the grid; the sensor counts are dropped (tiles do not
     *                    use them and they would cost another 2 bytes a cell)
     */
    public record ClassLayer(TargetClass target, CoverageResult probability, List<SectorFigures> sectors,
            List<GeoJsonFeature> gaps) {

        public ClassLayer {
            sectors = List.copyOf(sectors);
            gaps = List.copyOf(gaps);
        }

        static ClassLayer of(ClassCoverage cc) {
            CoverageResult r = cc.result();
            CoverageResult slim = r.withoutSensorCounts();
            String name = wireName(cc.target());
            List<SectorFigures> figures = new ArrayList<>();
            List<GeoJsonFeature> gaps = new ArrayList<>();
            for (SectorGaps g : cc.sectors()) {
                figures.add(new SectorFigures(g.sectorId(), g.neighbour(), g.coveredPct(), g.longestGapM(),
                        g.gaps().getArea()));
                for (int i = 0; i < g.gaps().getNumGeometries(); i++) {
                    Geometry part = g.gaps().getGeometryN(i);
                    if (part.isEmpty()) {
                        continue;
                    }
                    Map<String, Object> props = new LinkedHashMap<>();
                    props.put("sector", g.sectorId());
                    props.put("neighbour", g.neighbour());
                    props.put("class", name);
                    props.put("area_m2", Math.round(part.getArea()));
                    gaps.add(new GeoJsonFeature(g.sectorId() + "/" + name + "/" + i, Lks94.toWgs84(part), props));
                }
            }
            return new ClassLayer(cc.target(), slim, figures, gaps);
        }
    }

    /** "person", "drone_50m": the class as URLs and JSON name it. */
    public static String wireName(TargetClass t) {
        return t.name().toLowerCase(Locale.ROOT);
    }

    /** The class of a wire name, or null. */
    public static TargetClass parseClass(String wire) {
        for (TargetClass t : TargetClass.values()) {
            if (wireName(t).equals(wire)) {
                return t;
            }
        }
        return null;
    }

    /** The WGS84 box of an LKS-94 grid: corners and edge midpoints (the projection bends edges slightly). */
    static double[] bounds(int width, int height, GeoTransform gt) {
        Envelope e = new Envelope();
        for (double c : new double[] {0, width / 2.0, width}) {
            for (double r : new double[] {0, height / 2.0, height}) {
                Coordinate p = Lks94.toWgs84(gt.x(c, r), gt.y(c, r));
                e.expandToInclude(p);
            }
        }
        return new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()};
    }
}
