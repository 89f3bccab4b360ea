package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.skydas.cluster.ClusterRecords;

/**
 * {@code skydas cluster-bench}: its counting on a tiny real run (in-process broker, the machine's PostgreSQL, tracker
 * nodes as child processes; two runs, so the reset of group and topics between runs is exercised), and the pieces of
 * its arithmetic. No timing is asserted.
 */
class ClusterBenchCommandTest {

    @Test
    void aTinyRunTracksEveryDetectionOnceInEachRunAndReportsTheMedian() throws Exception {
        String server = System.getenv().getOrDefault("SKYDAS_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432");
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            code = Main.execute("cluster-bench", "--nodes", "1", "--runs", "2", "--detections", "1200", "--targets",
                    "120", "--partitions", "4", "--session-timeout", "3", "--db", server);
        } finally {
            System.setOut(out);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isZero();
        assertThat(text).contains("load targets 120 (").contains(" detections 1200 records ");
        // Both runs see every accepted detection tracked exactly once: the second run's fresh group starts over at
        // the topic's beginning and its count does not carry the first run's tracked records.
        Matcher m = Pattern.compile("run nodes 1 #(\\d) tracked (\\d+) of 1200 .* tracks (\\d+) alerts").matcher(text);
        int runs = 0;
        while (m.find()) {
            runs++;
            assertThat(m.group(2)).isEqualTo("1200");
            assertThat(Long.parseLong(m.group(3))).as("tracks alive at mid data time").isBetween(60L, 240L);
        }
        assertThat(runs).as(text).isEqualTo(2);
        assertThat(text).doesNotContain("INCOMPLETE").containsPattern("nodes 1 runs 2 median detections_per_s \\d+");
    }

    @Test
    void trackedIdsCountOnceAndOnlyWhenAccepted() {
        ClusterBenchCommand.TrackedCount c = new ClusterBenchCommand.TrackedCount(new long[] {3, 7, 11});
        c.take(ids(7, 3, 99));
        assertThat(c.count()).isEqualTo(2);
        c.take(ids(7, 11)); // a batch delivered again after a retry, and a new id
        assertThat(c.count()).isEqualTo(3);
        c.take(new byte[] {1, 2, 3}); // a short record: nothing
        assertThat(c.count()).isEqualTo(3);
    }

    @Test
    void liveTracksAreThoseWhoseUpdatesSpanTheInstant() {
        ClusterBenchCommand.LiveTracks live = new ClusterBenchCommand.LiveTracks();
        live.take(track(1, 10));
        live.take(track(1, 20));
        live.take(track(2, 16));
        live.take(track(2, 30));
        live.take(track(3, 5));
        live.take(track(3, 14)); // ended before 15
        assertThat(live.at(15)).isEqualTo(1);
        assertThat(live.at(17)).isEqualTo(2);
    }

    @Test
    void machineCpuLeavesIdleAndIowaitOut() {
        long[] a = ClusterBenchCommand.MachineCpu.parse("cpu  100 0 50 800 50 0 0 0 0 0");
        long[] b = ClusterBenchCommand.MachineCpu.parse("cpu  250 0 100 850 100 0 0 0 0 0");
        assertThat(a).containsExactly(150, 1000);
        assertThat(b[0] - a[0]).isEqualTo(200);
        assertThat(b[1] - a[1]).isEqualTo(300);
    }

    @Test
    void medianAndSummaryRatio() {
        assertThat(ClusterBenchCommand.median(new double[] {5, 1, 3})).isEqualTo(3);
        assertThat(ClusterBenchCommand.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(ClusterBenchCommand.median(new double[0])).isNaN();
        ClusterBenchCommand.Load load = new ClusterBenchCommand.Load(new long[1000], 2000, 0, 10, 1, 1);
        List<String> s = ClusterBenchCommand.summary(List.of(run(1, 1000, 10), run(1, 1000, 8), run(1, 1000, 12),
                run(2, 1000, 5), run(2, 1000, 6), run(2, 900, 1)), load);
        assertThat(s).hasSize(2);
        assertThat(s.get(0)).startsWith("nodes 1 runs 3 median detections_per_s 100 records_per_s 200 ratio_to_1 1.00");
        // The incomplete run (900 of 1000) is left out: the median of 200 and 167 is 183.
        assertThat(s.get(1)).startsWith("nodes 2 runs 2 median detections_per_s 183 records_per_s 367 ratio_to_1 1.83");
    }

    private static ClusterBenchCommand.Run run(int nodes, long tracked, double steadyS) {
        return new ClusterBenchCommand.Run(nodes, 1, tracked, 1000, steadyS + 5, 5, steadyS, 1000,
                new double[] {steadyS}, 1, 2, 100, 10);
    }

    private static byte[] ids(long... ids) {
        ByteBuffer b = ByteBuffer.allocate(8 * ids.length);
        for (long id : ids) {
            b.putLong(id);
        }
        return b.array();
    }

    private static ClusterRecords.TrackRecord track(long id, double t) {
        return new ClusterRecords.TrackRecord(id, 1, 0, "s", t, 0, 0, 0, 0, "vehicle", false, null, 0);
    }
}
