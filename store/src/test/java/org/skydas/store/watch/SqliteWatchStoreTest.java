package org.skydas.store.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.skydas.watch.port.JournalEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteWatchStoreTest extends WatchStoreContract {

    @TempDir
    Path dir;

    @Override
    WatchStore open() throws Exception {
        return WatchStore.openSqlite(dir);
    }

    @Override
    java.sql.Connection raw() throws Exception {
        Files.createDirectories(dir);
        java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("watch.db"));
        c.setAutoCommit(false);
        return c;
    }

    /**
     * A writer that never pauses: passive checkpoints alone never complete and the WAL grows by everything written
     * (the issue measured 5 GB in 9 minutes); with the restart checkpoints it stays near its limit.
     */
    @Test
    void theWalStaysBoundedUnderAWriterThatNeverPauses() throws Exception {
        long limit = 1L << 20;
        long written = 0;
        long maxWal = 0;
        Path wal = dir.resolve("watch.db-wal");
        try (WatchStore s = WatchStore.openSqlite(dir, false, limit, 20)) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            int k = 0;
            while (written < 24L << 20 && System.nanoTime() < deadline) {
                List<JournalEntry> batch = new ArrayList<>();
                for (int i = 0; i < 200; i++, k++) {
                    // Unique text per row, so that compression cannot make the test trivial.
                    String payload = "{\"n\":" + k + ",\"noise\":\"" + Long.toHexString(Double.doubleToLongBits(Math.sin(k)))
                            + java.util.UUID.nameUUIDFromBytes(Integer.toString(k).getBytes()).toString().repeat(6) + "\"}";
                    batch.add(new JournalEntry(0, 1_000 + k * 1e-3, "s", "json-http", payload));
                    written += payload.length();
                }
                s.appendDetections(batch);
                maxWal = Math.max(maxWal, Files.exists(wal) ? Files.size(wal) : 0);
            }
            assertThat(written).as("bytes written").isGreaterThan(16L << 20);
            assertThat(s.walRestarts()[0]).as("restart checkpoints").isPositive();
            assertThat(maxWal).as("largest WAL seen").isLessThan(4 * limit);
        }
        assertThat(Files.exists(wal) ? Files.size(wal) : 0).as("WAL after close").isZero();
    }
}
