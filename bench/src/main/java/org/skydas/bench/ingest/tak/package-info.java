/**
 * TAK protocol v1 decoding performance and the fuzz runs of the payload decoder, the stream framer and the mesh
 * framer; also the fuzz kit the other ingest fuzzers share ({@code Mutator}, {@code FuzzStats}, {@code IngestSamples}).
 */
package org.skydas.bench.ingest.tak;
