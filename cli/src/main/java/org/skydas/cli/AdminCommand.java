package org.skydas.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.skydas.server.WatchServices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code skydas admin purge-alerts|log}: the explicit, audited purge of the legal record. Alerts resolved before a
 * date are exported (alerts and their audit trail, JSON, synced to disk) and only then deleted, with the actor,
 * reason, export file and its SHA-256 in the append-only admin log. Either through a running server
 * ({@code --server URL}, as an admin: the export is written to the server's data directory) or directly on the
 * watch store ({@code --data-dir}/{@code --db}, actor {@code cli:OSUSER}; the export goes to {@code --export-dir},
 * default the data directory's {@code exports}). Open alerts are never purged.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Admin actions on the legal record: purge resolved alerts (exported first), read the admin log.",
        subcommands = {AdminCommand.PurgeAlerts.class, AdminCommand.Log.class})
public final class AdminCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void run() {
        throw new UserError("say what to do: skydas admin purge-alerts|log (see --help)");
    }

    /** A running server and an admin's credentials. */
    static final class Server {
        @Option(names = "--server", required = true, paramLabel = "URL",
                description = "A running server, e.g. http://127.0.0.1:8080 (the export is written in its data directory).")
        URI url;

        @Option(names = "--user", defaultValue = "admin", paramLabel = "NAME",
                description = "An admin account (default ${DEFAULT-VALUE}).")
        String user;

        @Option(names = "--password-file", paramLabel = "FILE",
                description = "The admin's password, first line of FILE (else asked for, or read from stdin).")
        Path passwordFile;
    }

    @Command(name = "purge-alerts", mixinStandardHelpOptions = true,
            description = "Export, then delete, the alerts resolved before a date and their audit trail (audited).")
    static final class PurgeAlerts implements Callable<Integer> {
        @Option(names = "--before", required = true, paramLabel = "DATE",
                description = "Purge alerts resolved before this instant (2026-01-01T00:00:00Z) or UTC date (2026-01-01).")
        String before;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (goes into the admin log).")
        String reason;

        @Option(names = "--export-dir", paramLabel = "DIR",
                description = "Where the export is written when acting on the store (default DATA_DIR/exports).")
        Path exportDir;

        @ArgGroup(exclusive = false)
        Server server;

        @Mixin
        UsersCommand.Store store;

        @Override
        public Integer call() throws Exception {
            Instant cut = instant(before);
            if (cut.isAfter(Instant.now())) {
                throw new UserError("--before " + before + " is in the future");
            }
            if (reason.isBlank()) {
                throw new UserError("a purge of the legal record needs a --reason");
            }
            if (server != null) {
                if (exportDir != null) {
                    throw new UserError("--export-dir is for the store: a server writes its export in its data directory");
                }
                JsonNode r = request(server, "POST", "/api/admin/purge-alerts", JSON.writeValueAsString(Map.of(
                        "resolved_before", cut.toString(), "reason", reason)));
                print(r.path("alerts").asLong(), r.path("audit_events").asLong(), r.path("export").asText(),
                        r.path("sha256").asText());
                return 0;
            }
            Path exports = exportDir != null ? exportDir
                    : store.db == null ? store.dataDir.resolve("exports") : null;
            if (exports == null) {
                throw new UserError("give --export-dir: where to write the export before anything is deleted");
            }
            try (WatchServices w = store.open()) {
                WatchServices.Purge p = w.purgeResolvedAlerts(cut.toEpochMilli() / 1000.0, WatchServices.cliActor(),
                        reason, exports);
                print(p.alerts(), p.auditEvents(), p.export().toString(), p.sha256());
            }
            return 0;
        }

        private static void print(long alerts, long audit, String export, String sha) {
            System.out.printf("purged %d resolved alerts and %d audit events; export %s (sha256 %s)%n", alerts, audit,
                    export, sha);
        }
    }

    @Command(name = "log", mixinStandardHelpOptions = true,
            description = "The append-only admin log: time, actor, action, detail (oldest first).")
    static final class Log implements Callable<Integer> {
        @ArgGroup(exclusive = false)
        Server server;

        @Mixin
        UsersCommand.Store store;

        @Override
        public Integer call() throws Exception {
            if (server != null) {
                for (JsonNode e : request(server, "GET", "/api/admin/log", null)) {
                    System.out.println(e.path("time").asText() + "  " + e.path("actor").asText() + "  "
                            + e.path("action").asText() + "  " + e.path("detail"));
                }
                return 0;
            }
            try (WatchServices w = store.open()) {
                List<String[]> rows = w.adminLog();
                for (String[] r : rows) {
                    System.out.println(Instant.ofEpochMilli((long) (Double.parseDouble(r[0]) * 1000)) + "  " + r[1]
                            + "  " + r[2] + "  " + r[3]);
                }
            }
            return 0;
        }
    }

    /** An ISO-8601 instant, or a date taken as its start in UTC. */
    static Instant instant(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw new UserError("'" + s + "' is neither an instant (2026-01-01T00:00:00Z) nor a date (2026-01-01)");
            }
        }
    }

    /** Logs in as the admin, makes one call, and returns its JSON; a refusal is a {@link UserError} with the server's reason. */
    static JsonNode request(Server s, String method, String path, String body) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String password = UsersCommand.password(s.passwordFile, s.user);
        String base = s.url.toString().replaceAll("/+$", "");
        HttpResponse<String> login;
        try {
            login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", s.user,
                            "password", password)))).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new UserError(base + ": cannot reach the server (" + e.getMessage() + ")");
        }
        if (login.statusCode() != 200) {
            throw new UserError("login as " + s.user + " refused (" + login.statusCode() + "): " + reason(login));
        }
        String token = JSON.readTree(login.body()).path("token").asText();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new UserError(method + " " + path + " refused (" + r.statusCode() + "): " + reason(r));
        }
        return JSON.readTree(r.body());
    }

    private static String reason(HttpResponse<String> r) {
        try {
            JsonNode n = JSON.readTree(r.body());
            return n.path("error").asText(r.body());
        } catch (java.io.IOException e) {
            return r.body();
        }
    }
}
