package fi.sd.apply.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fi.sd.platform.domain.CommandRefusedException;
import fi.sd.platform.domain.CommandRefusedException.Reason;

/**
 * Walks every role × state × command, and every state × command of the lifecycle, against the
 * expected tables, written out here independently of the rules.
 */
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

    /** Per state: the commands the lifecycle allows there that leave the state as it is. */
    private static final Map<ApplicationState, String> IN_PLACE = Map.of(
            ApplicationState.DRAFT, "save-draft invite-member accept-invitation accept-terms remove-member copy-as-new",
            ApplicationState.SUBMITTED,
            "invite-member accept-invitation accept-terms remove-member copy-as-new remark request-review review",
            ApplicationState.RETURNED,
            "save-draft invite-member accept-invitation accept-terms remove-member copy-as-new remark request-review review",
            ApplicationState.APPROVED, "invite-member accept-invitation accept-terms remove-member copy-as-new remark",
            ApplicationState.REJECTED, "copy-as-new remark",
            ApplicationState.CLOSED, "copy-as-new remark",
            ApplicationState.REVOKED, "copy-as-new remark");

    /** Per state: the commands that move it, each to its state in {@link #LEADS_TO}. A draft is closed only by the service. */
    private static final Map<ApplicationState, String> MOVES = Map.of(
            ApplicationState.DRAFT, "submit close",
            ApplicationState.SUBMITTED, "return approve reject close",
            ApplicationState.RETURNED, "submit close",
            ApplicationState.APPROVED, "close revoke");

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
                    assertThat(ApplicationRules.PERMISSIONS.allows(role, state, command)).as(cell).isEqualTo(expected.contains(command));
                    if (expected.contains(command)) {
                        ApplicationState next = ApplicationRules.PERMISSIONS.authorize(Set.of(role), state, command);
                        assertThat(next).as(cell).isEqualTo(LEADS_TO.getOrDefault(command, state));
                        allowed++;
                    } else if (everAllowed(role, command)) {
                        assertThatThrownBy(() -> ApplicationRules.PERMISSIONS.authorize(Set.of(role), state, command)).as(cell)
                                .isInstanceOfSatisfying(CommandRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.STATE))
                                .hasMessage("'" + command.path() + "' is not allowed while " + state.name().toLowerCase());
                        conflicting++;
                    } else {
                        assertThatThrownBy(() -> ApplicationRules.PERMISSIONS.authorize(Set.of(role), state, command)).as(cell)
                                .isInstanceOfSatisfying(CommandRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ROLE))
                                .hasMessage("Your role on this application does not allow '" + command.path() + "'");
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
    void everyStateAndCommandLeadsWhereTheLifecycleSaysOrIsRefusedByState() {
        int allowed = 0;
        for (ApplicationState state : ApplicationState.values()) {
            Set<ApplicationCommand> inPlace = commands(IN_PLACE.getOrDefault(state, ""));
            Set<ApplicationCommand> moves = commands(MOVES.getOrDefault(state, ""));
            for (ApplicationCommand command : ApplicationCommand.values()) {
                String cell = state + " --" + command.path() + "-->";
                Optional<ApplicationState> expected = inPlace.contains(command) ? Optional.of(state)
                        : moves.contains(command) ? Optional.of(LEADS_TO.get(command)) : Optional.empty();
                assertThat(ApplicationRules.LIFECYCLE.next(state, command)).as(cell).isEqualTo(expected);
                Application application = new Application();
                application.state = state;
                if (expected.isPresent()) {
                    application.apply(command);
                    assertThat(application.state).as(cell).isEqualTo(expected.get());
                    allowed++;
                } else {
                    assertThatThrownBy(() -> application.apply(command)).as(cell)
                            .isInstanceOfSatisfying(CommandRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.STATE));
                    assertThat(application.state).as(cell).isEqualTo(state);
                }
            }
        }
        assertThat(allowed).isEqualTo(45);
        assertThat(ApplicationRules.LIFECYCLE.finalStates()).isEmpty();
    }

    @Test
    void aPersonWithSeveralRolesMayDoWhatAnyOfThemMay() {
        Set<ApplicationRole> handlerAndMember = EnumSet.of(ApplicationRole.HANDLER, ApplicationRole.MEMBER);
        assertThat(ApplicationRules.PERMISSIONS.authorize(handlerAndMember, ApplicationState.SUBMITTED, ApplicationCommand.APPROVE))
                .isEqualTo(ApplicationState.APPROVED);
        assertThat(ApplicationRules.PERMISSIONS.authorize(handlerAndMember, ApplicationState.SUBMITTED, ApplicationCommand.ACCEPT_TERMS))
                .isEqualTo(ApplicationState.SUBMITTED);
    }

    @Test
    void aPersonWithNoRoleIsForbiddenEverything() {
        for (ApplicationCommand command : ApplicationCommand.values()) {
            assertThatThrownBy(() -> ApplicationRules.PERMISSIONS.authorize(Set.of(), ApplicationState.SUBMITTED, command))
                    .isInstanceOfSatisfying(CommandRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ROLE));
        }
    }

    @Test
    void everyPermittedCommandIsATransitionOfTheLifecycle() {
        for (ApplicationRole role : ApplicationRole.values()) {
            ApplicationRules.PERMISSIONS.permissions().get(role).forEach((state, commands) -> commands.forEach(command ->
                    assertThat(ApplicationRules.LIFECYCLE.allows(state, command)).as(role + " " + state + " " + command).isTrue()));
        }
        assertThat(ApplicationRules.PERMISSIONS.lifecycle()).isSameAs(ApplicationRules.LIFECYCLE);
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
        return commands(EXPECTED.get(role).getOrDefault(state, ""));
    }

    private static Set<ApplicationCommand> commands(String names) {
        Set<ApplicationCommand> commands = EnumSet.noneOf(ApplicationCommand.class);
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
