package fi.sd.platform.outbox;

/** Fired when a transaction wrote outbox rows; the relay wakes up once that transaction commits. */
public enum OutboxWritten {
    INSTANCE
}
