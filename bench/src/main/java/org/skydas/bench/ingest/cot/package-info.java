/**
 * Cursor-on-Target parsing performance and robustness: JMH and per-CPU-second throughput of the XML parser on real
 * TAK events, and the fuzz run of the parser and of the stream splitter.
 */
package org.skydas.bench.ingest.cot;
