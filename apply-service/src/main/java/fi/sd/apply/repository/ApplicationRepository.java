package fi.sd.apply.repository;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import fi.sd.apply.domain.Application;
import fi.sd.apply.domain.ApplicationState;
import fi.sd.platform.repository.QueryFilter;
import fi.sd.platform.rest.PageRequest;
import fi.sd.platform.rest.ResultPage;
import fi.sd.platform.security.Caller;

/**
 * Searches applications with the visibility rule of {@code Application.rolesOf}, newest first.
 *
 * <p>A caller's own applications (as applicant, member, invitee or reviewer) are few and read whole; a
 * controller's organisation may hold hundreds of thousands, read through the (organisation, created_at, id)
 * index no further than the page asked for. The two are merged in memory, so that no query has to combine
 * them with an {@code OR}, which would make the database read and sort every row.
 */
@ApplicationScoped
public class ApplicationRepository {

    private static final String NEWEST_FIRST = " order by a.createdAt desc, a.id desc";
    private static final Comparator<Listed> NEWEST_FIRST_IN_MEMORY =
            Comparator.comparing(Listed::createdAt).thenComparing(Listed::id).reversed();

    private final EntityManager em;

    @Inject
    public ApplicationRepository(EntityManager em) {
        this.em = em;
    }

    /** The filters of {@code GET /applications}. */
    public record Filters(Optional<String> projectId, Optional<String> permitId, Optional<ApplicationState> state) {
    }

    /** What ordering and visibility need of an application, without loading it. */
    public record Listed(String id, Instant createdAt, String organisation, ApplicationState state) {

        boolean handledBy(String controlledOrganisation) {
            return organisation.equals(controlledOrganisation) && state != ApplicationState.DRAFT;
        }
    }

    /**
     * Auditors and admins see every application; others those they are on (as applicant, member,
     * invitee or reviewer) and, for a data-controller, its organisation's once submitted.
     */
    public ResultPage<Application> search(Caller caller, Filters filters, PageRequest page) {
        int wanted = Math.toIntExact(page.offset() + page.size());
        if (caller.readsEverything()) {
            QueryFilter all = criteria(filters);
            return load(listed(all, wanted), count(all), page);
        }
        List<Listed> own = own(caller.subject(), filters);
        Optional<String> controlled = caller.organisation().filter(caller::controls);
        if (controlled.isEmpty()) {
            return load(own, own.size(), page);
        }
        String organisation = controlled.get();
        QueryFilter handled = criteria(filters).and("a.organisation = :org", "org", organisation)
                .and("a.state <> :draft", "draft", ApplicationState.DRAFT);
        List<Listed> merged = Stream.concat(listed(handled, wanted).stream(), own.stream())
                .collect(Collectors.toMap(Listed::id, Function.identity(), (first, same) -> first))
                .values().stream().sorted(NEWEST_FIRST_IN_MEMORY).toList();
        long ownNotHandled = own.stream().filter(a -> !a.handledBy(organisation)).count();
        return load(merged, count(handled) + ownNotHandled, page);
    }

    /** The caller's applications as a member (the applicant is one) or a reviewer, newest first. */
    private List<Listed> own(String userId, Filters filters) {
        Map<String, Listed> own = new HashMap<>();
        for (String join : List.of("join a.members m where m.userId = :me", "join a.reviewers r where r = :me")) {
            QueryFilter criteria = criteria(filters).with("me", userId);
            query("select distinct new " + Listed.class.getName() + "(a.id, a.createdAt, a.organisation, a.state)"
                    + " from Application a " + join + criteria.andClause(), criteria, Listed.class)
                    .getResultList().forEach(a -> own.put(a.id(), a));
        }
        return own.values().stream().sorted(NEWEST_FIRST_IN_MEMORY).toList();
    }

    private List<Listed> listed(QueryFilter criteria, int limit) {
        return query("select new " + Listed.class.getName() + "(a.id, a.createdAt, a.organisation, a.state)"
                + " from Application a" + criteria.whereClause() + NEWEST_FIRST, criteria, Listed.class)
                .setMaxResults(limit)
                .getResultList();
    }

    private long count(QueryFilter criteria) {
        return query("select count(*) from Application a" + criteria.whereClause(), criteria, Long.class).getSingleResult();
    }

    /** The page's applications, loaded in one query and kept in the listed order. */
    private ResultPage<Application> load(List<Listed> newestFirst, long total, PageRequest page) {
        List<String> ids = newestFirst.stream().skip(page.offset()).limit(page.size()).map(Listed::id).toList();
        Map<String, Application> loaded = ids.isEmpty() ? Map.of()
                : em.createQuery("from Application a where a.id in :ids", Application.class).setParameter("ids", ids)
                        .getResultStream().collect(Collectors.toMap(a -> a.id, Function.identity()));
        return new ResultPage<>(ids.stream().map(loaded::get).toList(), total, page);
    }

    private <T> TypedQuery<T> query(String jpql, QueryFilter criteria, Class<T> type) {
        return criteria.bind(em.createQuery(jpql, type));
    }

    /** The conditions of the list's filters. */
    private static QueryFilter criteria(Filters filters) {
        return new QueryFilter()
                .andIfPresent("a.projectId = :projectId", "projectId", filters.projectId())
                .andIfPresent("a.permitId = :permitId", "permitId", filters.permitId())
                .andIfPresent("a.state = :state", "state", filters.state());
    }
}
