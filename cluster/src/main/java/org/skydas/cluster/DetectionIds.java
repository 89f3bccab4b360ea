package org.skydas.cluster;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Detection ids unique over the cluster without coordination: the ingest node's number in the top 16 bits, and below
 * them a counter that starts at the node's clock (milliseconds since 2026-01-01 UTC times 256) and only grows. Two
 * nodes never share ids; one node after a restart starts above every id it gave before as long as it gave fewer than
 * 256 ids per millisecond on average since its previous start (256 000 detections a second) and its clock did not go
 * back. 48 bits of counter last 34 years from 2026.
 *
 * <p>{@link #forTracks}: the global track ids of a tracker node, which the web console shows and asks for, so they
 * must be exact in a JavaScript number (below 2<sup>53</sup>): the node's number in 13 bits (0..8191) above a 40-bit
 * counter that starts at the node's clock in milliseconds since 2026-01-01 (at most one new track per millisecond on
 * average between restarts; 40 bits last 34 years).
 */
public final class DetectionIds {

    /** 2026-01-01T00:00:00Z in ms since the epoch. */
    static final long EPOCH_MILLIS = 1_767_225_600_000L;
    static final int NODE_BITS = 16;
    static final int COUNTER_BITS = 64 - NODE_BITS;
    static final long COUNTER_MASK = (1L << COUNTER_BITS) - 1;
    /** Track ids: node bits and counter bits, 53 in all. */
    static final int TRACK_NODE_BITS = 13;
    static final int TRACK_COUNTER_BITS = 40;

    private final long node;
    private final int counterBits;
    private final int clockShift;
    private final AtomicLong counter = new AtomicLong();
    private final java.util.function.LongSupplier clock;

    /** Ids of ingest node {@code nodeId} (0..65535) on the wall clock. */
    public DetectionIds(int nodeId) {
        this(nodeId, System::currentTimeMillis);
    }

    DetectionIds(int nodeId, java.util.function.LongSupplier clockMillis) {
        this(nodeId, NODE_BITS, COUNTER_BITS, 8, clockMillis);
    }

    private DetectionIds(int nodeId, int nodeBits, int counterBits, int clockShift,
                         java.util.function.LongSupplier clockMillis) {
        if (nodeId < 0 || nodeId >= (1 << nodeBits)) {
            throw new IllegalArgumentException("node id must be in 0.." + ((1 << nodeBits) - 1) + ", is " + nodeId);
        }
        this.node = (long) nodeId << counterBits;
        this.counterBits = counterBits;
        this.clockShift = clockShift;
        this.clock = clockMillis;
    }

    /** The global track ids of tracker node {@code nodeId} (0..8191): all below 2<sup>53</sup>. */
    public static DetectionIds forTracks(int nodeId) {
        return forTracks(nodeId, System::currentTimeMillis);
    }

    static DetectionIds forTracks(int nodeId, java.util.function.LongSupplier clockMillis) {
        return new DetectionIds(nodeId, TRACK_NODE_BITS, TRACK_COUNTER_BITS, 0, clockMillis);
    }

    /** The next id; thread-safe. */
    public long next() {
        long floor = Math.max(0, clock.getAsLong() - EPOCH_MILLIS) << clockShift;
        long c = counter.updateAndGet(prev -> Math.max(prev + 1, floor));
        if (c >= 1L << counterBits) {
            throw new IllegalStateException("id counter exhausted (node " + (node >>> counterBits) + ")");
        }
        return node | c;
    }

    /** The tracker node that gave global track id {@code id}. */
    public static int nodeOfTrack(long id) {
        return (int) (id >>> TRACK_COUNTER_BITS);
    }

    /** The ingest node that gave {@code id}. */
    public static int nodeOf(long id) {
        return (int) (id >>> COUNTER_BITS);
    }
}
