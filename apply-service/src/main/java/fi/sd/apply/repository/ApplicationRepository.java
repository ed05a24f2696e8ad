package fi.sd.apply.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import fi.sd.apply.domain.Application;
import fi.sd.apply.domain.ApplicationState;
import fi.sd.platform.rest.PageRequest;
import fi.sd.platform.rest.ResultPage;
import fi.sd.platform.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Searches applications with the visibility rule of {@code Application.rolesOf}, as a query. */
@ApplicationScoped
public class ApplicationRepository {

    private static final Sort NEWEST_FIRST = Sort.descending("createdAt").and("id", Sort.Direction.Descending);

    /** The filters of {@code GET /applications}. */
    public record Filters(Optional<String> projectId, Optional<String> permitId, Optional<ApplicationState> state) {
    }

    /**
     * Auditors and admins see every application; others those they are on (as applicant, member,
     * invitee or reviewer) and, for a data-controller, its organisation's once submitted.
     */
    public ResultPage<Application> search(Caller caller, Filters filters, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (!caller.readsEverything()) {
            String visible = "id in (select m.id from Application m join m.members member where member.userId = :me)"
                    + " or id in (select r.id from Application r join r.reviewers reviewer where reviewer = :me)";
            parameters.and("me", caller.subject());
            Optional<String> controlled = caller.organisation().filter(caller::controls);
            if (controlled.isPresent()) {
                visible += " or (organisation = :org and state <> :draft)";
                parameters.and("org", controlled.get()).and("draft", ApplicationState.DRAFT);
            }
            conditions.add("(" + visible + ")");
        }
        filters.projectId().ifPresent(v -> {
            conditions.add("projectId = :projectId");
            parameters.and("projectId", v);
        });
        filters.permitId().ifPresent(v -> {
            conditions.add("permitId = :permitId");
            parameters.and("permitId", v);
        });
        filters.state().ifPresent(v -> {
            conditions.add("state = :state");
            parameters.and("state", v);
        });
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        PanacheQuery<Application> query = Application.find("from Application" + where, NEWEST_FIRST, parameters);
        long total = query.count();
        return new ResultPage<>(query.page(Page.of(page.page(), page.size())).list(), total, page);
    }
}
