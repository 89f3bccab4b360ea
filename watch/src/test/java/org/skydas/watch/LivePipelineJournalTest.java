package org.skydas.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skydas.watch.Await.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skydas.ingest.json.DetectionParser;
import org.skydas.ingest.listen.Received;
import org.skydas.watch.intake.NotJournalledException;
import org.skydas.watch.memory.MemoryPorts;
import org.skydas.watch.port.JournalEntry;

/**
 * Accepted means journalled (ADR 0004), through the journal port: while the journal fails, the pipeline says why,
 * refuses new data, fails waiting HTTP senders at once and keeps the feeds' reports; once it works again they are
 * journalled, numbered and tracked.
 */
class LivePipelineJournalTest {

    final MemoryPorts ports = new MemoryPorts();
    LivePipeline pipeline;

    @AfterEach
    void stop() throws Exception {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void aJournalOutageHoldsTheFeedsReportsRefusesNewOnesAndRecovers() throws Exception {
        ports.journal().failWith("disk I/O error");
        pipeline = new LivePipeline(Square.scenario(), ports.ports(), 100, 0.2);
        long now = System.currentTimeMillis();
        assertThat(pipeline.offerCot(SideBySideCrossingTest.report("walker-1", Square.X0 + 500, Square.Y0 + 5_000, now)))
                .isTrue();
        await(() -> pipeline.journalFailure() != null, "the pipeline says the journal is down");
        assertThat(pipeline.journalFailure()).contains("disk I/O error");
        assertThat(pipeline.offerCot(SideBySideCrossingTest.report("walker-2", Square.X0 + 900, Square.Y0, now)))
                .as("refused while the journal is down").isFalse();
        String json = "{\"sensor_id\":\"cam-1\",\"time\":\"" + Instant.ofEpochMilli(now)
                + "\",\"kind\":\"camera\",\"bearing_deg\":45}";
        CompletableFuture<Void> http = pipeline.offerJsonJournalled(new Received<>(new DetectionParser().parse(json),
                "http", null, now));
        assertThat(http).failsWithin(Duration.ofSeconds(1)).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(NotJournalledException.class);
        assertThat(((Number) pipeline.stats().get("refused_journal_unavailable")).longValue()).isEqualTo(2);
        assertThat(ports.journal().entries()).isEmpty();

        ports.journal().failWith(null);
        await(() -> pipeline.journalFailure() == null, "the journal is back");
        await(() -> ((Number) pipeline.stats().get("processed")).longValue() == 1, "the held report processed");
        assertThat(ports.journal().entries()).extracting(JournalEntry::id, JournalEntry::sensorId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "cot:walker-1"));
        assertThat(ports.journal().entries().get(0).payload()).as("a store's journal keeps the message as received")
                .contains("uid=\"walker-1\"");
        assertThat(pipeline.offerCot(SideBySideCrossingTest.report("walker-2", Square.X0 + 900, Square.Y0, now)))
                .as("accepted again").isTrue();
        await(() -> ports.journal().entries().size() == 2, "the next report journalled");
        assertThat(ports.journal().entries().get(1).id()).isEqualTo(2);
    }

    @Test
    void aJournalThatKeepsNoMessagesGetsEntriesWithoutThemAndTheSameTracking() throws Exception {
        org.skydas.watch.memory.MemoryJournal kept = ports.journal();
        org.skydas.watch.port.Journal detectionsOnly = new org.skydas.watch.port.Journal() {
            @Override
            public long[] append(org.skydas.watch.port.NormalisedBatch batch)
                    throws org.skydas.watch.port.PortException {
                return kept.append(batch);
            }

            @Override
            public void probe() throws org.skydas.watch.port.PortException {
                kept.probe();
            }

            @Override
            public boolean keepsMessages() {
                return false;
            }
        };
        pipeline = new LivePipeline(Square.scenario(), new org.skydas.watch.port.Ports(detectionsOnly, ports.alerts(), ports.trackHistory()),
                100, 0.2);
        long now = System.currentTimeMillis();
        for (int i = 0; i < 3; i++) {
            assertThat(pipeline.offerCot(SideBySideCrossingTest.report("walker-1", Square.X0 + 500, Square.Y0 + 5_000 - 10 * i,
                    now + 1_000L * i))).isTrue();
        }
        await(() -> kept.entries().size() == 3, "three reports journalled");
        assertThat(kept.entries()).extracting(JournalEntry::sensorId).containsOnly("cot:walker-1");
        assertThat(kept.entries()).extracting(JournalEntry::payload).containsOnly("");
        await(() -> !pipeline.tracks().isEmpty(), "the walker tracked");
    }
}
