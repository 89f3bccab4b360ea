package org.skydas.watch.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;
import org.skydas.ingest.json.Detection;
import org.skydas.ingest.json.DetectionKind;
import org.skydas.ingest.listen.Received;

class IntakeQueueTest {

    static Received<Detection> json(String sensor, long ms) {
        Detection d = new Detection(sensor, Instant.ofEpochMilli(ms), DetectionKind.CAMERA,
                new Detection.GeoPosition(54.9, 25.3, Double.NaN), null, Double.NaN, Double.NaN, null, 0.9, 10, null,
                null);
        return new Received<>(d, "http", new InetSocketAddress("127.0.0.1", 1), ms);
    }

    static Message.Json message(String sensor, long ms) {
        return new Message.Json(json(sensor, ms), null);
    }

    @Test
    void aFullQueueShedsTheOldestAndCountsIt() throws Exception {
        IntakeQueue q = new IntakeQueue(2);
        assertThat(q.offer(message("a", 1))).isTrue();
        assertThat(q.offer(message("b", 2))).isTrue();
        assertThat(q.offer(message("c", 3))).as("never refused for being full").isTrue();
        assertThat(q.shed()).isEqualTo(1);
        List<Message> left = new ArrayList<>();
        left.add(q.poll(0));
        q.drainTo(left, 10);
        assertThat(left).extracting(Message::receivedAtMillis).containsExactly(2L, 3L);
        assertThat(q.capacity()).isEqualTo(2);
        assertThat(q.poll(1)).as("empty").isNull();
    }

    @Test
    void anHttpSenderWhoseDetectionIsShedHearsItWasNotAccepted() {
        IntakeQueue q = new IntakeQueue(1);
        CompletableFuture<Void> first = q.offerAwaitingJournal(json("a", 1));
        q.offerAwaitingJournal(json("b", 2));
        assertThat(first).isCompletedExceptionally();
        assertThat(first).failsWithin(java.time.Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(NotJournalledException.class).withMessageContaining("shed");
    }

    @Test
    void whileTheJournalIsDownOrTheDiskFullNothingIsQueuedAndEveryRefusalIsCounted() {
        IntakeQueue q = new IntakeQueue(10);
        q.journalFailure("disk I/O error");
        assertThat(q.offer(message("a", 1))).isFalse();
        assertThat(q.offerAwaitingJournal(json("a", 2))).isCompletedExceptionally();
        assertThat(q.refusedJournalDown()).isEqualTo(2);
        q.journalFailure(null);
        q.refuseNewData("disk 97 % full");
        assertThat(q.offer(message("a", 3))).isFalse();
        assertThat(q.refused()).isEqualTo(1);
        assertThat(q.refusal()).isEqualTo("disk 97 % full");
        q.refuseNewData(null);
        assertThat(q.offer(message("a", 4))).isTrue();
        assertThat(q.size()).isEqualTo(1);
    }
}
