package org.skydas.siting.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import org.skydas.geo.Lks94;
import org.skydas.model.BorderLine;
import org.skydas.model.Neighbour;
import org.skydas.model.Scenario;
import org.skydas.model.TargetClass;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.GeoTransform;
import org.skydas.terrain.corridor.CorridorAnalysis;
import org.skydas.terrain.corridor.Mover;
import org.skydas.terrain.corridor.Obstacle;
import org.skydas.terrain.scenario.CellMask;
import org.skydas.terrain.warp.DemWarper;
import org.skydas.terrain.warp.GridSpec;

/**
 * {@code --weights corridors}: demand cells weighted by the approach corridors ({@link CorridorAnalysis}, the engine
 * of {@code skydas corridors}). For every neighbour the scenario has a border line with, the {@value #K} fastest
 * mutually diverse corridors of the class's mover (person: foot, vehicle: vehicle, drones: drone) from that
 * neighbour's land to the inner edge of its buffer, over the same DEMs and the scenario's obstacle assets. A demand
 * cell's weight is {@code 1 + Σ (K + 1 − rank)} over the corridors that pass within {@value #NEAR_M} m of its centre:
 * a cell only on the fastest corridor weighs 4, on the third fastest 2, on none 1. So the belt still counts
 * everywhere, and a euro spent where intruders are fastest counts up to four times as much.
 */
public final class CorridorWeights {

    /** Corridors per neighbour. */
    public static final int K = 3;
    /** A cell is on a corridor when its centre is within this distance of the corridor's path. */
    public static final double NEAR_M = 1_000;

    private final double[] weights;
    private final String note;

    private CorridorWeights(double[] weights, String note) {
        this.weights = weights;
        this.note = note;
    }

    /** Per demand cell of {@code siting}, in its order. */
    public double[] weights() {
        return weights.clone();
    }

    public String note() {
        return note;
    }

    /** The class's mover for the corridor search. */
    static Mover mover(TargetClass target) {
        return switch (target) {
            case PERSON -> Mover.FOOT;
            case VEHICLE -> Mover.VEHICLE;
            default -> Mover.DRONE;
        };
    }

    /**
     * @param resolutionM the corridor grid's cell size (at least 100 m)
     * @throws IllegalArgumentException the scenario has no border line, or the corridor grid is too large
     */
    public static CorridorWeights of(Scenario s, List<DemGrid> dems, ScenarioSiting siting, TargetClass target,
                                     double resolutionM) {
        Set<Neighbour> neighbours = new LinkedHashSet<>();
        for (BorderLine b : s.border()) {
            neighbours.add(b.neighbour());
        }
        if (neighbours.isEmpty()) {
            throw new IllegalArgumentException("--weights corridors: the scenario has no border line");
        }
        Mover mover = mover(target);
        List<Obstacle> obstacles = Obstacle.fromScenario(s);
        DemGrid terrainGrid = siting.coverage().terrain();
        GeoTransform gt = terrainGrid.transform();
        int w = terrainGrid.width();
        int h = terrainGrid.height();
        int[] cells = siting.demandCells();
        double[] weights = new double[cells.length];
        java.util.Arrays.fill(weights, 1.0);
        List<String> parts = new ArrayList<>();
        for (Neighbour n : neighbours) {
            CorridorAnalysis.Options o = new CorridorAnalysis.Options(n, null, K, mover, 0.6, 10_000,
                    Math.max(100, resolutionM));
            GridSpec grid = CorridorAnalysis.grid(s, o);
            DemGrid terrain = dems.isEmpty() ? null : DemWarper.warp(dems, grid).grid();
            // Detection does not change where the corridors run: no coverage is needed for the weights.
            CorridorAnalysis.Result r = CorridorAnalysis.run(s, grid, terrain, (x, y) -> 0, obstacles, o,
                    (done, atMost) -> { });
            for (CorridorAnalysis.Corridor c : r.corridors()) {
                if (c.path().length < 2) {
                    continue;
                }
                Geometry near = Lks94.GRID.createLineString(c.path()).buffer(NEAR_M, 8);
                boolean[] mask = CellMask.of(near, w, h, gt);
                int add = K + 1 - c.rank();
                for (int i = 0; i < cells.length; i++) {
                    if (mask[cells[i]]) {
                        weights[i] += add;
                    }
                }
                parts.add(String.format(Locale.ROOT, "%s #%d %.0f min", n.code(), c.rank(), c.travelS() / 60));
            }
        }
        String note = String.format(Locale.ROOT, "corridors (%s mover, %d per neighbour): weight 1 + (%d + 1 - rank) "
                + "per corridor within %.0f m; %s", mover.slug(), K, K, NEAR_M, String.join(", ", parts));
        return new CorridorWeights(weights, note);
    }
}
