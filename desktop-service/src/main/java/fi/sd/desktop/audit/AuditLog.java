package fi.sd.desktop.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
    /** As many as migration V51 creates: more than the transactions that commit audit entries at once. */
    static final int CHAINS = 16;
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
     * <p>The entry is chained when the transaction commits, not now: a chain's head is locked only for
     * those last statements, and one that no other transaction holds, so that concurrent transactions (and
     * replicas) do not wait for each other. Each chain's order is thus the order of its commits; {@code seq} orders
     * all entries; {@code occurredAt} is the action's time.
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

    /**
     * Chains the transaction's entries onto a head no other transaction holds, holding its lock from here to the
     * commit; only when every chain is held does it wait, for one picked at random. Their numbers are drawn under
     * that lock, so they rise along the chain.
     */
    private static void append(SessionImplementor session, List<AuditEntry> entries) {
        List<?> free = session.createNativeQuery("SELECT id FROM audit_head ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED")
                .getResultList();
        AuditHead head = free.isEmpty()
                ? session.find(AuditHead.class, (short) ThreadLocalRandom.current().nextInt(CHAINS), LockModeType.PESSIMISTIC_WRITE)
                : session.find(AuditHead.class, ((Number) free.get(0)).shortValue());
        List<Long> numbers = session.createNativeQuery("SELECT nextval('audit_entry_seq') FROM generate_series(1, :count) ORDER BY 1",
                Long.class).setParameter("count", entries.size()).getResultList();
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry entry = entries.get(i);
            entry.seq = numbers.get(i);
            entry.chain = head.id;
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
     * Walks every chain, all in the order of {@code seq}: every entry's hash must match its fields and link to the entry
     * before it in its chain, and each chain must end at the entry its head names.
     */
    @Transactional
    public AuditVerification verify() {
        // One snapshot for the heads and every batch of entries: a writer that commits meanwhile is seen wholly or not
        // at all (its entry may have a lower seq than another chain's entry committed before it).
        em.createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").executeUpdate();
        Map<Short, Long> heads = new HashMap<>();
        Map<Short, String> lastHashes = new HashMap<>();
        for (AuditHead head : em.createQuery("from AuditHead", AuditHead.class).getResultList()) {
            heads.put(head.id, head.lastSeq);
            lastHashes.put(head.id, head.lastHash);
        }
        // A chain removed with its head and all its entries would leave no trace in the others: every head must be there.
        if (!heads.keySet().equals(IntStream.range(0, CHAINS).mapToObj(chain -> (short) chain).collect(Collectors.toSet()))) {
            return AuditVerification.chainsMissing(heads.keySet(), CHAINS);
        }
        Map<Short, String> previousHashes = new HashMap<>();
        Map<Short, Long> previousSeqs = new HashMap<>();
        long verified = 0;
        long from = Long.MIN_VALUE;
        while (true) {
            List<AuditEntry> batch = em.createQuery("from AuditEntry where seq > :from order by seq", AuditEntry.class)
                    .setParameter("from", from).setMaxResults(VERIFY_BATCH).getResultList();
            for (AuditEntry entry : batch) {
                if (!heads.containsKey(entry.chain)) {
                    return AuditVerification.broken(verified, entry.seq, "belongs to chain " + entry.chain + ", which has no head");
                }
                if (!entry.previousHash.equals(previousHashes.getOrDefault(entry.chain, AuditChain.GENESIS))) {
                    return AuditVerification.broken(verified, entry.seq, "does not link to the entry before it in chain " + entry.chain);
                }
                if (!AuditChain.hashOf(entry).equals(entry.entryHash)) {
                    return AuditVerification.broken(verified, entry.seq, "its content does not match its hash");
                }
                previousHashes.put(entry.chain, entry.entryHash);
                previousSeqs.put(entry.chain, entry.seq);
                verified++;
                from = entry.seq;
            }
            em.clear();
            if (batch.size() < VERIFY_BATCH) {
                break;
            }
        }
        for (Map.Entry<Short, Long> head : heads.entrySet()) {
            short chain = head.getKey();
            long last = previousSeqs.getOrDefault(chain, 0L);
            if (head.getValue() != last || !lastHashes.get(chain).equals(previousHashes.getOrDefault(chain, AuditChain.GENESIS))) {
                return AuditVerification.broken(verified, head.getValue(),
                        "chain " + chain + " ends at entry " + last + " but entry " + head.getValue() + " was written");
            }
        }
        return AuditVerification.intact(verified);
    }

    /** The filters of {@link #search}; each may be empty. */
    public record AuditQuery(Optional<String> workspaceId, Optional<String> actor, Optional<Instant> from, Optional<Instant> to) {
    }
}
