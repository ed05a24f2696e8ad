package fi.sd.desktop.service;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import fi.sd.desktop.domain.AirlockDecision;
import fi.sd.desktop.domain.Workspace;
import fi.sd.desktop.domain.WorkspaceStatus;
import fi.sd.platform.rest.Problem.FieldError;
import fi.sd.platform.rest.PageRequest;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.rest.ResultPage;
import fi.sd.platform.security.Caller;
import fi.sd.platform.security.Role;

/** Who may see and use a workspace's airlock: the rules imports and exports share. */
@ApplicationScoped
public class AirlockAccess {

    /**
     * The workspace a member asks to import into or export from: 404 unless the caller may see its
     * airlock, 403 unless they are a member, 409 unless it is {@code READY} (nothing enters or leaves
     * a workspace that is provisioning, locked or purged).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Workspace requestableBy(String workspaceId, Caller caller, boolean exports) {
        Workspace workspace = visibleTo(workspaceId, caller, exports);
        if (!workspace.members.contains(caller.subject())) {
            throw ProblemException.forbidden("Only the workspace's members may ask for an " + (exports ? "export" : "import"));
        }
        if (workspace.status != WorkspaceStatus.READY) {
            throw ProblemException.conflict("The workspace is " + workspace.status.name().toLowerCase() + ": it accepts no new "
                    + (exports ? "exports" : "imports"));
        }
        return workspace;
    }

    /** The workspace, if the caller may see its imports ({@code exports} false) or exports; else 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Workspace visibleTo(String workspaceId, Caller caller, boolean exports) {
        return Workspace.<Workspace>findByIdOptional(workspaceId)
                .filter(w -> mayRead(w.members.contains(caller.subject()), caller, exports))
                .orElseThrow(() -> ProblemException.notFound("Workspace", workspaceId));
    }

    /** Members, the service desk, auditors and admins; for exports also the permit authority, which reviews high-risk ones. */
    public static boolean mayRead(boolean member, Caller caller, boolean exports) {
        return member || caller.hasAny(Role.SERVICE_DESK, Role.AUDITOR, Role.ADMIN) || exports && caller.has(Role.PERMIT_AUTHORITY);
    }

    /** True when the caller reads a request by role rather than as a member. */
    public static boolean reviewerOrOversight(Caller caller) {
        return caller.hasAny(Role.SERVICE_DESK, Role.PERMIT_AUTHORITY, Role.AUDITOR, Role.ADMIN);
    }

    /** A review queue across every workspace: the oldest request first, so that none waits behind newer ones. */
    public static final Sort OLDEST_FIRST = Sort.ascending("requestedAt").and("id");

    /**
     * One page of a review queue: the requests in {@code states} (every request when empty), found by
     * {@code all} and {@code inStates} ({@code status in ?1}) of the entity.
     */
    public static <T extends PanacheEntityBase, S> ResultPage<T> queue(Collection<S> states, PanacheQuery<T> all,
            Function<Collection<S>, PanacheQuery<T>> inStates, PageRequest paging) {
        PanacheQuery<T> query = states.isEmpty() ? all : inStates.apply(states);
        return new ResultPage<>(query.page(Page.of(paging.page(), paging.size())).list(), query.count(), paging);
    }

    /** What the audit log keeps of a decision besides its actor and action. */
    public static String auditDetail(String kind, String id, AirlockDecision decision) {
        return kind + " " + id + " as " + decision.role + (decision.comment == null ? "" : ": " + decision.comment);
    }

    /** A comment is optional, except on a rejection: the requester must learn why. */
    public static String comment(String comment, boolean required) {
        String trimmed = comment == null || comment.isBlank() ? null : comment.strip();
        if (required && trimmed == null) {
            throw ProblemException.badRequest("A rejection needs a comment", List.of(new FieldError("comment", "must not be blank")));
        }
        return trimmed;
    }
}
