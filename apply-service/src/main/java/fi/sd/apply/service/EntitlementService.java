package fi.sd.apply.service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fi.sd.apply.api.EntitlementView;
import fi.sd.apply.domain.Application;
import fi.sd.apply.domain.ApplicationState;
import fi.sd.apply.domain.BlocklistEntry;
import fi.sd.apply.domain.CatalogueItem;
import fi.sd.apply.domain.CatalogueTerm;
import fi.sd.apply.domain.Entitlement;
import fi.sd.apply.domain.Permit;
import fi.sd.apply.domain.PermitStatus;
import fi.sd.apply.mapping.ApplicationMapper;
import fi.sd.events.apply.AccessEndReason;
import fi.sd.events.apply.AccessGranted;
import fi.sd.events.apply.AccessRevoked;
import fi.sd.platform.outbox.Outbox;
import fi.sd.platform.repository.QueryFilter;
import fi.sd.platform.rest.PageRequest;
import fi.sd.platform.rest.ResultPage;
import fi.sd.platform.security.Caller;
import io.quarkus.panache.common.Page;

/**
 * REMS's entitlement rule: an approved application gives each member who accepted the terms one
 * entitlement per dataset, until the approval's end date, while its permit is active and still
 * names the member and the dataset. {@link #recompute} brings the stored
 * entitlements in line with the rule and announces every change; {@link #endDue} ends those whose
 * end date has come.
 */
@ApplicationScoped
public class EntitlementService {

    private static final Logger LOG = Logger.getLogger(EntitlementService.class);

    private final Outbox outbox;
    private final Clock clock;
    private final EntityManager em;

    @Inject
    public EntitlementService(Outbox outbox, Clock clock, EntityManager em) {
        this.outbox = outbox;
        this.clock = clock;
        this.em = em;
    }

    /**
     * After a change that only gives (an approval, a member joining or accepting the terms, a block
     * lifted): grants what the rule now gives. What it finds no longer given can only be a member an
     * amendment dropped from the permit, whose entitlements end as {@code MEMBER_REMOVED}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void grantDue(Application application) {
        recompute(application, AccessEndReason.MEMBER_REMOVED);
    }

    /** Grants what the rule now gives and ends, for {@code reason}, what it no longer gives. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recompute(Application application, AccessEndReason reason) {
        Instant now = clock.instant();
        Set<Key> due = entitled(application, now);
        List<Entitlement> active = Entitlement.list("applicationId = ?1 and endedAt is null", application.id);
        Set<Key> held = active.stream().map(e -> new Key(e.userId, e.datasetId)).collect(Collectors.toSet());
        for (Entitlement entitlement : active) {
            if (!due.contains(new Key(entitlement.userId, entitlement.datasetId))) {
                end(entitlement, reason, now);
            }
        }
        for (Key key : due) {
            if (!held.contains(key)) {
                grant(application, key, now);
            }
        }
    }

    /**
     * Ends up to {@code limit} active entitlements whose end date has passed, claimed with
     * {@code FOR UPDATE SKIP LOCKED} so that replicas running at once never end one twice.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public int endDue(int limit) {
        Instant now = clock.instant();
        List<String> ids = em.createNativeQuery("SELECT id FROM entitlement WHERE ended_at IS NULL AND end_at <= :now"
                + " ORDER BY end_at, id LIMIT :limit FOR UPDATE SKIP LOCKED", String.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
        for (String id : ids) {
            end(em.find(Entitlement.class, id), AccessEndReason.END_DATE_REACHED, now);
        }
        return ids.size();
    }

    /** Own entitlements for everyone; a controller's organisation's datasets; everything for auditors and admins. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultPage<EntitlementView> list(Caller caller, Optional<String> userId, Optional<String> datasetId, Optional<String> permitId,
            boolean activeOnly, PageRequest page) {
        QueryFilter filter = new QueryFilter();
        if (!caller.readsEverything()) {
            String visible = "userId = :me";
            filter.with("me", caller.subject());
            Optional<String> controlled = caller.organisation().filter(caller::controls);
            if (controlled.isPresent()) {
                visible += " or applicationId in (select a.id from Application a where a.organisation = :org)";
                filter.with("org", controlled.get());
            }
            filter.and("(" + visible + ")");
        }
        filter.andIfPresent("userId = :userId", "userId", userId)
                .andIfPresent("datasetId = :datasetId", "datasetId", datasetId)
                .andIfPresent("permitId = :permitId", "permitId", permitId);
        if (activeOnly) {
            filter.and("endedAt is null");
        }
        var query = Entitlement.<Entitlement>find("from Entitlement" + filter.whereClause() + " order by start desc, id",
                filter.parameters());
        long total = query.count();
        List<EntitlementView> items = query.page(Page.of(page.page(), page.size())).list().stream().map(ApplicationMapper::toView).toList();
        return new ResultPage<>(items, total, page);
    }

    /** The user's active entitlements, for their visas. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Entitlement> activeFor(String userId) {
        return Entitlement.list("userId = ?1 and endedAt is null order by datasetId", userId);
    }

    private Set<Key> entitled(Application application, Instant now) {
        if (application.state != ApplicationState.APPROVED
                || (application.entitlementEnd != null && !application.entitlementEnd.isAfter(now))) {
            return Set.of();
        }
        Permit permit = Permit.findById(application.permitId);
        if (permit == null || permit.status != PermitStatus.ACTIVE) {
            return Set.of();
        }
        Set<Key> keys = new LinkedHashSet<>();
        for (String datasetId : application.datasetIds) {
            List<CatalogueTerm> terms = CatalogueItem.forDataset(datasetId).map(CatalogueItem::currentTerms).orElse(List.of());
            for (String userId : application.joinedMembers()) {
                boolean accepted = terms.stream().allMatch(t -> application.acceptedSomeVersion(userId, datasetId, t.termId));
                // An amendment may drop a person or a dataset from the permit: access through it ends too.
                if (accepted && permit.names(userId) && permit.covers(datasetId) && !BlocklistEntry.blocks(userId, datasetId)) {
                    keys.add(new Key(userId, datasetId));
                }
            }
        }
        return keys;
    }

    private void grant(Application application, Key key, Instant now) {
        Entitlement entitlement = new Entitlement();
        entitlement.id = UUID.randomUUID().toString();
        entitlement.applicationId = application.id;
        entitlement.permitId = application.permitId;
        entitlement.userId = key.userId();
        entitlement.datasetId = key.datasetId();
        entitlement.start = now;
        entitlement.end = application.entitlementEnd;
        entitlement.persist();
        outbox.publish(application.id, new AccessGranted(application.permitId, application.id, key.userId(), key.datasetId(), now,
                entitlement.end, now));
        LOG.infof("Entitlement of %s to %s granted through application %s", key.userId(), key.datasetId(), application.id);
    }

    private void end(Entitlement entitlement, AccessEndReason reason, Instant now) {
        entitlement.endedAt = now;
        entitlement.endReason = reason;
        outbox.publish(entitlement.applicationId, new AccessRevoked(entitlement.permitId, entitlement.applicationId, entitlement.userId,
                entitlement.datasetId, reason, now));
        LOG.infof("Entitlement of %s to %s ended: %s", entitlement.userId, entitlement.datasetId, reason);
    }

    private record Key(String userId, String datasetId) {
    }
}
