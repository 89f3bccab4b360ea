/**
 * WATCH, live: {@code LivePipeline} runs the three jobs of the watch module on one thread in one process — the bounded
 * intake queue ({@code watch.intake}), the normaliser (feed message → journal entry and grid detections,
 * {@code watch.normalise}) and the watch loop (journalled detections → tracker → rules → alerts, {@code watch.loop})
 * — and writes through the ports of {@code watch.port}, journalling each batch before anything acts on it (ADR 0004).
 * The seams are where a scaled-out WATCH (issue #17) splits it: ingest nodes normalise and append to a journal topic,
 * tracker nodes drive the loop from it (ADR 0016).
 */
package org.skydas.watch;
