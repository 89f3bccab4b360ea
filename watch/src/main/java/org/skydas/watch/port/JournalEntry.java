package org.skydas.watch.port;

/**
 * One accepted detection as received, kept so that it survives a crash and can be replayed.
 *
 * @param id         assigned by the store (0 before it is stored)
 * @param receivedAt when Skydas accepted it, seconds since the epoch
 * @param payload    the decoded detection as JSON
 */
public record JournalEntry(long id, double receivedAt, String sensorId, String protocol, String payload) {
}
