package org.skydas.model;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * Cuts a border line into consecutive sectors of a nominal length, numbered from 1 along the line.
 * The line's parts are walked in order as one path (a gap between parts, such as a wide river reach,
 * adds no length), so a sector that spans a gap is a MultiLineString. A last piece shorter than half
 * the nominal length is joined to the one before it: sectors are between 0.5 and 1.5 times the
 * nominal length (unless the whole line is shorter). Sectors share their end points: no gaps, no
 * overlaps, and their lengths add up to the line's.
 */
public final class SectorCutter {

    public static final double DEFAULT_LENGTH_M = 10_000;

    private final double nominalM;

    public SectorCutter(double nominalM) {
        if (!(nominalM > 0) || Double.isInfinite(nominalM)) {
            throw new IllegalArgumentException("sector length must be > 0 m, is " + nominalM);
        }
        this.nominalM = nominalM;
    }

    public List<Sector> cut(BorderLine border) {
        GeometryFactory gf = border.geometry().getFactory();
        int parts = border.geometry().getNumGeometries();
        double[] partStart = new double[parts + 1];
        for (int p = 0; p < parts; p++) {
            partStart[p + 1] = partStart[p] + border.geometry().getGeometryN(p).getLength();
        }
        double total = partStart[parts];
        int pieces = Math.max(1, (int) Math.floor(total / nominalM));
        if (total - pieces * nominalM >= nominalM / 2) {
            pieces++;
        }
        List<Sector> out = new ArrayList<>(pieces);
        for (int k = 0; k < pieces; k++) {
            double from = k * nominalM;
            double to = k == pieces - 1 ? total : (k + 1) * nominalM;
            List<LineString> bits = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                double a = Math.max(from, partStart[p]);
                double b = Math.min(to, partStart[p + 1]);
                if (b > a) {
                    LineString part = (LineString) border.geometry().getGeometryN(p);
                    bits.add((LineString) new LengthIndexedLine(part).extractLine(a - partStart[p], b - partStart[p]));
                }
            }
            Geometry geometry = bits.size() == 1 ? bits.get(0)
                    : gf.createMultiLineString(bits.toArray(LineString[]::new));
            int index = k + 1;
            out.add(new Sector(Sector.name(border.neighbour(), index), border.neighbour(), index, geometry,
                    geometry.getLength()));
        }
        return out;
    }
}
