package org.skydas.watch.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.skydas.alert.Alert;
import org.skydas.alert.CoverageVerdict;
import org.skydas.alert.RuleKind;
import org.skydas.model.TargetKind;
import org.skydas.track.Detection;
import org.skydas.track.SensorModel;
import org.skydas.track.TrackState;
import org.skydas.watch.Square;
import org.skydas.watch.memory.MemoryAlerts;
import org.skydas.watch.memory.MemoryTrackHistory;

/**
 * The watch loop driven directly, as a tracker node would drive it from a journal topic: detections in, alerts and
 * track history out through the ports, no queue, no journal, no pipeline thread.
 */
class WatchLoopTest {

    final MemoryAlerts alerts = new MemoryAlerts();
    final MemoryTrackHistory history = new MemoryTrackHistory();

    @Test
    void journalledDetectionsOfAWalkerAcrossTheBorderRaiseOneCrossingWithItsCoverageAndKeepItsHistory() throws Exception {
        WatchLoop loop = new WatchLoop(Square.scenario(), 0.2, alerts, history);
        List<TargetKind> asked = new ArrayList<>();
        loop.coverage((x, y, tracked) -> {
            asked.add(tracked);
            return y > Square.Y0 + 4_000 ? CoverageVerdict.GAP : CoverageVerdict.COVERED;
        });
        List<TrackState> updates = new ArrayList<>();
        loop.onTrackChange(updates::add, s -> { });
        loop.registerSensor(SensorModel.event(7, 0.9, 1e-9));
        long wall = System.currentTimeMillis();
        double start = wall / 1000.0 - 200;
        // 1.5 m/s eastwards from 150 m outside to 150 m inside, a report every 2 s, one batch per report.
        for (int k = 0; k <= 100; k++) {
            double t = start + 2 * k;
            long received = (long) (t * 1000) + 40;
            loop.signOfLife("radar-7", received / 1000.0);
            loop.detection(Detection.position(t, 7, Square.X0 - 150 + 3 * k, Square.Y0 + 5_000, 5), "radar-7", received);
            loop.endBatch(1, true, received);
        }
        for (int i = 1; i <= 5; i++) {
            loop.endBatch(0, false, (long) ((start + 200) * 1000) + 1_000L * i); // time passes: the last is released
        }
        List<Alert> crossings = alerts.alerts(a -> a.rule() == RuleKind.BORDER_CROSSING);
        assertThat(crossings).hasSize(1);
        assertThat(crossings.get(0).coverage()).as("crossed at y = Y0 + 5 km, which the lookup calls a gap").isEqualTo(CoverageVerdict.GAP);
        assertThat(asked).isNotEmpty().doesNotContainNull();
        assertThat(loop.processed()).isEqualTo(101);
        assertThat(loop.tracks()).hasSize(1);
        assertThat(updates).isNotEmpty();
        assertThat(history.points()).as("a point every 5 s of the 200 s walk, about").hasSizeBetween(30, 45);
        assertThat(history.points()).allSatisfy(p -> assertThat(p.trackId()).isEqualTo(updates.get(0).id()));
        assertThat(alerts.audit()).isNotEmpty();
    }

    @Test
    void aSourceThatFallsSilentRaisesSensorDownOnTheWallClockAlone() throws Exception {
        WatchLoop loop = new WatchLoop(Square.scenario(), 0.2, alerts, history);
        long wall = System.currentTimeMillis();
        loop.signOfLife("cot-udp:10.0.0.5", wall / 1000.0);
        loop.endBatch(1, false, wall);
        assertThat(alerts.alerts(a -> a.rule() == RuleKind.SENSOR_DOWN)).isEmpty();
        loop.endBatch(0, false, wall + 3_600_000); // an hour of silence, nothing else happening
        assertThat(alerts.alerts(a -> a.rule() == RuleKind.SENSOR_DOWN))
                .singleElement().satisfies(a -> assertThat(a.subject()).contains("cot-udp:10.0.0.5"));
    }
}
