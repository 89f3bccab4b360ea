package org.skydas.cluster;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tracks other watch loops published recently (read from the tracks topic, and this node's own publications), so
 * that a loop whose sector a target enters — or which replays a dead node's partition — continues the track under the
 * global id it already has instead of starting a second one (docs/adr/0024-kafka-scale-out.md, hand-over).
 *
 * <p>A local track adopts a published one with the same external id (CoT uid, Remote ID serial…) when there is one;
 * otherwise the nearest published track whose estimate, carried to the local track's time at its own velocity, lies
 * within {@code GATE_M + GATE_M_PER_S·|Δt|}, among those not in use by another track of the same loop and seen within
 * {@link #KEEP_S}. Thread-safe.
 */
final class TrackRegistry {

    /** Published tracks older than this (data time, s) are forgotten. */
    static final double KEEP_S = 90;
    static final double GATE_M = 150;
    static final double GATE_M_PER_S = 5;

    private final Map<Long, ClusterRecords.TrackRecord> latest = new ConcurrentHashMap<>();
    private final Map<String, Long> byExternal = new ConcurrentHashMap<>();
    private volatile double newest = Double.NEGATIVE_INFINITY;
    private long notes;

    void note(ClusterRecords.TrackRecord r) {
        if (r.deleted()) {
            latest.remove(r.id());
            if (r.externalId() != null) {
                byExternal.remove(r.externalId(), r.id());
            }
            return;
        }
        latest.merge(r.id(), r, (old, now) -> now.t() >= old.t() ? now : old);
        if (r.externalId() != null) {
            byExternal.put(r.externalId(), r.id());
        }
        if (r.t() > newest) {
            newest = r.t();
        }
        if (++notes % 10_000 == 0) {
            forgetBefore(newest - KEEP_S);
        }
    }

    private void forgetBefore(double t) {
        for (Iterator<ClusterRecords.TrackRecord> it = latest.values().iterator(); it.hasNext(); ) {
            ClusterRecords.TrackRecord r = it.next();
            if (r.t() < t) {
                it.remove();
                if (r.externalId() != null) {
                    byExternal.remove(r.externalId(), r.id());
                }
            }
        }
    }

    /** The global id a local track at (t, x, y) with {@code externalId} continues, or -1 for a new target. */
    long adopt(String externalId, double t, double x, double y, Set<Long> inUse) {
        if (externalId != null) {
            Long g = byExternal.get(externalId);
            if (g != null && !inUse.contains(g)) {
                ClusterRecords.TrackRecord r = latest.get(g);
                if (r != null && Math.abs(t - r.t()) <= KEEP_S) {
                    return g;
                }
            }
        }
        long best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (ClusterRecords.TrackRecord r : latest.values()) {
            if (inUse.contains(r.id()) || (externalId != null && r.externalId() != null
                    && !externalId.equals(r.externalId()))) {
                continue;
            }
            double dt = t - r.t();
            if (Math.abs(dt) > KEEP_S) {
                continue;
            }
            double vx = Double.isFinite(r.vx()) ? r.vx() : 0;
            double vy = Double.isFinite(r.vy()) ? r.vy() : 0;
            double d = Math.hypot(x - (r.x() + vx * dt), y - (r.y() + vy * dt));
            if (d <= GATE_M + GATE_M_PER_S * Math.abs(dt) && d < bestD) {
                bestD = d;
                best = r.id();
            }
        }
        return best;
    }

    int size() {
        return latest.size();
    }
}
