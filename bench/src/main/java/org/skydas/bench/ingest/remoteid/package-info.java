/**
 * Remote ID (Open Drone ID) decoding performance on the shared captures' payloads and frames, and the fuzz run of
 * the message decoder and of the transport layer (802.11 beacons and NAN frames, Bluetooth LE).
 */
package org.skydas.bench.ingest.remoteid;
