/**
 * Decoders of sensor protocols into typed messages, and the listeners that feed them (subpackages per protocol).
 * This package holds what they share: {@code DecodeException} (bad input, with a reason) and the {@code Dumper}
 * contract behind {@code skydas decode} (one JSON object per record, for cross-checks with reference decoders).
 */
package org.skydas.ingest;
