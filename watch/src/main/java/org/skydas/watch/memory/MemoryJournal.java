package org.skydas.watch.memory;

import java.util.ArrayList;
import java.util.List;

import org.skydas.watch.port.Journal;
import org.skydas.watch.port.JournalEntry;
import org.skydas.watch.port.NormalisedBatch;
import org.skydas.watch.port.PortException;

/**
 * A journal in memory, for tests and tools: entries numbered from 1 in the order appended. {@link #failWith} makes
 * every append and probe fail until it is given null, as a full disk or a lost database would.
 */
public final class MemoryJournal implements Journal {

    private final List<JournalEntry> entries = new ArrayList<>();
    private String failure;

    @Override
    public synchronized long[] append(NormalisedBatch batch) throws PortException {
        if (failure != null) {
            throw new PortException(failure);
        }
        long[] ids = new long[batch.journal().size()];
        for (int i = 0; i < ids.length; i++) {
            JournalEntry e = batch.journal().get(i);
            ids[i] = entries.size() + 1L;
            entries.add(new JournalEntry(ids[i], e.receivedAt(), e.sensorId(), e.protocol(), e.payload()));
        }
        return ids;
    }

    @Override
    public synchronized void probe() throws PortException {
        if (failure != null) {
            throw new PortException(failure);
        }
    }

    /** Appends and probes fail with {@code reason} from now on; null makes them work again. */
    public synchronized void failWith(String reason) {
        this.failure = reason;
    }

    /** Every entry appended, with its sequence number, oldest first. */
    public synchronized List<JournalEntry> entries() {
        return List.copyOf(entries);
    }
}
