package org.skydas.store.watch;

import java.sql.Connection;

import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.skydas.testkit.SharedData;
import org.skydas.watch.port.JournalEntry;

/**
 * The watch store on PostgreSQL + PostGIS at 127.0.0.1:5432 (user postgres, trust auth, as these
 * machines run it; {@code SKYDAS_TEST_POSTGRES} names another server). Each test gets a new database.
 */
class PostgresWatchStoreTest extends WatchStoreContract {

    static final String SERVER = System.getenv().getOrDefault("SKYDAS_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432");
    String database;

    @BeforeEach
    void createDatabase() throws Exception {
        database = newDatabase("skydas_test_");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        dropDatabase(database);
    }

    /** A new database on {@link #SERVER} named {@code prefix} + a unique suffix (skips the test without a server). */
    static String newDatabase(String prefix) throws Exception {
        String name = prefix + Long.toHexString(System.nanoTime());
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    static void dropDatabase(String name) throws Exception {
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    static Connection admin() throws Exception {
        try {
            java.net.URI u = new java.net.URI(SERVER);
            String user = u.getUserInfo() == null ? "postgres" : u.getUserInfo().split(":")[0];
            return DriverManager.getConnection("jdbc:postgresql://" + u.getHost() + ":" + u.getPort() + "/postgres",
                    user, u.getUserInfo() != null && u.getUserInfo().contains(":") ? u.getUserInfo().split(":", 2)[1] : "");
        } catch (java.sql.SQLException e) {
            if (SharedData.inCi()) {
                throw e;
            }
            org.junit.jupiter.api.Assumptions.abort("skipped: no PostgreSQL at " + SERVER + ": " + e.getMessage());
            throw e;
        }
    }

    @Override
    WatchStore open() throws Exception {
        return WatchStore.openPostgres(SERVER + "/" + database);
    }

    @Override
    Connection raw() throws Exception {
        java.net.URI u = new java.net.URI(SERVER);
        String user = u.getUserInfo() == null ? "postgres" : u.getUserInfo().split(":")[0];
        Connection c = DriverManager.getConnection("jdbc:postgresql://" + u.getHost() + ":" + u.getPort() + "/" + database,
                user, u.getUserInfo() != null && u.getUserInfo().contains(":") ? u.getUserInfo().split(":", 2)[1] : "");
        c.setAutoCommit(false);
        return c;
    }

    /** Retention drops whole dated partitions of the journal (no dead rows for autovacuum), then the rest by rows. */
    @org.junit.jupiter.api.Test
    void retentionDropsWholePartitionsOfTheJournal() throws Exception {
        try (WatchStore s = open()) {
            s.journalPartitionMillis(1_000);
            java.util.List<JournalEntry> batch = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                batch.add(new JournalEntry(0, 5_000 + i * 0.25, "walker-1", "cot-tcp", cot(i, 5_000 + i * 0.25)));
            }
            s.appendDetections(batch);
            assertThat(s.queryLong(PARTITIONS)).isEqualTo(10);
            assertThat(s.queryLong("SELECT count(*) FROM detections_default")).isZero();
            // 5 000.0 .. 5 004.999 are whole partitions (20 rows); 5 005.0 and 5 005.25 go row by row.
            assertThat(s.purgeDetectionsBefore(5_005.5, 1_000)).isEqualTo(22);
            assertThat(s.queryLong(PARTITIONS)).isEqualTo(5);
            assertThat(s.detections(Double.NEGATIVE_INFINITY, 100)).hasSize(18)
                    .first().extracting(JournalEntry::receivedAt).isEqualTo(5_005.5);
            // A new period gets its partition when its first row comes.
            s.appendDetections(java.util.List.of(new JournalEntry(0, 5_020, "walker-1", "cot-tcp", cot(1, 5_020))));
            assertThat(s.queryLong(PARTITIONS)).isEqualTo(6);
        }
    }

    static final String PARTITIONS = "SELECT count(*) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent "
            + "JOIN pg_class c ON c.oid = i.inhrelid WHERE p.relname = 'detections' AND c.relname LIKE 'detections_p%'";
}
