package org.skydas.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;
import org.skydas.geo.Lks94;
import org.skydas.model.BorderLine;
import org.skydas.model.Neighbour;
import org.skydas.model.Scenario;
import org.skydas.model.SectorCutter;
import org.skydas.model.TargetKind;
import org.skydas.model.Zone;
import org.skydas.model.ZoneKind;
import org.skydas.model.demo.DemoScenario;
import org.skydas.track.TrackState;
import org.skydas.track.TrackStatus;

/**
 * A 10 km square country whose west edge (x = 0) is the border with Belarus; its north edge is a
 * coast. A 1 km border strip lies along the border, and a restricted zone across its northern part.
 */
class RuleEngineTest {

    RuleEngine rules;

    static Scenario square() {
        LineString west = Lks94.GRID.createLineString(new Coordinate[] {new Coordinate(0, 0), new Coordinate(0, 10_000)});
        BorderLine by = new BorderLine("border-BY", Neighbour.BY, Lks94.GRID.createMultiLineString(new LineString[] {west}));
        Zone land = new Zone("territory", "land", ZoneKind.NATIONAL_TERRITORY,
                Lks94.GRID.toGeometry(new Envelope(0, 10_000, 0, 10_000)), Map.of());
        Zone strip = new Zone("strip-BY", "strip", ZoneKind.BORDER_STRIP,
                Lks94.GRID.toGeometry(new Envelope(0, 1_000, 0, 10_000)), Map.of());
        Zone air = new Zone("air", "no-fly", ZoneKind.RESTRICTED_AIRSPACE,
                Lks94.GRID.toGeometry(new Envelope(-3_000, 3_000, 6_000, 10_000)), Map.of());
        return new Scenario(Map.of(), List.of(by), new SectorCutter(5_000).cut(by), List.of(land, strip, air),
                List.of(), List.of(), DemoScenario.programme());
    }

    static TrackState track(long id, double t, double x, double y, double vx, double vy, TrackStatus status,
                            TargetKind cls) {
        double[] p = new double[TargetKind.COUNT];
        p[cls.ordinal()] = 0.9;
        p[TargetKind.UNKNOWN.ordinal()] += 0.1;
        return new TrackState(id, t, x, y, vx, vy, Double.NaN, Double.NaN, new double[16], status, p, 0.9,
                new int[] {1}, t, null);
    }

    static TrackState confirmed(long id, double t, double x, double y, double vx, double vy) {
        return track(id, t, x, y, vx, vy, TrackStatus.CONFIRMED, TargetKind.PERSON);
    }

    @BeforeEach
    void setUp() {
        rules = new RuleEngine(new BorderIndex(square()), RuleConfig.defaults());
    }

    static List<RuleKind> kinds(List<Finding> f) {
        return f.stream().map(Finding::rule).toList();
    }

    @Test
    void aConfirmedTrackCrossingInboundRaisesABorderCrossingInItsSector() {
        assertThat(rules.onTrack(confirmed(1, 0, -50, 7_000, 2, 0))).extracting(Finding::rule)
                .doesNotContain(RuleKind.BORDER_CROSSING);
        List<Finding> f = rules.onTrack(confirmed(1, 30, 10, 7_000, 2, 0));
        Finding crossing = f.stream().filter(x -> x.rule() == RuleKind.BORDER_CROSSING).findFirst().orElseThrow();
        assertThat(crossing.sectorId()).isEqualTo("BY-002");
        assertThat(crossing.severity()).isEqualTo(Severity.HIGH);
        assertThat(crossing.subject()).isEqualTo("track:1");
        assertThat(crossing.x()).isEqualTo(0);
        assertThat(crossing.message()).contains("Belarus");
        // The console translates the key with these parameters; the message is their English rendering.
        assertThat(crossing.text().key()).isEqualTo("alert.border_crossing");
        assertThat(crossing.text().params()).containsEntry("track", 1L).containsEntry("class", "person")
                .containsEntry("neighbour", "BY").containsEntry("sector", "BY-002").containsEntry("distance_m", 10.0)
                .containsEntry("speed_mps", 2.0);
        assertThat(crossing.message()).isEqualTo(crossing.text().english());
        // Staying inside raises nothing more.
        assertThat(kinds(rules.onTrack(confirmed(1, 40, 30, 7_000, 2, 0)))).doesNotContain(RuleKind.BORDER_CROSSING);
    }

    @Test
    void vehiclesCrossingAreCritical() {
        rules.onTrack(track(2, 0, -30, 2_000, 10, 0, TrackStatus.CONFIRMED, TargetKind.VEHICLE));
        List<Finding> f = rules.onTrack(track(2, 5, 20, 2_000, 10, 0, TrackStatus.CONFIRMED, TargetKind.VEHICLE));
        assertThat(f).filteredOn(x -> x.rule() == RuleKind.BORDER_CROSSING).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void outboundTentativeAndCoastalEntriesAreNoBorderCrossing() {
        rules.onTrack(confirmed(3, 0, 20, 5_000, -2, 0));
        assertThat(kinds(rules.onTrack(confirmed(3, 20, -20, 5_000, -2, 0)))).doesNotContain(RuleKind.BORDER_CROSSING);

        rules.onTrack(track(4, 0, -20, 5_000, 2, 0, TrackStatus.TENTATIVE, TargetKind.PERSON));
        assertThat(rules.onTrack(track(4, 20, 20, 5_000, 2, 0, TrackStatus.TENTATIVE, TargetKind.PERSON))).isEmpty();

        // From the sea in the north, 5 km from the border line.
        rules.onTrack(confirmed(5, 0, 5_000, 10_050, 0, -2));
        assertThat(kinds(rules.onTrack(confirmed(5, 50, 5_000, 9_950, 0, -2)))).doesNotContain(RuleKind.BORDER_CROSSING);
    }

    @Test
    void approachWarnsOnceWhenTheEtaIsShort() {
        // 3 km out at 10 m/s towards the border: ETA 300 s.
        List<Finding> f = rules.onTrack(confirmed(6, 0, -3_000, 5_000, 10, 0));
        assertThat(f).filteredOn(x -> x.rule() == RuleKind.APPROACH).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("ETA 300 s"))
                .satisfies(x -> assertThat(x.text().params()).containsEntry("eta_s", 300.0).containsEntry("distance_m", 3000.0)
                        .containsEntry("closing_mps", 10.0).containsEntry("sector", "BY-001"));
        assertThat(kinds(rules.onTrack(confirmed(6, 10, -2_900, 5_000, 10, 0)))).doesNotContain(RuleKind.APPROACH);
        // Walking away, or too slowly (ETA 3 000 s), warns nothing.
        assertThat(kinds(rules.onTrack(confirmed(7, 0, -3_000, 5_000, -1, 0)))).doesNotContain(RuleKind.APPROACH);
        assertThat(kinds(rules.onTrack(confirmed(8, 0, -3_000, 5_000, 1, 0)))).doesNotContain(RuleKind.APPROACH);
    }

    @Test
    void dronesInsideOrInRestrictedAirspaceAreIncursions() {
        List<Finding> outsideRestricted = rules.onTrack(track(9, 0, -2_000, 8_000, 0, 0, TrackStatus.CONFIRMED,
                TargetKind.DRONE));
        assertThat(outsideRestricted).filteredOn(x -> x.rule() == RuleKind.DRONE_INCURSION).singleElement()
                .satisfies(x -> assertThat(x.zoneId()).isEqualTo("air"))
                .satisfies(x -> assertThat(x.text().key()).isEqualTo("alert.drone_restricted"))
                .satisfies(x -> assertThat(x.text().params()).containsEntry("zone", "no-fly"));
        List<Finding> deepInside = rules.onTrack(track(10, 0, 8_000, 5_000, 0, 0, TrackStatus.CONFIRMED,
                TargetKind.DRONE));
        assertThat(deepInside).filteredOn(x -> x.rule() == RuleKind.DRONE_INCURSION).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("national airspace"));
        assertThat(kinds(rules.onTrack(track(11, 0, -8_000, 5_000, 0, 0, TrackStatus.CONFIRMED, TargetKind.DRONE))))
                .doesNotContain(RuleKind.DRONE_INCURSION);
        assertThat(kinds(rules.onTrack(confirmed(12, 0, 8_000, 5_000, 0, 0)))).doesNotContain(RuleKind.DRONE_INCURSION);
    }

    @Test
    void loiteringInTheStripWarnsOncePerStay() {
        List<RuleKind> seen = new ArrayList<>();
        for (int t = 0; t <= 900; t += 30) {
            seen.addAll(kinds(rules.onTrack(confirmed(13, t, 500, 5_000, 0, 0))));
        }
        assertThat(seen).filteredOn(k -> k == RuleKind.LOITERING).hasSize(1);
        // Out of the strip and back: a new stay, a new warning after another 600 s.
        rules.onTrack(confirmed(13, 930, 2_000, 5_000, 0, 0));
        seen.clear();
        for (int t = 960; t <= 1_500; t += 30) {
            seen.addAll(kinds(rules.onTrack(confirmed(13, t, 500, 5_000, 0, 0))));
        }
        assertThat(seen).doesNotContain(RuleKind.LOITERING);
        assertThat(kinds(rules.onTrack(confirmed(13, 1_560, 500, 5_000, 0, 0)))).contains(RuleKind.LOITERING);
    }

    @Test
    void losingAConfirmedTrackNearTheBorderIsReported() {
        rules.onTrack(confirmed(14, 0, 800, 6_000, 0, 0));
        assertThat(rules.onTrackEnd(confirmed(14, 10, 800, 6_000, 0, 0))).singleElement()
                .satisfies(f -> {
                    assertThat(f.rule()).isEqualTo(RuleKind.TRACK_LOST);
                    assertThat(f.sectorId()).isEqualTo("BY-002");
                    assertThat(f.text().key()).isEqualTo("alert.track_lost");
                    assertThat(f.text().params()).containsEntry("distance_m", 800.0).containsEntry("track", 14L);
                });
        rules.onTrack(confirmed(15, 0, 8_000, 5_000, 0, 0));
        assertThat(rules.onTrackEnd(confirmed(15, 10, 8_000, 5_000, 0, 0))).isEmpty();
        rules.onTrack(track(16, 0, 800, 5_000, 0, 0, TrackStatus.TENTATIVE, TargetKind.PERSON));
        assertThat(rules.onTrackEnd(track(16, 5, 800, 5_000, 0, 0, TrackStatus.DELETED, TargetKind.PERSON))).isEmpty();
    }

    @Test
    void aSilentSensorIsReportedOncePerSilence() {
        rules.onSensorData("radar-1", 0);
        assertThat(rules.onTime(59)).isEmpty();
        assertThat(rules.onTime(61)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleKind.SENSOR_DOWN);
            assertThat(f.subject()).isEqualTo("sensor:radar-1");
            assertThat(f.text().params()).containsExactly(Map.entry("sensor", "radar-1"), Map.entry("silent_s", 61.0));
            assertThat(f.message()).isEqualTo("no data from sensor radar-1 for 61 s");
        });
        assertThat(rules.onTime(120)).isEmpty();
        rules.onSensorData("radar-1", 130);
        assertThat(rules.onTime(150)).isEmpty();
        assertThat(rules.onTime(191)).hasSize(1);
    }
}
