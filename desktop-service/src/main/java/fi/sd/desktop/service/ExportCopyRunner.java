package fi.sd.desktop.service;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import fi.sd.desktop.config.DesktopConfig;
import fi.sd.desktop.domain.AirlockExport;
import fi.sd.desktop.domain.ExportStatus;
import fi.sd.desktop.domain.ExportedFile;
import fi.sd.desktop.provider.DesktopProviders;
import fi.sd.desktop.provider.ExportedContent;
import fi.sd.desktop.provider.ExportedFileRefused;
import fi.sd.desktop.repository.ExportCopyRepository;
import fi.sd.platform.messaging.Backoff;
import fi.sd.platform.rest.ProblemException;
import fi.sd.storage.ContentLengthMismatchException;
import fi.sd.storage.EncryptedObjectStore;
import fi.sd.storage.ObjectName;
import fi.sd.storage.StorageUnavailableException;
import fi.sd.storage.StoredObject;

/**
 * Copies the files of {@code COPYING} exports from the workspaces' {@code /export} folders (through the provider)
 * into the encrypted store, as the {@link ReleaseDeliveryRunner} delivers releases: one export at a time is claimed
 * in a short transaction (a lease of {@code sd.desktop.provider.command-lease}, so that another replica takes it over
 * only if this one dies), its files are copied with no transaction open (each to a new object, its size and SHA-256
 * computed on the way), and the outcome is recorded in a transaction of its own. While it copies, the runner renews
 * its lease every second, and stops as soon as the export is no longer its own (cancelled, or taken over).
 * <p>
 * Every claim starts the copy from scratch: the objects of an earlier attempt (a runner that died, a failure
 * retried) are deleted first, so an export never has two copies stored. A file that cannot be exported (gone, a
 * link, too large, changed while it was copied, not the size or SHA-256 the requester gave) fails the export at once;
 * the object store out of reach is waited out; any other failure (the provider out of reach) is retried with a
 * growing back-off up to {@code sd.desktop.provider.command-attempts} copies.
 */
@ApplicationScoped
public class ExportCopyRunner {

    private static final Logger LOG = Logger.getLogger(ExportCopyRunner.class);
    private static final int MAX_ERROR = 4000;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /** How often a running copy renews its lease, and so how soon it stops once its export was cancelled. */
    private static final Duration RENEWAL = Duration.ofSeconds(1);

    private final ExportCopyRepository repository;
    private final EntityManager em;
    private final DesktopProviders providers;
    private final EncryptedObjectStore store;
    private final AirlockStorage storage;
    private final ExportService exports;
    private final DesktopConfig.Provider config;

    @Inject
    public ExportCopyRunner(ExportCopyRepository repository, EntityManager em, DesktopProviders providers, EncryptedObjectStore store,
            AirlockStorage storage, ExportService exports, DesktopConfig config) {
        this.repository = repository;
        this.em = em;
        this.providers = providers;
        this.store = store;
        this.storage = storage;
        this.exports = exports;
        this.config = config.provider();
    }

    /** A claimed copy: which attempt it is, the files with the objects this attempt writes, and the objects of the one before. */
    record Claimed(String exportId, String workspaceId, String permitId, int attempt, List<FileCopy> files, List<String> earlierObjects) {

        List<ObjectName> objects() {
            return files.stream().map(f -> ObjectName.of(permitId, f.storageKey())).toList();
        }
    }

    /** A file to copy, with the size it had at request time and what its requester declared. */
    record FileCopy(String path, String storageKey, long requestedSize, Long declaredSize, String declaredSha256) {
    }

    /** A file the export cannot take: the export fails with this readable reason. */
    private static final class Unexportable extends RuntimeException {
        Unexportable(String reason) {
            super(reason);
        }
    }

    /** The copy is no longer this runner's: it stops, and records nothing. */
    private static final class NotOurs extends RuntimeException {
        NotOurs() {
            super("the export is no longer copied by this runner");
        }
    }

    /** Copies up to {@code limit} due exports, one after the other; returns how many were claimed. */
    public int runDue(int limit) {
        int claimed = 0;
        while (claimed < limit) {
            Optional<Claimed> next = QuarkusTransaction.requiringNew().call(this::claimNext);
            if (next.isEmpty()) {
                break;
            }
            claimed++;
            copy(next.get());
        }
        return claimed;
    }

    private Optional<Claimed> claimNext() {
        // Real time for leases and back-offs, as for provider commands: the platform clock may be moved.
        Instant now = Instant.now();
        return repository.claimDue(now, 1).stream().findFirst().map(id -> {
            AirlockExport export = em.find(AirlockExport.class, id);
            export.copyAttempts++;
            export.copyNotBefore = now.plus(config.commandLease());
            List<String> earlier = export.storedObjects();
            List<FileCopy> files = new ArrayList<>();
            for (ExportedFile file : export.files) {
                file.storageKey = ObjectName.unique(export.permitId, "exports").path();
                files.add(new FileCopy(file.path, file.storageKey, file.sizeBytes, file.declaredSize, file.declaredSha256));
            }
            return new Claimed(export.id, export.workspaceId, export.permitId, export.copyAttempts, files, earlier);
        });
    }

    private void copy(Claimed claimed) {
        storage.discard(claimed.permitId(), claimed.earlierObjects().stream().map(key -> ObjectName.of(claimed.permitId(), key)).toList());
        Lease lease = new Lease(claimed);
        try {
            List<StoredObject> copied = new ArrayList<>();
            for (FileCopy file : claimed.files()) {
                copied.add(copyFile(claimed, file, lease));
            }
            long requested = claimed.files().stream().mapToLong(FileCopy::requestedSize).sum();
            long stored = copied.stream().mapToLong(StoredObject::sizeBytes).sum();
            requireRoom(claimed, stored - requested);
            if (!QuarkusTransaction.requiringNew().call(() -> recordCopied(claimed, copied))) {
                stopped(claimed);
            }
        } catch (Unexportable e) {
            if (!QuarkusTransaction.requiringNew().call(() -> fail(claimed, e.getMessage()))) {
                stopped(claimed);
            }
        } catch (RuntimeException e) {
            if (lease.lost || e instanceof NotOurs) {
                stopped(claimed);
            } else if (e instanceof StorageUnavailableException) {
                LOG.warnf("Export %s: the object store cannot be reached (%s); the copy waits", claimed.exportId(), e.getMessage());
                later(claimed, e.getMessage(), false);
            } else {
                LOG.warnf(e, "Export %s could not be copied now", claimed.exportId());
                later(claimed, String.valueOf(e.getMessage()), true);
            }
        }
    }

    private StoredObject copyFile(Claimed claimed, FileCopy file, Lease lease) {
        lease.renewIfDue();
        String name = "/export/" + file.path();
        ExportedContent content;
        try {
            content = providers.active().openExportedFile(claimed.workspaceId(), file.path());
        } catch (ExportedFileRefused e) {
            throw new Unexportable(e.getMessage());
        }
        StoredObject stored;
        try {
            storage.requireFileSize(file.path(), content.sizeBytes());
            stored = store.put(ObjectName.of(claimed.permitId(), file.storageKey()), lease.watch(content.content()), content.sizeBytes());
        } catch (ContentLengthMismatchException e) {
            throw new Unexportable(name + " changed while it was copied: save it again in /export and request a new export");
        } catch (ProblemException e) {
            if (e.status() == 413) {
                throw new Unexportable(e.getMessage());
            }
            throw e;
        } finally {
            close(content, name);
        }
        if (file.declaredSize() != null && file.declaredSize() != stored.sizeBytes()) {
            throw new Unexportable(name + " has " + stored.sizeBytes() + " bytes, not the " + file.declaredSize() + " given");
        }
        if (file.declaredSha256() != null && !file.declaredSha256().equals(stored.sha256())) {
            throw new Unexportable(name + " has SHA-256 " + stored.sha256() + ", not the " + file.declaredSha256() + " given");
        }
        return stored;
    }

    private static void close(ExportedContent content, String name) {
        try {
            content.close();
        } catch (IOException e) {
            LOG.debugf("Closing %s: %s", name, e.getMessage());
        }
    }

    /** The files may have grown since the request reserved their room in the workspace's quota. */
    private void requireRoom(Claimed claimed, long moreBytes) {
        if (moreBytes > 0) {
            try {
                QuarkusTransaction.requiringNew().run(() -> storage.requireRoom(claimed.workspaceId(), moreBytes));
            } catch (ProblemException e) {
                throw new Unexportable(e.getMessage());
            }
        }
    }

    /** The export as this attempt claimed it, if it still is (not cancelled, failed, or taken over by another runner). */
    private AirlockExport ours(Claimed claimed) {
        AirlockExport export = em.find(AirlockExport.class, claimed.exportId());
        return export != null && export.status == ExportStatus.COPYING && export.copyAttempts == claimed.attempt() ? export : null;
    }

    private boolean recordCopied(Claimed claimed, List<StoredObject> copied) {
        AirlockExport export = ours(claimed);
        if (export == null) {
            return false;
        }
        for (int i = 0; i < export.files.size(); i++) {
            ExportedFile file = export.files.get(i);
            StoredObject stored = copied.get(i);
            file.sizeBytes = stored.sizeBytes();
            file.sha256 = stored.sha256();
            file.storageKey = stored.name().path();
        }
        exports.submitCopied(export);
        LOG.infof("Export %s: %d file(s) copied (attempt %d); it awaits review", export.id, copied.size(), claimed.attempt());
        return true;
    }

    private boolean fail(Claimed claimed, String reason) {
        AirlockExport export = ours(claimed);
        if (export == null) {
            return false;
        }
        exports.failCopy(export, truncate(reason));
        return true;
    }

    /** Another copy after a back-off; {@code counts}: a failure that fails the export after the configured attempts. */
    private void later(Claimed claimed, String error, boolean counts) {
        boolean ours = QuarkusTransaction.requiringNew().call(() -> {
            AirlockExport export = ours(claimed);
            if (export == null) {
                return false;
            }
            if (counts && export.copyAttempts >= config.commandAttempts()) {
                return fail(claimed, "gave up after " + export.copyAttempts + " attempts: " + error);
            }
            export.copyNotBefore = Instant.now().plus(Backoff.after(export.copyAttempts, MAX_BACKOFF));
            export.copyError = truncate(error);
            return true;
        });
        if (!ours) {
            stopped(claimed);
        }
    }

    /** The export is no longer this attempt's: whatever it wrote goes (its new owner, or the cancellation, deletes the rest). */
    private void stopped(Claimed claimed) {
        LOG.infof("Export %s: copy attempt %d stopped (the export was cancelled or taken over)", claimed.exportId(), claimed.attempt());
        storage.discard(claimed.permitId(), claimed.objects());
    }

    private static String truncate(String error) {
        String text = Objects.requireNonNullElse(error, "unknown error");
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }

    /** This attempt's lease, renewed while the copy reads. */
    private final class Lease {

        private final Claimed claimed;
        private Instant renewAt = Instant.now().plus(RENEWAL);
        private volatile boolean lost;

        Lease(Claimed claimed) {
            this.claimed = claimed;
        }

        void renewIfDue() {
            Instant now = Instant.now();
            if (now.isBefore(renewAt)) {
                return;
            }
            renewAt = now.plus(RENEWAL);
            if (!repository.renew(claimed.exportId(), claimed.attempt(), now.plus(config.commandLease()))) {
                lost = true;
                throw new NotOurs();
            }
        }

        InputStream watch(InputStream content) {
            return new FilterInputStream(content) {
                @Override
                public int read() throws IOException {
                    renewIfDue();
                    return super.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    renewIfDue();
                    return super.read(b, off, len);
                }
            };
        }
    }
}
