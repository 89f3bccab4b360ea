/**
 * Scale-out on Apache Kafka (issue 17, docs/adr/0024-kafka-scale-out.md): the sector partitioning of detections
 * ({@code SectorMap}: owner by nearest sector line, a halo of width H, contiguous blocks of sectors per partition),
 * the versioned binary record of the sector topic ({@code DetectionCodec}, key = sector), the ingest node's
 * publisher ({@code SectorPublisher}: idempotent, acks=all, a future per detection that completes when Kafka has
 * every copy) and the tracker node's member of the consumer group ({@code SectorConsumer}: each owned partition's
 * detections in order to a {@code SectorHandler}, offsets committed after the handler returned, rebalances passed on).
 * Knows nothing of the watch loop, the store or the server: {@code cli} wires a handler in.
 */
package org.skydas.cluster;
