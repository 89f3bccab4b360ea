/**
 * The ports of the watch module: what the pipeline writes to and asks, owned here and implemented above it — the
 * journal ({@code Journal}: append a {@code NormalisedBatch}, get sequence numbers), the alert sink, the track history,
 * the coverage lookup and the ground height — with what they carry ({@code NormalisedBatch}, {@code JournalEntry},
 * {@code TrackPoint}). The store persists these
 * records; the server adapts the store (under its one lock), its coverage and the DEMs to the ports (ADR 0016).
 */
package org.skydas.watch.port;
