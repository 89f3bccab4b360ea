package org.skydas.watch.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.skydas.watch.Await.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

import org.skydas.alert.Alert;
import org.skydas.alert.CoverageVerdict;
import org.skydas.alert.RuleKind;
import org.skydas.geo.Lks94;
import org.skydas.ingest.asterix.GeoPosition;
import org.skydas.ingest.asterix.PlotReport;
import org.skydas.ingest.listen.Received;
import org.skydas.ingest.remoteid.OdidBasicId;
import org.skydas.ingest.remoteid.OdidLocation;
import org.skydas.ingest.remoteid.OdidMessage;
import org.skydas.ingest.remoteid.OdidMessagePack;
import org.skydas.model.Asset;
import org.skydas.model.AssetStatus;
import org.skydas.model.AssetType;
import org.skydas.model.AsterixIdentity;
import org.skydas.model.Scenario;
import org.skydas.model.SensorParameters;
import org.skydas.model.TargetClass;
import org.skydas.model.TargetKind;
import org.skydas.track.Detection;
import org.skydas.track.TrackState;
import org.skydas.watch.LivePipeline;
import org.skydas.watch.Square;
import org.skydas.watch.feed.AsterixFeed;
import org.skydas.watch.memory.MemoryPorts;
import org.skydas.watch.port.CoverageLookup;
import org.skydas.watch.port.GroundHeight;

/**
 * Radar plots and Remote ID packs through the live pipeline of a 10 km square country whose west edge
 * (x = 500 000) is the border with Belarus: a walker seen only by a scenario radar raises border_crossing; a
 * drone heard only by a Remote ID receiver raises drone_incursion and keeps its serial.
 */
class RadarAndRemoteIdFeedTest {

    static final double X0 = 500_000;
    static final double Y0 = 6_000_000;
    static final Coordinate RADAR = new Coordinate(503_000, 6_005_000);

    MemoryPorts watch = new MemoryPorts();
    LivePipeline pipeline;

    static Scenario withRadar() {
        Scenario square = Square.scenario();
        SensorParameters radar = new SensorParameters(25, Map.of(TargetClass.PERSON, 8_000.0), 0, 0, -5, 30, 0.95, 0.6,
                2.0, 12, 0.5);
        Asset a = new Asset("radar-1", "Radar 1", AssetType.RADAR, Lks94.GRID.createPoint(RADAR), AssetStatus.OPERATIONAL,
                1, 0, null, 2026, radar, Map.of(AsterixIdentity.SAC_PARAM, 1, AsterixIdentity.SIC_PARAM, 7));
        return square.withAssets(List.of(a));
    }

    /**
     * The scenario radar's coverage as the server would compute it on bare ground: it sees people (and, judged by
     * person coverage, unknown targets and vehicles) to 8 km and no drones.
     */
    static CoverageLookup coverage() {
        return (x, y, tracked) -> tracked == TargetKind.DRONE ? CoverageVerdict.GAP
                : Math.hypot(x - RADAR.x, y - RADAR.y) <= 8_000 ? CoverageVerdict.COVERED : CoverageVerdict.GAP;
    }

    @AfterEach
    void stop() throws Exception {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    /** A plot of the configured radar at grid (x, y), as the reader would make it from CAT048. */
    static PlotReport plot(double x, double y, double timeOfDayS, int track) {
        Coordinate w = Lks94.toWgs84(x, y);
        double dx = x - RADAR.x;
        double dy = y - RADAR.y;
        double az = Math.toDegrees(Math.atan2(dx, dy));
        return new PlotReport(1, 7, timeOfDayS, new GeoPosition(w.y, w.x, 25), Math.hypot(dx, dy), az < 0 ? az + 360 : az,
                org.skydas.ingest.asterix.PlotHeight.NONE, track);
    }

    @Test
    void aWalkerSeenOnlyByTheScenarioRadarRaisesABorderCrossing() throws Exception {
        pipeline = new LivePipeline(withRadar(), watch.ports(), 1_000, 0.2).withCoverage(coverage());
        assertThat(pipeline.radarSites().locator(1, 7)).as("site configured from the scenario").isNotNull();
        long now = System.currentTimeMillis();
        double startS = now / 1000.0 - 200;
        // 1.5 m/s eastwards from 150 m outside to 150 m inside, one plot per 2 s scan.
        for (int k = 0; k <= 100; k++) {
            double t = startS + 2 * k;
            double todS = t - Math.floor(t / 86_400) * 86_400;
            pipeline.offerPlot(plot(X0 - 150 + 3 * k, Y0 + 5_000, todS, 42), "{}", "asterix-udp", (long) (t * 1000));
        }
        await(() -> !watch.alerts().alerts(a -> a.rule() == RuleKind.BORDER_CROSSING).isEmpty(), "border_crossing");
        Alert a = watch.alerts().alerts(x -> x.rule() == RuleKind.BORDER_CROSSING).get(0);
        assertThat(a.x()).isCloseTo(X0, within(50.0));
        assertThat(a.sectorId()).isNotBlank();
        assertThat(a.coverage()).as("3 km from a radar that sees people to 8 km").isEqualTo(CoverageVerdict.COVERED);
        assertThat(pipeline.tracks()).anySatisfy(s -> assertThat(s.externalId()).isEqualTo("asterix:1/7:42"));
    }

    static OdidMessage pack(String serial, double lat, double lon, long receivedAtMillis) {
        long tenths = Math.floorMod(receivedAtMillis / 100, 36_000L);
        OdidLocation loc = new OdidLocation(2, 2, 0, 90, 10, 0, lat, lon, Double.NaN, 150, 120, 10, 4, 0, 2,
                (int) tenths, 0.1);
        return new OdidMessagePack(2, List.of(new OdidBasicId(2, 1, 2, serial), loc));
    }

    @Test
    void aDroneHeardOnlyByRemoteIdRaisesAnIncursionUnderItsSerial() throws Exception {
        pipeline = new LivePipeline(withRadar(), watch.ports(), 1_000, 0.2).withCoverage(coverage());
        long now = System.currentTimeMillis() - 60_000;
        for (int k = 0; k < 20; k++) {
            Coordinate w = Lks94.toWgs84(X0 + 200 + 10 * k, Y0 + 3_000);
            long t = now + 1_000L * k;
            pipeline.offerRemoteId(new Received<>(pack("1596F3C9A2B74E0D8811", w.y, w.x, t), "remoteid-udp",
                    new java.net.InetSocketAddress("127.0.0.1", 40_000), t));
        }
        await(() -> !watch.alerts().alerts(a -> a.rule() == RuleKind.DRONE_INCURSION).isEmpty(), "drone_incursion");
        assertThat(watch.alerts().alerts(a -> a.rule() == RuleKind.DRONE_INCURSION).get(0).coverage())
                .as("the scenario's only radar cannot see drones: the drone came through a gap").isEqualTo(CoverageVerdict.GAP);
        List<TrackState> tracks = new ArrayList<>(pipeline.tracks());
        assertThat(tracks).anySatisfy(s -> {
            assertThat(s.externalId()).isEqualTo("rid:1596F3C9A2B74E0D8811");
            assertThat(s.mostLikelyClass()).isEqualTo(TargetKind.DRONE);
        });
    }

    @Test
    void radarNoiseIsAnEllipseLongAcrossTheLineOfSight() {
        // 10 km due north of the radar: range error (15 m) north-south, azimuth error (0.2° ≈ 35 m) east-west.
        PlotReport p = plot(RADAR.x, RADAR.y + 10_000, 3_600, -1);
        Detection d = PlotToDetection.convert(p, 0, 5, 15, GroundHeight.NONE);
        assertThat(Math.sqrt(d.varY())).isCloseTo(15, within(0.5));
        assertThat(Math.sqrt(d.varX())).isCloseTo(10_000 * Math.toRadians(0.2), within(0.5));
        assertThat(d.covXY()).isCloseTo(0, within(1.0));
        // Due east: the ellipse turns with the line of sight.
        Detection e = PlotToDetection.convert(plot(RADAR.x + 10_000, RADAR.y, 3_600, -1), 0, 5, 15,
                GroundHeight.NONE);
        assertThat(Math.sqrt(e.varX())).isCloseTo(15, within(0.5));
        assertThat(Math.sqrt(e.varY())).isCloseTo(10_000 * Math.toRadians(0.2), within(0.5));
    }

    @Test
    void timeOfDayIsPlacedOnTheUtcDayNearestTheReceiveTime() {
        long midnight = 1_795_824_000_000L; // 2026-11-28T00:00:00Z
        // Sent at 23:59:59.5, received 0.3 s after midnight: yesterday.
        assertThat(PlotToDetection.absoluteTime(86_399.5, midnight + 300)).isEqualTo(midnight / 1000.0 - 0.5);
        // Sent at 00:00:00.2, received 0.1 s before midnight (clock skew): tomorrow.
        assertThat(PlotToDetection.absoluteTime(0.2, midnight - 100)).isEqualTo(midnight / 1000.0 + 0.2);
        assertThat(PlotToDetection.absoluteTime(Double.NaN, midnight + 1_234)).isEqualTo(midnight / 1000.0 + 1.234);
    }

    @Test
    void realCat062SystemTracksReachTheTrackerAsExternalTracks() throws Exception {
        byte[] bytes = java.nio.file.Files.readAllBytes(org.skydas.testkit.SharedData.require(
                "data/protocols/asterix/croatiacontrol/sample_data/cat062cat065.raw"));
        pipeline = new LivePipeline(withRadar(), watch.ports(), 1_000, 0.2);
        AsterixFeed feed = new AsterixFeed(pipeline);
        List<Detection> converted = new ArrayList<>();
        long received = 1_795_854_000_000L; // 2026-11-28T08:20:00Z: I062/070 of the sample is 08:35
        new org.skydas.ingest.asterix.AsterixDecoder().decode(bytes, 0, bytes.length,
                new org.skydas.ingest.asterix.AsterixDecoder.Listener() {
                    @Override
                    public void record(org.skydas.ingest.asterix.AsterixRecord r) {
                        feed.offer(r, null, received);
                        if (r.category().number() == 62) {
                            var t = new org.skydas.ingest.asterix.Cat062Tracks(r.category()).read(r);
                            converted.add(ExternalTrackToDetection.convert(t, received, 9));
                        }
                    }

                    @Override
                    public void error(int offset, String reason) {
                        throw new AssertionError(reason);
                    }
                });
        assertThat(converted).isNotEmpty();
        Detection first = converted.get(0);
        assertThat(first.externalId()).isEqualTo("cat062:25/100:" + first.externalId().split(":")[2]);
        assertThat(first.vx()).isEqualTo(-51.25);
        assertThat(first.vy()).isEqualTo(170.0);
        assertThat(first.t()).isCloseTo(1_795_824_000 + 30_911.6640625, within(1e-6));
        assertThat(first.classHint()).as("no drone hint for a system track").isNull();
        await(() -> ((Number) pipeline.stats().get("processed")).longValue() == converted.size(), "processed");
        assertThat(feed.stats().decodedCount()).isEqualTo(converted.size());
    }

    @Test
    void oneRadarWithAClockTwoHoursAheadCannotBlindTheOthers() throws Exception {
        pipeline = new LivePipeline(withRadar(), watch.ports(), 1_000, 0.2).withMaxClockLead(60);
        long now = System.currentTimeMillis();
        double startS = now / 1000.0 - 200;
        // First a plot stamped two hours after its receipt (a radar with a wrong clock)...
        double futureS = startS + 7_200;
        pipeline.offerPlot(plot(X0 + 4_000, Y0 + 8_000, futureS - Math.floor(futureS / 86_400) * 86_400, 7), "{}",
                "asterix-udp", (long) (startS * 1000));
        await(() -> ((Number) pipeline.stats().get("processed")).longValue() == 1, "the early plot processed alone");
        // ...then the walker across the border, on time.
        for (int k = 0; k <= 100; k++) {
            double t = startS + 2 * k;
            pipeline.offerPlot(plot(X0 - 150 + 3 * k, Y0 + 5_000, t - Math.floor(t / 86_400) * 86_400, 42), "{}",
                    "asterix-udp", (long) (t * 1000));
        }
        await(() -> !watch.alerts().alerts(a -> a.rule() == RuleKind.BORDER_CROSSING).isEmpty(),
                "border_crossing despite the early clock");
        assertThat(((Number) pipeline.stats().get("clock_ahead")).longValue()).isEqualTo(1);
        assertThat(pipeline.stats().get("tracker_rejects")).isEqualTo(Map.of());
    }
}
