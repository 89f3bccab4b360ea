package org.skydas.watch.port;

/**
 * Where accepted messages are made durable before anything acts on them (ADR 0004): "accepted" means appended here.
 * The watch store implements it on SQLite or PostgreSQL (through the server, under its one lock); a broker topic can
 * implement it for a scaled-out WATCH (issue #17: ingest nodes append, tracker nodes consume what was appended).
 */
public interface Journal {

    /**
     * Appends the batch's journal entries ({@link NormalisedBatch#journal()}) in order and returns only once they are
     * durable, with the sequence number each was accepted under (same order; increasing within the journal). Throws
     * when they are not durable: then none of them may be taken as accepted, and the caller keeps the batch to try
     * again. A store keeps the entries (the record of what the sensors said); a broker topic would carry the batch's
     * detections with them, for tracker nodes to hand to the watch loop without normalising again.
     */
    long[] append(NormalisedBatch batch) throws PortException;

    /**
     * Whether this journal keeps each entry's message as received ({@link JournalEntry#payload()}): a store does; a
     * journal that keeps only the normalised detections (a Kafka ingest node's sector topic, ADR 0024) does not, and
     * the pipeline then leaves the payloads empty rather than write every message back to text for nothing.
     */
    default boolean keepsMessages() {
        return true;
    }

    /** Throws when an append would fail now: checked while the journal is down and nothing waits to be written. */
    void probe() throws PortException;
}
