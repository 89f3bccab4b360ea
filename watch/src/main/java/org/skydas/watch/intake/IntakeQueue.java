package org.skydas.watch.intake;

import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bounded queue between the listeners' I/O threads and the pipeline thread. Offers never block: when the queue is
 * full the oldest message is shed and counted (an operator needs the newest picture, and memory must stay bounded).
 * While the journal cannot be written, or new data is refused (the disk is almost full), offers are refused and
 * counted; nothing is dropped silently.
 */
public final class IntakeQueue {

    private final BlockingQueue<Message> queue;
    private final AtomicLong shed = new AtomicLong();
    private final AtomicLong refusedJournalDown = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    /** Why the journal cannot be written, or null while it works. */
    private volatile String journalFailure;
    private volatile String refusal;

    public IntakeQueue(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** From any thread: queues {@code m}, shedding the oldest message when full; false when refused. */
    public boolean offer(Message m) {
        if (journalFailure != null) {
            refusedJournalDown.incrementAndGet();
            return false;
        }
        if (refusal != null) {
            refused.incrementAndGet();
            return false;
        }
        while (!queue.offer(m)) {
            Message oldest = queue.poll();
            if (oldest != null) {
                shed.incrementAndGet();
                if (oldest instanceof Message.Json j && j.journalled() != null) {
                    j.journalled().completeExceptionally(new NotJournalledException("shed: the pipeline queue is full"));
                }
            }
        }
        return true;
    }

    /**
     * From any thread: a JSON detection whose sender waits for it to be journalled (HTTP). The future completes after
     * the journal commit, or fails with {@link NotJournalledException} when the journal cannot be written or the
     * queue had to shed it.
     */
    public CompletableFuture<Void> offerAwaitingJournal(org.skydas.ingest.listen.Received<org.skydas.ingest.json.Detection> r) {
        String failure = journalFailure;
        if (failure != null) {
            refusedJournalDown.incrementAndGet();
            return CompletableFuture.failedFuture(new NotJournalledException("journal unavailable: " + failure));
        }
        CompletableFuture<Void> f = new CompletableFuture<>();
        offer(new Message.Json(r, f));
        return f;
    }

    /** The pipeline thread: the next message, waiting up to {@code ms}; null when none came. */
    public Message poll(long ms) throws InterruptedException {
        return queue.poll(ms, TimeUnit.MILLISECONDS);
    }

    /** The pipeline thread: moves up to {@code max} waiting messages to {@code into}. */
    public void drainTo(Collection<? super Message> into, int max) {
        queue.drainTo(into, max);
    }

    /** Sets why the journal cannot be written (offers are refused), or null when it works again. */
    public void journalFailure(String reason) {
        this.journalFailure = reason;
    }

    /** Why the journal cannot be written (nothing is being accepted), or null while it works. */
    public String journalFailure() {
        return journalFailure;
    }

    /** Refuses new data with {@code reason} while it is not null; null accepts it again. */
    public void refuseNewData(String reason) {
        this.refusal = reason;
    }

    /** Why new data is refused now, or null. */
    public String refusal() {
        return refusal;
    }

    public int size() {
        return queue.size();
    }

    public int capacity() {
        return queue.size() + queue.remainingCapacity();
    }

    /** Messages shed because the queue was full. */
    public long shed() {
        return shed.get();
    }

    /** Offers refused while the journal could not be written. */
    public long refusedJournalDown() {
        return refusedJournalDown.get();
    }

    /** Offers refused while new data was refused ({@link #refuseNewData}). */
    public long refused() {
        return refused.get();
    }
}
