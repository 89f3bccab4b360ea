package org.skydas.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.skydas.watch.port.Journal;
import org.skydas.watch.port.NormalisedBatch;
import org.skydas.watch.port.PortException;

/**
 * The ingest node's {@link Journal}: a normalised batch is accepted when Kafka has acknowledged every copy of every
 * detection in it ({@link SectorPublisher}: idempotent producer, {@code acks=all}) — ADR 0004 with the sector topic as
 * the journal (docs/adr/0024-kafka-scale-out.md). The live pipeline calls {@link #append} before it reports anything
 * as accepted (the HTTP answer of {@code POST /api/detections} waits on it), retries a failed append and stops
 * accepting while Kafka stays unreachable, exactly as with the local journal.
 *
 * <p>What the topic carries is the normalised detection (position, covariance, class, times, source), not the message
 * as received; a message that gave no detection (a sign of life, a friendly CoT) has nothing to publish and is
 * accepted at once. A batch that failed may have been partly written: retried, its detections are published again
 * under new ids (at least once on the ingest side, as a resend was before). The sequence numbers returned are this
 * node's own count of appended messages.
 */
public final class SectorJournal implements Journal {

    private final SectorPublisher publisher;
    private final long timeoutMs;
    private final AtomicLong sequence = new AtomicLong();

    /** Appends through {@code publisher}, waiting at most {@code timeoutMs} for Kafka's acknowledgements. */
    public SectorJournal(SectorPublisher publisher, long timeoutMs) {
        this.publisher = publisher;
        this.timeoutMs = timeoutMs;
    }

    /** The sector topic carries the normalised detections, not the messages as received. */
    @Override
    public boolean keepsMessages() {
        return false;
    }

    @Override
    public long[] append(NormalisedBatch batch) throws PortException {
        List<CompletableFuture<SectorPublisher.Accepted>> acks = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            CompletableFuture<SectorPublisher.Accepted> f = publisher.publish(batch.sourceAt(i), null,
                    batch.receivedAtMillisAt(i), batch.detectionAt(i));
            if (f.isCompletedExceptionally() && isRefused(f)) {
                continue; // not trackable (counted and logged by the publisher): journalled nowhere, as the normaliser would not track it
            }
            acks.add(f);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        try {
            for (CompletableFuture<SectorPublisher.Accepted> f : acks) {
                f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new PortException("Kafka did not accept the batch: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new PortException("Kafka did not acknowledge the batch within " + timeoutMs + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortException("interrupted while waiting for Kafka", e);
        }
        long[] seq = new long[batch.messages()];
        for (int m = 0; m < seq.length; m++) {
            seq[m] = sequence.incrementAndGet();
        }
        return seq;
    }

    private static boolean isRefused(CompletableFuture<?> f) {
        try {
            f.getNow(null);
            return false;
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause() instanceof SectorPublisher.RefusedException;
        }
    }

    /** Kafka reachable: the publisher's producer can see the topic's partitions. */
    @Override
    public void probe() throws PortException {
        try {
            publisher.partitionsFor();
        } catch (RuntimeException e) {
            throw new PortException("Kafka unreachable: " + e.getMessage(), e);
        }
    }
}
