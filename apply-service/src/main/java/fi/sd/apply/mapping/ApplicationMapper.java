package fi.sd.apply.mapping;

import java.util.List;
import java.util.Set;

import fi.sd.apply.api.ApplicationView;
import fi.sd.apply.api.BlocklistView;
import fi.sd.apply.api.EntitlementView;
import fi.sd.apply.domain.Application;
import fi.sd.apply.domain.ApplicationCommand;
import fi.sd.apply.domain.ApplicationEvent;
import fi.sd.apply.domain.ApplicationRole;
import fi.sd.apply.domain.ApplicationRules;
import fi.sd.apply.domain.BlocklistEntry;
import fi.sd.apply.domain.Entitlement;
import fi.sd.platform.security.Caller;

/** Applications, entitlements and blocklist entries to their API views. */
public final class ApplicationMapper {

    private ApplicationMapper() {
    }

    /** Handlers, reviewers, auditors and admins see private remarks and reviews; applicants and members do not. */
    public static ApplicationView toView(Application application, Caller reader) {
        return toView(application, ApplicationEvent.history(application.id), reader);
    }

    /** As {@link #toView(Application, Caller)}, with the application's history already read. */
    public static ApplicationView toView(Application application, List<ApplicationEvent> history, Caller reader) {
        Set<ApplicationRole> roles = application.rolesOf(reader);
        boolean handling = reader.readsEverything() || roles.contains(ApplicationRole.HANDLER) || roles.contains(ApplicationRole.REVIEWER);
        List<String> allowed = ApplicationRules.PERMISSIONS.allowed(roles, application.state).stream().map(ApplicationCommand::path)
                .toList();
        return toView(application, history, handling, allowed);
    }

    /** The application with the history the reader may see: {@code handling} readers also see private entries. */
    private static ApplicationView toView(Application a, List<ApplicationEvent> history, boolean handling, List<String> allowed) {
        return new ApplicationView(a.id, a.permitId, a.projectId, a.organisation, a.applicant, a.state, List.copyOf(a.datasetIds),
                a.members.stream().map(m -> new ApplicationView.Member(m.userId, m.status, m.since)).toList(),
                List.copyOf(a.reviewers),
                a.answers.stream().map(x -> new ApplicationView.AnswerView(x.datasetId, x.fieldId, x.value)).toList(),
                a.acceptances.stream().map(t -> new ApplicationView.AcceptedTerm(t.userId, t.datasetId, t.termId, t.termVersion,
                        t.acceptedAt)).toList(),
                a.entitlementEnd, a.copiedFrom, a.rowVersion, a.createdAt, a.updatedAt,
                history.stream().filter(e -> handling || e.visibleToApplicant)
                        .map(e -> new ApplicationView.EventView(e.actor, e.command, e.occurredAt, e.comment, e.detail,
                                e.visibleToApplicant))
                        .toList(),
                allowed);
    }

    public static EntitlementView toView(Entitlement e) {
        return new EntitlementView(e.id, e.applicationId, e.permitId, e.userId, e.datasetId, e.start, e.end, e.isActive(), e.endedAt,
                e.endReason);
    }

    public static BlocklistView toView(BlocklistEntry b) {
        return new BlocklistView(b.key.userId, b.key.datasetId, b.applicationId, b.comment, b.addedBy, b.addedAt);
    }
}
