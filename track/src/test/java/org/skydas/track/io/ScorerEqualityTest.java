package org.skydas.track.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.testkit.SharedData;

/** The Java OSPA/GOSPA equal the benchmark's score.py, scan by scan, on the same files. */
class ScorerEqualityTest {

    @TempDir
    Path tmp;

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void javaMetricsEqualScorePyOnOurTracksOfTheSharedSmallScenario() throws Exception {
        Path sc = SharedData.require("bench/tracking/scenarios/small");
        Path tracks = tmp.resolve("tracks_java.csv");
        TrackFileRunner.run(sc.resolve("detections.csv"), sc.resolve("scenario.json"), tracks, QUIET);
        compare(sc.resolve("truth.csv"), tracks, sc.resolve("scenario.json"), 100, 1);
        compare(sc.resolve("truth.csv"), tracks, sc.resolve("scenario.json"), 40, 2);
    }

    @Test
    void javaMetricsEqualScorePyOnRandomSetsWithEmptyScansAndFarPoints() throws Exception {
        Random rnd = new Random(17);
        StringBuilder truth = new StringBuilder("t,truth_id,x,y,vx,vy\n");
        StringBuilder tracks = new StringBuilder("t,track_id,x,y\n");
        for (int k = 0; k < 60; k++) {
            int nx = k % 7 == 0 ? 0 : rnd.nextInt(6);
            int ny = k % 5 == 0 ? 0 : rnd.nextInt(7);
            for (int i = 0; i < nx; i++) {
                truth.append(String.format(Locale.ROOT, "%d.000,%d,%.3f,%.3f,0,0%n", k, i,
                        rnd.nextDouble() * 400, rnd.nextDouble() * 400));
            }
            for (int i = 0; i < ny; i++) {
                tracks.append(String.format(Locale.ROOT, "%d.000,%d,%.3f,%.3f%n", k, 100 + i,
                        rnd.nextDouble() * 400, rnd.nextDouble() * 400));
            }
        }
        Path t = Files.writeString(tmp.resolve("truth.csv"), truth);
        Path y = Files.writeString(tmp.resolve("tracks_rand.csv"), tracks);
        compare(t, y, null, 100, 1);
        compare(t, y, null, 150, 3);
    }

    private void compare(Path truth, Path tracks, Path scenario, double c, double p) throws Exception {
        Path out = Files.createTempDirectory(tmp, "score");
        List<String> args = new java.util.ArrayList<>(List.of(truth.toString(), tracks.toString(),
                "--c", Double.toString(c), "--p", Double.toString(p), "--out-dir", out.toString()));
        if (scenario != null) {
            args.addAll(List.of("--scenario", scenario.toString()));
        }
        BenchTools.run("score.py", args, 120);
        String name = tracks.getFileName().toString().replaceFirst("^tracks_", "").replaceFirst("\\.csv$", "");
        List<String> lines = Files.readAllLines(out.resolve("score_" + name + "_per_scan.csv"));
        String[] header = lines.get(0).split(",");
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            col.put(header[i], i);
        }
        ScoreFiles.Score mine = ScoreFiles.score(truth, tracks, scenario, c, p);
        assertThat(mine.scans()).hasSize(lines.size() - 1);
        for (int k = 1; k < lines.size(); k++) {
            String[] f = lines.get(k).split(",");
            ScoreFiles.Scan s = mine.scans().get(k - 1);
            assertThat(s.t()).isCloseTo(Double.parseDouble(f[col.get("t")]), within(1e-6));
            assertThat(s.nTruth()).isEqualTo(Integer.parseInt(f[col.get("n_truth")]));
            assertThat(s.nTracks()).isEqualTo(Integer.parseInt(f[col.get("n_tracks")]));
            // score.py writes 6 decimals
            assertThat(s.result().ospa()).isCloseTo(Double.parseDouble(f[col.get("ospa")]), within(2e-6));
            assertThat(s.result().gospa()).isCloseTo(Double.parseDouble(f[col.get("gospa")]), within(2e-6));
            assertThat(s.result().localisation()).isCloseTo(Double.parseDouble(f[col.get("gospa_loc")]), within(2e-6));
            assertThat(s.result().missed()).isCloseTo(Double.parseDouble(f[col.get("gospa_missed")]), within(2e-6));
            assertThat(s.result().falseTracks()).isCloseTo(Double.parseDouble(f[col.get("gospa_false")]), within(2e-6));
            assertThat(s.result().nAssigned()).isEqualTo(Integer.parseInt(f[col.get("n_assigned")]));
        }
    }
}
