package fi.sd.desktop.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import fi.sd.platform.repository.QueryFilter;
import fi.sd.platform.rest.PageRequest;
import fi.sd.platform.rest.ResultPage;

/**
 * The append-only, hash-chained audit log of everything done in and to workspaces. An entry is
 * written in the transaction of the action it records, so there is no action without its entry
 * and no entry for an action rolled back.
 *
 * <p>Chaining at the commit relies on Hibernate ORM's SPI, not on JPA: {@code SessionImplementor}
 * (unwrapped from the {@code EntityManager}), its {@code getTransactionCompletionCallbacks()} and
 * {@code TransactionCompletionCallbacks.registerCallback(BeforeCompletionCallback)}, which must still run the
 * callback once per transaction, after the session's own flush and on its connection, and never on a
 * rollback (whose dropped callback Hibernate reports as HHH90010101 when the session closes). Recheck those
 * interfaces on every Hibernate upgrade; {@code AuditLogTest} fails when they no longer behave so.
 */
@ApplicationScoped
public class AuditLog {

    static final int DETAIL_MAX = 4000;
    private static final int VERIFY_BATCH = 1000;
    /** The key of a transaction's entries not yet chained. */
    private static final Object PENDING = AuditLog.class.getName() + ".pending";

    private final EntityManager em;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;

    @Inject
    public AuditLog(EntityManager em, Clock clock, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * Appends an entry in the caller's transaction. Actions are dotted lower-case names
     * ({@code workspace.locked}); the actor is a user id, or {@code system} for what the service
     * does on its own or on another service's event.
     *
     * <p>The entry is chained when the transaction commits, not now: the chain's head is locked only for
     * those last statements, so that concurrent transactions (and replicas) do not wait for each other's
     * whole work. The chain's order is thus the order of commits; {@code occurredAt} is the action's time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String workspaceId, String actor, String action, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        entry.workspaceId = workspaceId;
        entry.actor = actor;
        entry.action = action;
        entry.detail = detail.length() > DETAIL_MAX ? detail.substring(0, DETAIL_MAX - 1) + "…" : detail;
        pendingInThisTransaction().add(entry);
    }

    /**
     * Records a refused request. Its own transaction, since the request's is rolled back by the
     * refusal.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordDenial(String workspaceId, String actor, String action, String detail) {
        record(workspaceId, actor, action, detail);
    }

    @SuppressWarnings("unchecked")
    private List<AuditEntry> pendingInThisTransaction() {
        List<AuditEntry> pending = (List<AuditEntry>) transactions.getResource(PENDING);
        if (pending == null) {
            List<AuditEntry> entries = new ArrayList<>();
            transactions.putResource(PENDING, entries);
            // Run by the persistence context as the transaction completes, after its own flush and on its
            // connection (as Hibernate Envers writes its audit rows).
            BeforeCompletionCallback chain = session -> append((SessionImplementor) session, entries);
            em.unwrap(SessionImplementor.class).getTransactionCompletionCallbacks().registerCallback(chain);
            pending = entries;
        }
        return pending;
    }

    /** Chains the transaction's entries onto the head, holding its lock from here to the commit. */
    private static void append(SessionImplementor session, List<AuditEntry> entries) {
        AuditHead head = session.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        for (AuditEntry entry : entries) {
            entry.seq = head.lastSeq + 1;
            entry.previousHash = head.lastHash;
            entry.entryHash = AuditChain.hashOf(entry);
            session.persist(entry);
            head.lastSeq = entry.seq;
            head.lastHash = entry.entryHash;
        }
        session.flush();
    }

    /** Entries matching every filter given, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultPage<AuditEntry> search(AuditQuery filter, PageRequest paging) {
        QueryFilter where = new QueryFilter()
                .andIfPresent("workspaceId = :workspaceId", "workspaceId", filter.workspaceId())
                .andIfPresent("actor = :actor", "actor", filter.actor())
                .andIfPresent("occurredAt >= :from", "from", filter.from())
                .andIfPresent("occurredAt < :to", "to", filter.to());
        PanacheQuery<AuditEntry> query = AuditEntry.find("from AuditEntry" + where.whereClause(), Sort.descending("seq"), where.parameters());
        return new ResultPage<>(query.page(Page.of(paging.page(), paging.size())).list(), query.count(), paging);
    }

    /**
     * Walks the whole chain in order: every entry's hash must match its fields, link to the entry
     * before it, and the numbers must run without a gap up to the head.
     */
    @Transactional
    public AuditVerification verify() {
        String previousHash = AuditChain.GENESIS;
        long expectedSeq = 1;
        while (true) {
            List<AuditEntry> batch = em.createQuery("from AuditEntry where seq >= :from order by seq", AuditEntry.class)
                    .setParameter("from", expectedSeq).setMaxResults(VERIFY_BATCH).getResultList();
            for (AuditEntry entry : batch) {
                if (entry.seq != expectedSeq) {
                    return AuditVerification.broken(expectedSeq - 1, expectedSeq, "missing: the next entry is " + entry.seq);
                }
                if (!entry.previousHash.equals(previousHash)) {
                    return AuditVerification.broken(expectedSeq - 1, entry.seq, "does not link to the entry before it");
                }
                if (!AuditChain.hashOf(entry).equals(entry.entryHash)) {
                    return AuditVerification.broken(expectedSeq - 1, entry.seq, "its content does not match its hash");
                }
                previousHash = entry.entryHash;
                expectedSeq++;
            }
            em.clear();
            if (batch.size() < VERIFY_BATCH) {
                break;
            }
        }
        long verified = expectedSeq - 1;
        AuditHead head = em.find(AuditHead.class, AuditHead.ID);
        if (head.lastSeq != verified || !head.lastHash.equals(previousHash)) {
            return AuditVerification.broken(verified, verified + 1,
                    "the log ends at entry " + verified + " but entry " + head.lastSeq + " was written");
        }
        return AuditVerification.intact(verified);
    }

    /** The filters of {@link #search}; each may be empty. */
    public record AuditQuery(Optional<String> workspaceId, Optional<String> actor, Optional<Instant> from, Optional<Instant> to) {
    }
}
