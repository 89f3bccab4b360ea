package org.skydas.ingest.sapient;

import com.google.protobuf.Message;

import uk.gov.dstl.sapientmsg.bsiflex335v2.SapientMessage;

/**
 * A valid message of a registered node (registration, status report, detection report, alert, task acknowledgement)
 * and that node. {@code message} is always in the v2.0 form (a v1.0 node's messages are converted, {@link SapientV1});
 * {@code received} is the message as the node sent it (the same object for a v2.0 node), for the journal.
 */
public record SapientReport(SapientMessage message, SapientNode node, Message received) {

    /** A v2.0 node's message. */
    public SapientReport(SapientMessage message, SapientNode node) {
        this(message, node, message);
    }

    /** The message as received, as proto3 JSON on one line. */
    public String receivedJson() {
        return SapientCodec.toJson(received);
    }
}
