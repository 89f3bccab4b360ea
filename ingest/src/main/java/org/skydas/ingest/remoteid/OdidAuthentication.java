package org.skydas.ingest.remoteid;

import java.time.Instant;

/**
 * One page of an Authentication message (type 2). Page 0 carries the index of the last page, the
 * total data length and a timestamp (seconds since 2019-01-01T00:00:00Z); it holds 17 data bytes,
 * later pages 23. Fields that only page 0 has are −1 / null on other pages. {@code authType}: 0 none,
 * 1 UAS ID signature, 2 operator ID signature, 3 message set signature, 4 network remote ID,
 * 5 specific method, 0xA-0xF private.
 */
public record OdidAuthentication(int protocolVersion, int authType, int page, int lastPageIndex, int length,
                                 Instant timestamp, String dataHex) implements OdidMessage {

    @Override
    public int messageType() {
        return TYPE_AUTHENTICATION;
    }
}
