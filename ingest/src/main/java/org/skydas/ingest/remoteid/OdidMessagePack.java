package org.skydas.ingest.remoteid;

import java.util.List;

/** Message pack (type 0xF): up to 9 messages of 25 bytes each, as sent over Wi-Fi and BT5 extended advertising. */
public record OdidMessagePack(int protocolVersion, List<OdidMessage> messages) implements OdidMessage {

    public OdidMessagePack {
        messages = List.copyOf(messages);
    }

    @Override
    public int messageType() {
        return TYPE_MESSAGE_PACK;
    }
}
