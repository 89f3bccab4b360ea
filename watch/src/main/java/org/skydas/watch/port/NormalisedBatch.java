package org.skydas.watch.port;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.skydas.alert.Finding;
import org.skydas.track.Detection;

/**
 * A batch of normalised messages, the unit the {@link Journal} appends and the watch loop consumes: exactly one journal
 * entry per message (the message as received), the grid detections each gave (with the ordered source it came in and
 * its receipt time), the sources that gave a sign of life, and the findings a sensor reported itself (a SAPIENT node's
 * alert), to be raised after the journal commit. Grows without allocating per detection (parallel
 * arrays); filled by one thread (the normaliser, or a consumer rebuilding batches from a journal topic), then read.
 */
public final class NormalisedBatch {

    private final List<JournalEntry> journal;
    private final List<Detection> detections;
    private final List<String> sources;
    private long[] receivedAtMillis;
    /** Per message: index of its first detection; one more entry closes the last message. */
    private int[] firstDetection;
    /** Per message: the source that gave a sign of life (null: none), at the message's receipt (s). */
    private String[] alive;
    private double[] aliveAt;
    private int messages;
    /** Findings a sensor reported itself, each with the index of its message (rare: kept as two short lists). */
    private final List<Finding> sensorFindings = new ArrayList<>(0);
    private final List<Integer> sensorFindingMessage = new ArrayList<>(0);

    public NormalisedBatch(int expectedMessages) {
        int n = Math.max(1, expectedMessages);
        journal = new ArrayList<>(n);
        detections = new ArrayList<>(n);
        sources = new ArrayList<>(n);
        receivedAtMillis = new long[n];
        firstDetection = new int[n + 1];
        alive = new String[n];
        aliveAt = new double[n];
    }

    /** Starts the next message: its journal entry. Its detections and sign of life follow. */
    public void begin(JournalEntry entry) {
        if (messages == alive.length) {
            int n = alive.length * 2;
            firstDetection = Arrays.copyOf(firstDetection, n + 1);
            alive = Arrays.copyOf(alive, n);
            aliveAt = Arrays.copyOf(aliveAt, n);
        }
        journal.add(entry);
        firstDetection[messages] = detections.size();
        alive[messages] = null;
        messages++;
        firstDetection[messages] = detections.size();
    }

    /** The current message's source gave a sign of life at {@code receivedS}. */
    public void signOfLife(String source, double receivedS) {
        alive[messages - 1] = source;
        aliveAt[messages - 1] = receivedS;
    }

    /** A finding the current message's sensor reported itself (raised once the batch is journalled). */
    public void sensorFinding(Finding f) {
        sensorFindings.add(f);
        sensorFindingMessage.add(messages - 1);
    }

    /** How many findings sensors reported in this batch. */
    public int sensorFindings() {
        return sensorFindings.size();
    }

    public Finding sensorFindingAt(int i) {
        return sensorFindings.get(i);
    }

    /** The message finding {@code i} came with. */
    public int sensorFindingMessageAt(int i) {
        return sensorFindingMessage.get(i);
    }

    /** A detection of the current message; its source and receipt are filled in by {@link #stamp}. */
    public void add(Detection d) {
        detections.add(d);
    }

    /** Drops the current message's detections stamped after {@code latestS}; returns how many went. */
    public int dropLaterThan(double latestS) {
        int dropped = 0;
        for (int i = detections.size() - 1; i >= firstDetection[messages - 1]; i--) {
            if (detections.get(i).t() > latestS) {
                detections.remove(i);
                dropped++;
            }
        }
        return dropped;
    }

    /** Ends the current message: its detections came in {@code source} at {@code receivedAtMillis}. */
    public void stamp(String source, long receivedAt) {
        int from = firstDetection[messages - 1];
        int to = detections.size();
        if (receivedAtMillis.length < to) {
            receivedAtMillis = Arrays.copyOf(receivedAtMillis, Math.max(to, receivedAtMillis.length * 2));
        }
        for (int i = from; i < to; i++) {
            sources.add(source);
            receivedAtMillis[i] = receivedAt;
        }
        firstDetection[messages] = to;
    }

    /** One entry per message, in message order: what the journal must make durable first. */
    public List<JournalEntry> journal() {
        return journal;
    }

    public int messages() {
        return messages;
    }

    public int size() {
        return detections.size();
    }

    public Detection detectionAt(int i) {
        return detections.get(i);
    }

    /** The stream detection {@code i} came in, within which reports arrive in time order (a connection, a sensor). */
    public String sourceAt(int i) {
        return sources.get(i);
    }

    public long receivedAtMillisAt(int i) {
        return receivedAtMillis[i];
    }

    /** The source message {@code m} showed alive, or null. */
    public String signOfLifeAt(int m) {
        return alive[m];
    }

    public double signOfLifeTimeAt(int m) {
        return aliveAt[m];
    }

    /** The messages for which {@code keep} holds, with their journal entries, detections, signs of life and findings. */
    public NormalisedBatch keeping(java.util.function.IntPredicate keep) {
        NormalisedBatch b = new NormalisedBatch(messages);
        for (int m = 0; m < messages; m++) {
            if (!keep.test(m)) {
                continue;
            }
            b.begin(journal.get(m));
            if (alive[m] != null) {
                b.signOfLife(alive[m], aliveAt[m]);
            }
            for (int k = 0; k < sensorFindings.size(); k++) {
                if (sensorFindingMessage.get(k) == m) {
                    b.sensorFinding(sensorFindings.get(k));
                }
            }
            for (int i = firstDetection[m]; i < firstDetection[m + 1]; i++) {
                b.detections.add(detections.get(i));
                b.sources.add(sources.get(i));
                if (b.receivedAtMillis.length < b.detections.size()) {
                    b.receivedAtMillis = Arrays.copyOf(b.receivedAtMillis, b.receivedAtMillis.length * 2 + 1);
                }
                b.receivedAtMillis[b.detections.size() - 1] = receivedAtMillis[i];
            }
            b.firstDetection[b.messages] = b.detections.size();
        }
        return b;
    }
}
