package org.skydas.store.watch;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.skydas.testkit.SharedData;

/**
 * The watch store on PostgreSQL + PostGIS at 127.0.0.1:5432 (user postgres, trust auth, as these
 * machines run it; {@code SKYDAS_TEST_POSTGRES} names another server). Each test gets a new database.
 */
class PostgresWatchStoreTest extends WatchStoreContract {

    static final String SERVER = System.getenv().getOrDefault("SKYDAS_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432");
    String database;

    @BeforeEach
    void createDatabase() throws Exception {
        database = "skydas_test_" + Long.toHexString(System.nanoTime());
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
    }

    @AfterEach
    void dropDatabase() throws Exception {
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
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
}
