package org.skydas.track;

import org.skydas.model.TargetKind;

/**
 * Ends a track nobody has reported for longer than the max coast time of its most likely class. Needed besides
 * existence: a track fed only by event sources, or outside every scanning sensor's coverage, gets no misses.
 */
public final class CoastTimeDeleter implements Deleter {

    private final double[] perClass;
    private final double shortest;

    /** @param perClass max coast time per class, s, indexed by {@link TargetKind#ordinal()} */
    public CoastTimeDeleter(double[] perClass) {
        if (perClass.length != TargetKind.COUNT) {
            throw new IllegalArgumentException("need one coast time per class");
        }
        this.perClass = perClass.clone();
        double min = Double.POSITIVE_INFINITY;
        for (double c : perClass) {
            min = Math.min(min, c);
        }
        this.shortest = min;
    }

    @Override
    public boolean delete(Track tr, double now) {
        double silent = now - tr.lastUpdate;
        return silent > shortest && silent > perClass[tr.mostLikelyClass().ordinal()];
    }
}
