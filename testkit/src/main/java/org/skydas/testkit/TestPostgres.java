package org.skydas.testkit;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A database of its own per test on the machine's PostgreSQL ({@code SKYDAS_TEST_POSTGRES}, default
 * {@code postgresql://postgres@127.0.0.1:5432}): made by {@link #newDatabase}, dropped by {@link #drop}. Without a
 * server the test is skipped, or fails under CI. The JDBC driver is the caller's (the store's) dependency.
 */
public final class TestPostgres {

    public static final String SERVER = System.getenv().getOrDefault("SKYDAS_TEST_POSTGRES",
            "postgresql://postgres@127.0.0.1:5432");

    private TestPostgres() {
    }

    /** A database made for a test; closing it drops it. */
    public record Database(String name) implements AutoCloseable {
        /** Its {@code postgresql://…} URL, as {@code --db} takes it. */
        public String url() {
            return TestPostgres.url(name);
        }

        @Override
        public void close() throws Exception {
            drop(name);
        }
    }

    /** A new {@link Database} named {@code prefix} + a unique suffix. */
    public static Database create(String prefix) throws Exception {
        return new Database(newDatabase(prefix));
    }

    /** A new database named {@code prefix} + a unique suffix. */
    public static String newDatabase(String prefix) throws Exception {
        String name = prefix + Long.toHexString(System.nanoTime());
        try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    public static void drop(String name) throws Exception {
        try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** The {@code postgresql://…/name} URL of database {@code name}, as {@code --db} takes it. */
    public static String url(String name) {
        return SERVER + "/" + name;
    }

    private static Connection connect(String db) throws Exception {
        URI u = new URI(SERVER);
        String[] userInfo = u.getUserInfo() == null ? new String[] {"postgres"} : u.getUserInfo().split(":", 2);
        try {
            return DriverManager.getConnection("jdbc:postgresql://" + u.getHost() + ":" + u.getPort() + "/" + db,
                    userInfo[0], userInfo.length > 1 ? userInfo[1] : "");
        } catch (SQLException e) {
            if (SharedData.inCi()) {
                Assertions.fail("no PostgreSQL at " + SERVER + " (CI=true: missing test prerequisites are failures)", e);
            }
            Assumptions.abort("skipped: no PostgreSQL at " + SERVER + ": " + e.getMessage());
            throw e;
        }
    }
}
