package org.skydas.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skydas.alert.Alert;
import org.skydas.alert.AlertStatus;
import org.skydas.alert.RuleKind;
import org.skydas.alert.Severity;
import org.skydas.model.TargetKind;
import org.skydas.track.TrackState;
import org.skydas.track.TrackStatus;
import org.skydas.watch.LivePicture;

/**
 * An API node's live picture from the tracks and alerts topics, on the in-process KRaft broker: tracks published by
 * tracker nodes are shown with their positions and classes, a deleted one goes, a silent one expires, a late reader
 * sees the current tracks at once, malformed records are counted and skipped, new alerts are pushed as the store holds
 * them.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClusterLivePictureTest {

    static final SectorMap MAP = TrackerNodeClusterTest.MAP;
    static final double X = TrackerNodeClusterTest.E0 + 5_000;
    static final double Y = TrackerNodeClusterTest.N0 - 300;

    private static InProcessKafka kafka;
    private final List<AutoCloseable> open = new ArrayList<>();
    private ClusterTopics topics;
    private KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = InProcessKafka.shared();
    }

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private void topics() throws Exception {
        topics = ClusterTopics.withPrefix("live" + Long.toHexString(System.nanoTime()) + ".");
        topics.ensure(kafka.admin(), MAP, (short) 1, 24);
        producer = new KafkaProducer<>(SectorPublisher.producerConfig(kafka.bootstrap(), "tracker-test"));
        open.add(producer);
    }

    /** What a picture told its subscribers. */
    static final class Seen {
        final List<TrackState> updated = new CopyOnWriteArrayList<>();
        final List<TrackState> deleted = new CopyOnWriteArrayList<>();
        final List<LivePicture.CommittedAlert> alerts = new CopyOnWriteArrayList<>();
    }

    private ClusterLivePicture picture(double expireS, ClusterLivePicture.AlertLookup lookup, Seen seen)
            throws Exception {
        ClusterLivePicture p = new ClusterLivePicture(kafka.bootstrap(), topics, 21, lookup,
                new ClusterLivePicture.Settings(expireS));
        p.onTrackChange(seen.updated::add, seen.deleted::add);
        p.onAlertCommitted(seen.alerts::add);
        open.add(p);
        p.start();
        TrackerNodeClusterTest.await("the reader placed on the topics", p::ready);
        return p;
    }

    /** A track record as a tracker node publishes it (now), {@code kind} most likely. */
    static ClusterRecords.TrackRecord track(long id, double t, double x, double y, TargetKind kind, boolean deleted) {
        Map<String, Double> probs = new java.util.LinkedHashMap<>();
        for (TargetKind k : TargetKind.values()) {
            probs.put(k.name().toLowerCase(java.util.Locale.ROOT), k == kind ? 0.85 : 0.05);
        }
        return new ClusterRecords.TrackRecord(id, 11, 0, "BY-001", t, x, y, 4.0, -3.0,
                kind.name().toLowerCase(java.util.Locale.ROOT), deleted, "uid-" + id, System.currentTimeMillis(),
                deleted ? "deleted" : "confirmed", 0.93, probs);
    }

    private void send(ClusterRecords.TrackRecord r) throws Exception {
        producer.send(new ProducerRecord<>(topics.tracks(), Long.toString(r.id()), ClusterRecords.encode(r)))
                .get(10, TimeUnit.SECONDS);
    }

    private void sendRaw(String topic, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, "x", value)).get(10, TimeUnit.SECONDS);
    }

    static TrackState held(ClusterLivePicture p, long id) {
        return p.tracks().stream().filter(s -> s.id() == id).findFirst().orElse(null);
    }

    @Test
    void showsThePublishedTracksAndDropsADeletedOne() throws Exception {
        topics();
        Seen seen = new Seen();
        ClusterLivePicture p = picture(30, id -> null, seen);
        long vehicle = (11L << 48) | 1;
        long drone = (12L << 48) | 2;
        double t0 = System.currentTimeMillis() / 1000.0;
        send(track(vehicle, t0, X, Y, TargetKind.VEHICLE, false));
        send(track(drone, t0, X + 7_000, Y + 500, TargetKind.DRONE, false));
        send(track(vehicle, t0 + 1, X + 4, Y - 3, TargetKind.VEHICLE, false));
        TrackerNodeClusterTest.await("both tracks shown, the vehicle's second estimate",
                () -> p.tracks().size() == 2 && held(p, vehicle) != null && held(p, vehicle).t() == t0 + 1);

        TrackState v = held(p, vehicle);
        assertThat(v.x()).isEqualTo(X + 4);
        assertThat(v.y()).isEqualTo(Y - 3);
        assertThat(v.vx()).isEqualTo(4.0);
        assertThat(v.mostLikelyClass()).isEqualTo(TargetKind.VEHICLE);
        assertThat(v.classProbability(TargetKind.VEHICLE)).isEqualTo(0.85);
        assertThat(v.status()).isEqualTo(TrackStatus.CONFIRMED);
        assertThat(v.existence()).isEqualTo(0.93);
        assertThat(v.externalId()).isEqualTo("uid-" + vehicle);
        TrackState d = held(p, drone);
        assertThat(d.x()).isEqualTo(X + 7_000);
        assertThat(d.mostLikelyClass()).isEqualTo(TargetKind.DRONE);
        // Per track in order (one key, one partition); the two tracks' partitions are read in either order.
        assertThat(seen.updated).extracting(TrackState::id).containsExactlyInAnyOrder(vehicle, drone, vehicle);

        // The previous owner's last estimate arriving after the next owner's newer one changes nothing.
        send(track(vehicle, t0 + 0.5, X + 2, Y - 1, TargetKind.VEHICLE, false));
        send(track(vehicle, t0 + 2, X + 8, Y - 6, TargetKind.VEHICLE, true));
        TrackerNodeClusterTest.await("the deleted track gone", () -> held(p, vehicle) == null);
        assertThat(seen.deleted).extracting(TrackState::id).containsExactly(vehicle);
        // A late update from before the deletion does not bring it back.
        send(track(vehicle, t0 + 1.5, X + 6, Y - 4, TargetKind.VEHICLE, false));
        send(track(drone, t0 + 1, X + 7_004, Y + 497, TargetKind.DRONE, false));
        TrackerNodeClusterTest.await("the drone's next estimate and both stale updates read",
                () -> held(p, drone).t() == t0 + 1 && p.counters().staleSkipped() == 2);
        assertThat(held(p, vehicle)).isNull();
        assertThat(p.counters().tracksDeleted()).isEqualTo(1);
        assertThat(p.tracks()).extracting(TrackState::id).containsExactly(drone);
    }

    @Test
    void malformedRecordsAreCountedAndSkipped() throws Exception {
        topics();
        Seen seen = new Seen();
        ClusterLivePicture p = picture(30, id -> null, seen);
        double t0 = System.currentTimeMillis() / 1000.0;
        sendRaw(topics.tracks(), "not json".getBytes(StandardCharsets.UTF_8));
        ClusterRecords.TrackRecord good = track(5, t0, X, Y, TargetKind.PERSON, false);
        sendRaw(topics.tracks(), new String(ClusterRecords.encode(good), StandardCharsets.UTF_8)
                .replace("\"person\"", "\"tank\"").getBytes(StandardCharsets.UTF_8)); // an unknown class
        sendRaw(topics.tracks(), new String(ClusterRecords.encode(good), StandardCharsets.UTF_8)
                .replace("\"x\":" + X, "\"x\":\"NaN\"").getBytes(StandardCharsets.UTF_8)); // no position
        sendRaw(topics.alerts(), "{\"id\":".getBytes(StandardCharsets.UTF_8));
        send(good);
        // A record of an older node, without status, quality and class probabilities: shown with its class alone.
        send(new ClusterRecords.TrackRecord(6, 11, 0, "BY-001", t0, X + 10, Y, 0, 0, "drone", false, null,
                System.currentTimeMillis()));
        TrackerNodeClusterTest.await("the good records shown and the bad ones counted",
                () -> held(p, 5) != null && held(p, 6) != null && p.counters().malformed() == 4);
        TrackState older = held(p, 6);
        assertThat(older.mostLikelyClass()).isEqualTo(TargetKind.DRONE);
        assertThat(older.classProbability(TargetKind.DRONE)).isEqualTo(1.0);
        assertThat(older.existence()).isNaN();
        assertThat(older.status()).isEqualTo(TrackStatus.CONFIRMED);
        assertThat(p.tracks()).hasSize(2);
        assertThat(held(p, 5).x()).isEqualTo(X);
        assertThat(seen.updated).hasSize(2);
    }

    @Test
    void aTrackNotUpdatedExpires() throws Exception {
        topics();
        Seen seen = new Seen();
        ClusterLivePicture p = picture(2, id -> null, seen);
        double t0 = System.currentTimeMillis() / 1000.0;
        send(track(7, t0, X, Y, TargetKind.VEHICLE, false));
        send(track(8, t0, X + 100, Y, TargetKind.PERSON, false));
        TrackerNodeClusterTest.await("both shown", () -> p.tracks().size() == 2);
        long start = System.nanoTime();
        // Track 8 goes on being published (every 0.5 s); track 7's owner fell silent.
        while (held(p, 7) != null) {
            assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(10));
            Thread.sleep(500);
            double t = System.currentTimeMillis() / 1000.0;
            send(track(8, t, X + 100 + (t - t0), Y, TargetKind.PERSON, false));
        }
        double waited = (System.nanoTime() - start) / 1e9;
        assertThat(waited).isGreaterThan(1.0); // not before its time (2 s from publication)
        assertThat(held(p, 8)).isNotNull();
        TrackerNodeClusterTest.await("the expiry told to subscribers", () -> seen.deleted.size() == 1);
        assertThat(seen.deleted.get(0).id()).isEqualTo(7);
        assertThat(p.counters().tracksExpired()).isEqualTo(1);
    }

    @Test
    void aReaderStartedLateShowsTheCurrentTracksAtOnce() throws Exception {
        topics();
        long now = System.currentTimeMillis();
        double t0 = now / 1000.0;
        ClusterRecords.TrackRecord old = track(30, t0 - 60, X, Y, TargetKind.VEHICLE, false);
        old = new ClusterRecords.TrackRecord(old.id(), old.node(), old.partition(), old.sector(), old.t(), old.x(),
                old.y(), old.vx(), old.vy(), old.targetClass(), false, old.externalId(), now - 60_000, old.status(),
                old.existence(), old.classProbabilities());
        // Published a minute ago (Kafka's timestamp too): a track long gone.
        producer.send(new ProducerRecord<>(topics.tracks(), null, now - 60_000, "30", ClusterRecords.encode(old)))
                .get(10, TimeUnit.SECONDS);
        send(track(31, t0, X + 50, Y, TargetKind.VEHICLE, false));
        send(track(32, t0, X + 9_000, Y, TargetKind.DRONE, false));
        send(track(33, t0, X + 200, Y, TargetKind.PERSON, false));
        send(track(33, t0 + 1, X + 201, Y, TargetKind.PERSON, true));

        Seen seen = new Seen();
        ClusterLivePicture late = picture(10, id -> null, seen);
        TrackerNodeClusterTest.await("the current tracks shown",
                () -> late.counters().trackRecords() >= 4 && late.tracks().size() == 2);
        assertThat(late.tracks()).extracting(TrackState::id).containsExactlyInAnyOrder(31L, 32L);
        assertThat(held(late, 32).x()).isEqualTo(X + 9_000);
        assertThat(held(late, 32).mostLikelyClass()).isEqualTo(TargetKind.DRONE);
        Thread.sleep(500);
        assertThat(late.counters().trackRecords()).isEqualTo(4); // the minute-old record not even read
    }

    @Test
    void newAlertsArePushedAsTheStoreHoldsThem() throws Exception {
        topics();
        Map<Long, Alert> store = new ConcurrentHashMap<>();
        Alert stored = new Alert(41, RuleKind.BORDER_CROSSING, Severity.HIGH, "track:77", AlertStatus.NEW, null, 100, 100,
                X, Y, "BY-001", null, "Track 77 crossed the border", false, 1, null, null, null, null, null,
                "alert.border_crossing", Map.of("track", 77));
        store.put(41L, stored);
        Seen seen = new Seen();
        ClusterLivePicture p = picture(10, store::get, seen);
        long received = System.currentTimeMillis() - 800;
        long committed = System.currentTimeMillis() - 100;
        ClusterRecords.AlertRecord rec = new ClusterRecords.AlertRecord(41, "border_crossing", "HIGH", "track:77",
                "BY-001", 11, 100, X, Y, received, committed, null);
        producer.send(new ProducerRecord<>(topics.alerts(), rec.subject(), ClusterRecords.encode(rec)))
                .get(10, TimeUnit.SECONDS);
        // An alert the store does not have (yet): read again, then counted as not read.
        ClusterRecords.AlertRecord missing = new ClusterRecords.AlertRecord(42, "approach", "MEDIUM", "track:78",
                "BY-001", 11, 101, X, Y, received, committed, null);
        producer.send(new ProducerRecord<>(topics.alerts(), missing.subject(), ClusterRecords.encode(missing)))
                .get(10, TimeUnit.SECONDS);
        TrackerNodeClusterTest.await("the alert pushed", () -> seen.alerts.size() == 1);
        LivePicture.CommittedAlert c = seen.alerts.get(0);
        assertThat(c.alert()).isEqualTo(stored);
        assertThat(c.receivedAtMillis()).isEqualTo(received);
        assertThat(c.committedAtMillis()).isEqualTo(committed);
        TrackerNodeClusterTest.await("the missing alert given up", () -> p.counters().alertsNotFound() == 1);
        assertThat(seen.alerts).hasSize(1);
        assertThat(p.counters().alertsPushed()).isEqualTo(1);
    }
}
