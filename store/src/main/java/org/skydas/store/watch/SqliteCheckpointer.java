package org.skydas.store.watch;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints a SQLite WAL database from its own thread and connection, every {@link #PERIOD_MS}, so that the
 * thread that commits (the live pipeline) never waits for a checkpoint's copying and fsync. PASSIVE mode: it
 * never blocks the writer; what it cannot copy now it copies next time. On close, one last TRUNCATE checkpoint
 * leaves a small WAL behind.
 */
final class SqliteCheckpointer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteCheckpointer.class);
    static final long PERIOD_MS = 1_000;

    private final Connection connection;
    private final Thread thread;
    private volatile boolean running = true;

    private SqliteCheckpointer(Connection connection, String name) {
        this.connection = connection;
        this.thread = new Thread(this::run, "skydas-checkpoint-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    static SqliteCheckpointer start(String jdbcUrl, String name) throws SQLException {
        return new SqliteCheckpointer(DriverManager.getConnection(jdbcUrl), name);
    }

    private void run() {
        while (running) {
            try {
                Thread.sleep(PERIOD_MS);
                checkpoint("PASSIVE");
            } catch (InterruptedException e) {
                return;
            } catch (SQLException e) {
                // The next round retries; the WAL only grows meanwhile.
                LOG.warn("event=wal_checkpoint_failed error=\"{}\"", e.getMessage());
            }
        }
    }

    private synchronized void checkpoint(String mode) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(" + mode + ")");
        }
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
