/**
 * TAK protocol version 1: the hand-written protobuf codec of {@code TakMessage} (CoT event and/or
 * {@code TakControl}) over a bounds-checked wire reader and writer, and the two framings, streaming (TCP/TLS to a TAK
 * server) and mesh (UDP multicast, one-shot TCP).
 */
package org.skydas.ingest.tak;
