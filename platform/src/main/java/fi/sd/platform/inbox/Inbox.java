package fi.sd.platform.inbox;

import java.time.Clock;

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
        ProcessedEvent row = new ProcessedEvent();
        row.eventId = context.eventId();
        row.eventType = context.type();
        row.topic = context.topic();
        row.partition = context.partition();
        row.offset = context.offset();
        row.processedAt = clock.instant();
        em.persist(row);
        em.flush();
        effect.run();
        return true;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean isProcessed(String eventId) {
        return em.find(ProcessedEvent.class, eventId) != null;
    }
}
