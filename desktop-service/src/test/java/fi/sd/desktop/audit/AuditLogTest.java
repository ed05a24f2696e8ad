package fi.sd.desktop.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import fi.sd.desktop.WorkspaceApi;
import fi.sd.events.permit.DataReleased;
import fi.sd.events.permit.PermitGranted;
import fi.sd.events.permit.ReleasedFile;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestEvents;
import fi.sd.testsupport.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The audit log records what happens to a workspace, can be read by auditors only, and betrays any change to it.
 * It also guards the Hibernate SPI the log chains its entries with (see {@link AuditLog}): entries written at the
 * commit, in the order of the commits, without one open transaction holding up another's.
 */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class AuditLogTest {

    private static final String OUTSIDER = TestTokens.user("outi.outsider", "researcher").bearer();
    private static final String RESEARCHER = TestTokens.user("aino.virtanen", "researcher").bearer();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog auditLog;

    @Test
    void workspaceEventsAndRefusedAccessAreRecordedAndReadableByAuditorsOnly() {
        String workspaceId = readyWorkspaceWithARelease();
        given().header("Authorization", OUTSIDER).when().get("/api/v1/workspaces/" + workspaceId).then().statusCode(404);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().header("Authorization", WorkspaceApi.AUDITOR)
                .queryParam("workspaceId", workspaceId).when().get("/api/v1/audit")
                .then().statusCode(200)
                .body("action", hasItems("workspace.opened", "mount.added", "workspace.access.denied"))
                .body("findAll { it.action == 'workspace.access.denied' }.actor", hasItem("outi.outsider"))
                .body("workspaceId", not(hasItem(not(is(workspaceId))))));
        given().header("Authorization", WorkspaceApi.AUDITOR).queryParam("actor", "outi.outsider")
                .queryParam("from", Instant.now().minusSeconds(600).toString()).queryParam("to", Instant.now().plusSeconds(60).toString())
                .when().get("/api/v1/audit")
                .then().statusCode(200).header("X-Total-Count", not("0")).body("actor", not(hasItem(not(is("outi.outsider")))));

        given().header("Authorization", RESEARCHER).when().get("/api/v1/audit").then().statusCode(403);
        given().header("Authorization", RESEARCHER).when().get("/api/v1/audit/verify").then().statusCode(403);
        given().when().get("/api/v1/audit").then().statusCode(401);
        given().header("Authorization", WorkspaceApi.AUDITOR).queryParam("from", "yesterday").when().get("/api/v1/audit")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("from"));
    }

    @Test
    void theDatabaseRefusesChangesAndVerifyFindsATamperedEntry() throws SQLException {
        String workspaceId = readyWorkspaceWithARelease();
        long seq = await().atMost(Duration.ofSeconds(10)).until(() -> entryOf(workspaceId, "mount.added"), s -> s > 0);
        given().header("Authorization", WorkspaceApi.AUDITOR).when().get("/api/v1/audit/verify")
                .then().statusCode(200).body("valid", is(true));

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE audit_entry SET detail = 'nothing' WHERE seq = " + seq))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM audit_entry WHERE seq = " + seq))
                    .hasMessageContaining("append-only");

            // Someone with the owner's rights switches the guard off and rewrites history.
            String original = detailOf(statement, seq);
            tamper(statement, seq, "nothing was mounted");
            try {
                given().header("Authorization", WorkspaceApi.AUDITOR).when().get("/api/v1/audit/verify")
                        .then().statusCode(200).body("valid", is(false)).body("brokenAt", is((int) seq))
                        .body("entries", is((int) seq - 1));
            } finally {
                tamper(statement, seq, original);
            }
        }
        given().header("Authorization", WorkspaceApi.AUDITOR).when().get("/api/v1/audit/verify")
                .then().statusCode(200).body("valid", is(true));
    }

    /**
     * A transaction that has recorded an entry does not hold the chain's head until it commits: another one
     * records and commits meanwhile (were the head locked at the first record, it would wait for the first
     * transaction, which waits for it). The chain is in the order of the commits, and intact.
     */
    @Test
    void anOpenTransactionDoesNotHoldUpAnotherOnesEntries() throws SQLException {
        String workspaceId = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            auditLog.record(workspaceId, "first.actor", "test.first", "recorded first, committed last");
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew()
                    .run(() -> auditLog.record(workspaceId, "second.actor", "test.second", "recorded second, committed first")));
            assertThatCode(() -> other.get(10, TimeUnit.SECONDS)).doesNotThrowAnyException();
        });
        assertThat(actionsOf(workspaceId)).containsExactly("test.second", "test.first");
        given().header("Authorization", WorkspaceApi.AUDITOR).when().get("/api/v1/audit/verify")
                .then().statusCode(200).body("valid", is(true));
    }

    /** An entry recorded in a transaction that rolls back is never chained: no entry for an action that did not happen. */
    @Test
    void anEntryOfATransactionRolledBackIsNotWritten() throws SQLException {
        String workspaceId = UUID.randomUUID().toString();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            auditLog.record(workspaceId, "first.actor", "test.rolled.back", "recorded, then the action failed");
            throw new IllegalStateException("the action failed");
        })).hasStackTraceContaining("the action failed");
        QuarkusTransaction.requiringNew().run(() -> auditLog.record(workspaceId, "second.actor", "test.committed", "committed"));

        assertThat(actionsOf(workspaceId)).containsExactly("test.committed");
        given().header("Authorization", WorkspaceApi.AUDITOR).when().get("/api/v1/audit/verify")
                .then().statusCode(200).body("valid", is(true));
    }

    /**
     * A transaction that holds one chain's head (until its commit) does not hold up another transaction's entries:
     * those go onto a chain no one holds, and every chain stays intact.
     */
    @Test
    void aHeldChainHeadDoesNotHoldUpAnotherTransactionsEntries() throws Exception {
        String workspaceId = UUID.randomUUID().toString();
        short chain = recordWhileChainZeroIsHeld(workspaceId, "test.while.held");

        assertThat(chain).isNotZero();
        given().header("Authorization", WorkspaceApi.AUDITOR).when().get("/api/v1/audit/verify")
                .then().statusCode(200).body("valid", is(true));
    }

    /** An entry cut off the end of its chain (by someone with the owner's rights) is noticed: its head names it. */
    @Test
    void verifyNoticesAnEntryCutOffTheEndOfItsChain() throws Exception {
        String workspaceId = UUID.randomUUID().toString();
        short chain = recordWhileChainZeroIsHeld(workspaceId, "test.cut.off");
        long seq = entryOf(workspaceId, "test.cut.off");

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE cut_off AS SELECT * FROM audit_entry WHERE seq = " + seq);
            statement.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only");
            try {
                statement.executeUpdate("DELETE FROM audit_entry WHERE seq = " + seq);
                given().header("Authorization", WorkspaceApi.AUDITOR).when().get("/api/v1/audit/verify")
                        .then().statusCode(200).body("valid", is(false)).body("brokenAt", is((int) seq))
                        .body("reason", containsString("chain " + chain + " ends at entry"));
            } finally {
                statement.executeUpdate("INSERT INTO audit_entry SELECT * FROM cut_off");
                statement.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only");
                statement.execute("DROP TABLE cut_off");
            }
        }
        given().header("Authorization", WorkspaceApi.AUDITOR).when().get("/api/v1/audit/verify")
                .then().statusCode(200).body("valid", is(true));
    }

    /** A chain removed with its head and every entry of it leaves no trace in the other chains: verify counts the heads. */
    @Test
    void verifyNoticesAChainRemovedWithItsHead() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE removed_head AS SELECT * FROM audit_head WHERE id = 15");
            try {
                statement.executeUpdate("DELETE FROM audit_head WHERE id = 15");
                given().header("Authorization", WorkspaceApi.AUDITOR).when().get("/api/v1/audit/verify")
                        .then().statusCode(200).body("valid", is(false))
                        .body("reason", containsString("not for each of chains 0 to 15"));
            } finally {
                statement.executeUpdate("INSERT INTO audit_head SELECT * FROM removed_head");
                statement.execute("DROP TABLE removed_head");
            }
        }
        given().header("Authorization", WorkspaceApi.AUDITOR).when().get("/api/v1/audit/verify")
                .then().statusCode(200).body("valid", is(true));
    }

    /** Records an entry while another connection holds chain 0's head, as a transaction at its commit does; its chain. */
    private short recordWhileChainZeroIsHeld(String workspaceId, String action) throws Exception {
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.executeQuery("SELECT id FROM audit_head WHERE id = 0 FOR UPDATE").close();
                CompletableFuture<Void> other = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew()
                        .run(() -> auditLog.record(workspaceId, "test.actor", action, "recorded while chain 0 is held")));
                assertThatCode(() -> other.get(10, TimeUnit.SECONDS)).doesNotThrowAnyException();
            } finally {
                holder.rollback();
            }
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT chain FROM audit_entry WHERE workspace_id = '" + workspaceId + "'")) {
            assertThat(rows.next()).isTrue();
            return rows.getShort(1);
        }
    }

    private List<String> actionsOf(String workspaceId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT action FROM audit_entry WHERE workspace_id = '" + workspaceId
                        + "' ORDER BY seq")) {
            List<String> actions = new ArrayList<>();
            while (rows.next()) {
                actions.add(rows.getString(1));
            }
            return actions;
        }
    }

    private String readyWorkspaceWithARelease() {
        PermitGranted granted = WorkspaceApi.granted(UUID.randomUUID().toString(), "proj-" + UUID.randomUUID());
        TestEvents.publish(granted);
        String workspaceId = WorkspaceApi.awaitStatus(granted.permitId(), "READY");
        TestEvents.publish(new DataReleased(UUID.randomUUID().toString(), granted.permitId(), granted.permit().projectId(),
                "thl-avohilmo", List.of(new ReleasedFile("visits.csv", 1024, "a".repeat(64))), "thl.controller",
                Instant.now()));
        return workspaceId;
    }

    private long entryOf(String workspaceId, String action) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT seq FROM audit_entry WHERE action = '" + action + "' AND workspace_id = '"
                        + workspaceId + "'")) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    private static String detailOf(Statement statement, long seq) throws SQLException {
        try (var rows = statement.executeQuery("SELECT detail FROM audit_entry WHERE seq = " + seq)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static void tamper(Statement statement, long seq, String detail) throws SQLException {
        statement.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only");
        try {
            statement.executeUpdate("UPDATE audit_entry SET detail = '" + detail.replace("'", "''") + "' WHERE seq = " + seq);
        } finally {
            statement.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only");
        }
    }
}
