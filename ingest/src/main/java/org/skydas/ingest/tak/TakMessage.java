package org.skydas.ingest.tak;

import org.skydas.ingest.cot.CotEvent;

/**
 * One TAK protocol version 1 payload: a {@code TakMessage} holding a {@link TakControl}, a CoT event,
 * or both (either may be null). {@code submissionTime}/{@code creationTime} are TAK Server extensions
 * (ms since the Unix epoch, 0 when absent).
 */
public record TakMessage(TakControl takControl, CotEvent cotEvent, long submissionTime, long creationTime) {

    public static TakMessage of(CotEvent event) {
        return new TakMessage(null, event, 0, 0);
    }
}
