package org.skydas.cluster;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Detection ids unique over the cluster without coordination: the ingest node's number in the top 16 bits, and below
 * them a counter that starts at the node's clock (milliseconds since 2026-01-01 UTC times 256) and only grows. Two
 * nodes never share ids; one node after a restart starts above every id it gave before as long as it gave fewer than
 * 256 ids per millisecond on average since its previous start (256 000 detections a second) and its clock did not go
 * back. 48 bits of counter last 34 years from 2026.
 */
public final class DetectionIds {

    /** 2026-01-01T00:00:00Z in ms since the epoch. */
    static final long EPOCH_MILLIS = 1_767_225_600_000L;
    static final int NODE_BITS = 16;
    static final int COUNTER_BITS = 64 - NODE_BITS;
    static final long COUNTER_MASK = (1L << COUNTER_BITS) - 1;

    private final long node;
    private final AtomicLong counter = new AtomicLong();
    private final java.util.function.LongSupplier clock;

    /** Ids of ingest node {@code nodeId} (0..65535) on the wall clock. */
    public DetectionIds(int nodeId) {
        this(nodeId, System::currentTimeMillis);
    }

    DetectionIds(int nodeId, java.util.function.LongSupplier clockMillis) {
        if (nodeId < 0 || nodeId >= (1 << NODE_BITS)) {
            throw new IllegalArgumentException("node id must be in 0.." + ((1 << NODE_BITS) - 1) + ", is " + nodeId);
        }
        this.node = (long) nodeId << COUNTER_BITS;
        this.clock = clockMillis;
    }

    /** The next id; thread-safe. */
    public long next() {
        long floor = Math.max(0, clock.getAsLong() - EPOCH_MILLIS) << 8;
        long c = counter.updateAndGet(prev -> Math.max(prev + 1, floor));
        if (c > COUNTER_MASK) {
            throw new IllegalStateException("detection id counter exhausted (node " + (node >>> COUNTER_BITS) + ")");
        }
        return node | c;
    }

    /** The ingest node that gave {@code id}. */
    public static int nodeOf(long id) {
        return (int) (id >>> COUNTER_BITS);
    }
}
