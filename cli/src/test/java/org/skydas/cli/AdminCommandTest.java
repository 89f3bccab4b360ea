package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.alert.Alert;
import org.skydas.alert.AlertStatus;
import org.skydas.alert.Finding;
import org.skydas.alert.Resolution;
import org.skydas.alert.RuleKind;
import org.skydas.alert.Severity;
import org.skydas.model.Scenario;
import org.skydas.model.demo.DemoScenario;
import org.skydas.server.ScenarioView;
import org.skydas.server.SkydasServer;
import org.skydas.server.WatchServices;
import org.skydas.store.watch.WatchStore;

/** {@code skydas admin purge-alerts|log}, on the store and through a running server. */
class AdminCommandTest extends ConsoleTest {

    @TempDir
    Path dir;

    /** Two alerts, one resolved (by op1); returns the resolved one's id. */
    static long twoAlertsOneResolved(WatchServices w) throws Exception {
        long a = w.raise(new Finding(RuleKind.BORDER_CROSSING, Severity.HIGH, "track:1", WatchServices.now(), 560_000,
                5_985_000, "BY-017", null, "person crossed the border")).alert().id();
        w.raise(new Finding(RuleKind.BORDER_CROSSING, Severity.HIGH, "track:2", WatchServices.now(), 560_100,
                5_985_000, "BY-017", null, "person crossed the border"));
        w.addUser("admin", org.skydas.server.auth.Role.ADMIN, "admin-password-1");
        w.resolve(a, "op1", Resolution.FALSE_ALARM, "elk");
        return a;
    }

    static List<Path> exports(Path d) throws Exception {
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.toList();
        }
    }

    @Test
    void purgeOnTheStoreExportsFirstKeepsOpenAlertsAndLogsTheCliAsActor() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        long resolved;
        try (WatchServices w = new WatchServices(WatchStore.openSqlite(data))) {
            resolved = twoAlertsOneResolved(w);
        }
        Thread.sleep(5);
        String now = Instant.now().toString();
        // bad input: exit 2, nothing purged, nothing exported
        assertThat(Main.execute("admin", "purge-alerts", "--data-dir", data.toString(), "--before", "yesterday",
                "--reason", "r")).isEqualTo(2);
        assertThat(Main.execute("admin", "purge-alerts", "--data-dir", data.toString(), "--before", "2999-01-01",
                "--reason", "r")).isEqualTo(2);
        assertThat(stderr()).contains("in the future");
        assertThat(Main.execute("admin", "purge-alerts", "--data-dir", data.toString(), "--before", now)).isEqualTo(2);
        assertThat(Main.execute("admin", "purge-alerts", "--data-dir", data.toString(), "--before", now,
                "--reason", " ")).isEqualTo(2);
        assertThat(Main.execute("admin", "purge-alerts", "--data-dir", dir.resolve("missing").toString(), "--before",
                now, "--reason", "r")).isEqualTo(2);
        assertThat(exports(data.resolve("exports"))).isEmpty();

        assertThat(Main.execute("admin", "purge-alerts", "--data-dir", data.toString(), "--before", now,
                "--reason", "retention of the legal record: 5 years")).isZero();
        assertThat(stdout()).contains("purged 1 resolved alerts and 2 audit events");
        List<Path> files = exports(data.resolve("exports"));
        assertThat(files).hasSize(1);
        String export = Files.readString(files.get(0));
        assertThat(export).contains("\"id\":" + resolved).contains("retention of the legal record");
        assertThat(stdout()).contains(files.get(0).toString());
        try (WatchStore s = WatchStore.openSqlite(data)) {
            assertThat(s.alerts()).extracting(Alert::status).containsExactly(AlertStatus.NEW);
        }
        out.reset();
        assertThat(Main.execute("admin", "log", "--data-dir", data.toString())).isZero();
        assertThat(stdout()).contains("cli:" + System.getProperty("user.name")).contains("purge")
                .contains("retention of the legal record");
    }

    @Test
    void purgeThroughARunningServerAsAnAdmin() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        WatchServices w = new WatchServices(WatchStore.openSqlite(data));
        twoAlertsOneResolved(w);
        Scenario empty = new Scenario(Map.of("name", "t"), List.of(), List.of(), List.of(), List.of(), List.of(),
                DemoScenario.programme());
        SkydasServer server = new SkydasServer(new ScenarioView(empty), "memory", w).withExports(data.resolve("exports"))
                .start("127.0.0.1", 0);
        try {
            Path pw = Files.writeString(dir.resolve("pw"), "admin-password-1\n");
            Path wrong = Files.writeString(dir.resolve("wrong"), "not-the-password\n");
            String url = "http://127.0.0.1:" + server.port();
            Thread.sleep(5);
            String now = Instant.now().toString();
            assertThat(Main.execute("admin", "purge-alerts", "--server", url, "--password-file", wrong.toString(),
                    "--before", now, "--reason", "r")).isEqualTo(2);
            assertThat(stderr()).contains("login as admin refused (401)");
            assertThat(Main.execute("admin", "purge-alerts", "--server", url, "--password-file", pw.toString(),
                    "--before", now, "--reason", "case closed", "--export-dir", dir.toString())).isEqualTo(2);
            assertThat(Main.execute("admin", "purge-alerts", "--server", url, "--password-file", pw.toString(),
                    "--before", now, "--reason", "case closed")).isZero();
            assertThat(stdout()).contains("purged 1 resolved alerts");
            assertThat(exports(data.resolve("exports"))).hasSize(1);
            assertThat(w.alerts(a -> true, true)).hasSize(1);
            out.reset();
            assertThat(Main.execute("admin", "log", "--server", url, "--password-file", pw.toString())).isZero();
            assertThat(stdout()).contains("admin").contains("case closed");
            assertThat(Main.execute("admin", "log", "--server", "http://127.0.0.1:1", "--password-file",
                    pw.toString())).isEqualTo(2);
        } finally {
            server.stop();
            w.close();
        }
    }
}
