package org.skydas.track.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.testkit.SharedData;
import org.skydas.track.TrackerConfig;

/**
 * End to end: detections file -> tracker -> tracks file -> GOSPA. Bounds are Stone Soup GNN's
 * mean GOSPA on the same scenario (shared/bench/tracking/RESULTS.md) where it exists, else a
 * bound with margin over what this tracker achieved when the test was written (stated per case).
 */
class ScenarioTrackingTest {

    @TempDir
    Path tmp;

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private ScoreFiles.Score track(Path scenarioDir) throws Exception {
        return track(scenarioDir, TrackerConfig.defaults());
    }

    private ScoreFiles.Score track(Path scenarioDir, TrackerConfig config) throws Exception {
        Path tracks = tmp.resolve("tracks_" + scenarioDir.getFileName() + ".csv");
        TrackFileRunner.Summary s = TrackFileRunner.run(scenarioDir.resolve("detections.csv"),
                scenarioDir.resolve("scenario.json"), tracks, QUIET, config, true);
        assertThat(s.rejects()).isEmpty();
        assertThat(s.malformedRows()).isZero();
        return ScoreFiles.score(scenarioDir.resolve("truth.csv"), tracks, scenarioDir.resolve("scenario.json"), 100, 1);
    }

    @Test
    void sharedSmallScenarioBeatsStoneSoupGnn() throws Exception {
        ScoreFiles.Score s = track(SharedData.require("bench/tracking/scenarios/small"));
        // Stone Soup GNN: GOSPA 125.9, OSPA 15.05 (RESULTS.md); this tracker: 91.5 / 11.5.
        assertThat(s.meanGospa()).isLessThan(125.9);
        assertThat(s.meanOspa()).isLessThan(15.05);
        assertThat(s.meanFalse()).isLessThan(40.0);
    }

    @Test
    void sharedMediumScenarioBeatsStoneSoupGnn() throws Exception {
        ScoreFiles.Score s = track(SharedData.require("bench/tracking/scenarios/medium"));
        // Stone Soup GNN: GOSPA 1044.0, OSPA 11.97; this tracker: 796 / 8.9.
        assertThat(s.meanGospa()).isLessThan(1044.0);
        assertThat(s.meanOspa()).isLessThan(11.97);
    }

    @Test
    void jpdaOptionOnSharedSmallScenarioBeatsStoneSoupJpda() throws Exception {
        ScoreFiles.Score s = track(SharedData.require("bench/tracking/scenarios/small"),
                TrackerConfig.defaults().withAssociation(TrackerConfig.Association.JPDA));
        // Stone Soup exact JPDA: GOSPA 121.3, OSPA 14.39; this JPDA: 99.4 / 12.7.
        assertThat(s.meanGospa()).isLessThan(121.3);
        assertThat(s.meanOspa()).isLessThan(14.39);
    }

    @Test
    void twoSensorScenarioBeatsStoneSoupGnn() throws Exception {
        // The benchmark's small-2s scenario (regenerated; RESULTS.md: Stone Soup GNN GOSPA 230.5).
        Path dir = BenchTools.scenario(tmp.resolve("small-2s"), "--targets", "10", "--scans", "200",
                "--seed", "2", "--sensors", "2", "--sigma", "10,20", "--pd", "0.9", "--clutter", "10");
        ScoreFiles.Score s = track(dir);
        assertThat(s.meanGospa()).isLessThan(230.5);
        assertThat(s.meanFalse()).isLessThan(50.0); // Stone Soup: 153.5
    }

    @Test
    void lowPdHeavyClutterScenarioStaysWithinBound() throws Exception {
        // Pd 0.7, clutter 3 x targets, sigma 15 m. Stone Soup GNN (gnn-kdtree, same commit as
        // RESULTS.md, run here): GOSPA 684.1; this tracker 176.7; bound with margin.
        Path dir = BenchTools.scenario(tmp.resolve("hard"), "--targets", "10", "--scans", "200",
                "--seed", "7", "--pd", "0.7", "--clutter", "30", "--sigma", "15");
        ScoreFiles.Score s = track(dir);
        assertThat(s.meanGospa()).isLessThan(200.0);
    }
}
