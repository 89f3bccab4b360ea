package org.skydas.ingest.remoteid;

/** Self-ID (type 3): free-text purpose of the flight. {@code descriptionType} 0 = text, 1 = emergency, 2 = extended status. */
public record OdidSelfId(int protocolVersion, int descriptionType, String description) implements OdidMessage {

    @Override
    public int messageType() {
        return TYPE_SELF_ID;
    }
}
