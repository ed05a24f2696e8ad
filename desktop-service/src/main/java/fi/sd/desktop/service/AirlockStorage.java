package fi.sd.desktop.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import fi.sd.desktop.audit.AuditLog;
import fi.sd.desktop.config.DesktopConfig;
import fi.sd.desktop.domain.AirlockExport;
import fi.sd.desktop.domain.AirlockFilesDiscarded;
import fi.sd.desktop.domain.ExportStatus;
import fi.sd.desktop.domain.ImportStatus;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.security.Caller;
import fi.sd.storage.EncryptedObjectStore;
import fi.sd.storage.ObjectName;
import fi.sd.storage.config.StorageConfig;

/**
 * The airlock's files in the object store: the limits on them (each file at most {@code sd.storage.max-file-size},
 * a workspace's stored export and import files together at most {@code sd.desktop.airlock.workspace-quota}, both
 * 413 {@code too-large} naming the limit), and their deletion. Objects written for a request that does not record
 * them are deleted; a rejected, cancelled or failed request's objects are deleted after
 * the commit that ended it, and what was deleted is kept in the audit log ({@code export.files.deleted},
 * {@code import.files.deleted}). Whatever a failure leaves goes with the permit's storage at the purge.
 */
@ApplicationScoped
public class AirlockStorage {

    private static final Logger LOG = Logger.getLogger(AirlockStorage.class);

    private final EncryptedObjectStore store;
    private final EntityManager em;
    private final AuditLog auditLog;
    private final long maxFileBytes;
    private final long quotaBytes;

    @Inject
    public AirlockStorage(EncryptedObjectStore store, EntityManager em, AuditLog auditLog, StorageConfig storage, DesktopConfig config) {
        this.store = store;
        this.em = em;
        this.auditLog = auditLog;
        this.maxFileBytes = storage.maxFileSize().asLongValue();
        this.quotaBytes = config.airlock().workspaceQuota().asLongValue();
    }

    /** 413 for a file larger than the largest the service stores. */
    public void requireFileSize(String name, long sizeBytes) {
        if (sizeBytes > maxFileBytes) {
            throw ProblemException.tooLarge("The file " + name + " has " + sizeBytes + " bytes; a file may have at most " + maxFileBytes,
                    Map.of("maxFileSizeBytes", maxFileBytes));
        }
    }

    /** 413 unless the workspace's stored export and import files leave room for {@code moreBytes}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireRoom(String workspaceId, long moreBytes) {
        long used = storedBytes(workspaceId);
        if (used + moreBytes > quotaBytes) {
            throw ProblemException.tooLarge("The workspace's export and import files may hold " + quotaBytes + " bytes; they hold " + used
                    + " and these files have " + moreBytes + " more", Map.of("quotaBytes", quotaBytes, "usedBytes", used,
                            "requestedBytes", moreBytes));
        }
    }

    /** The bytes the workspace's export and import files hold in the object store (not counting deleted ones). */
    long storedBytes(String workspaceId) {
        // A COPYING export's files count from its request on, at the sizes they had then.
        Long exports = em.createQuery("select coalesce(sum(f.sizeBytes), 0) from AirlockExport e join e.files f where e.workspaceId = ?1"
                + " and (f.storageKey is not null or e.status = ?3) and e.status not in ?2", Long.class)
                .setParameter(1, workspaceId).setParameter(2, AirlockExport.DISCARDED).setParameter(3, ExportStatus.COPYING)
                .getSingleResult();
        Long imports = em.createQuery("select coalesce(sum(f.sizeBytes), 0) from AirlockImport i join i.files f where i.workspaceId = ?1"
                + " and f.storageKey is not null and i.status not in ?2", Long.class)
                .setParameter(1, workspaceId)
                .setParameter(2, List.of(ImportStatus.REJECTED, ImportStatus.CANCELLED, ImportStatus.FAILED)).getSingleResult();
        return exports + imports;
    }

    /** Deletes objects that no record names (a request that failed to be recorded); what cannot be deleted goes at the purge. */
    public void discard(String permitId, Collection<ObjectName> objects) {
        for (ObjectName object : objects) {
            try {
                store.delete(object);
            } catch (RuntimeException e) {
                LOG.warnf("Could not delete the unrecorded object %s of permit %s (it goes with the permit's storage at the purge): %s",
                        object.path(), permitId, e.getMessage());
            }
        }
    }

    /** After the commit that ended a request without its files going anywhere: its objects are deleted, and the deletion recorded. */
    void onDiscarded(@Observes(during = TransactionPhase.AFTER_SUCCESS) AirlockFilesDiscarded discarded) {
        List<String> deleted = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (String path : discarded.objects()) {
            try {
                store.delete(ObjectName.of(discarded.permitId(), path));
                deleted.add(path);
            } catch (RuntimeException e) {
                LOG.warnf("Could not delete %s of %s %s now (it goes with the permit's storage at the purge): %s", path,
                        discarded.kind().noun(), discarded.requestId(), e.getMessage());
                left.add(path);
            }
        }
        String noun = discarded.kind().noun();
        QuarkusTransaction.requiringNew().run(() -> auditLog.record(discarded.workspaceId(), Caller.SYSTEM, noun + ".files.deleted",
                noun + " " + discarded.requestId() + ": " + deleted.size() + " stored file(s) deleted " + deleted
                        + (left.isEmpty() ? "" : "; left for the purge: " + left)));
    }
}
