package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command as CI runs it: {@code skydas demo --headless} in a child process on a fresh data
 * directory. The simulator speaks every protocol to the server over loopback, and the summary must show each
 * protocol's detections, tracks, and the alerts a newcomer is promised: a border crossing and a drone incursion.
 * Ports given explicitly are honoured (HTTP and CoT here); the others are free ports.
 */
class HeadlessDemoTest {

    @TempDir
    Path dir;

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void headlessDemoYieldsDetectionsOfEveryProtocolAndTheExpectedAlerts() throws Exception {
        int httpPort = freePort();
        int cotPort = freePort();
        Path err = dir.resolve("stderr.txt");
        Path outFile = dir.resolve("stdout.txt");
        // The child writes to files, so it never blocks on a full pipe and the wait below is bounded.
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "org.skydas.cli.Main",
                "demo", "--headless", "--duration", "40", "--speed", "20", "--data-dir", dir.resolve("data").toString(),
                "--port", Integer.toString(httpPort), "--cot-port", Integer.toString(cotPort))
                .redirectError(err.toFile()).redirectOutput(outFile.toFile()).start();
        try {
            // The HTTP port given explicitly is the one served, even headless.
            int health = 0;
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (health != 200 && p.isAlive() && System.nanoTime() < deadline) {
                try {
                    HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + httpPort + "/api/health")
                            .toURL().openConnection();
                    c.setConnectTimeout(1000);
                    c.setReadTimeout(2000);
                    health = c.getResponseCode();
                    c.disconnect();
                } catch (IOException e) {
                    Thread.sleep(200);
                }
            }
            assertThat(health).as("GET /api/health on the --port given").isEqualTo(200);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("demo ends after --duration; stdout %s",
                    Files.readString(outFile)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        String stdout = Files.readString(outFile);
        assertThat(stdout).contains("on http://localhost:" + httpPort + "/")
                .contains("Cursor-on-Target in on tcp/udp port " + cotPort);
        assertThat(p.exitValue()).as("exit code; stdout %s; stderr %s", stdout, Files.readString(err)).isZero();

        Map<String, Long> summary = new HashMap<>();
        for (String line : stdout.split("\n")) {
            String[] f = line.strip().split(" ");
            if (f.length == 3 && (f[0].equals("detections") || f[0].equals("alerts"))) {
                summary.put(f[0] + " " + f[1], Long.parseLong(f[2]));
            } else if (f.length == 2 && f[0].equals("tracks")) {
                summary.put("tracks", Long.parseLong(f[1]));
            }
        }
        for (String protocol : List.of("asterix", "cot", "gmti", "json", "onvif", "remoteid", "sapient")) {
            assertThat(summary.getOrDefault("detections " + protocol, 0L)).as("detections %s in%n%s", protocol, stdout)
                    .isPositive();
        }
        assertThat(summary.getOrDefault("tracks", 0L)).as(stdout).isPositive();
        assertThat(summary.getOrDefault("alerts border_crossing", 0L)).as(stdout).isPositive();
        assertThat(summary.getOrDefault("alerts drone_incursion", 0L)).as(stdout).isPositive();
    }
}
