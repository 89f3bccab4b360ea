package org.skydas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.skydas.model.Scenario;
import org.skydas.server.ScenarioView;
import org.skydas.server.SkydasServer;
import org.skydas.server.CotOut;
import org.skydas.server.WatchServices;
import org.skydas.server.pipeline.LivePipeline;
import org.skydas.ingest.listen.CotListener;
import org.skydas.store.watch.WatchStore;
import org.skydas.store.ScenarioStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skydas serve}: the HTTP API over a scenario, until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a scenario over HTTP (API at /api). Stops cleanly on SIGTERM or Ctrl-C.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Scenario GeoPackage (default: the demo scenario in the data directory, created if missing).")
    Path scenario;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE}; 0 = any free).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for all interfaces).")
    String host;

    @Option(names = "--data-dir", defaultValue = "skydas-data", paramLabel = "DIR",
            description = "Where Skydas keeps its files (default ./${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--db", paramLabel = "URL",
            description = "PostgreSQL + PostGIS for the watch store (postgresql://user[:password]@host:port/db); "
                    + "default: SQLite in the data directory.")
    String db;

    @Option(names = "--cot-port", defaultValue = "8087",
            description = "Cursor-on-Target in, TCP and UDP (default ${DEFAULT-VALUE}, as TAK; 0 = any free, -1 = off).")
    int cotPort;

    @Option(names = "--tak-out-port", defaultValue = "8089",
            description = "Tracks and alerts out to TAK clients as CoT over TCP (default ${DEFAULT-VALUE}; 0 = any free, "
                    + "-1 = off).")
    int takOutPort;

    @Option(names = "--reorder-window", defaultValue = "0.5", paramLabel = "SECONDS",
            description = "How long a report waits for older ones before tracking (default ${DEFAULT-VALUE} s): "
                    + "shorter is faster, longer drops fewer late reports.")
    double reorderWindow;

    @Override
    public Integer call() throws Exception {
        Path file = scenario != null ? scenario : ensureDemo(dataDir);
        if (!(reorderWindow >= 0 && reorderWindow <= 60)) {
            throw new UserError("--reorder-window must be between 0 and 60 s, is " + reorderWindow);
        }
        serve(file, host, port, dataDir, db, cotPort, takOutPort, reorderWindow);
        return 0;
    }

    /** The demo scenario in {@code dataDir}, built on first use. */
    static Path ensureDemo(Path dataDir) throws Exception {
        Path file = dataDir.resolve("demo.gpkg");
        if (!Files.exists(file)) {
            ScenarioCommand.writeDemo(file, 10_000);
        }
        return file;
    }

    /** Opens the watch store (PostgreSQL when {@code db} is given, else SQLite in {@code dataDir}). */
    static WatchServices openWatch(Path dataDir, String db) throws Exception {
        WatchStore store = db != null ? WatchStore.openPostgres(db) : WatchStore.openSqlite(dataDir);
        WatchServices watch = new WatchServices(store);
        String fromEnv = System.getenv("SKYDAS_ADMIN_PASSWORD");
        watch.ensureAdmin(fromEnv).ifPresent(pw -> {
            if (fromEnv == null || fromEnv.isEmpty()) {
                System.out.println("First start: created user 'admin' with password " + pw
                        + "  (shown once; set SKYDAS_ADMIN_PASSWORD to choose it)");
            }
        });
        return watch;
    }

    /** A running Skydas: what {@link #start} opened, and one idempotent way to close it all. */
    record Running(Scenario scenario, WatchServices watch, LivePipeline pipeline, CotListener cot, CotOut takOut,
                   SkydasServer server) implements AutoCloseable {

        int cotPort() {
            return cot == null ? -1 : cot.port();
        }

        @Override
        public synchronized void close() {
            server.stop();
            if (cot != null) {
                cot.close();
            }
            if (takOut != null) {
                takOut.close();
            }
            try {
                pipeline.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                watch.close();
            } catch (java.sql.SQLException e) {
                System.err.println("skydas: closing the watch store: " + e.getMessage());
            }
        }
    }

    /** Opens the stores, the pipeline, the listeners and the HTTP server. */
    static Running start(Path file, String host, int port, Path dataDir, String db, int cotPort, int takOutPort,
                         double windowS) throws Exception {
        Scenario s = ScenarioStore.read(file);
        WatchServices watch = openWatch(dataDir, db);
        LivePipeline pipeline = new LivePipeline(s, watch, 100_000, windowS);
        CotListener cot = null;
        if (cotPort >= 0) {
            try {
                cot = CotListener.start(host, cotPort, pipeline::offerCot);
            } catch (Exception e) {
                throw new UserError("cannot listen for CoT on " + host + ":" + cotPort + ": " + e.getMessage());
            }
        }
        final CotListener cotListener = cot;
        CotOut takOut = null;
        if (takOutPort >= 0) {
            try {
                takOut = CotOut.start(host, takOutPort);
            } catch (Exception e) {
                throw new UserError("cannot listen for TAK clients on " + host + ":" + takOutPort + ": " + e.getMessage());
            }
            pipeline.onTrackChange(takOut::track, t -> { });
            watch.onAlertChange(takOut::alert);
        }
        SkydasServer server = new SkydasServer(new ScenarioView(s), file.toString(), watch)
                .withLive(pipeline, () -> cotListener == null ? java.util.List.of() : cotListener.stats());
        try {
            server.start(host, port);
        } catch (RuntimeException e) {
            throw new UserError("cannot listen on " + host + ":" + port + ": " + rootMessage(e));
        }
        return new Running(s, watch, pipeline, cot, takOut, server);
    }

    static void serve(Path file, String host, int port, Path dataDir, String db, int cotPort, int takOutPort,
                      double windowS) throws Exception {
        Running r = start(file, host, port, dataDir, db, cotPort, takOutPort, windowS);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            r.close();
            stopped.countDown();
        }, "skydas-shutdown"));
        announce(r, host);
        stopped.await();
    }

    static void announce(Running r, String host) {
        String shown = host.equals("0.0.0.0") ? "localhost" : host.equals("127.0.0.1") ? "localhost" : host;
        System.out.println("Skydas is serving " + r.scenario().name() + " on http://" + shown + ":" + r.server().port() + "/");
        if (r.cot() != null) {
            System.out.println("Cursor-on-Target in on tcp/udp port " + r.cot().port());
        }
        if (r.takOut() != null) {
            System.out.println("TAK clients (CoT out) on tcp port " + r.takOut().port());
        }
        System.out.println("Borders: © OpenStreetMap contributors, ODbL. Stop with Ctrl-C.");
        System.out.flush();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
