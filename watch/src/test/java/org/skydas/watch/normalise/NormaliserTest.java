package org.skydas.watch.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.ingest.cot.CotEvent;
import org.skydas.ingest.cot.CotXmlParser;
import org.skydas.ingest.json.DetectionParser;
import org.skydas.ingest.listen.Received;
import org.skydas.track.SensorModel;
import org.skydas.watch.Square;
import org.skydas.watch.intake.FeedReport;
import org.skydas.watch.intake.Message;
import org.skydas.watch.normalise.FeedSensorModels.Feed;
import org.skydas.watch.normalise.FeedSensorModels.Model;
import org.skydas.watch.port.NormalisedBatch;

/** Feed message → one journal entry, grid detections with their source's sensor and its feed's model. */
class NormaliserTest {

    final List<SensorModel> registered = new ArrayList<>();

    static Received<CotEvent> cot(String uid, String type, double x, double y, long ms) throws Exception {
        return cot(uid, type, x, y, ms, ms);
    }

    /** A CoT report stamped {@code ms}, received at {@code receivedMs}. */
    static Received<CotEvent> cot(String uid, String type, double x, double y, long ms, long receivedMs)
            throws Exception {
        Coordinate ll = Lks94.toWgs84(x, y);
        Instant t = Instant.ofEpochMilli(ms);
        String xml = String.format(Locale.ROOT, "<event version=\"2.0\" uid=\"%s\" type=\"%s\" how=\"m-g\" "
                + "time=\"%s\" start=\"%s\" stale=\"%s\"><point lat=\"%.7f\" lon=\"%.7f\" hae=\"150\" ce=\"5\" "
                + "le=\"10\"/><detail/></event>", uid, type, t, t, t.plusSeconds(30), ll.y, ll.x);
        return new Received<>(new CotXmlParser().parse(xml), "cot-tcp", new InetSocketAddress("127.0.0.1", 4242),
                receivedMs);
    }

    static Message.Json json(String sensor, String position, long ms) throws Exception {
        String body = "{\"sensor_id\":\"" + sensor + "\",\"time\":\"" + Instant.ofEpochMilli(ms) + "\",\"kind\":\"camera\""
                + position + "}";
        return new Message.Json(new Received<>(new DetectionParser().parse(body), "http", null, ms), null);
    }

    @Test
    void eachMessageGivesOneJournalEntryAndOnlyTrackableOnesGiveDetections() throws Exception {
        Normaliser n = new Normaliser(Square.scenario(), FeedSensorModels.defaults(), registered::add);
        NormalisedBatch b = new NormalisedBatch(1);
        long t = 1_795_854_000_000L;
        n.normalise(new Message.Cot(cot("walker-1", "a-u-G-U", 500_100, 6_005_000, t)), b);
        n.normalise(new Message.Cot(cot("friend-1", "a-f-G-U", 500_200, 6_005_000, t)), b);
        n.normalise(json("cam-3", ",\"bearing_deg\":45", t), b);
        n.normalise(json("cam-3", ",\"position\":{\"lat\":54.9,\"lon\":25.3},\"position_error_m\":10", t + 500), b);
        assertThat(b.messages()).isEqualTo(4);
        assertThat(b.journal()).extracting(e -> e.sensorId())
                .containsExactly("cot:walker-1", "cot:friend-1", "cam-3", "cam-3");
        assertThat(b.size()).as("a hostile-or-unknown CoT and the located JSON report").isEqualTo(2);
        assertThat(b.detectionAt(0).sensorId()).isEqualTo(Normaliser.COT_SENSOR);
        assertThat(b.sourceAt(0)).isEqualTo("cot-tcp@/127.0.0.1:4242");
        assertThat(b.sourceAt(1)).isEqualTo("json:cam-3");
        assertThat(b.receivedAtMillisAt(1)).isEqualTo(t + 500);
        assertThat(n.friendly()).isEqualTo(1);
        assertThat(n.untrackable()).isEqualTo(1);
        assertThat(b.signOfLifeAt(0)).isEqualTo("cot-tcp:127.0.0.1");
        assertThat(b.signOfLifeAt(2)).as("a report without a position is still a sign of life").isEqualTo("cam-3");
    }

    @Test
    void withoutRawPayloadsTheEntriesAreEmptyAndTheDetectionsTheSame() throws Exception {
        long t = 1_795_854_000_000L;
        List<NormalisedBatch> batches = new ArrayList<>();
        for (boolean raw : new boolean[] {true, false}) {
            Normaliser n = new Normaliser(Square.scenario(), FeedSensorModels.defaults(), registered::add);
            n.rawPayloads(raw);
            NormalisedBatch b = new NormalisedBatch(1);
            n.normalise(new Message.Cot(cot("walker-1", "a-u-G-U", 500_100, 6_005_000, t)), b);
            n.normalise(json("cam-3", ",\"position\":{\"lat\":54.9,\"lon\":25.3},\"position_error_m\":10", t + 500), b);
            batches.add(b);
        }
        NormalisedBatch kept = batches.get(0);
        NormalisedBatch bare = batches.get(1);
        assertThat(kept.journal()).extracting(e -> e.payload())
                .satisfiesExactly(p -> assertThat(p).contains("uid=\"walker-1\""), p -> assertThat(p).contains("cam-3"));
        assertThat(bare.journal()).extracting(e -> e.payload()).containsExactly("", "");
        assertThat(bare.journal()).extracting(e -> e.sensorId()).containsExactly("cot:walker-1", "cam-3");
        assertThat(bare.size()).isEqualTo(kept.size()).isEqualTo(2);
        for (int i = 0; i < kept.size(); i++) {
            assertThat(bare.detectionAt(i)).isEqualTo(kept.detectionAt(i));
            assertThat(bare.sourceAt(i)).isEqualTo(kept.sourceAt(i));
        }
    }

    @Test
    void eachSourceIsRegisteredOnceWithItsFeedsConfiguredModel() throws Exception {
        FeedSensorModels models = FeedSensorModels.defaults().with(Feed.JSON, new Model(0.6, 1e-7))
                .with(Feed.SAPIENT, new Model(0.8, 1e-10));
        Normaliser n = new Normaliser(Square.scenario(), models, registered::add);
        assertThat(registered).as("CoT's sensor at once, with the default model")
                .containsExactly(SensorModel.event(Normaliser.COT_SENSOR, 0.9, 1e-9));
        NormalisedBatch b = new NormalisedBatch(4);
        String at = ",\"position\":{\"lat\":54.9,\"lon\":25.3},\"position_error_m\":10";
        n.normalise(json("cam-3", at, 1_000), b);
        n.normalise(json("cam-3", at, 2_000), b);
        n.normalise(json("cam-4", at, 2_000), b);
        n.normalise(new Message.Feed(new FeedReport("sapient:node-9", "sapient-tcp", 3_000, "{}", true,
                List.of(org.skydas.track.Detection.position(3.0, 0, 500_500, 6_005_000, 5)))), b);
        assertThat(registered).containsExactly(SensorModel.event(1, 0.9, 1e-9), SensorModel.event(2, 0.6, 1e-7),
                SensorModel.event(3, 0.6, 1e-7), SensorModel.event(4, 0.8, 1e-10));
        assertThat(b.detectionAt(0).sensorId()).isEqualTo(b.detectionAt(1).sensorId()).isEqualTo(2);
        assertThat(b.detectionAt(3).sensorId()).as("the feed's detection takes its source's sensor").isEqualTo(4);
        assertThat(Normaliser.feedOf("gmti:P8")).isEqualTo(Feed.GMTI);
        assertThat(Normaliser.feedOf("onvif:cam-1")).isEqualTo(Feed.ONVIF);
    }

    @Test
    void aReportFromTooFarAheadIsJournalledButNotTracked() throws Exception {
        Normaliser n = new Normaliser(Square.scenario(), FeedSensorModels.defaults(), registered::add);
        n.maxClockLead(60);
        NormalisedBatch b = new NormalisedBatch(2);
        long received = 1_795_854_000_000L;
        n.normalise(new Message.Cot(cot("early", "a-u-G-U", 500_100, 6_005_000, received + 120_000, received)), b);
        n.normalise(new Message.Cot(cot("on-time", "a-u-G-U", 500_100, 6_005_000, received + 30_000, received)), b);
        assertThat(b.journal()).as("both journalled").hasSize(2);
        assertThat(b.size()).as("only the one within the lead is tracked").isEqualTo(1);
        assertThat(b.detectionAt(0).t()).isEqualTo(received / 1000.0 + 30);
        assertThat(n.clockAhead()).isEqualTo(1);
    }

    @Test
    void aModelNeedsAProbabilityOfDetectionAndANonNegativeClutterDensity() {
        assertThatThrownBy(() -> new Model(0, 1e-9)).hasMessageContaining("pd");
        assertThatThrownBy(() -> new Model(1, 1e-9)).hasMessageContaining("pd");
        assertThatThrownBy(() -> new Model(0.9, 0)).hasMessageContaining("clutter_density");
        assertThat(FeedSensorModels.defaults().of(Feed.RADAR)).isEqualTo(FeedSensorModels.DEFAULT);
    }

    @Test
    void aScenarioSetsAFeedsModelInItsMetadataAndABadValueNamesItsKey() {
        FeedSensorModels m = FeedSensorModels.fromMetadata(java.util.Map.of("sensors.radar.pd", "0.75",
                "sensors.onvif.clutter_density", "2e-8", "rules.loiter_s", "600"));
        assertThat(m.of(Feed.RADAR)).isEqualTo(new Model(0.75, 1e-9));
        assertThat(m.of(Feed.ONVIF)).isEqualTo(new Model(0.9, 2e-8));
        assertThat(m.of(Feed.COT)).isEqualTo(FeedSensorModels.DEFAULT);
        assertThat(FeedSensorModels.fromMetadata(java.util.Map.of())).isEqualTo(FeedSensorModels.defaults());
        assertThatThrownBy(() -> FeedSensorModels.fromMetadata(java.util.Map.of("sensors.gmti.pd", "high")))
                .hasMessageContaining("sensors.gmti.pd").hasMessageContaining("'high'");
        assertThatThrownBy(() -> FeedSensorModels.fromMetadata(java.util.Map.of("sensors.json.pd", "1.5")))
                .hasMessageContaining("sensors.json.").hasMessageContaining("pd must be in (0, 1)");
    }

    @Test
    void aBatchKeepsOnlyTheMessagesAskedForWithTheirDetectionsAndSignsOfLife() throws Exception {
        Normaliser n = new Normaliser(Square.scenario(), FeedSensorModels.defaults(), registered::add);
        NormalisedBatch b = new NormalisedBatch(1);
        n.normalise(new Message.Cot(cot("a", "a-u-G-U", 500_100, 6_005_000, 1_000)), b);
        n.normalise(new Message.Cot(cot("b", "a-u-G-U", 500_200, 6_005_000, 2_000)), b);
        n.normalise(new Message.Cot(cot("c", "a-u-G-U", 500_300, 6_005_000, 3_000)), b);
        NormalisedBatch kept = b.keeping(m -> m != 1);
        assertThat(kept.messages()).isEqualTo(2);
        assertThat(kept.journal()).extracting(e -> e.sensorId()).containsExactly("cot:a", "cot:c");
        assertThat(kept.size()).isEqualTo(2);
        assertThat(kept.detectionAt(1).x()).isEqualTo(b.detectionAt(2).x());
        assertThat(kept.receivedAtMillisAt(1)).isEqualTo(3_000);
        assertThat(kept.signOfLifeAt(1)).isEqualTo("cot-tcp:127.0.0.1");
    }
}
