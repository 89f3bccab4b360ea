/**
 * TAK protocol version 1: the codec of {@code TakMessage} (CoT event and/or {@code TakControl}) over the protobuf-java
 * classes protoc generates at build time ({@code TakProtos}) from Skydas's restatement of the schema,
 * {@code ingest/src/main/proto/takmessage.proto} (docs/adr/0019-tak-codec-generated.md), and the two framings,
 * streaming (TCP/TLS to a TAK server) and mesh (UDP multicast, one-shot TCP).
 */
package org.skydas.ingest.tak;
