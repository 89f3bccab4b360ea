package org.skydas.track.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.testkit.SharedData;
import org.skydas.track.Detection;
import org.skydas.track.LiveTracker;
import org.skydas.track.TrackState;
import org.skydas.track.TrackStatus;
import org.skydas.track.Tracker;
import org.skydas.track.TrackerConfig;

/**
 * The shared small scenario fed detection by detection through {@link LiveTracker} (shuffled within
 * each scan, scan notes for the empty scans) scores like the batch path ({@link TrackFileRunner}).
 */
class LiveScenarioTest {

    @TempDir
    Path tmp;

    @Test
    void sharedSmallScenarioScoresTheSameThroughLiveTracker() throws Exception {
        double[] gospa = batchAndLive(TrackerConfig.defaults());
        assertThat(gospa[1]).isLessThan(125.9); // still better than Stone Soup GNN
    }

    @Test
    void jpdaOptionScoresTheSameThroughLiveTracker() throws Exception {
        // JPDA raises existence without hard hits: the listener must still hear of every reportable track.
        double[] gospa = batchAndLive(TrackerConfig.defaults().withAssociation(TrackerConfig.Association.JPDA));
        assertThat(gospa[1]).isLessThan(121.3); // still better than Stone Soup JPDA
    }

    /** Mean GOSPA of the batch path and of the live path, after checking they agree. */
    private double[] batchAndLive(TrackerConfig base) throws Exception {
        Path dir = SharedData.require("bench/tracking/scenarios/small");
        Path scenario = dir.resolve("scenario.json");
        Path batchTracks = tmp.resolve("batch.csv");
        TrackFileRunner.run(dir.resolve("detections.csv"), scenario, batchTracks,
                new PrintStream(OutputStream.nullOutputStream()), base, true);
        ScoreFiles.Score batch = ScoreFiles.score(dir.resolve("truth.csv"), batchTracks, scenario, 100, 1);

        ScenarioFile sc = ScenarioFile.read(scenario);
        Tracker tracker = new Tracker(sc.configure(base));
        sc.sensors().forEach(s -> tracker.registerSensor(s.model()));
        Map<Long, TrackState> announced = new HashMap<>();
        int[] deletions = {0};
        LiveTracker live = new LiveTracker(tracker, new LiveTracker.Listener() {
            @Override
            public void onTrackUpdated(TrackState s) {
                announced.put(s.id(), s);
            }

            @Override
            public void onTrackDeleted(TrackState s) {
                assertThat(s.status()).isEqualTo(TrackStatus.DELETED);
                assertThat(announced.remove(s.id())).isNotNull();
                deletions[0]++;
            }
        });
        TreeMap<Double, List<Detection>> byTime = new TreeMap<>();
        for (Detection d : DetectionCsv.read(dir.resolve("detections.csv"), sc.sensors().get(0).sigma()).detections()) {
            byTime.computeIfAbsent(TrackFileRunner.roundTime(d.t()), k -> new ArrayList<>()).add(d);
        }
        Random rnd = new Random(1);
        Path liveTracks = tmp.resolve("live.csv");
        try (BufferedWriter w = Files.newBufferedWriter(liveTracks, StandardCharsets.UTF_8)) {
            w.write("t,track_id,x,y,vx,vy\n");
            for (int k = 0; k < sc.scanCount(); k++) {
                double t = TrackFileRunner.roundTime(sc.scanTime(k));
                List<Detection> scan = new ArrayList<>(byTime.getOrDefault(t, List.of()));
                Collections.shuffle(scan, rnd);
                scan.forEach(live::offer);
                sc.sensors().forEach(s -> live.offerScan(s.id(), t));
                // Half a window later everything of this scan is released; the picture is at t.
                live.advance(t + live.window() / 2);
                live.advance(t + live.window());
                assertThat(tracker.time()).isEqualTo(t);
                for (TrackState s : tracker.reportableStates()) {
                    assertThat(announced).containsKey(s.id());
                    w.write(String.format(java.util.Locale.ROOT, "%.3f,%d,%.3f,%.3f,%.4f,%.4f%n",
                            t, s.id(), s.x(), s.y(), s.vx(), s.vy()));
                }
            }
        }
        ScoreFiles.Score viaLive = ScoreFiles.score(dir.resolve("truth.csv"), liveTracks, scenario, 100, 1);
        assertThat(live.rejects().total()).isZero();
        assertThat(tracker.rejects().total()).isZero();
        assertThat(deletions[0]).isPositive();
        // Same inputs, same engine: only the order inside a scan differs (by position instead of file order).
        assertThat(viaLive.meanGospa()).isCloseTo(batch.meanGospa(), org.assertj.core.api.Assertions.within(0.5));
        System.out.printf("small scenario %s GOSPA batch %.3f live %.3f%n", base.association(),
                batch.meanGospa(), viaLive.meanGospa());
        return new double[] {batch.meanGospa(), viaLive.meanGospa()};
    }
}
