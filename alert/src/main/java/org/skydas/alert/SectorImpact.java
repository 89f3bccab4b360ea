package org.skydas.alert;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Impact level per sector from the alerts raised there over a sliding window: each alert adds a
 * weight by severity (low 1, medium 2, high 4, critical 8), and the sum is compared with thresholds.
 */
public final class SectorImpact {

    public enum Level { LOW, MEDIUM, HIGH, CRITICAL }

    private record Entry(double time, String sectorId, int weight) {
    }

    private final double windowS;
    private final int[] thresholds;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private final Map<String, Integer> sums = new HashMap<>();

    /**
     * @param thresholds the sums from which a sector is medium, high and critical (ascending)
     */
    public SectorImpact(double windowS, int mediumFrom, int highFrom, int criticalFrom) {
        if (!(windowS > 0) || !(mediumFrom < highFrom && highFrom < criticalFrom)) {
            throw new IllegalArgumentException("need a positive window and ascending thresholds");
        }
        this.windowS = windowS;
        this.thresholds = new int[] {mediumFrom, highFrom, criticalFrom};
    }

    public static SectorImpact defaults() {
        return new SectorImpact(3_600, 4, 8, 16);
    }

    public void add(String sectorId, Severity severity, double time) {
        if (sectorId == null) {
            return;
        }
        int w = 1 << severity.ordinal();
        entries.addLast(new Entry(time, sectorId, w));
        sums.merge(sectorId, w, Integer::sum);
    }

    public Level level(String sectorId, double now) {
        expire(now);
        int sum = sums.getOrDefault(sectorId, 0);
        Level l = Level.LOW;
        for (int i = 0; i < thresholds.length; i++) {
            if (sum >= thresholds[i]) {
                l = Level.values()[i + 1];
            }
        }
        return l;
    }

    private void expire(double now) {
        while (!entries.isEmpty() && entries.peekFirst().time() <= now - windowS) {
            Entry e = entries.removeFirst();
            sums.merge(e.sectorId(), -e.weight(), Integer::sum);
        }
    }
}
