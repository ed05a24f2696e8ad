package fi.sd.permit.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import fi.sd.events.PermitRoute;
import fi.sd.permit.domain.Permit;
import fi.sd.permit.domain.PermitStatus;
import fi.sd.platform.repository.QueryFilter;
import fi.sd.platform.rest.PageRequest;
import fi.sd.platform.rest.ResultPage;
import fi.sd.platform.security.Caller;
import fi.sd.platform.security.Role;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** The permit queries beyond a lookup by id: locking, searching, and claiming due permits for the scheduler. */
@ApplicationScoped
public class PermitRepository {

    private static final Sort NEWEST_FIRST = Sort.descending("createdAt").and("id", Sort.Direction.Descending);

    private final EntityManager em;

    @Inject
    public PermitRepository(EntityManager em) {
        this.em = em;
    }

    /** The permit, its row locked until the transaction ends: commands on one permit run one after another. */
    public Optional<Permit> lock(String id) {
        return Optional.ofNullable(em.find(Permit.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * The permits the caller may see, newest first. The visibility rule is the one of
     * {@code PermitAccess.canSee}, as a query: auditors and admins see all; others the permits
     * naming them, and those their role issued (Findata's for permit-authority, their
     * organisation's register permits for a data-controller).
     */
    public ResultPage<Permit> search(Caller caller, Optional<PermitStatus> status, Optional<String> projectId, PageRequest page) {
        QueryFilter filter = new QueryFilter();
        if (!caller.readsEverything()) {
            List<String> visible = new ArrayList<>();
            visible.add("id in (select named.id from Permit named join named.persons person where person.userId = :subject)");
            filter.with("subject", caller.subject());
            if (caller.has(Role.PERMIT_AUTHORITY)) {
                visible.add("route = :findata");
                filter.with("findata", PermitRoute.FINDATA);
            }
            if (caller.has(Role.DATA_CONTROLLER) && caller.organisation().isPresent()) {
                visible.add("(route = :register and issuer = :org)");
                filter.with("register", PermitRoute.REGISTER).with("org", caller.organisation().get());
            }
            filter.and("(" + String.join(" or ", visible) + ")");
        }
        filter.andIfPresent("status = :status", "status", status)
                .andIfPresent("projectId = :projectId", "projectId", projectId);
        return page(filter, page);
    }

    /** Every permit, or the one with a journal number, for the public register, newest first. */
    public ResultPage<Permit> publicRegister(Optional<PermitStatus> status, Optional<String> journalNumber, PageRequest page) {
        QueryFilter filter = new QueryFilter()
                .andIfPresent("status = :status", "status", status)
                .andIfPresent("journalNumber = :journalNumber", "journalNumber", journalNumber);
        return page(filter, page);
    }

    /**
     * Locks and returns the ids of active permits whose last valid day is before {@code today},
     * skipping rows another replica has locked: each permit is expired by one transaction only.
     */
    @SuppressWarnings("unchecked")
    public List<String> claimDueForExpiry(LocalDate today, int limit) {
        return em.createNativeQuery("SELECT id FROM permit WHERE status = 'ACTIVE' AND valid_until < :today"
                + " ORDER BY valid_until, id LIMIT :limit FOR UPDATE SKIP LOCKED", String.class)
                .setParameter("today", today)
                .setParameter("limit", limit)
                .getResultList();
    }

    /**
     * Locks and returns the ids of active permits whose last valid day falls between {@code today}
     * and {@code horizon} and whose current validity end has not been announced yet, skipping rows
     * another replica has locked: each announcement is made by one transaction only.
     */
    @SuppressWarnings("unchecked")
    public List<String> claimDueForExpiryNotice(LocalDate today, LocalDate horizon, int limit) {
        return em.createNativeQuery("SELECT id FROM permit WHERE status = 'ACTIVE' AND valid_until >= :today"
                + " AND valid_until <= :horizon AND (expiry_notice_for IS NULL OR expiry_notice_for <> valid_until)"
                + " ORDER BY valid_until, id LIMIT :limit FOR UPDATE SKIP LOCKED", String.class)
                .setParameter("today", today)
                .setParameter("horizon", horizon)
                .setParameter("limit", limit)
                .getResultList();
    }

    private static ResultPage<Permit> page(QueryFilter filter, PageRequest page) {
        PanacheQuery<Permit> query = Permit.find("from Permit" + filter.whereClause(), NEWEST_FIRST, filter.parameters());
        long total = query.count();
        List<Permit> items = query.page(Page.of(page.page(), page.size())).list();
        return new ResultPage<>(items, total, page);
    }
}
