package fi.sd.desktop.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.persistence.PersistenceException;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fi.sd.testsupport.PostgresTestDatabase;

/**
 * The migrations keep a user to one open session with a unique column, and the repository tells that
 * refusal apart from every other failure: on PostgreSQL, which production runs, and on H2, which the
 * local run uses (in its PostgreSQL mode, as {@code bin/sd} starts it).
 */
class OneOpenSessionConstraintTest {

    @Test
    void onPostgreSQL() throws SQLException {
        String url = PostgresTestDatabase.createDatabase("sessionconstraint");
        migrate(url, PostgresTestDatabase.user(), PostgresTestDatabase.password(), "classpath:db/vendor/postgresql");
        try (Connection connection = DriverManager.getConnection(url, PostgresTestDatabase.user(), PostgresTestDatabase.password())) {
            assertOnlyTheSecondOpenSessionIsRecognised(connection);
        }
    }

    /**
     * A file database, opened again after the migration as the local run opens it: H2 2.4 cannot evaluate a
     * CHECK constraint once the session that created it is closed while the database stays open.
     */
    @Test
    void onH2(@TempDir Path directory) throws SQLException {
        String url = "jdbc:h2:file:" + directory.resolve("desktop") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        migrate(url, "sa", "");
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            assertOnlyTheSecondOpenSessionIsRecognised(connection);
        }
    }

    @Test
    void aFailureWithoutAnSqlStateOrOfAnotherKindIsNotASecondOpenSession() {
        assertThat(DesktopRepository.violatesOneOpenSessionPerUser(new PersistenceException("no cause"))).isFalse();
        SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertThat(DesktopRepository.violatesOneOpenSessionPerUser(new PersistenceException("flush failed", lost))).isFalse();
    }

    private static void assertOnlyTheSecondOpenSessionIsRecognised(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO workspace (id, permit_id, project_id, status, valid_until, row_version, created_at, updated_at)"
                    + " VALUES ('w1', 'p1', 'proj', 'READY', CURRENT_DATE, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            statement.execute("INSERT INTO desktop (id, workspace_id, permit_id, name, flavour, cores, memory_gb, image, volume_gb,"
                    + " status, created_by, row_version, created_at, updated_at) VALUES ('d1', 'w1', 'p1', 'work', 'small', 6, 15,"
                    + " 'ubuntu-22.04', 50, 'RUNNING', 'aino', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            statement.execute(openSession("s1", "aino"));

            SQLException secondOpen = catchThrowableOfType(SQLException.class, () -> statement.execute(openSession("s2", "aino")));
            assertThat(secondOpen.getSQLState()).isEqualTo("23505");
            assertThat(DesktopRepository.violatesOneOpenSessionPerUser(new PersistenceException("flush failed", secondOpen))).isTrue();

            SQLException sameId = catchThrowableOfType(SQLException.class, () -> statement.execute(openSession("s1", "mikko")));
            assertThat(sameId.getSQLState()).isEqualTo("23505");
            assertThat(DesktopRepository.violatesOneOpenSessionPerUser(new PersistenceException("flush failed", sameId))).isFalse();

            SQLException noDesktop = catchThrowableOfType(SQLException.class, () -> statement.execute(
                    openSession("s3", "mikko").replace("'d1'", "'no-such-desktop'")));
            assertThat(DesktopRepository.violatesOneOpenSessionPerUser(new PersistenceException("flush failed", noDesktop))).isFalse();
        }
    }

    private static String openSession(String id, String user) {
        return "INSERT INTO desktop_session (id, desktop_id, workspace_id, user_id, open_user_id, status, opened_at, last_seen_at,"
                + " row_version) VALUES ('" + id + "', 'd1', 'w1', '" + user + "', '" + user + "', 'OPEN', CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP, 0)";
    }

    /** The service's own migrations, as Quarkus runs them (the shared ones, this service's, and any of the database kind's). */
    private static void migrate(String url, String user, String password, String... vendorLocations) {
        String[] locations = new String[vendorLocations.length + 2];
        locations[0] = "classpath:db/platform";
        locations[1] = "classpath:db/migration";
        System.arraycopy(vendorLocations, 0, locations, 2, vendorLocations.length);
        Flyway.configure().dataSource(url, user, password).locations(locations).load().migrate();
    }
}
