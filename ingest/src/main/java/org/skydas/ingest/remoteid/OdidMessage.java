package org.skydas.ingest.remoteid;

/**
 * One decoded ASTM F3411 / ASD-STAN EN 4709-002 (Open Drone ID) message. Values are in SI units
 * (metres, m/s, seconds) and degrees; "unknown" sentinels of the wire format become NaN (or null
 * for times), so no caller can mistake −1000 m for an altitude.
 */
public sealed interface OdidMessage
        permits OdidBasicId, OdidLocation, OdidAuthentication, OdidSelfId, OdidSystem, OdidOperatorId,
        OdidMessagePack, OdidUnknown {

    int TYPE_BASIC_ID = 0;
    int TYPE_LOCATION = 1;
    int TYPE_AUTHENTICATION = 2;
    int TYPE_SELF_ID = 3;
    int TYPE_SYSTEM = 4;
    int TYPE_OPERATOR_ID = 5;
    int TYPE_MESSAGE_PACK = 0xF;

    /** Message type: high nibble of byte 0. */
    int messageType();

    /** Protocol version: low nibble of byte 0 (0 = F3411-19, 1 = F3411-20 draft/EN 4709-002 P1, 2 = F3411-22). */
    int protocolVersion();

    /** Short name used in JSON output. */
    default String typeName() {
        return switch (messageType()) {
            case TYPE_BASIC_ID -> "basic_id";
            case TYPE_LOCATION -> "location";
            case TYPE_AUTHENTICATION -> "authentication";
            case TYPE_SELF_ID -> "self_id";
            case TYPE_SYSTEM -> "system";
            case TYPE_OPERATOR_ID -> "operator_id";
            case TYPE_MESSAGE_PACK -> "message_pack";
            default -> "unknown";
        };
    }
}
