package fi.sd.desktop.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

import fi.sd.desktop.DesktopApi;
import fi.sd.testsupport.PostgresTestDatabase;
import fi.sd.testsupport.ServiceTestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What opening a session answers when its insert meets something else in the database: another replica
 * opening the same user's session in the same instant (the unique column refuses the second: 409), or the
 * database connection lost under it (a server error, not a 409 that would blame the user). Both are staged
 * on the test's PostgreSQL database: a transaction of the test's own holds the conflicting row uncommitted,
 * so that the service's insert waits on it, then commits, or terminates the waiting backend.
 */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class SessionOpeningRaceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void aSessionOpenedElsewhereInTheSameInstantMakesTheSecondA409() throws Exception {
        Member member = Member.withTwoDesktops();
        try (Connection otherReplica = member.sessionOpenedUncommitted(); Connection monitor = connect()) {
            CompletableFuture<Response> answer = member.openSession();
            awaitInsertWaitingOn(otherReplica, monitor);
            otherReplica.commit();
            Response response = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(409);
            assertThat(response.jsonPath().getString("detail")).isEqualTo("You already have an open session: close it first");
        }
    }

    @Test
    void aConnectionLostWhileOpeningIsAServerErrorAndNotA409() throws Exception {
        Member member = Member.withTwoDesktops();
        try (Connection otherReplica = member.sessionOpenedUncommitted(); Connection monitor = connect()) {
            CompletableFuture<Response> answer = member.openSession();
            int serviceBackend = awaitInsertWaitingOn(otherReplica, monitor);
            try (Statement statement = monitor.createStatement()) {
                statement.execute("SELECT pg_terminate_backend(" + serviceBackend + ")");
            }
            Response response = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.asString()).isGreaterThanOrEqualTo(500);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.asString()).doesNotContain("open session");
            otherReplica.rollback();
        }
        // Nothing of the failed attempt remains, and the service goes on with the connections it has.
        member.openSession().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).then().statusCode(201);
    }

    /** A connection of the test's own to the service's database. */
    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class),
                PostgresTestDatabase.user(), PostgresTestDatabase.password());
    }

    /**
     * Waits until the service's insert of a session waits on the row {@code holder} has not committed; returns
     * the pid of the service's backend. Read on a connection of its own: a transaction sees one snapshot of
     * {@code pg_stat_activity}.
     */
    private static int awaitInsertWaitingOn(Connection holder, Connection monitor) throws SQLException {
        int holderPid;
        try (Statement statement = holder.createStatement(); ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            holderPid = rows.getInt(1);
        }
        return await().atMost(TIMEOUT).until(() -> {
            try (PreparedStatement query = monitor.prepareStatement("SELECT pid FROM pg_stat_activity"
                    + " WHERE ? = ANY (pg_blocking_pids(pid)) AND query ILIKE 'insert into desktop_session%'")) {
                query.setInt(1, holderPid);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getInt(1)) : Optional.<Integer>empty();
                }
            }
        }, Optional::isPresent).orElseThrow();
    }

    /** A member of a ready workspace with a running desktop, and another desktop still being built. */
    private record Member(String userId, String token, String workspaceId, String runningDesktopId, String otherDesktopId) {

        static Member withTwoDesktops() {
            String userId = DesktopApi.person("aino");
            String token = DesktopApi.member(userId);
            String workspaceId = DesktopApi.readyWorkspace(DesktopApi.grantedTo(List.of(userId)));
            String runningDesktopId = DesktopApi.running(token, workspaceId, "work");
            String otherDesktopId = DesktopApi.create(token, workspaceId, DesktopApi.desktop("elsewhere")).statusCode(202)
                    .extract().path("id");
            return new Member(userId, token, workspaceId, runningDesktopId, otherDesktopId);
        }

        /**
         * Opens the member's session on the other desktop as another replica would in the same instant, in a
         * transaction left open: the unique open_user_id makes any other insert for the member wait on it.
         */
        Connection sessionOpenedUncommitted() throws SQLException {
            Connection connection = connect();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO desktop_session (id, desktop_id, workspace_id,"
                    + " user_id, open_user_id, status, opened_at, last_seen_at, row_version)"
                    + " VALUES (?, ?, ?, ?, ?, 'OPEN', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, otherDesktopId);
                insert.setString(3, workspaceId);
                insert.setString(4, userId);
                insert.setString(5, userId);
                insert.executeUpdate();
            }
            return connection;
        }

        /** Asks the service, on another thread, to open a session on the running desktop. */
        CompletableFuture<Response> openSession() {
            return CompletableFuture.supplyAsync(() -> DesktopApi.openSession(token, runningDesktopId).extract().response());
        }
    }
}
