package fi.sd.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fi.sd.platform.domain.CommandRefusedException;
import fi.sd.platform.domain.PermissionTable;
import fi.sd.platform.domain.TransitionTable;

class ProblemMappersTest {

    enum State { OPEN, SHUT }

    enum Command { SHUT, REOPEN }

    enum Role { KEEPER, VISITOR }

    private static final TransitionTable<State, Command> LIFECYCLE = TransitionTable.of(State.class, Command.class)
            .allow(State.OPEN, Command.SHUT, State.SHUT)
            .allow(State.SHUT, Command.REOPEN, State.OPEN)
            .build();
    private static final PermissionTable<Role, State, Command> RULES = PermissionTable.of(Role.class, LIFECYCLE, "gate")
            .grant(Role.KEEPER, EnumSet.of(State.OPEN), Command.SHUT)
            .grant(Role.KEEPER, EnumSet.of(State.SHUT), Command.REOPEN)
            .build();

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aCommandRefusedByRoleIs403AndByStateIs409WithTheTablesMessage() {
        Problem forbidden = problem(mappers.refused(refusal(() -> RULES.authorize(Set.of(Role.VISITOR), State.OPEN, Command.SHUT)), null));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.type()).isEqualTo("https://sd.fi/problems/forbidden");
        assertThat(forbidden.detail()).isEqualTo("Your role on this gate does not allow 'shut'");

        Problem conflict = problem(mappers.refused(refusal(() -> RULES.authorize(Set.of(Role.KEEPER), State.OPEN, Command.REOPEN)), null));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.type()).isEqualTo("https://sd.fi/problems/conflict");
        assertThat(conflict.detail()).isEqualTo("'reopen' is not allowed while open");
    }

    @Test
    void aBodyThatIsNotJsonSaysWhatIsWrongAndWhere() {
        JsonProcessingException notJson = notJson("{\"journalNumber\": \n  }");
        // How the JSON reader hands it on: wrapped in a 400 with no message of its own.
        Response answer = mappers.web(new WebApplicationException(notJson, Response.Status.BAD_REQUEST), null);
        Problem problem = problem(answer);
        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(answer.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(problem.type()).isEqualTo("https://sd.fi/problems/malformed-json");
        assertThat(problem.detail()).startsWith("The request body is not valid JSON at line 2, column 3: Unexpected character ('}'")
                .doesNotContain("Source").doesNotContain("HTTP 400");
    }

    @Test
    void aStatusTheFrameworkRaisesHasItsTypeFromTheCatalogue() {
        Problem problem = problem(mappers.web(new WebApplicationException(405), null));
        assertThat(problem.type()).isEqualTo("https://sd.fi/problems/method-not-allowed");
        assertThat(problem.title()).isEqualTo("Method not allowed");
    }

    private static CommandRefusedException refusal(Runnable command) {
        try {
            command.run();
        } catch (CommandRefusedException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    private static JsonProcessingException notJson(String body) {
        try {
            new ObjectMapper().readTree(body);
        } catch (JsonProcessingException e) {
            return e;
        }
        throw new AssertionError(body + " was read as JSON");
    }

    private static Problem problem(Response response) {
        return (Problem) response.getEntity();
    }
}
