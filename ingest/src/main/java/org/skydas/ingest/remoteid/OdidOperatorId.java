package org.skydas.ingest.remoteid;

/** Operator ID (type 5), e.g. an EU operator registration number. {@code operatorIdType} 0 = CAA-issued. */
public record OdidOperatorId(int protocolVersion, int operatorIdType, String operatorId) implements OdidMessage {

    @Override
    public int messageType() {
        return TYPE_OPERATOR_ID;
    }
}
