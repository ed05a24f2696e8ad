package fi.sd.apply.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fi.sd.apply.api.ApplicationRequest;
import fi.sd.apply.api.ApplicationView;
import fi.sd.apply.api.CommandRequest;
import fi.sd.apply.domain.Answer;
import fi.sd.apply.domain.Application;
import fi.sd.apply.domain.ApplicationCommand;
import fi.sd.apply.domain.ApplicationEvent;
import fi.sd.apply.domain.ApplicationMember;
import fi.sd.apply.domain.ApplicationRules;
import fi.sd.apply.domain.ApplicationState;
import fi.sd.apply.domain.BlocklistEntry;
import fi.sd.apply.domain.BlocklistKey;
import fi.sd.apply.domain.CatalogueItem;
import fi.sd.apply.domain.CatalogueTerm;
import fi.sd.apply.domain.FormField;
import fi.sd.apply.domain.MemberStatus;
import fi.sd.apply.domain.Permit;
import fi.sd.apply.domain.PermitStatus;
import fi.sd.apply.domain.TermAcceptance;
import fi.sd.apply.mapping.ApplicationMapper;
import fi.sd.events.apply.AccessEndReason;
import fi.sd.events.apply.ApplicationApproved;
import fi.sd.events.apply.ApplicationClosed;
import fi.sd.events.apply.ApplicationRejected;
import fi.sd.events.apply.ApplicationReturned;
import fi.sd.events.apply.ApplicationRevoked;
import fi.sd.events.apply.ApplicationSubmitted;
import fi.sd.platform.outbox.Outbox;
import fi.sd.platform.rest.Problem.FieldError;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.security.Caller;

/**
 * Creates applications and carries out their commands. Each command is checked against
 * {@link ApplicationRules}, recorded in the history, announced through the outbox and followed by
 * the entitlement recomputation. Commands on one application are serialised by its optimistic
 * lock, never by a lock shared with other applications.
 */
@ApplicationScoped
@Transactional
public class ApplicationService {

    private static final Logger LOG = Logger.getLogger(ApplicationService.class);

    private final Outbox outbox;
    private final Clock clock;
    private final EntityManager em;
    private final EntitlementService entitlements;

    @Inject
    public ApplicationService(Outbox outbox, Clock clock, EntityManager em, EntitlementService entitlements) {
        this.outbox = outbox;
        this.clock = clock;
        this.em = em;
        this.entitlements = entitlements;
    }

    /** A new draft: the caller must be named in an active register permit that covers every dataset asked for. */
    public ApplicationView create(ApplicationRequest request, Caller caller) {
        Set<String> datasetIds = new LinkedHashSet<>(request.datasetIds());
        if (datasetIds.size() != request.datasetIds().size()) {
            throw ProblemException.unprocessable("datasetIds", "lists a dataset twice");
        }
        Permit permit = usablePermit(request.permitId(), caller.subject());
        for (String datasetId : datasetIds) {
            requireApplicable(permit, datasetId);
        }
        Instant now = clock.instant();
        Application application = newDraft(permit, caller.subject(), datasetIds, now);
        application.persist();
        ApplicationEvent.of(application, caller.subject(), "create", now).persist();
        LOG.infof("Application %s created by %s on permit %s", application.id, caller.subject(), permit.id);
        return ApplicationMapper.toView(application, caller);
    }

    /**
     * Carries out {@code command} on the application as the caller: 404 when the caller may not
     * see it, 403 when no role of theirs may ever issue it, 409 when the state forbids it or a
     * concurrent command won, 422 when a rule of the command is broken. Returns the application
     * the command leaves the caller on (the new one for {@code copy-as-new}).
     */
    public ApplicationView execute(String id, ApplicationCommand command, CommandRequest body, Caller caller) {
        Application application = visible(id, caller);
        ApplicationRules.PERMISSIONS.authorize(application.rolesOf(caller), application.state, command);
        Instant now = clock.instant();
        // Claims the application's version before anything else is written: a concurrent command
        // that claimed it first makes this one a 409 here, before its effects can collide.
        application.updatedAt = now;
        em.flush();
        application.apply(command);
        Application result = application;
        switch (command) {
            case SAVE_DRAFT -> saveDraft(application, body, caller, now);
            case INVITE_MEMBER -> inviteMember(application, body, caller, now);
            case ACCEPT_INVITATION -> acceptInvitation(application, caller, now);
            case ACCEPT_TERMS -> acceptTerms(application, caller, now);
            case REMOVE_MEMBER -> removeMember(application, body, caller, now);
            case SUBMIT -> submit(application, caller, now);
            case COPY_AS_NEW -> result = copyAsNew(application, caller, now);
            case APPROVE -> approve(application, body, caller, now);
            case RETURN, REJECT, CLOSE, REVOKE -> decide(application, command, body, caller, now);
            case REMARK -> ApplicationEvent.of(application, caller.subject(), command.path(), now).comment(requireComment(body))
                    .visibleToApplicant(Boolean.TRUE.equals(body.isPublic())).persist();
            case REQUEST_REVIEW -> requestReview(application, body, caller, now);
            case REVIEW -> ApplicationEvent.of(application, caller.subject(), command.path(), now).comment(requireComment(body)).privately()
                    .persist();
        }
        em.flush();
        return ApplicationMapper.toView(result, caller);
    }

    /** Closes an open application because its permit ended; its entitlements end with it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closeForPermit(Application application, PermitStatus permitStatus, String comment) {
        Instant now = clock.instant();
        application.apply(ApplicationCommand.CLOSE);
        application.updatedAt = now;
        ApplicationEvent.of(application, Caller.SYSTEM, ApplicationCommand.CLOSE.path(), now).comment(comment).persist();
        outbox.publish(application.id, new ApplicationClosed(application.id, application.permitId, List.copyOf(application.datasetIds),
                comment, Caller.SYSTEM, now));
        entitlements.recompute(application,
                permitStatus == PermitStatus.REVOKED ? AccessEndReason.PERMIT_REVOKED : AccessEndReason.PERMIT_EXPIRED);
        LOG.infof("Application %s closed: its permit %s is %s", application.id, application.permitId, permitStatus);
    }

    /** The application, if the caller has a role on it or reads everything; 404 otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Application visible(String id, Caller caller) {
        return Application.<Application>findByIdOptional(id)
                .filter(a -> caller.readsEverything() || !a.rolesOf(caller).isEmpty())
                .orElseThrow(() -> ProblemException.notFound("Application", id));
    }

    private Permit usablePermit(String permitId, String userId) {
        Permit permit = Permit.findById(permitId);
        if (permit == null || !permit.isActiveRegisterPermit()) {
            throw ProblemException.unprocessable("permitId", "must be an active REGISTER permit");
        }
        if (!permit.names(userId)) {
            throw ProblemException.unprocessable("permitId", "must name you among its persons");
        }
        return permit;
    }

    private static void requireApplicable(Permit permit, String datasetId) {
        if (!permit.covers(datasetId)) {
            throw ProblemException.unprocessable("datasetIds", "dataset " + datasetId + " is not in the permit");
        }
        CatalogueItem item = CatalogueItem.forDataset(datasetId).filter(i -> i.enabled)
                .orElseThrow(() -> ProblemException.unprocessable("datasetIds", "dataset " + datasetId + " is not in the catalogue"));
        if (!item.organisation.equals(permit.issuer)) {
            throw ProblemException.unprocessable("datasetIds", "dataset " + datasetId + " is not controlled by " + permit.issuer);
        }
    }

    private static Application newDraft(Permit permit, String applicant, Set<String> datasetIds, Instant now) {
        Application application = new Application();
        application.id = UUID.randomUUID().toString();
        application.permitId = permit.id;
        application.projectId = permit.projectId;
        application.organisation = permit.issuer;
        application.applicant = applicant;
        application.state = ApplicationState.DRAFT;
        application.createdAt = now;
        application.updatedAt = now;
        application.datasetIds.addAll(datasetIds);
        application.members.add(new ApplicationMember(applicant, MemberStatus.JOINED, now));
        return application;
    }

    private void saveDraft(Application application, CommandRequest body, Caller caller, Instant now) {
        List<CommandRequest.AnswerInput> answers = body.answers() == null ? List.of() : body.answers();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            CommandRequest.AnswerInput input = answers.get(i);
            String path = "answers[" + i + "]";
            FormField field = application.datasetIds.contains(input.datasetId())
                    ? CatalogueItem.forDataset(input.datasetId()).flatMap(item -> item.field(input.fieldId())).orElse(null)
                    : null;
            if (field == null) {
                errors.add(new FieldError(path + ".fieldId", "is not a field of dataset " + input.datasetId() + " in this application"));
            } else if (!input.value().isEmpty()) {
                field.problemWith(input.value()).ifPresent(problem -> errors.add(new FieldError(path + ".value", problem)));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("Some answers do not fit the form", errors);
        }
        for (CommandRequest.AnswerInput input : answers) {
            application.answers.removeIf(a -> a.datasetId.equals(input.datasetId()) && a.fieldId.equals(input.fieldId()));
            if (!input.value().isEmpty()) {
                application.answers.add(new Answer(input.datasetId(), input.fieldId(), input.value()));
            }
        }
        ApplicationEvent.of(application, caller.subject(), ApplicationCommand.SAVE_DRAFT.path(), now).comment(body.commentText()).persist();
    }

    private void inviteMember(Application application, CommandRequest body, Caller caller, Instant now) {
        String userId = requireUserId(body);
        Permit permit = Permit.findById(application.permitId);
        if (!permit.names(userId)) {
            throw ProblemException.unprocessable("userId", "only persons named in the permit may be members");
        }
        if (application.member(userId).isPresent()) {
            throw ProblemException.conflict(userId + " is already on the application");
        }
        application.members.add(new ApplicationMember(userId, MemberStatus.INVITED, now));
        ApplicationEvent.of(application, caller.subject(), ApplicationCommand.INVITE_MEMBER.path(), now).comment(body.commentText())
                .detail(userId).persist();
    }

    private void acceptInvitation(Application application, Caller caller, Instant now) {
        ApplicationMember member = application.member(caller.subject()).orElseThrow();
        member.status = MemberStatus.JOINED;
        member.since = now;
        ApplicationEvent.of(application, caller.subject(), ApplicationCommand.ACCEPT_INVITATION.path(), now).persist();
        entitlements.grantDue(application);
    }

    /** The caller accepts the current version of every term of every dataset, for themself only. */
    private void acceptTerms(Application application, Caller caller, Instant now) {
        List<String> accepted = new ArrayList<>();
        for (String datasetId : application.datasetIds) {
            for (CatalogueTerm term : CatalogueItem.forDataset(datasetId).map(CatalogueItem::currentTerms).orElse(List.of())) {
                if (!application.accepted(caller.subject(), datasetId, term.termId, term.version)) {
                    application.acceptances.add(new TermAcceptance(caller.subject(), datasetId, term.termId, term.version, now));
                    accepted.add(datasetId + "/" + term.termId + " v" + term.version);
                }
            }
        }
        ApplicationEvent.of(application, caller.subject(), ApplicationCommand.ACCEPT_TERMS.path(), now)
                .detail(accepted.isEmpty() ? null : String.join(", ", accepted)).persist();
        entitlements.grantDue(application);
    }

    private void removeMember(Application application, CommandRequest body, Caller caller, Instant now) {
        String userId = requireUserId(body);
        if (userId.equals(application.applicant)) {
            throw ProblemException.unprocessable("userId", "the applicant cannot be removed");
        }
        if (!application.members.removeIf(m -> m.userId.equals(userId))) {
            throw ProblemException.unprocessable("userId", userId + " is not on the application");
        }
        ApplicationEvent.of(application, caller.subject(), ApplicationCommand.REMOVE_MEMBER.path(), now).comment(body.commentText())
                .detail(userId).persist();
        entitlements.recompute(application, AccessEndReason.MEMBER_REMOVED);
    }

    /** 422 unless the permit still allows it, every member accepted the current terms and every required field is answered. */
    private void submit(Application application, Caller caller, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Permit permit = Permit.findById(application.permitId);
        if (!permit.isActiveRegisterPermit()) {
            errors.add(new FieldError("permitId", "the permit is no longer active"));
        }
        for (String member : application.joinedMembers()) {
            if (!permit.names(member)) {
                errors.add(new FieldError("members", member + " is not named in the permit"));
            }
        }
        for (String datasetId : application.datasetIds) {
            if (!permit.covers(datasetId)) {
                errors.add(new FieldError("datasetIds", datasetId + " is no longer in the permit"));
            }
            CatalogueItem item = CatalogueItem.forDataset(datasetId).orElseThrow();
            for (CatalogueTerm term : item.currentTerms()) {
                for (String member : application.joinedMembers()) {
                    if (!application.accepted(member, datasetId, term.termId, term.version)) {
                        errors.add(new FieldError("acceptedTerms",
                                member + " has not accepted " + datasetId + "/" + term.termId + " version " + term.version));
                    }
                }
            }
            for (FormField field : item.fields) {
                if (field.required && !field.isAnsweredBy(application.answer(datasetId, field.fieldId).map(a -> a.value).orElse(null))) {
                    errors.add(new FieldError("answers", datasetId + "/" + field.fieldId + " is required"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("The application cannot be submitted yet", errors);
        }
        boolean resubmission = application.submittedOnce;
        application.submittedOnce = true;
        ApplicationEvent.of(application, caller.subject(), ApplicationCommand.SUBMIT.path(), now).persist();
        outbox.publish(application.id, new ApplicationSubmitted(application.id, application.permitId, application.applicant,
                List.copyOf(application.datasetIds), application.joinedMembers(), resubmission, caller.subject(), now));
    }

    private Application copyAsNew(Application original, Caller caller, Instant now) {
        Permit permit = usablePermit(original.permitId, caller.subject());
        Application copy = newDraft(permit, caller.subject(), original.datasetIds, now);
        copy.copiedFrom = original.id;
        original.answers.forEach(a -> copy.answers.add(new Answer(a.datasetId, a.fieldId, a.value)));
        copy.persist();
        ApplicationEvent.of(copy, caller.subject(), "create", now).detail("copied from " + original.id).persist();
        ApplicationEvent.of(original, caller.subject(), ApplicationCommand.COPY_AS_NEW.path(), now).detail(copy.id).persist();
        return copy;
    }

    private void approve(Application application, CommandRequest body, Caller caller, Instant now) {
        if (body.entitlementEnd() != null && !body.entitlementEnd().isAfter(now)) {
            throw ProblemException.unprocessable("entitlementEnd", "must be in the future");
        }
        application.entitlementEnd = body.entitlementEnd();
        String comment = body.commentText();
        ApplicationEvent.of(application, caller.subject(), ApplicationCommand.APPROVE.path(), now).comment(comment)
                .detail(body.entitlementEnd() == null ? null : "entitlements end " + body.entitlementEnd()).persist();
        outbox.publish(application.id, new ApplicationApproved(application.id, application.permitId, List.copyOf(application.datasetIds),
                application.joinedMembers(), application.entitlementEnd, comment, caller.subject(), now));
        entitlements.grantDue(application);
    }

    /** Return, reject, close or revoke: the handler's decisions that take no more than a comment. */
    private void decide(Application application, ApplicationCommand command, CommandRequest body, Caller caller, Instant now) {
        String comment = body.commentText();
        String actor = caller.subject();
        List<String> datasets = List.copyOf(application.datasetIds);
        ApplicationEvent.of(application, actor, command.path(), now).comment(comment).persist();
        switch (command) {
            case RETURN -> outbox.publish(application.id, new ApplicationReturned(application.id, application.permitId, comment, actor, now));
            case REJECT -> outbox.publish(application.id, new ApplicationRejected(application.id, application.permitId, datasets, comment,
                    actor, now));
            case CLOSE -> {
                outbox.publish(application.id, new ApplicationClosed(application.id, application.permitId, datasets, comment, actor, now));
                entitlements.recompute(application, AccessEndReason.APPLICATION_CLOSED);
            }
            case REVOKE -> {
                List<String> members = application.joinedMembers();
                blocklist(application, members, comment, actor, now);
                outbox.publish(application.id, new ApplicationRevoked(application.id, application.permitId, datasets, members, comment,
                        actor, now));
                entitlements.recompute(application, AccessEndReason.APPLICATION_REVOKED);
            }
            default -> throw new IllegalStateException(command.name());
        }
    }

    private void requestReview(Application application, CommandRequest body, Caller caller, Instant now) {
        if (body.userIds() == null || body.userIds().isEmpty()) {
            throw ProblemException.unprocessable("userIds", "name at least one reviewer");
        }
        application.reviewers.addAll(body.userIds());
        ApplicationEvent.of(application, caller.subject(), ApplicationCommand.REQUEST_REVIEW.path(), now).comment(body.commentText())
                .detail(String.join(", ", body.userIds())).privately().persist();
    }

    private static void blocklist(Application application, List<String> members, String comment, String actor, Instant now) {
        for (String userId : members) {
            for (String datasetId : application.datasetIds) {
                BlocklistKey key = new BlocklistKey(userId, datasetId);
                if (BlocklistEntry.findByIdOptional(key).isEmpty()) {
                    BlocklistEntry entry = new BlocklistEntry();
                    entry.key = key;
                    entry.applicationId = application.id;
                    entry.comment = comment;
                    entry.addedBy = actor;
                    entry.addedAt = now;
                    entry.persist();
                }
            }
        }
    }

    private static String requireUserId(CommandRequest body) {
        if (body.userId() == null || body.userId().isBlank()) {
            throw ProblemException.unprocessable("userId", "is required");
        }
        return body.userId();
    }

    private static String requireComment(CommandRequest body) {
        String comment = body.commentText();
        if (comment == null) {
            throw ProblemException.unprocessable("comment", "is required");
        }
        return comment;
    }
}
