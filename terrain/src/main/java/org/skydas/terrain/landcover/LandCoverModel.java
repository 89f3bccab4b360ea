package org.skydas.terrain.landcover;

import java.util.Map;
import java.util.TreeMap;

/**
 * Obstruction heights per land-cover class code, and how deep an observer can see into an
 * obstruction (forest, settlement).
 *
 * <p>The model, as used by the viewshed: the sight lines run over the <em>surface</em> (ground
 * plus the class's obstruction height: canopy or roofs), while targets stand on the
 * <em>ground</em>. So a forest blocks what lies behind it wherever its canopy rises above the
 * sight line, and a target inside a forest is seen only near the edge: its cell must be in
 * sight over the cells in front of it (so the canopy between the edge and the target blocks
 * deeper cells), and its centre must lie within {@link #edgeDepth()} of a cell that is not
 * obstructed (at least the outer ring of obstructed cells counts, whatever the cell size).
 * Crowns are taken as opaque; seasonal foliage, stand density and partial visibility are not
 * modelled.
 *
 * @param heightByClass obstruction height (m) per class code; classes not listed have none
 * @param edgeDepth how far (m) into an obstruction a target can still be seen from outside
 */
public record LandCoverModel(Map<Integer, Double> heightByClass, double edgeDepth) {

    public static final double FOREST_CANOPY = 20;
    public static final double SETTLEMENT = 10;
    public static final double DEFAULT_EDGE_DEPTH = 30;

    public LandCoverModel {
        heightByClass = Map.copyOf(new TreeMap<>(heightByClass));
        for (var e : heightByClass.entrySet()) {
            if (!(e.getValue() >= 0) || Double.isInfinite(e.getValue())) {
                throw new IllegalArgumentException("obstruction height of class " + e.getKey() + " must be >= 0");
            }
        }
        if (!(edgeDepth >= 0)) {
            throw new IllegalArgumentException("edge depth must be >= 0");
        }
    }

    /**
     * The 4-class CORINE raster of the shared Suwałki data: 1 agricultural, 2 forest and
     * semi-natural (canopy 20 m), 3 wetlands, 4 water.
     */
    public static LandCoverModel corine4Class() {
        return new LandCoverModel(Map.of(2, FOREST_CANOPY), DEFAULT_EDGE_DEPTH);
    }

    /**
     * CORINE level 1 codes: 1 artificial surfaces (settlement, 10 m), 2 agricultural,
     * 3 forest and semi-natural (20 m), 4 wetlands, 5 water.
     */
    public static LandCoverModel corineLevel1() {
        return new LandCoverModel(Map.of(1, SETTLEMENT, 3, FOREST_CANOPY), DEFAULT_EDGE_DEPTH);
    }

    /** Obstruction height of a class code (0 when not listed or NaN). */
    public double heightOf(double classCode) {
        if (classCode != classCode) {
            return 0;
        }
        Double h = heightByClass.get((int) Math.round(classCode));
        return h == null ? 0 : h;
    }

    public LandCoverModel withHeight(int classCode, double height) {
        Map<Integer, Double> m = new TreeMap<>(heightByClass);
        m.put(classCode, height);
        return new LandCoverModel(m, edgeDepth);
    }
}
