package org.skydas.cluster;

import java.util.List;

/**
 * Detections of one partition in the order Kafka holds them, for a {@link SectorHandler}.
 *
 * @param partition   the partition
 * @param sectors     the sectors the partition carries ({@link SectorMap#sectorsOf})
 * @param firstOffset the offset of the first record polled (records that could not be read are counted and left out,
 *                    so offsets and list positions need not match)
 * @param nextOffset  the offset after the last record: what the consumer commits once the handler has returned
 * @param detections  the readable records, in offset order
 * @param offsets     the offset of each detection (same order): a handler that keeps in memory how far it has
 *                    applied a partition skips what it already applied when a batch comes again after it threw
 */
public record SectorBatch(int partition, List<String> sectors, long firstOffset, long nextOffset,
                          List<SectorDetection> detections, List<Long> offsets) {

    public SectorBatch {
        sectors = List.copyOf(sectors);
        detections = List.copyOf(detections);
        offsets = List.copyOf(offsets);
        if (offsets.size() != detections.size()) {
            throw new IllegalArgumentException("a batch needs one offset per detection: " + offsets.size() + " for "
                    + detections.size());
        }
    }
}
