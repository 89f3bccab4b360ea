/**
 * Scale-out on Apache Kafka (issue 17, docs/adr/0024-kafka-scale-out.md): the sector partitioning of detections
 * ({@code SectorMap}: owner by nearest sector line, a halo of width H, contiguous blocks of sectors per partition),
 * the versioned binary record of the sector topic ({@code DetectionCodec}, key = sector), the ingest node's
 * publisher ({@code SectorPublisher}: idempotent, acks=all, a future per detection that completes when Kafka has
 * every copy) and its journal port ({@code SectorJournal}), the tracker node's member of the consumer group
 * ({@code SectorConsumer}: each owned partition's detections in order to a {@code SectorHandler}, offsets committed
 * after the handler returned, rebalances passed on) and the handler itself ({@code TrackerNode}: a watch loop per
 * owned partition, only the owner of a place raises its alerts and publishes its tracks, global track ids handed over
 * through the tracks topic, alerts into the shared PostgreSQL store with the idempotent key subject + rule), the
 * other topics and their records ({@code ClusterTopics}, {@code ClusterRecords}) and, for tests and the demo, an
 * in-process KRaft broker ({@code DevBroker}). {@code cli} wires the nodes ({@code skydas serve --kafka}).
 */
package org.skydas.cluster;
