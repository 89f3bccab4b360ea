/**
 * ASTERIX decoding performance and robustness: JMH and per-CPU-second throughput of CAT048 decoding over the
 * real records of the shared captures, and the fuzz run of the decoder and the pcap/pcapng reader (mutated inputs:
 * any exception other than a clean rejection fails it).
 */
package org.skydas.bench.ingest.asterix;
