package org.skydas.watch.port;

import java.util.List;

/**
 * Where accepted messages are made durable before anything acts on them (ADR 0004): "accepted" means appended here.
 * The watch store implements it on SQLite or PostgreSQL (through the server, under its one lock); a broker topic can
 * implement it for a scaled-out WATCH (issue #17: ingest nodes append, tracker nodes consume what was appended).
 */
public interface Journal {

    /**
     * Appends {@code entries} in order and returns only once they are durable, with the sequence number each was
     * accepted under (same order; increasing within the journal). Throws when they are not durable: then none of them
     * may be taken as accepted, and the caller keeps them to try again.
     */
    long[] append(List<JournalEntry> entries) throws PortException;

    /** Throws when an append would fail now: checked while the journal is down and nothing waits to be written. */
    void probe() throws PortException;
}
