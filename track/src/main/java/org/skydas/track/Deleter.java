package org.skydas.track;

import java.util.List;

/**
 * Deletion, one component of the tracker: after each scan (and each {@link Tracker#advanceTo}) says of every live
 * track whether it ends. Reads the track and changes nothing; the tracker removes it and marks it
 * {@link TrackStatus#DELETED}. Deleters compose with {@link #anyOf}: the tracker's own is M-of-N for tentative
 * tracks ({@link MOfNDeleter}), existence for confirmed ones ({@link ExistenceDeleter}), position uncertainty
 * ({@link PositionSdDeleter}), the surveillance region ({@link RegionDeleter}) and coast time
 * ({@link CoastTimeDeleter}).
 */
@FunctionalInterface
public interface Deleter {

    /** Whether {@code track}, predicted to the tracker's time {@code now}, s, ends now. */
    boolean delete(Track track, double now);

    /** A deleter that ends a track when any of {@code parts} does (evaluated in order, stopping at the first). */
    static Deleter anyOf(List<Deleter> parts) {
        Deleter[] all = parts.toArray(new Deleter[0]);
        if (all.length == 1) {
            return all[0];
        }
        return (track, now) -> {
            for (Deleter d : all) {
                if (d.delete(track, now)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** As {@link #anyOf(List)}. */
    static Deleter anyOf(Deleter... parts) {
        return anyOf(List.of(parts));
    }
}
