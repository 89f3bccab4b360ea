package org.skydas.track;

import java.util.EnumMap;
import java.util.Map;

/** Counts of skipped inputs per {@link RejectReason}. */
public final class RejectCounters {

    private final long[] counts = new long[RejectReason.values().length];

    void add(RejectReason reason, long n) {
        counts[reason.ordinal()] += n;
    }

    public long get(RejectReason reason) {
        return counts[reason.ordinal()];
    }

    public long total() {
        long s = 0;
        for (long c : counts) {
            s += c;
        }
        return s;
    }

    /** Non-zero counts, in reason order. */
    public Map<RejectReason, Long> asMap() {
        Map<RejectReason, Long> m = new EnumMap<>(RejectReason.class);
        for (RejectReason r : RejectReason.values()) {
            if (counts[r.ordinal()] > 0) {
                m.put(r, counts[r.ordinal()]);
            }
        }
        return m;
    }
}
