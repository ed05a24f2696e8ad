package fi.sd.apply.domain;

import static fi.sd.apply.domain.ApplicationCommand.ACCEPT_INVITATION;
import static fi.sd.apply.domain.ApplicationCommand.ACCEPT_TERMS;
import static fi.sd.apply.domain.ApplicationCommand.APPROVE;
import static fi.sd.apply.domain.ApplicationCommand.CLOSE;
import static fi.sd.apply.domain.ApplicationCommand.COPY_AS_NEW;
import static fi.sd.apply.domain.ApplicationCommand.INVITE_MEMBER;
import static fi.sd.apply.domain.ApplicationCommand.REJECT;
import static fi.sd.apply.domain.ApplicationCommand.REMARK;
import static fi.sd.apply.domain.ApplicationCommand.REMOVE_MEMBER;
import static fi.sd.apply.domain.ApplicationCommand.REQUEST_REVIEW;
import static fi.sd.apply.domain.ApplicationCommand.RETURN;
import static fi.sd.apply.domain.ApplicationCommand.REVIEW;
import static fi.sd.apply.domain.ApplicationCommand.REVOKE;
import static fi.sd.apply.domain.ApplicationCommand.SAVE_DRAFT;
import static fi.sd.apply.domain.ApplicationCommand.SUBMIT;
import static fi.sd.apply.domain.ApplicationState.APPROVED;
import static fi.sd.apply.domain.ApplicationState.CLOSED;
import static fi.sd.apply.domain.ApplicationState.DRAFT;
import static fi.sd.apply.domain.ApplicationState.REJECTED;
import static fi.sd.apply.domain.ApplicationState.RETURNED;
import static fi.sd.apply.domain.ApplicationState.REVOKED;
import static fi.sd.apply.domain.ApplicationState.SUBMITTED;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import fi.sd.platform.domain.TransitionTable;
import fi.sd.platform.rest.ProblemException;

/**
 * REMS's default workflow as two explicit tables: who may issue which command in which state
 * ({@link #PERMISSIONS}: the handler decides, reviewers only advise, members only accept terms),
 * and where each command leads ({@link #LIFECYCLE}). A caller with no role that may ever issue
 * the command is refused with 403; one whose role may, but not in this state, with 409.
 */
public final class ApplicationRules {

    private static final Set<ApplicationState> LIVE = EnumSet.of(DRAFT, SUBMITTED, RETURNED, APPROVED);
    private static final Set<ApplicationState> EDITABLE = EnumSet.of(DRAFT, RETURNED);
    private static final Set<ApplicationState> IN_HANDLING = EnumSet.of(SUBMITTED, RETURNED);
    private static final Set<ApplicationState> AFTER_SUBMIT = EnumSet.complementOf(EnumSet.of(DRAFT));

    public static final TransitionTable<ApplicationState, ApplicationCommand> LIFECYCLE = TransitionTable
            .of(ApplicationState.class, ApplicationCommand.class)
            .allowInPlace(SAVE_DRAFT, DRAFT, RETURNED)
            .allowInPlace(INVITE_MEMBER, DRAFT, SUBMITTED, RETURNED, APPROVED)
            .allowInPlace(ACCEPT_INVITATION, DRAFT, SUBMITTED, RETURNED, APPROVED)
            .allowInPlace(ACCEPT_TERMS, DRAFT, SUBMITTED, RETURNED, APPROVED)
            .allowInPlace(REMOVE_MEMBER, DRAFT, SUBMITTED, RETURNED, APPROVED)
            .allow(DRAFT, SUBMIT, SUBMITTED)
            .allow(RETURNED, SUBMIT, SUBMITTED)
            // A copy is a new draft; the original stays as it is.
            .allowInPlace(COPY_AS_NEW, ApplicationState.values())
            .allow(SUBMITTED, RETURN, RETURNED)
            .allow(SUBMITTED, APPROVE, APPROVED)
            .allow(SUBMITTED, REJECT, REJECTED)
            .allow(SUBMITTED, CLOSE, CLOSED)
            .allow(RETURNED, CLOSE, CLOSED)
            .allow(APPROVED, CLOSE, CLOSED)
            .allow(APPROVED, REVOKE, REVOKED)
            .allowInPlace(REMARK, SUBMITTED, RETURNED, APPROVED, REJECTED, CLOSED, REVOKED)
            .allowInPlace(REQUEST_REVIEW, SUBMITTED, RETURNED)
            .allowInPlace(REVIEW, SUBMITTED, RETURNED)
            .build();

    /** Role → state → the commands that role may issue there. Everything absent is refused. */
    public static final Map<ApplicationRole, Map<ApplicationState, Set<ApplicationCommand>>> PERMISSIONS = permissions();

    private ApplicationRules() {
    }

    public static boolean allows(ApplicationRole role, ApplicationState state, ApplicationCommand command) {
        return PERMISSIONS.get(role).get(state).contains(command);
    }

    /** True when the role may issue the command in some state. */
    public static boolean mayEverIssue(ApplicationRole role, ApplicationCommand command) {
        return PERMISSIONS.get(role).values().stream().anyMatch(commands -> commands.contains(command));
    }

    /**
     * The state the command leads to when one of {@code roles} may issue it in {@code state};
     * 403 when none of the roles may ever issue it, 409 when the state forbids it.
     */
    public static ApplicationState authorize(Set<ApplicationRole> roles, ApplicationState state, ApplicationCommand command) {
        if (roles.stream().anyMatch(role -> allows(role, state, command))) {
            return LIFECYCLE.require(state, command);
        }
        if (roles.stream().noneMatch(role -> mayEverIssue(role, command))) {
            throw ProblemException.forbidden("Your role on this application does not allow '" + command.path() + "'");
        }
        throw ProblemException.conflict("'" + command.path() + "' is not allowed while " + state.name().toLowerCase());
    }

    private static Map<ApplicationRole, Map<ApplicationState, Set<ApplicationCommand>>> permissions() {
        Table table = new Table();
        table.grant(ApplicationRole.APPLICANT, EDITABLE, SAVE_DRAFT, INVITE_MEMBER, REMOVE_MEMBER, SUBMIT);
        table.grant(ApplicationRole.APPLICANT, LIVE, ACCEPT_TERMS);
        // The applicant may withdraw an application that came back to them (REMS: close in returned).
        table.grant(ApplicationRole.APPLICANT, EnumSet.of(RETURNED), CLOSE);
        table.grant(ApplicationRole.APPLICANT, EnumSet.allOf(ApplicationState.class), COPY_AS_NEW);

        table.grant(ApplicationRole.MEMBER, LIVE, ACCEPT_TERMS);
        table.grant(ApplicationRole.MEMBER, EnumSet.allOf(ApplicationState.class), COPY_AS_NEW);

        table.grant(ApplicationRole.INVITEE, LIVE, ACCEPT_INVITATION);

        table.grant(ApplicationRole.HANDLER, EnumSet.of(SUBMITTED), RETURN, APPROVE, REJECT);
        table.grant(ApplicationRole.HANDLER, EnumSet.of(SUBMITTED, RETURNED, APPROVED), CLOSE, INVITE_MEMBER, REMOVE_MEMBER);
        table.grant(ApplicationRole.HANDLER, EnumSet.of(APPROVED), REVOKE);
        table.grant(ApplicationRole.HANDLER, IN_HANDLING, REQUEST_REVIEW);
        table.grant(ApplicationRole.HANDLER, AFTER_SUBMIT, REMARK);

        table.grant(ApplicationRole.REVIEWER, IN_HANDLING, REVIEW);
        table.grant(ApplicationRole.REVIEWER, AFTER_SUBMIT, REMARK);
        return table.freeze();
    }

    private static final class Table {

        private final Map<ApplicationRole, Map<ApplicationState, Set<ApplicationCommand>>> cells = new EnumMap<>(ApplicationRole.class);

        Table() {
            for (ApplicationRole role : ApplicationRole.values()) {
                Map<ApplicationState, Set<ApplicationCommand>> byState = new EnumMap<>(ApplicationState.class);
                for (ApplicationState state : ApplicationState.values()) {
                    byState.put(state, EnumSet.noneOf(ApplicationCommand.class));
                }
                cells.put(role, byState);
            }
        }

        void grant(ApplicationRole role, Set<ApplicationState> states, ApplicationCommand... commands) {
            for (ApplicationState state : states) {
                cells.get(role).get(state).addAll(Set.of(commands));
            }
        }

        Map<ApplicationRole, Map<ApplicationState, Set<ApplicationCommand>>> freeze() {
            Map<ApplicationRole, Map<ApplicationState, Set<ApplicationCommand>>> frozen = new EnumMap<>(ApplicationRole.class);
            cells.forEach((role, byState) -> {
                Map<ApplicationState, Set<ApplicationCommand>> states = new EnumMap<>(ApplicationState.class);
                byState.forEach((state, commands) -> states.put(state, Collections.unmodifiableSet(commands)));
                frozen.put(role, Collections.unmodifiableMap(states));
            });
            return Collections.unmodifiableMap(frozen);
        }
    }
}
