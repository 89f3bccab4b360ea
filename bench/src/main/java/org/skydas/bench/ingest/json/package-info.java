/**
 * The fuzz run of the Skydas JSON detection parser: valid samples of every sensor kind and optional field, mutated
 * as JSON documents; anything but a {@code DetectionFormatException} fails it.
 */
package org.skydas.bench.ingest.json;
