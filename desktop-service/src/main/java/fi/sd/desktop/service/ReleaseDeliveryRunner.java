package fi.sd.desktop.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import fi.sd.desktop.audit.AuditLog;
import fi.sd.desktop.config.DesktopConfig;
import fi.sd.desktop.domain.DatasetMount;
import fi.sd.desktop.domain.DeclaredFile;
import fi.sd.desktop.domain.ReleaseDelivery;
import fi.sd.desktop.domain.ReleaseDeliveryCommand;
import fi.sd.desktop.domain.Workspace;
import fi.sd.desktop.provider.DataAttachment;
import fi.sd.desktop.provider.DesktopProviders;
import fi.sd.desktop.provider.ProviderException;
import fi.sd.desktop.repository.ReleaseDeliveryRepository;
import fi.sd.platform.messaging.Backoff;
import fi.sd.platform.security.Caller;
import fi.sd.storage.EncryptedObjectStore;
import fi.sd.storage.ObjectName;
import fi.sd.storage.ObjectUnreadableException;
import fi.sd.storage.StorageUnavailableException;
import fi.sd.storage.crypto.ObjectTamperedException;

/**
 * Delivers released files, decrypted, to where the desktops show them: a batch of pending releases is claimed
 * in a short transaction (a lease on each, so that another replica takes one over only if this one dies), the
 * files are read from the object store and handed to the provider with no transaction open, and each outcome
 * is recorded in a transaction of its own. The object store out of reach is waited out (a growing back-off,
 * however long it lasts); a file that cannot be read for good (tampered, missing, its key destroyed) or that
 * is not what its release declares fails the delivery at once; any other failure is retried up to
 * {@code sd.desktop.provider.command-attempts} times.
 */
@ApplicationScoped
public class ReleaseDeliveryRunner {

    private static final Logger LOG = Logger.getLogger(ReleaseDeliveryRunner.class);
    private static final int MAX_ERROR = 4000;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final ReleaseDeliveryRepository repository;
    private final EntityManager em;
    private final DesktopProviders providers;
    private final EncryptedObjectStore store;
    private final DesktopConfig.Provider config;
    private final Clock clock;
    private final AuditLog auditLog;

    @Inject
    public ReleaseDeliveryRunner(ReleaseDeliveryRepository repository, EntityManager em, DesktopProviders providers,
            EncryptedObjectStore store, DesktopConfig config, Clock clock, AuditLog auditLog) {
        this.repository = repository;
        this.em = em;
        this.providers = providers;
        this.store = store;
        this.config = config.provider();
        this.clock = clock;
        this.auditLog = auditLog;
    }

    /** A claimed release: what its delivery needs, read while it was claimed. */
    record Claimed(String permitId, DataAttachment release, List<StoredFile> files) {
    }

    /** A file of the release and where its encrypted bytes are. */
    record StoredFile(DataAttachment.File file, String storageKey) {
    }

    /** Delivers up to {@code limit} due releases; returns how many were claimed. */
    public int runDue(int limit) {
        List<Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> claim(limit));
        claimed.forEach(this::deliver);
        return claimed.size();
    }

    private List<Claimed> claim(int limit) {
        // Real time for leases and back-offs, as for provider commands: the platform clock may be moved.
        Instant now = Instant.now();
        return repository.claimDue(now, limit).stream().map(id -> {
            DatasetMount mount = em.find(DatasetMount.class, id);
            mount.deliveryAttempts++;
            mount.deliveryNotBefore = now.plus(config.commandLease());
            List<StoredFile> files = mount.files.stream().filter(f -> f.storageKey != null)
                    .map(f -> new StoredFile(attachmentFile(f), f.storageKey)).toList();
            return new Claimed(mount.permitId, attachment(mount), files);
        }).toList();
    }

    /** The release as the provider shows it. */
    static DataAttachment attachment(DatasetMount mount) {
        return new DataAttachment(mount.datasetId, mount.releaseId, mount.files.stream().map(ReleaseDeliveryRunner::attachmentFile).toList());
    }

    private static DataAttachment.File attachmentFile(DeclaredFile file) {
        return new DataAttachment.File(file.name, file.sizeBytes, file.sha256);
    }

    private void deliver(Claimed claimed) {
        String releaseId = claimed.release().releaseId();
        try {
            for (StoredFile file : claimed.files()) {
                try (InputStream plaintext = store.open(ObjectName.of(claimed.permitId(), file.storageKey()))) {
                    providers.active().deliverReleaseFile(claimed.release(), file.file(), plaintext);
                }
            }
            QuarkusTransaction.requiringNew().run(() -> delivered(releaseId));
        } catch (StorageUnavailableException e) {
            LOG.warnf("Release %s: the object store cannot be reached (%s); delivery waits", releaseId, e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> retry(releaseId, e.getMessage(), false));
        } catch (ObjectUnreadableException | ProviderException e) {
            QuarkusTransaction.requiringNew().run(() -> failed(releaseId, e.getMessage()));
        } catch (IOException | UncheckedIOException e) {
            if (tampered(e)) {
                QuarkusTransaction.requiringNew().run(() -> failed(releaseId, "a stored file failed its integrity check: " + e.getMessage()));
            } else {
                LOG.warnf(e, "Release %s could not be delivered now", releaseId);
                QuarkusTransaction.requiringNew().run(() -> retry(releaseId, String.valueOf(e.getMessage()), true));
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Release %s could not be delivered now", releaseId);
            QuarkusTransaction.requiringNew().run(() -> retry(releaseId, String.valueOf(e.getMessage()), true));
        }
    }

    private static boolean tampered(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ObjectTamperedException) {
                return true;
            }
        }
        return false;
    }

    /** The release still pending as this runner claimed it (not purged, not finished by a runner that took it over). */
    private DatasetMount pending(String releaseId) {
        DatasetMount mount = em.find(DatasetMount.class, releaseId);
        return mount != null && mount.delivery == ReleaseDelivery.PENDING ? mount : null;
    }

    private void delivered(String releaseId) {
        DatasetMount mount = pending(releaseId);
        if (mount == null) {
            return;
        }
        mount.apply(ReleaseDeliveryCommand.COMPLETE);
        mount.deliveredAt = clock.instant();
        mount.deliveryError = null;
        auditLog.record(workspaceIdOf(mount.permitId), Caller.SYSTEM, "release.delivered", "release " + releaseId + " of "
                + mount.datasetId + ": " + mount.files.size() + " file(s) decrypted and checked at " + mount.mountPath);
        LOG.infof("Release %s delivered to %s", releaseId, mount.mountPath);
    }

    private void failed(String releaseId, String error) {
        DatasetMount mount = pending(releaseId);
        if (mount == null) {
            return;
        }
        mount.apply(ReleaseDeliveryCommand.FAIL);
        mount.deliveryError = truncate(error);
        auditLog.record(workspaceIdOf(mount.permitId), Caller.SYSTEM, "release.delivery.failed", "release " + releaseId + " of "
                + mount.datasetId + ": " + mount.deliveryError);
        LOG.errorf("Release %s cannot be delivered: %s", releaseId, error);
    }

    /** Another attempt after a back-off; {@code counts}: a failure that gives up after the configured attempts. */
    private void retry(String releaseId, String error, boolean counts) {
        DatasetMount mount = pending(releaseId);
        if (mount == null) {
            return;
        }
        if (counts && mount.deliveryAttempts >= config.commandAttempts()) {
            failed(releaseId, "gave up after " + mount.deliveryAttempts + " attempts: " + error);
            return;
        }
        mount.apply(ReleaseDeliveryCommand.RETRY);
        mount.deliveryNotBefore = Instant.now().plus(Backoff.after(mount.deliveryAttempts, MAX_BACKOFF));
        mount.deliveryError = truncate(error);
    }

    private static String workspaceIdOf(String permitId) {
        return Workspace.findByPermit(permitId).map(w -> w.id).orElse(null);
    }

    private static String truncate(String error) {
        return error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
    }
}
