package org.skydas.store.watch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a SQLite WAL small from its own thread and connection, so that the thread that commits (the live pipeline)
 * does not do the copying and fsync of checkpoints itself.
 *
 * <p>Why two modes: a PASSIVE checkpoint never blocks the writer, but under a writer that never pauses it never
 * <em>completes</em> — by the time it has copied the frames it saw, new ones have been appended — and SQLite
 * rewinds the WAL only after a complete checkpoint, so the file grows without end (measured: 200 MB of WAL for
 * 500 000 journalled detections, 5 GB in 9 minutes at 5 000/s). So every {@link #PERIOD_MS} a PASSIVE checkpoint
 * copies what it can (cheap, never blocking), and once the WAL file is larger than the limit a RESTART checkpoint
 * waits for a gap between the writer's transactions, holds the writer off while it copies the few frames the
 * passive rounds have left, and makes the next transaction start the WAL from its beginning;
 * {@code journal_size_limit} then truncates the file back to the limit. The writer is held off only for that
 * remainder (milliseconds, counted in {@link #restarts()} and {@link #longestRestartMillis()}). When the writer
 * pauses, a passive checkpoint completes on its own. On close, one last TRUNCATE checkpoint leaves an empty WAL.
 */
final class SqliteCheckpointer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteCheckpointer.class);
    static final long PERIOD_MS = 1_000;
    /** WAL size above which a checkpoint that completes is forced, bytes. */
    static final long DEFAULT_WAL_LIMIT_BYTES = 64L << 20;

    private final Connection connection;
    private final Path wal;
    private final long limitBytes;
    private final long periodMs;
    private final Thread thread;
    private final AtomicLong restarts = new AtomicLong();
    private final AtomicLong longestRestartMillis = new AtomicLong();
    private volatile boolean running = true;

    private SqliteCheckpointer(Connection connection, Path wal, long limitBytes, long periodMs, String name) {
        this.connection = connection;
        this.wal = wal;
        this.limitBytes = limitBytes;
        this.periodMs = periodMs;
        this.thread = new Thread(this::run, "skydas-checkpoint-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    static SqliteCheckpointer start(String jdbcUrl, Path database, long limitBytes, long periodMs) throws SQLException {
        Connection c = DriverManager.getConnection(jdbcUrl);
        try (Statement st = c.createStatement()) {
            // A RESTART checkpoint waits (this long at most) for the writer's current transaction to end.
            st.execute("PRAGMA busy_timeout=2000");
            st.execute("PRAGMA journal_size_limit=" + limitBytes);
        }
        return new SqliteCheckpointer(c, database.resolveSibling(database.getFileName() + "-wal"), limitBytes, periodMs,
                database.getFileName().toString());
    }

    private void run() {
        while (running) {
            try {
                Thread.sleep(periodMs);
                checkpoint("PASSIVE");
                if (walBytes() > limitBytes) {
                    long t0 = System.nanoTime();
                    boolean done = checkpoint("RESTART");
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    if (done) {
                        restarts.incrementAndGet();
                        longestRestartMillis.accumulateAndGet(ms, Math::max);
                    } else {
                        LOG.warn("event=wal_restart_busy wal_bytes={} waited_ms={}", walBytes(), ms);
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException e) {
                // The next round retries; the WAL only grows meanwhile.
                LOG.warn("event=wal_checkpoint_failed error=\"{}\"", e.getMessage());
            }
        }
    }

    /** Runs a checkpoint; true when it completed (SQLite did not answer busy). */
    private synchronized boolean checkpoint(String mode) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            return rs.next() && rs.getInt(1) == 0;
        }
    }

    /** The WAL file's size now, bytes (0 when there is none). */
    long walBytes() {
        try {
            return Files.exists(wal) ? Files.size(wal) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    long restarts() {
        return restarts.get();
    }

    long longestRestartMillis() {
        return longestRestartMillis.get();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
            checkpoint("TRUNCATE");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            LOG.warn("event=wal_checkpoint_failed error=\"{}\"", e.getMessage());
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("event=checkpoint_connection_close_failed error=\"{}\"", e.getMessage());
        }
    }
}
