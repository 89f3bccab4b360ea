package org.skydas.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.skydas.model.demo.StraightBorder;
import org.skydas.track.Detection;

/** "Accepted" means every copy acknowledged: driven by Kafka's MockProducer, which answers only when told to. */
class SectorPublisherTest {

    private final SectorMap map = SectorMap.of(StraightBorder.scenario(500_000, 6_100_000, 20_000, List.of()), 2, 500);
    private final MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(),
            new ByteArraySerializer());
    private final SectorPublisher publisher = new SectorPublisher(producer, "t", map, new DetectionIds(1));

    @Test
    void aDetectionNearAJointGoesToBothSectorsAndIsAcceptedOnlyWhenBothAreAcknowledged() throws Exception {
        CompletableFuture<SectorPublisher.Accepted> f = publisher.publish("json:S1", "json-http", 1_000,
                Detection.position(5, 9, 510_200, 6_100_100, 10));
        List<ProducerRecord<String, byte[]>> sent = producer.history();
        assertThat(sent).extracting(ProducerRecord::key).containsExactly("BY-002", "BY-001");
        assertThat(sent).extracting(ProducerRecord::partition).containsExactly(1, 0);
        SectorDetection owner = DetectionCodec.decode("BY-002", sent.get(0).value());
        SectorDetection halo = DetectionCodec.decode("BY-001", sent.get(1).value());
        assertThat(owner.halo()).isFalse();
        assertThat(halo.halo()).isTrue();
        assertThat(halo.id()).isEqualTo(owner.id());
        assertThat(owner.detection()).isEqualTo(Detection.position(5, 0, 510_200, 6_100_100, 10));
        assertThat(owner.source()).isEqualTo("json:S1");

        assertThat(producer.completeNext()).isTrue();
        assertThat(f).isNotDone();
        assertThat(producer.completeNext()).isTrue();
        assertThat(f.get().sectors()).containsExactly("BY-002", "BY-001");
        assertThat(f.get().id()).isEqualTo(owner.id());
        assertThat(publisher.counters()).isEqualTo(new SectorPublisher.Counters(2, 2, 0, 1, 0, 1));
    }

    @Test
    void aCopyKafkaRefusesFailsTheDetection() {
        CompletableFuture<SectorPublisher.Accepted> f = publisher.publish("json:S1", null, 1_000,
                Detection.position(5, 0, 510_200, 6_100_100, 10));
        producer.completeNext();
        producer.errorNext(new NotEnoughReplicasException("2 in sync needed"));
        assertThat(f).isCompletedExceptionally();
        assertThat(f.exceptionNow()).isInstanceOf(NotEnoughReplicasException.class);
        assertThat(publisher.counters()).isEqualTo(new SectorPublisher.Counters(2, 1, 1, 0, 0, 1));
    }

    @Test
    void aDetectionTheTrackerCouldNotUseIsRefusedCountedAndNeverSent() {
        CompletableFuture<SectorPublisher.Accepted> nan = publisher.publish("json:S1", null, 1_000,
                Detection.position(5, 0, Double.NaN, 6_100_100, 10));
        CompletableFuture<SectorPublisher.Accepted> flat = publisher.publish("json:S1", null, 1_000,
                Detection.position(5, 0, 505_000, 6_100_100, 0));
        assertThat(nan.exceptionNow()).isInstanceOf(SectorPublisher.RefusedException.class)
                .hasMessageContaining("non_finite");
        assertThat(flat.exceptionNow()).hasMessageContaining("bad_covariance");
        assertThat(producer.history()).isEmpty();
        assertThat(publisher.counters().refused()).isEqualTo(2);
        assertThat(publisher.refusedByReason()).containsEntry("non_finite", 1L).containsEntry("bad_covariance", 1L);
    }
}
