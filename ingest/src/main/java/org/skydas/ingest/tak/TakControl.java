package org.skydas.ingest.tak;

/**
 * TAK v1 {@code TakControl}: the protocol versions a mesh node can decode (never 0: XML support is
 * implied), broadcast at least every 60 s. {@code contactUid} (ATAK-CIV extension) may be null.
 */
public record TakControl(int minProtoVersion, int maxProtoVersion, String contactUid) {
}
