package org.skydas.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * Derives the shared border lines from country polygons: each segment of the inside country's
 * outline belongs to the neighbour whose outline lies within {@code toleranceM} of the segment's
 * midpoint (the nearest one at tripoints), or to no one (coast, lagoon shore).
 *
 * <p>Independently simplified polygons drift apart by up to a few tens of metres, so a tolerance is
 * needed. Two clean-ups follow: runs shorter than {@code minRunM} are dropped as noise (a coast
 * segment that passes near a neighbour), and gaps shorter than {@code maxGapM} between two runs of the
 * same neighbour are closed (where the two outlines drift further apart for a moment), and so are gaps
 * of any length along which the neighbour stays within {@code riverM} (a border river or lake between
 * the two land outlines: the border runs in the water, and the inside bank stands for it). Lines are
 * taken from the inside country's outline, so they are continuous and follow its vertices exactly.
 */
public final class BorderDerivation {

    private final double toleranceM;
    private final double minRunM;
    private final double maxGapM;
    private final double riverM;

    public BorderDerivation(double toleranceM, double minRunM, double maxGapM, double riverM) {
        this.toleranceM = toleranceM;
        this.minRunM = minRunM;
        this.maxGapM = maxGapM;
        this.riverM = riverM;
    }

    /**
     * Defaults for 10 m-simplified national outlines: 60 m tolerance, 300 m noise, 1 km gaps, rivers
     * up to 300 m wide (wider water, such as the Curonian Lagoon or the Neman's flood plain, leaves a gap in the line).
     */
    public static BorderDerivation defaults() {
        return new BorderDerivation(60, 300, 1_000, 300);
    }

    /** Border lines of {@code inside} with each neighbour present in the map (same grid CRS). */
    public List<BorderLine> derive(Geometry inside, Map<Neighbour, ? extends Geometry> neighbours) {
        GeometryFactory gf = inside.getFactory();
        Map<Neighbour, IndexedFacetDistance> index = new EnumMap<>(Neighbour.class);
        neighbours.forEach((n, g) -> index.put(n, new IndexedFacetDistance(g)));
        Map<Neighbour, List<LineString>> parts = new EnumMap<>(Neighbour.class);
        for (int p = 0; p < inside.getNumGeometries(); p++) {
            Polygon poly = (Polygon) inside.getGeometryN(p);
            label(poly.getExteriorRing(), index, gf, parts);
            for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                label(poly.getInteriorRingN(h), index, gf, parts);
            }
        }
        List<BorderLine> out = new ArrayList<>();
        for (Neighbour n : Neighbour.values()) {
            List<LineString> lines = parts.get(n);
            if (lines != null && !lines.isEmpty()) {
                out.add(new BorderLine("border-" + n.code(), n,
                        gf.createMultiLineString(lines.toArray(LineString[]::new))));
            }
        }
        return out;
    }

    private void label(LinearRing ring, Map<Neighbour, IndexedFacetDistance> index, GeometryFactory gf,
                       Map<Neighbour, List<LineString>> parts) {
        Coordinate[] c = ring.getCoordinates();
        int n = c.length - 1; // segments; the ring is closed
        if (n < 3) {
            return;
        }
        Neighbour[] label = new Neighbour[n];
        Neighbour[] near = new Neighbour[n];
        double[] length = new double[n];
        Coordinate mid = new Coordinate();
        for (int i = 0; i < n; i++) {
            length[i] = c[i].distance(c[i + 1]);
            mid.x = (c[i].x + c[i + 1].x) / 2;
            mid.y = (c[i].y + c[i + 1].y) / 2;
            org.locationtech.jts.geom.Point pt = gf.createPoint(mid);
            double best = Math.max(toleranceM, riverM);
            for (Map.Entry<Neighbour, IndexedFacetDistance> e : index.entrySet()) {
                double d = e.getValue().distance(pt);
                if (d <= best) {
                    best = d;
                    near[i] = e.getKey();
                }
            }
            label[i] = best <= toleranceM ? near[i] : null;
        }
        int start = runStart(label);
        Neighbour[] rotated = new Neighbour[n];
        Neighbour[] rotatedNear = new Neighbour[n];
        double[] rotatedLength = new double[n];
        for (int i = 0; i < n; i++) {
            rotated[i] = label[(start + i) % n];
            rotatedNear[i] = near[(start + i) % n];
            rotatedLength[i] = length[(start + i) % n];
        }
        dropShortRuns(rotated, rotatedLength);
        fillGaps(rotated, rotatedNear, rotatedLength);
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && rotated[j + 1] == rotated[i]) {
                j++;
            }
            if (rotated[i] != null) {
                Coordinate[] run = new Coordinate[j - i + 2];
                for (int k = 0; k < run.length; k++) {
                    run[k] = c[(start + i + k) % n].copy();
                }
                parts.computeIfAbsent(rotated[i], k -> new ArrayList<>()).add(gf.createLineString(run));
            }
            i = j + 1;
        }
    }

    /** Index where a run begins, so that no run wraps around the ring's start. */
    private static int runStart(Neighbour[] label) {
        int n = label.length;
        for (int i = 0; i < n; i++) {
            if (label[i] != label[(i - 1 + n) % n]) {
                return i;
            }
        }
        return 0;
    }

    private void dropShortRuns(Neighbour[] label, double[] length) {
        forEachRun(label, length, (from, to, owner, runLength) -> {
            if (owner != null && runLength < minRunM) {
                for (int k = from; k <= to; k++) {
                    label[k] = null;
                }
            }
        });
    }

    private void fillGaps(Neighbour[] label, Neighbour[] near, double[] length) {
        int n = label.length;
        forEachRun(label, length, (from, to, owner, runLength) -> {
            if (owner == null) {
                Neighbour before = label[(from - 1 + n) % n];
                Neighbour after = label[(to + 1) % n];
                boolean acrossWater = true;
                for (int k = from; k <= to && acrossWater; k++) {
                    acrossWater = near[k] == before;
                }
                if (before != null && before == after && (runLength < maxGapM || acrossWater)) {
                    for (int k = from; k <= to; k++) {
                        label[k] = before;
                    }
                }
            }
        });
    }

    private interface RunVisitor {
        void visit(int from, int to, Neighbour owner, double runLength);
    }

    private static void forEachRun(Neighbour[] label, double[] length, RunVisitor visitor) {
        int i = 0;
        int n = label.length;
        while (i < n) {
            int j = i;
            double sum = length[i];
            while (j + 1 < n && label[j + 1] == label[i]) {
                j++;
                sum += length[j];
            }
            visitor.visit(i, j, label[i], sum);
            i = j + 1;
        }
    }
}
