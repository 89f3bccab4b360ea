package org.skydas.store.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.alert.Alert;
import org.skydas.alert.AlertStatus;
import org.skydas.watch.port.JournalEntry;

/**
 * What was accepted survives {@code kill -9}: a real child process journals detections and
 * acknowledges alerts, is killed mid-stream without warning, and everything it had reported as
 * committed is there when the store is opened again.
 */
class CrashDurabilityTest {

    @TempDir
    Path dir;

    @Test
    void acceptedDetectionsAndAcknowledgementsSurviveKill9() throws Exception {
        for (int round = 0; round < 3; round++) {
            long lastDetection = 0;
            List<Long> acked = new ArrayList<>();
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    JournalWriterMain.class.getName(), dir.toString()).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                // Kill at a different point each round.
                int killAfter = 40 + round * 37;
                String line;
                int lines = 0;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("detections ")) {
                        lastDetection = Long.parseLong(line.substring(11));
                    } else if (line.startsWith("ack ")) {
                        acked.add(Long.parseLong(line.substring(4)));
                    }
                    if (++lines == killAfter) {
                        p.destroyForcibly(); // SIGKILL: no shutdown hooks, no flush
                        break;
                    }
                }
            }
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("killed by SIGKILL").isEqualTo(137);
            assertThat(lastDetection).isPositive();

            final long last = lastDetection;
            try (WatchStore s = WatchStore.openSqlite(dir)) {
                // Ids are consecutive from 1: every id up to the last reported one must be there.
                List<JournalEntry> upTo = s.detections(Double.NEGATIVE_INFINITY, Integer.MAX_VALUE).stream()
                        .filter(e -> e.id() <= last).toList();
                assertThat(upTo).hasSize((int) lastDetection);
                Map<Long, Alert> alerts = s.alerts().stream().collect(Collectors.toMap(Alert::id, a -> a));
                for (long id : acked) {
                    assertThat(alerts).containsKey(id);
                    assertThat(alerts.get(id).status()).as("alert %d", id).isEqualTo(AlertStatus.ACKNOWLEDGED);
                }
            }
            // The next round's writer starts its alert ids from 1 again: start from a clean store.
            try (var files = java.nio.file.Files.list(dir)) {
                for (Path f : files.toList()) {
                    java.nio.file.Files.delete(f);
                }
            }
        }
    }
}
