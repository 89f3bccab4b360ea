package org.skydas.track.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.track.RejectReason;

class TrackFileRunnerTest {

    @TempDir
    Path tmp;

    /** Two targets, 30 scans, plus bad rows of every kind the file can hold. */
    private Path detections() throws Exception {
        Random rnd = new Random(1);
        StringBuilder sb = new StringBuilder("t,sensor_id,x,y,sigma,det_id\n");
        int id = 0;
        for (int k = 0; k < 30; k++) {
            sb.append(String.format(Locale.ROOT, "%d.000,0,%.3f,%.3f,5.000,%d%n", k, 100 + 10.0 * k + rnd.nextGaussian() * 5,
                    500 + rnd.nextGaussian() * 5, id++));
            sb.append(String.format(Locale.ROOT, "%d.000,0,%.3f,%.3f,5.000,%d%n", k, 900 + rnd.nextGaussian() * 5,
                    100 + 1.5 * k + rnd.nextGaussian() * 5, id++));
        }
        sb.append("31.000,0,not-a-number,1.0,5.000,1000\n");   // malformed
        sb.append("31.000,0,1.0\n");                           // short row
        sb.append("31.000,0,NaN,1.0,5.000,1001\n");            // parses, tracker rejects: NON_FINITE
        sb.append("31.000,0,1.0,1.0,-5.000,1002\n");           // negative sigma: BAD_COVARIANCE
        sb.append("31.000,9,1.0,1.0,5.000,1003\n");            // sensor not in the scenario
        return Files.writeString(tmp.resolve("detections.csv"), sb);
    }

    private Path scenario() throws Exception {
        return Files.writeString(tmp.resolve("scenario.json"), """
                {"scan_times": {"first": 0.0, "last": 34.0, "step": 1.0}, "n_scans": 35,
                 "area": {"xmin": 0, "xmax": 2000, "ymin": 0, "ymax": 2000},
                 "target_lifetime_s": 150.0,
                 "sensors": [{"sensor_id": 0, "sigma": 5.0, "pd": 0.9, "clutter_per_scan": 1,
                              "clutter_density_per_m2": 2.5e-7}]}
                """);
    }

    @Test
    void writesScorerFormatCountsBadRowsAndPrintsTiming() throws Exception {
        Path out = tmp.resolve("tracks.csv");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrackFileRunner.Summary s = TrackFileRunner.run(detections(), scenario(), out,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertThat(s.scans()).isEqualTo(35); // the scenario's scan times, empty ones included
        assertThat(s.malformedRows()).isEqualTo(2);
        assertThat(s.rejects()).containsEntry(RejectReason.NON_FINITE, 1L)
                .containsEntry(RejectReason.BAD_COVARIANCE, 1L)
                .containsEntry(RejectReason.UNKNOWN_SENSOR, 1L);
        assertThat(s.distinctTrackIds()).isEqualTo(2);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("t,track_id,x,y,vx,vy");
        assertThat(lines.get(1)).matches("2\\.000,\\d+,-?\\d+\\.\\d{3},-?\\d+\\.\\d{3},-?\\d+\\.\\d{4},-?\\d+\\.\\d{4}");
        assertThat(lines).hasSize(1 + (int) s.rowsWritten());
        String text = log.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("ms/scan mean").contains("p50").contains("p99").contains("35 scans");
    }

    @Test
    void worksWithoutScenarioFromDetectionTimesAlone() throws Exception {
        TrackFileRunner.Summary s = TrackFileRunner.run(detections(), null, tmp.resolve("t.csv"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(s.scans()).isEqualTo(31); // 0..29 and 31
        assertThat(s.distinctTrackIds()).isEqualTo(2);
        assertThat(s.rejects()).doesNotContainKey(RejectReason.UNKNOWN_SENSOR); // sensors seen are registered
    }

    @Test
    void unusableFilesFailWithTrackInputException() throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TrackFileRunner.run(tmp.resolve("missing.csv"), null, null, quiet))
                .isInstanceOf(TrackInputException.class).hasMessageContaining("no such file");
        Path noHeader = Files.writeString(tmp.resolve("bad.csv"), "a,b,c\n1,2,3\n");
        assertThatThrownBy(() -> TrackFileRunner.run(noHeader, null, null, quiet))
                .isInstanceOf(TrackInputException.class).hasMessageContaining("header lacks column");
        Path badJson = Files.writeString(tmp.resolve("s.json"), "{\"n_scans\": 3}");
        assertThatThrownBy(() -> TrackFileRunner.run(detections(), badJson, null, quiet))
                .isInstanceOf(TrackInputException.class).hasMessageContaining("scan_times");
    }

    @Test
    void percentileIsNearestRank() {
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(TrackFileRunner.percentile(v, 0.5)).isEqualTo(5);
        assertThat(TrackFileRunner.percentile(v, 0.99)).isEqualTo(10);
        assertThat(TrackFileRunner.percentile(new double[0], 0.5)).isZero();
    }
}
