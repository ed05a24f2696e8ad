package fi.sd.desktop.domain;

import java.time.Instant;

import fi.sd.events.desktop.LockReason;

/**
 * Fired (CDI, synchronously, in the locking transaction) when a workspace is locked, so that
 * whatever was still going on in it stops in the same transaction as the lock.
 */
public record WorkspaceLockdown(Workspace workspace, LockReason reason, Instant lockedAt) {
}
