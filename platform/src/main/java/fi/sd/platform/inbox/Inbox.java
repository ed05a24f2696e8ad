package fi.sd.platform.inbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The idempotent-consumer table: an event's effect and its processed-id row commit together or not at all. */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;
    private final Clock clock;

    @Inject
    public Inbox(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * Applies the effect unless this event id was applied before; returns whether it ran. The id
     * row is flushed first, so a concurrent delivery of the same event waits on its key and then
     * fails instead of applying the effect a second time.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean applyOnce(EventContext context, Runnable effect) {
        if (em.find(ProcessedEvent.class, context.eventId()) != null) {
            return false;
        }
        em.persist(processed(context));
        em.flush();
        effect.run();
        return true;
    }

    /**
     * Applies, in one transaction and in their order, the effect of each event whose id was not applied
     * before, in an earlier transaction or earlier in this list; returns, in order, whether each ran. The
     * ids applied before are read in one query. Should another consumer apply one of these events
     * meanwhile, the commit fails on its id row and nothing of this transaction stays.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> List<Boolean> applyEachOnce(List<T> events, Function<T, EventContext> contextOf, Consumer<T> effect) {
        Set<String> ids = new HashSet<>();
        events.forEach(event -> ids.add(contextOf.apply(event).eventId()));
        Set<String> seen = new HashSet<>(em.createQuery("select p.eventId from ProcessedEvent p where p.eventId in :ids", String.class)
                .setParameter("ids", ids)
                .getResultList());
        List<Boolean> applied = new ArrayList<>(events.size());
        for (T event : events) {
            EventContext context = contextOf.apply(event);
            if (!seen.add(context.eventId())) {
                applied.add(false);
                continue;
            }
            em.persist(processed(context));
            effect.accept(event);
            applied.add(true);
        }
        return applied;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean isProcessed(String eventId) {
        return em.find(ProcessedEvent.class, eventId) != null;
    }

    private ProcessedEvent processed(EventContext context) {
        ProcessedEvent row = new ProcessedEvent();
        row.eventId = context.eventId();
        row.eventType = context.type();
        row.topic = context.topic();
        row.partition = context.partition();
        row.offset = context.offset();
        row.processedAt = clock.instant();
        return row;
    }
}
