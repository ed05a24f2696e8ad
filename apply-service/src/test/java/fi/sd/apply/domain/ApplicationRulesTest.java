package fi.sd.apply.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fi.sd.platform.rest.ProblemException;

/** Walks every role × state × command against the expected table, written out here independently of the rules. */
class ApplicationRulesTest {

    /** Per role, per state: the commands allowed there, as the API names them. */
    private static final Map<ApplicationRole, Map<ApplicationState, String>> EXPECTED = Map.of(
            ApplicationRole.APPLICANT, Map.of(
                    ApplicationState.DRAFT, "save-draft invite-member remove-member submit accept-terms copy-as-new",
                    ApplicationState.SUBMITTED, "accept-terms copy-as-new",
                    ApplicationState.RETURNED, "save-draft invite-member remove-member submit accept-terms close copy-as-new",
                    ApplicationState.APPROVED, "accept-terms copy-as-new",
                    ApplicationState.REJECTED, "copy-as-new",
                    ApplicationState.CLOSED, "copy-as-new",
                    ApplicationState.REVOKED, "copy-as-new"),
            ApplicationRole.MEMBER, Map.of(
                    ApplicationState.DRAFT, "accept-terms copy-as-new",
                    ApplicationState.SUBMITTED, "accept-terms copy-as-new",
                    ApplicationState.RETURNED, "accept-terms copy-as-new",
                    ApplicationState.APPROVED, "accept-terms copy-as-new",
                    ApplicationState.REJECTED, "copy-as-new",
                    ApplicationState.CLOSED, "copy-as-new",
                    ApplicationState.REVOKED, "copy-as-new"),
            ApplicationRole.INVITEE, Map.of(
                    ApplicationState.DRAFT, "accept-invitation",
                    ApplicationState.SUBMITTED, "accept-invitation",
                    ApplicationState.RETURNED, "accept-invitation",
                    ApplicationState.APPROVED, "accept-invitation"),
            ApplicationRole.HANDLER, Map.of(
                    ApplicationState.SUBMITTED, "return approve reject close invite-member remove-member request-review remark",
                    ApplicationState.RETURNED, "close invite-member remove-member request-review remark",
                    ApplicationState.APPROVED, "close revoke invite-member remove-member remark",
                    ApplicationState.REJECTED, "remark",
                    ApplicationState.CLOSED, "remark",
                    ApplicationState.REVOKED, "remark"),
            ApplicationRole.REVIEWER, Map.of(
                    ApplicationState.SUBMITTED, "review remark",
                    ApplicationState.RETURNED, "review remark",
                    ApplicationState.APPROVED, "remark",
                    ApplicationState.REJECTED, "remark",
                    ApplicationState.CLOSED, "remark",
                    ApplicationState.REVOKED, "remark"));

    private static final Map<ApplicationCommand, ApplicationState> LEADS_TO = new EnumMap<>(Map.of(
            ApplicationCommand.SUBMIT, ApplicationState.SUBMITTED,
            ApplicationCommand.RETURN, ApplicationState.RETURNED,
            ApplicationCommand.APPROVE, ApplicationState.APPROVED,
            ApplicationCommand.REJECT, ApplicationState.REJECTED,
            ApplicationCommand.CLOSE, ApplicationState.CLOSED,
            ApplicationCommand.REVOKE, ApplicationState.REVOKED));

    @Test
    void everyRoleStateAndCommandIsAllowedOrRefusedAsExpected() {
        int allowed = 0;
        int forbidden = 0;
        int conflicting = 0;
        for (ApplicationRole role : ApplicationRole.values()) {
            for (ApplicationState state : ApplicationState.values()) {
                Set<ApplicationCommand> expected = expected(role, state);
                for (ApplicationCommand command : ApplicationCommand.values()) {
                    String cell = role + " " + state + " " + command.path();
                    assertThat(ApplicationRules.allows(role, state, command)).as(cell).isEqualTo(expected.contains(command));
                    if (expected.contains(command)) {
                        ApplicationState next = ApplicationRules.authorize(Set.of(role), state, command);
                        assertThat(next).as(cell).isEqualTo(LEADS_TO.getOrDefault(command, state));
                        allowed++;
                    } else if (everAllowed(role, command)) {
                        assertThatThrownBy(() -> ApplicationRules.authorize(Set.of(role), state, command)).as(cell)
                                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));
                        conflicting++;
                    } else {
                        assertThatThrownBy(() -> ApplicationRules.authorize(Set.of(role), state, command)).as(cell)
                                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(403));
                        forbidden++;
                    }
                }
            }
        }
        int cells = ApplicationRole.values().length * ApplicationState.values().length * ApplicationCommand.values().length;
        assertThat(allowed + forbidden + conflicting).isEqualTo(cells);
        assertThat(allowed).isEqualTo(EXPECTED.values().stream().flatMap(m -> m.values().stream())
                .mapToInt(s -> s.split(" ").length).sum());
    }

    @Test
    void aPersonWithSeveralRolesMayDoWhatAnyOfThemMay() {
        Set<ApplicationRole> handlerAndMember = EnumSet.of(ApplicationRole.HANDLER, ApplicationRole.MEMBER);
        assertThat(ApplicationRules.authorize(handlerAndMember, ApplicationState.SUBMITTED, ApplicationCommand.APPROVE))
                .isEqualTo(ApplicationState.APPROVED);
        assertThat(ApplicationRules.authorize(handlerAndMember, ApplicationState.SUBMITTED, ApplicationCommand.ACCEPT_TERMS))
                .isEqualTo(ApplicationState.SUBMITTED);
    }

    @Test
    void aPersonWithNoRoleIsForbiddenEverything() {
        for (ApplicationCommand command : ApplicationCommand.values()) {
            assertThatThrownBy(() -> ApplicationRules.authorize(Set.of(), ApplicationState.SUBMITTED, command))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(403));
        }
    }

    @Test
    void everyPermittedCommandIsATransitionOfTheLifecycle() {
        for (ApplicationRole role : ApplicationRole.values()) {
            ApplicationRules.PERMISSIONS.get(role).forEach((state, commands) -> commands.forEach(
                    command -> assertThat(ApplicationRules.LIFECYCLE.allows(state, command)).as(role + " " + state + " " + command).isTrue()));
        }
        assertThat(ApplicationRules.LIFECYCLE.finalStates()).isEmpty();
    }

    @Test
    void commandsAreAddressedByTheirApiNames() {
        assertThat(ApplicationCommand.fromPath("request-review")).contains(ApplicationCommand.REQUEST_REVIEW);
        assertThat(ApplicationCommand.fromPath("REQUEST_REVIEW")).isEmpty();
        assertThat(Arrays.stream(ApplicationCommand.values()).map(ApplicationCommand::path))
                .contains("save-draft", "invite-member", "accept-invitation", "accept-terms", "remove-member", "submit", "copy-as-new",
                        "return", "approve", "reject", "close", "revoke", "remark", "request-review", "review");
    }

    private static Set<ApplicationCommand> expected(ApplicationRole role, ApplicationState state) {
        Set<ApplicationCommand> commands = EnumSet.noneOf(ApplicationCommand.class);
        String names = EXPECTED.get(role).getOrDefault(state, "");
        for (String name : names.split(" ")) {
            if (!name.isEmpty()) {
                commands.add(ApplicationCommand.fromPath(name).orElseThrow(() -> new IllegalArgumentException(name)));
            }
        }
        return commands;
    }

    private static final Map<ApplicationRole, Set<ApplicationCommand>> EVER = new HashMap<>();

    private static boolean everAllowed(ApplicationRole role, ApplicationCommand command) {
        return EVER.computeIfAbsent(role, r -> {
            Set<ApplicationCommand> all = EnumSet.noneOf(ApplicationCommand.class);
            for (ApplicationState state : ApplicationState.values()) {
                all.addAll(expected(r, state));
            }
            return all;
        }).contains(command);
    }
}
