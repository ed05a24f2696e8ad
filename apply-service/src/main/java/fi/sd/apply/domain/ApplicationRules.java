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

import java.util.EnumSet;
import java.util.Set;

import fi.sd.platform.domain.PermissionTable;
import fi.sd.platform.domain.TransitionTable;

/**
 * REMS's default workflow as two explicit tables: who may issue which command in which state
 * ({@link #PERMISSIONS}: the handler decides, reviewers only advise, members only accept terms),
 * and where each command leads ({@link #LIFECYCLE}). A caller with no role that may ever issue
 * the command is refused with 403; one whose role may, but not in this state, with 409. The one
 * transition no role holds is the service's own: a draft closed because its permit ended.
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
            .allow(DRAFT, CLOSE, CLOSED)
            .allow(SUBMITTED, CLOSE, CLOSED)
            .allow(RETURNED, CLOSE, CLOSED)
            .allow(APPROVED, CLOSE, CLOSED)
            .allow(APPROVED, REVOKE, REVOKED)
            .allowInPlace(REMARK, SUBMITTED, RETURNED, APPROVED, REJECTED, CLOSED, REVOKED)
            .allowInPlace(REQUEST_REVIEW, SUBMITTED, RETURNED)
            .allowInPlace(REVIEW, SUBMITTED, RETURNED)
            .build();

    /** Role → state → the commands that role may issue there. Everything absent is refused. */
    public static final PermissionTable<ApplicationRole, ApplicationState, ApplicationCommand> PERMISSIONS = PermissionTable
            .of(ApplicationRole.class, LIFECYCLE, "application")
            .grant(ApplicationRole.APPLICANT, EDITABLE, SAVE_DRAFT, INVITE_MEMBER, REMOVE_MEMBER, SUBMIT)
            .grant(ApplicationRole.APPLICANT, LIVE, ACCEPT_TERMS)
            // The applicant may withdraw an application that came back to them (REMS: close in returned).
            .grant(ApplicationRole.APPLICANT, EnumSet.of(RETURNED), CLOSE)
            .grant(ApplicationRole.APPLICANT, EnumSet.allOf(ApplicationState.class), COPY_AS_NEW)
            .grant(ApplicationRole.MEMBER, LIVE, ACCEPT_TERMS)
            .grant(ApplicationRole.MEMBER, EnumSet.allOf(ApplicationState.class), COPY_AS_NEW)
            .grant(ApplicationRole.INVITEE, LIVE, ACCEPT_INVITATION)
            .grant(ApplicationRole.HANDLER, EnumSet.of(SUBMITTED), RETURN, APPROVE, REJECT)
            .grant(ApplicationRole.HANDLER, EnumSet.of(SUBMITTED, RETURNED, APPROVED), CLOSE, INVITE_MEMBER, REMOVE_MEMBER)
            .grant(ApplicationRole.HANDLER, EnumSet.of(APPROVED), REVOKE)
            .grant(ApplicationRole.HANDLER, IN_HANDLING, REQUEST_REVIEW)
            .grant(ApplicationRole.HANDLER, AFTER_SUBMIT, REMARK)
            .grant(ApplicationRole.REVIEWER, IN_HANDLING, REVIEW)
            .grant(ApplicationRole.REVIEWER, AFTER_SUBMIT, REMARK)
            .build();

    private ApplicationRules() {
    }
}
