package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code skydas serve} as a real child process: it answers, then stops cleanly on SIGTERM. */
class ServeProcessTest {

    @TempDir
    Path dir;

    @Test
    void servesThenShutsDownCleanlyOnSigterm() throws Exception {
        Path scenario = CliTest.smallScenario(dir);
        Path errFile = dir.resolve("stderr.txt");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "org.skydas.cli.Main", "serve", "--scenario", scenario.toString(), "--port", "0",
                "--data-dir", dir.resolve("data").toString(), "--cot-port", "0", "--tak-out-port", "0",
                "--tak-port", "0", "--asterix-port", "0", "--remoteid-port", "0"));
        Process p = new ProcessBuilder(cmd).redirectError(errFile.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            // First start: where the generated admin password is (never the password) comes first.
            if (line != null && line.startsWith("First start")) {
                assertThat(line).contains("its password is in " + dir.resolve("data").resolve("admin-password.txt")
                        .toAbsolutePath());
                String password = Files.readString(dir.resolve("data").resolve("admin-password.txt")).strip();
                assertThat(line).doesNotContain(password);
                line = out.readLine();
            }
            assertThat(line).as("first line of stdout; stderr: %s", Files.exists(errFile) ? Files.readString(errFile) : "")
                    .isNotNull().contains("serving");
            Matcher m = Pattern.compile("http://localhost:(\\d+)/").matcher(line);
            assertThat(m.find()).isTrue();
            int port = Integer.parseInt(m.group(1));
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).contains("\"status\":\"ok\"");

            p.destroy(); // SIGTERM
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("exits within 20 s of SIGTERM").isTrue();
            // 143 = 128 + SIGTERM: the JVM ran its shutdown hooks and exited on the signal.
            assertThat(p.exitValue()).isEqualTo(143);
            assertThat(Files.readString(errFile)).contains("event=server_stopped");
        } finally {
            p.destroyForcibly();
        }
    }
}
