package org.skydas.cluster;

import java.util.Collection;
import java.util.Map;

/**
 * What a tracker node runs over the partitions it owns (the watch loop implements it): the consumer calls it from its
 * one thread, so an implementation needs no locking against the consumer.
 *
 * <p>The guarantee is at least once (docs/adr/0024-kafka-scale-out.md): the consumer commits a batch's offsets only
 * after {@link #handle} returned, so a record whose effects were not made durable is delivered again — after a crash,
 * to the next owner of its partition — and one whose effects were durable but whose commit was lost may be too. The
 * handler therefore makes its effects idempotent: a detection is known by {@code (id, sector)}, an alert by its
 * subject and rule (one open alert per subject and rule), a track point by track and time.
 */
public interface SectorHandler {

    /**
     * The node now owns {@code partitions} (each with its sectors): rebuild their state (read the store, replay
     * recent history) before the first batch. Returns where to start per partition when the handler keeps its own
     * positions (e.g. in the store, committed with its effects: exactly-once effects), or an empty map to start
     * after the group's committed offset.
     */
    default Map<Integer, Long> assigned(Collection<OwnedPartition> partitions) {
        return Map.of();
    }

    /**
     * One partition's next detections, in order. Return only once their effects are durable (journal, alerts, track
     * history committed, or safely handed to something that is) or will be by {@link #flush}; throwing means nothing
     * of the batch may be counted
     * on: the consumer logs it, waits and delivers the same batch again. State kept in memory (the tracker) must not
     * take a detection twice: keep per partition the offset applied so far and skip below it
     * ({@link SectorBatch#offsets}).
     */
    void handle(SectorBatch batch) throws Exception;

    /**
     * Called before the consumer commits offsets (every half second while records come, on revocation and at close):
     * make durable whatever {@link #handle} left in flight since the last flush (acknowledgements waited for once, not
     * once per batch; buffered writes), or throw — the consumer then delivers again everything handled since the last
     * successful flush, as when {@code handle} throws.
     */
    default void flush() throws Exception {
    }

    /**
     * The group is taking {@code partitions} away (another node will own them): finish and hand over — e.g. publish
     * the state of tracks in those sectors — before the consumer commits what was handled and lets them go.
     */
    default void revoked(Collection<Integer> partitions) {
    }

    /**
     * {@code partitions} were lost without a revocation (this node was too long silent and another may already own
     * them): drop their state; nothing is committed for them.
     */
    default void lost(Collection<Integer> partitions) {
        revoked(partitions);
    }

    /** A partition owned by this node and the sectors it carries. */
    record OwnedPartition(int partition, java.util.List<String> sectors) {
        public OwnedPartition {
            sectors = java.util.List.copyOf(sectors);
        }
    }
}
