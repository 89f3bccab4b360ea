package org.skydas.ingest.remoteid;

import java.util.ArrayList;
import java.util.List;

import org.skydas.ingest.DecodeException;

/**
 * Turns transport payloads into messages and keeps the counts an operator needs to judge a
 * receiver: payloads dropped for a bad link-layer CRC (their content is garbage, e.g. IDs like
 * "SSEVTF\ufffd_3w"), payloads refused as malformed, messages decoded. Not thread-safe (one per feed).
 */
public final class RemoteIdReceiver {

    /** One decoded payload; {@code message} is a single message or a pack. */
    public record Received(OdidPayload payload, OdidMessage message) {
    }

    private final OdidDecoder decoder = new OdidDecoder();
    private long payloads;
    private long badCrc;
    private long malformed;
    private long messages;
    private String lastError;

    /** Decodes a payload; returns null (and counts why) when it has a bad CRC or cannot be decoded. */
    public Received accept(OdidPayload p) {
        payloads++;
        if (Boolean.FALSE.equals(p.crcOk())) {
            badCrc++;
            return null;
        }
        try {
            OdidMessage m = decoder.decode(p.payload());
            messages += m instanceof OdidMessagePack pack ? pack.messages().size() : 1;
            return new Received(p, m);
        } catch (DecodeException e) {
            malformed++;
            lastError = e.getMessage();
            return null;
        }
    }

    public List<Received> acceptAll(List<OdidPayload> ps) {
        List<Received> out = new ArrayList<>(ps.size());
        for (OdidPayload p : ps) {
            Received r = accept(p);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    public long payloads() {
        return payloads;
    }

    public long badCrc() {
        return badCrc;
    }

    public long malformed() {
        return malformed;
    }

    public long messages() {
        return messages;
    }

    /** Reason for the last malformed payload, null if none. */
    public String lastError() {
        return lastError;
    }
}
