package org.skydas.store.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skydas.obstacles.LifeCycle;
import org.skydas.store.ObstacleSamples;

/** The register on PostgreSQL + PostGIS; each test in its own new database. */
class ObstacleRegisterPostgresTest extends ObstacleRegisterContract {

    String database;

    @BeforeEach
    void createDatabase() throws Exception {
        database = PostgresWatchStoreTest.newDatabase("skydas_obst_");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        PostgresWatchStoreTest.dropDatabase(database);
    }

    @Override
    WatchStore open() throws Exception {
        return WatchStore.openPostgres(PostgresWatchStoreTest.SERVER + "/" + database);
    }

    @Test
    void postgisSeesTheFieldGeometryInLks94() throws Exception {
        Instant t = Instant.parse("2026-05-01T08:00:00Z");
        try (WatchStore store = open()) {
            store.obstacleRegister().create(LifeCycle.recorded(ObstacleSamples.minefield("F"), "e", "engineer", t, "n"),
                    "e", "engineer", t);
        }
        java.net.URI u = new java.net.URI(PostgresWatchStoreTest.SERVER);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + u.getHost() + ":" + u.getPort() + "/"
                + database, "postgres", "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ST_SRID(geom), ST_Area(geom), ST_GeometryType(geom) FROM obstacle_fields")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(3346);
            assertThat(rs.getDouble(2)).isCloseTo(ObstacleSamples.minefield("x").areaM2(),
                    org.assertj.core.api.Assertions.within(0.01));
            assertThat(rs.getString(3)).isEqualTo("ST_Polygon");
        }
    }
}
