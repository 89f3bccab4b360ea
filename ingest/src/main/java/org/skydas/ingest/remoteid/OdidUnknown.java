package org.skydas.ingest.remoteid;

/** A message of a type this decoder does not know (6..14); kept, not rejected, for forward compatibility. */
public record OdidUnknown(int protocolVersion, int messageType, String hex) implements OdidMessage {
}
