package fi.sd.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh database on the local PostgreSQL server for the tests of one JVM, dropped at exit. The
 * server and a role allowed to create databases come from {@code bin/sd test}, which passes them
 * as {@code SD_TEST_DB_URL}, {@code SD_TEST_DB_USER} and {@code SD_TEST_DB_PASSWORD}.
 */
public final class PostgresTestDatabase {

    private static final String ADMIN_URL = env("SD_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = env("SD_TEST_DB_USER", "sd_test");
    private static final String PASSWORD = env("SD_TEST_DB_PASSWORD", "");

    private static String jdbcUrl;

    private PostgresTestDatabase() {
    }

    /** Creates the database on first use; {@code purpose} only makes its name readable ({@code sdtest_permit_1a2b3c4d}). */
    public static synchronized String jdbcUrl(String purpose) {
        if (jdbcUrl == null) {
            jdbcUrl = createDatabase(purpose);
        }
        return jdbcUrl;
    }

    /** Creates another fresh database, dropped at exit like the first, and returns its JDBC URL. */
    public static String createDatabase(String purpose) {
        String name = "sdtest_" + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        execute("CREATE DATABASE " + name);
        if (!"true".equals(System.getenv("SD_TEST_KEEP_DB"))) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"),
                    "postgres-test-database-drop"));
        }
        return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is needed for the tests and is not usable at " + ADMIN_URL + " as " + USER
                    + " (run the tests with bin/sd test, which starts it and creates the role): " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
